// The laid-out diagram: what the page and the static export draw. Plain JSON with absolute
// coordinates, so drawing needs no layout engine and the page needs nothing from the host but this.

export const NODE_KINDS = [
  'account',
  'region',
  'vpc',
  'subnet',
  'eni',
  'function',
  'internet-gateway',
  'nat-gateway',
  'vpc-endpoint',
  'internet',
  'aws-service',
  'dns-name',
  'hosted-zone',
  'record',
  'domain',
  'certificate',
  'mapping',
  'api',
  'group',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

export const STATUSES = ['ok', 'info', 'warning', 'error'] as const;

/** Worst finding severity touching an element; "ok" when none. */
export type Status = (typeof STATUSES)[number];

export interface DiagramNode {
  /** The resource id (or a synthetic id for groups), unique in the diagram. */
  id: string;
  /**
   * The snapshot resource this node draws, when that differs from `id` or is absent: a function
   * drawn once per subnet it uses has ids `<function>@<subnet>` and resourceId `<function>`;
   * synthetic nodes (the internet, an AWS service, a missing hop) have none.
   */
  resourceId?: string;
  /** The logical id in the template the resource came from, when it came from one ("Go to template"). */
  logicalId?: string;
  kind: NodeKind;
  label: string;
  /** A second line: CIDR, state, runtime. */
  detail?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  status: Status;
  /** Finding messages about this node, shown on hover and in the details pane. */
  findings: string[];
  /** True for a hop a path needs that the snapshot does not have (a forgotten mapping, no record): drawn dashed. */
  missing?: boolean;
  children: DiagramNode[];
}

export interface Point {
  x: number;
  y: number;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  /** Start, bends, end, in absolute coordinates. */
  points: Point[];
  status: Status;
  /** Why the hop is broken, for the tooltip. */
  reason?: string;
  /** Short text drawn on the edge (a broken hop's reason, shortened); `labelBox` is where the layout put it. */
  label?: string;
  labelBox?: Box;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One finding as the diagram lists it, with the nodes it marks (for the findings list and selection). */
export interface DiagramFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  nodeIds: string[];
}

export interface Diagram {
  title: string;
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  findings: DiagramFinding[];
}
