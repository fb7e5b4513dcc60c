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
  return reason.length <= 40 ? reason : `${reason.slice(0, 39).trimEnd()}…`;
}

function breakEdge(edge: SceneEdge, status: Status, reason: string): void {
  const worse = worseStatus(edge.status, status);
  if (worse !== edge.status || edge.reason === undefined) {
    edge.reason = reason;
    edge.label = shortReason(reason);
  }
  edge.status = worse;
}

interface Break {
  status: Status;
  reason: string;
}

export function applyFindings(scene: Scene, findings: readonly Finding[], knownIds: ReadonlySet<string>): void {
  for (const finding of findings) applyFinding(scene, finding, knownIds);
}

function applyFinding(scene: Scene, finding: Finding, knownIds: ReadonlySet<string>): void {
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
    for (const id of narrow(scene.nodesFor(finding.resource.id))) marked.add(id);
  }

  let previous: string[] = [];
  let pending: Break | undefined;
  for (const hop of hops) {
    const ids = resolveHop(scene, hop, previous, knownIds, narrow);
    const broken: Break | undefined = hop.ok ? undefined : { status, reason: hop.reason ?? finding.message };
    if (!hop.ok) for (const id of ids) marked.add(id);
    const onPath = ids.filter((id) => !CONTAINERS.includes(scene.node(id)?.kind ?? 'group'));
    if (onPath.length === 0) {
      // A hop we do not draw as a point on the path (a route table, a subnet): its break shows on the next arrow.
      if (broken) pending = broken;
      continue;
    }
    const cause = broken ?? pending;
    let drawn = false;
    for (const from of previous) {
      for (const to of onPath) {
        const edge = scene.addEdge(from, to);
        if (edge && cause) breakEdge(edge, cause.status, cause.reason);
        drawn ||= edge !== undefined;
      }
    }
    pending = drawn ? undefined : cause;
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
  knownIds: ReadonlySet<string>,
  narrow: (ids: readonly string[]) => string[],
): string[] {
  const drawn = scene.nodesFor(hop.id);
  if (drawn.length > 0) return narrow(drawn);
  if (scene.node(hop.id)) return [hop.id];
  // In the snapshot but deliberately not drawn (a route table, a role): not missing, just not a box.
  if (knownIds.has(hop.id)) return [];
  const kind = hopNodeKind(hop.kind);
  const external = kind !== undefined && EXTERNAL.includes(kind);
  if (hop.ok && !external) return [];
  if (external) {
    // One Internet box however a rule spells its hop id; services and names get one box each.
    if (kind === 'internet') return [scene.addNode({ id: 'internet', kind, label: 'Internet' }).id];
    const id = `${kind}:${hop.id}`;
    scene.addNode({ id, kind, label: hop.id, detail: kind === 'aws-service' ? 'AWS service API' : undefined });
    return [id];
  }
  // Missing boxes are per path: two domains each missing a mapping are two gaps, not one.
  const id = `missing:${hop.kind}:${hop.id}@${previous.join('+')}`;
  const blank = hop.id === '' || /^\(?(none|missing)\)?$/i.test(hop.id);
  scene.addNode({
    id,
    kind: kind ?? 'group',
    label: blank ? `no ${hop.kind}` : hop.id,
    detail: `missing ${hop.kind}`,
    missing: true,
  });
  return [id];
}
