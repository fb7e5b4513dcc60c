// What the page shows of a diagram: search matches and filters, as pure functions of the laid-out
// model so they are tested in Node and the page only toggles classes with the answer.
import type { Diagram, DiagramNode } from './drawing';
import type { DiagramFilter } from './protocol';

export function* allNodes(nodes: readonly DiagramNode[]): Generator<DiagramNode> {
  for (const node of nodes) {
    yield node;
    yield* allNodes(node.children);
  }
}

/** Child id → parent id, for keeping the boxes around a shown box. */
function parents(diagram: Diagram): Map<string, string> {
  const map = new Map<string, string>();
  for (const node of allNodes(diagram.nodes)) for (const child of node.children) map.set(child.id, node.id);
  return map;
}

/**
 * Nodes whose name, id, resource id or detail (CIDR, runtime) contains the query, ignoring case,
 * in drawing order. An empty query matches nothing.
 */
export function searchNodes(diagram: Diagram, query: string): DiagramNode[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const matches: DiagramNode[] = [];
  for (const node of allNodes(diagram.nodes)) {
    const haystack = [node.label, node.id, node.resourceId ?? '', node.detail ?? ''];
    if (haystack.some((text) => text.toLowerCase().includes(needle))) matches.push(node);
  }
  return matches;
}

export interface Shown {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export function isFiltering(filter: DiagramFilter | undefined): filter is DiagramFilter {
  return filter !== undefined && (filter.vpcId !== undefined || filter.findingCode !== undefined || filter.hideHealthy === true);
}

/** The nodes and edges a filter leaves; undefined when it leaves everything. Filters combine with "and". */
export function filterDiagram(diagram: Diagram, filter: DiagramFilter | undefined): Shown | undefined {
  if (!isFiltering(filter)) return undefined;
  const parentOf = parents(diagram);
  const every = [...allNodes(diagram.nodes)];
  let keep = new Set(every.map((n) => n.id));
  const within = (root: DiagramNode): string[] => [...allNodes([root])].map((n) => n.id);

  if (filter.vpcId !== undefined) {
    const vpc = every.find((n) => n.id === filter.vpcId);
    const inside = new Set(vpc ? within(vpc) : []);
    // What the VPC's boxes talk to (the internet, an AWS service, an API) stays, so its paths read whole.
    const touching = diagram.edges.filter((e) => inside.has(e.source) || inside.has(e.target)).flatMap((e) => [e.source, e.target]);
    keep = intersect(keep, new Set([...inside, ...touching]));
  }
  if (filter.findingCode !== undefined) {
    const marked = diagram.findings.filter((f) => f.code === filter.findingCode).flatMap((f) => f.nodeIds);
    keep = intersect(keep, new Set(marked));
  }
  if (filter.hideHealthy === true) keep = intersect(keep, new Set(every.filter((n) => n.status !== 'ok').map((n) => n.id)));

  // A shown box keeps the boxes it sits in, or it would float without its VPC and subnet.
  for (const id of [...keep]) {
    for (let up = parentOf.get(id); up !== undefined; up = parentOf.get(up)) keep.add(up);
  }
  const edges = diagram.edges.filter((e) => keep.has(e.source) && keep.has(e.target) && (filter.hideHealthy !== true || e.status !== 'ok'));
  return { nodes: keep, edges: new Set(edges.map((e) => e.id)) };
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((x) => b.has(x)));
}

/** The box around some nodes, for zooming to search matches. */
export function boundsOf(nodes: readonly DiagramNode[]): { x: number; y: number; width: number; height: number } | undefined {
  if (nodes.length === 0) return undefined;
  const x = Math.min(...nodes.map((n) => n.x));
  const y = Math.min(...nodes.map((n) => n.y));
  const right = Math.max(...nodes.map((n) => n.x + n.width));
  const bottom = Math.max(...nodes.map((n) => n.y + n.height));
  return { x, y, width: right - x, height: bottom - y };
}
