// Puts findings on the picture. A finding marks the box of the resource it is about; its hops are
// the path a request takes, so each hop with ok=false turns the arrow *into* it the finding's
// colour and carries the hop's reason. Hops the snapshot lacks (a forgotten API mapping, the AWS
// API a function cannot reach) get a box of their own, so the break has somewhere to point.
import type { Finding, Hop } from '../model/finding';
import type { NodeKind, Status } from './drawing';
import { worseStatus, type Scene, type SceneEdge } from './scene';

/** Hop kinds are free text in the finding contract; these spellings name the kinds we draw. */
const HOP_KINDS: Record<string, NodeKind> = {
  internet: 'internet',
  awsservice: 'aws-service',
  awsapi: 'aws-service',
  service: 'aws-service',
  dnsname: 'dns-name',
  dns: 'dns-name',
  record: 'record',
  recordset: 'record',
  dnsrecord: 'record',
  hostedzone: 'hosted-zone',
  domain: 'domain',
  domainname: 'domain',
  customdomain: 'domain',
  certificate: 'certificate',
  mapping: 'mapping',
  apimapping: 'mapping',
  basepathmapping: 'mapping',
  api: 'api',
  function: 'function',
  lambda: 'function',
  lambdafunction: 'function',
  natgateway: 'nat-gateway',
  internetgateway: 'internet-gateway',
  vpcendpoint: 'vpc-endpoint',
  endpoint: 'vpc-endpoint',
  eni: 'eni',
  networkinterface: 'eni',
  subnet: 'subnet',
  vpc: 'vpc',
};

/**
 * Links of a path that are not resources of their own (a zone's delegation, an API's stage, a
 * route's integration): never a box, so a broken one puts its reason on the arrow it breaks.
 */
const LINKS: ReadonlySet<string> = new Set(['delegation', 'stage', 'integration']);

/** Things outside the account: drawn when a path reaches them, never "missing". */
const EXTERNAL: readonly NodeKind[] = ['internet', 'aws-service', 'dns-name'];
/** Boxes that contain the path rather than sit on it: no arrow starts or ends at them. */
const CONTAINERS: readonly NodeKind[] = ['vpc', 'subnet', 'hosted-zone'];

export function hopNodeKind(kind: string): NodeKind | undefined {
  const key = kind.toLowerCase().replace(/[^a-z]/g, '').replace(/s$/, '');
  return HOP_KINDS[key];
}

/** Edge labels stay short so they do not push the layout apart; the full reason is in the tooltip. */
export function shortReason(reason: string): string {
  return reason.length <= 48 ? reason : `${reason.slice(0, 47).trimEnd()}…`;
}

/**
 * Breaks an arrow with the reasons gathered since the last drawn point: the first is the cause
 * and becomes the label; all of them go to the tooltip. A worse finding replaces a milder one's text.
 */
function breakEdge(edge: SceneEdge, status: Status, reasons: readonly string[]): void {
  const worse = worseStatus(edge.status, status);
  if (worse !== edge.status || edge.reason === undefined) {
    edge.reason = reasons.join('; ');
    edge.label = shortReason(reasons[0] ?? '');
  }
  edge.status = worse;
}

/** What the snapshot knows beyond the drawn boxes: every id it holds, and ARN → id for resources named by ARN in hops. */
export interface SnapshotIds {
  known: ReadonlySet<string>;
  idOfArn: ReadonlyMap<string, string>;
}

export function applyFindings(scene: Scene, findings: readonly Finding[], ids: SnapshotIds): void {
  for (const finding of findings) applyFinding(scene, finding, ids);
}

function applyFinding(scene: Scene, finding: Finding, ids: SnapshotIds): void {
  const status: Status = finding.severity;
  const hops = finding.hops ?? [];
  const marked = new Set<string>();
  // A function drawn in several subnets: the hops' subnets say which copy the path leaves from.
  const hopIds = new Set(hops.map((h) => h.id));
  const narrow = (ids: readonly string[]): string[] => {
    const inPath = ids.filter((id) => {
      const parent = scene.node(id)?.parent;
      return parent !== undefined && hopIds.has(parent);
    });
    return ids.length > 1 && inPath.length > 0 ? inPath : [...ids];
  };

  if (finding.resource.id !== undefined) {
    const resourceId = ids.idOfArn.get(finding.resource.id) ?? finding.resource.id;
    for (const id of narrow(scene.nodesFor(resourceId))) marked.add(id);
  }

  let previous: string[] = [];
  // Reasons of broken hops not drawn as points (a route table, the subnet a function sits in), for the next arrow.
  let pending: string[] = [];
  for (const hop of hops) {
    const nodes = resolveHop(scene, hop, previous, ids, narrow);
    if (!hop.ok) for (const id of nodes) marked.add(id);
    const reason = hop.ok ? undefined : hop.reason ?? finding.message;
    const onPath = nodes.filter((id) => !CONTAINERS.includes(scene.node(id)?.kind ?? 'group'));
    if (onPath.length === 0) {
      // A container counts only while the path is still inside it: rules merge several subnets'
      // paths into one list, and a later subnet's break is not the cause of the arrow after it.
      const enclosing = nodes.length === 0 || previous.some((p) => nodes.some((n) => scene.isAncestor(n, p)));
      if (reason !== undefined && enclosing && !pending.includes(reason)) pending.push(reason);
      continue;
    }
    const reasons = reason === undefined || pending.includes(reason) ? pending : [...pending, reason];
    let drawn = false;
    for (const from of previous) {
      for (const to of onPath) {
        const edge = scene.addEdge(from, to);
        if (edge && reasons.length > 0) breakEdge(edge, status, reasons);
        drawn ||= edge !== undefined;
      }
    }
    if (drawn) pending = [];
    previous = onPath;
  }

  for (const id of marked) scene.mark(id, status, finding.message);
  scene.findings.push({ code: finding.code, severity: finding.severity, message: finding.message, nodeIds: [...marked] });
}

/** The boxes a hop stands for; adds a box for an outside service or a missing resource the path needs. */
function resolveHop(
  scene: Scene,
  hop: Hop,
  previous: readonly string[],
  ids: SnapshotIds,
  narrow: (ids: readonly string[]) => string[],
): string[] {
  if (LINKS.has(hop.kind)) return [];
  const kind = hopNodeKind(hop.kind);
  const id = ids.idOfArn.get(hop.id) ?? hop.id;
  // Match on kind too: a rule may name a missing API mapping by its domain's id.
  const drawn = [...scene.nodesFor(id), ...(scene.node(id) ? [id] : [])].filter((n) => kind === undefined || scene.node(n)?.kind === kind);
  if (drawn.length > 0) return narrow([...new Set(drawn)]);
  // In the snapshot but deliberately not drawn (a route table, a role): not missing, just not a box.
  if (kind === undefined && ids.known.has(id)) return [];
  const external = kind !== undefined && EXTERNAL.includes(kind);
  if (hop.ok && !external) return [];
  if (kind === 'internet') return [scene.addNode({ id: 'internet', kind, label: 'Internet' }).id];
  if (external) {
    const service = kind === 'aws-service' ? hop.id.split('.').pop() ?? hop.id : undefined;
    return [
      scene.addNode({
        id: `${kind}:${hop.id}`,
        kind,
        label: service === undefined ? hop.id : `${service} API`,
        detail: service === undefined ? undefined : `AWS service · ${hop.id}`,
      }).id,
    ];
  }
  // Missing boxes are per path: two domains each missing a mapping are two gaps, not one.
  const blank = hop.id === '' || /^\(?(none|missing)\)?$/i.test(hop.id) || ids.known.has(hop.id);
  return [
    scene.addNode({
      id: `missing:${hop.kind}:${hop.id}@${previous.join('+')}`,
      kind: kind ?? 'group',
      label: blank ? `no ${hop.kind.replace(/-/g, ' ')}` : hop.id,
      detail: `missing ${hop.kind.replace(/-/g, ' ')}`,
      missing: true,
    }).id,
  ];
}
