// The diagram before layout: which boxes exist, what contains what, which arrows join them and how
// healthy each is. Built from a snapshot and its findings, then handed to ELK (elk-graph.ts); kept
// separate from ELK's JSON so the domain decisions read without layout noise.
import type { DiagramFinding, NodeKind, Status } from './drawing';

export interface SceneNode {
  id: string;
  kind: NodeKind;
  label: string;
  detail?: string;
  resourceId?: string;
  /** Logical id in the template the resource came from. */
  logicalId?: string;
  missing?: boolean;
  /** Id of the containing node; absent at the top level. */
  parent?: string;
  status: Status;
  findings: string[];
}

export interface SceneEdge {
  id: string;
  source: string;
  target: string;
  status: Status;
  reason?: string;
  label?: string;
}

const SEVERITY_RANK: Record<Status, number> = { ok: 0, info: 1, warning: 2, error: 3 };

export function worseStatus(a: Status, b: Status): Status {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

export class Scene {
  readonly title: string;
  private readonly nodeById = new Map<string, SceneNode>();
  private readonly edgeByEnds = new Map<string, SceneEdge>();
  private readonly nodesByResource = new Map<string, string[]>();
  private readonly childIds = new Map<string | undefined, string[]>();
  readonly findings: DiagramFinding[] = [];

  constructor(title: string) {
    this.title = title;
  }

  /** Adds a node once; a second add of the same id returns the first (resources may be reached twice). */
  addNode(node: Omit<SceneNode, 'status' | 'findings'>): SceneNode {
    const existing = this.nodeById.get(node.id);
    if (existing) return existing;
    if (node.parent !== undefined && !this.nodeById.has(node.parent)) {
      throw new Error(`diagram node ${node.id} names a parent ${node.parent} that was not added first`);
    }
    const added: SceneNode = { ...node, status: 'ok', findings: [] };
    this.nodeById.set(node.id, added);
    const siblings = this.childIds.get(node.parent);
    if (siblings) siblings.push(node.id);
    else this.childIds.set(node.parent, [node.id]);
    if (node.resourceId !== undefined) {
      const list = this.nodesByResource.get(node.resourceId) ?? [];
      list.push(node.id);
      this.nodesByResource.set(node.resourceId, list);
    }
    return added;
  }

  /** One arrow per (source, target): a second add returns the first, so statuses merge onto it. */
  addEdge(source: string, target: string): SceneEdge | undefined {
    if (source === target || !this.nodeById.has(source) || !this.nodeById.has(target)) return undefined;
    // An arrow from a box to something inside it (or back) says nothing containment does not.
    if (this.isAncestor(source, target) || this.isAncestor(target, source)) return undefined;
    const key = `${source}\u0000${target}`;
    const existing = this.edgeByEnds.get(key);
    if (existing) return existing;
    const edge: SceneEdge = { id: `e${this.edgeByEnds.size}:${source}->${target}`, source, target, status: 'ok' };
    this.edgeByEnds.set(key, edge);
    return edge;
  }

  /**
   * Re-attaches every arrow that starts or ends inside `containerId` to the container itself,
   * merging arrows that become the same (worst status and its reason win).
   */
  liftEdgesInto(containerId: string): void {
    const lifted = new Map<string, SceneEdge>();
    for (const edge of this.edgeByEnds.values()) {
      const source = this.isAncestor(containerId, edge.source) ? containerId : edge.source;
      const target = this.isAncestor(containerId, edge.target) ? containerId : edge.target;
      if (source === target || this.isAncestor(source, target) || this.isAncestor(target, source)) continue;
      const key = `${source}\u0000${target}`;
      const existing = lifted.get(key);
      if (!existing) {
        lifted.set(key, { ...edge, id: source === edge.source && target === edge.target ? edge.id : `${edge.id}^`, source, target });
      } else if (worseStatus(existing.status, edge.status) !== existing.status) {
        lifted.set(key, { ...existing, status: edge.status, reason: edge.reason, label: edge.label });
      }
    }
    this.edgeByEnds.clear();
    for (const [key, edge] of lifted) this.edgeByEnds.set(key, edge);
  }

  node(id: string): SceneNode | undefined {
    return this.nodeById.get(id);
  }

  /** Node ids drawing a snapshot resource (several for a function drawn in each of its subnets). */
  nodesFor(resourceId: string): readonly string[] {
    return this.nodesByResource.get(resourceId) ?? [];
  }

  nodes(): SceneNode[] {
    return [...this.nodeById.values()];
  }

  edges(): SceneEdge[] {
    return [...this.edgeByEnds.values()];
  }

  childrenOf(parent: string | undefined): SceneNode[] {
    return (this.childIds.get(parent) ?? []).flatMap((id) => this.nodeById.get(id) ?? []);
  }

  /** The top-level box a node sits in (itself when it is top-level). */
  topOf(id: string): string {
    let at = id;
    for (let parent = this.nodeById.get(at)?.parent; parent !== undefined; parent = this.nodeById.get(at)?.parent) at = parent;
    return at;
  }

  isAncestor(ancestor: string, id: string): boolean {
    for (let at = this.nodeById.get(id)?.parent; at !== undefined; at = this.nodeById.get(at)?.parent) {
      if (at === ancestor) return true;
    }
    return false;
  }

  /** Marks a node with a finding: worst status wins; each message is listed once. */
  mark(id: string, status: Status, message: string): void {
    const node = this.nodeById.get(id);
    if (!node) return;
    node.status = worseStatus(node.status, status);
    if (!node.findings.includes(message)) node.findings.push(message);
  }
}
