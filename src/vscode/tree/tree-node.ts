// The sidebar's tree as plain data, built from a Snapshot and its Findings by pure functions (no
// `vscode` import), so its shape is tested in plain Node and the provider only maps it to TreeItems.
import type { Finding, Severity } from '../../model/finding';
import type { Tooltip } from './markdown';

/** Worst finding severity on a node; "ok" when none. */
export type NodeStatus = Severity | 'ok';

export interface ResourceTreeNode {
  /** Unique in the tree: the parent's id plus a key, so one function under a subnet and under a domain are two nodes. */
  id: string;
  /** Plain text (TreeItem labels are never rendered as Markdown). */
  label: string;
  description?: string;
  /** A codicon id. */
  icon: string;
  status: NodeStatus;
  tooltip: Tooltip;
  /** The resource (and diagram node) this stands for: the key for revealing in either direction. */
  resourceId?: string;
  /** The kind, for `viewItem` in menus ("resource" is added when there is a resourceId). */
  kind: string;
  /** Expanded at first; ignored for leaves. */
  expanded: boolean;
  children: ResourceTreeNode[];
  parent?: ResourceTreeNode;
}

const SEVERITY_RANK: Record<NodeStatus, number> = { ok: 0, info: 1, warning: 2, error: 3 };

export function worstStatus(findings: readonly Finding[]): NodeStatus {
  let worst: NodeStatus = 'ok';
  for (const finding of findings) if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst]) worst = finding.severity;
  return worst;
}

/** Findings by the id of the resource they are about. */
export type FindingIndex = ReadonlyMap<string, readonly Finding[]>;

export function indexFindings(findings: readonly Finding[]): FindingIndex {
  const index = new Map<string, Finding[]>();
  for (const finding of findings) {
    const id = finding.resource.id;
    if (id === undefined) continue;
    const list = index.get(id) ?? [];
    list.push(finding);
    index.set(id, list);
  }
  return index;
}

/** A node for one resource: its status and the findings in its tooltip come from the index. */
export function resourceNode(
  parentId: string,
  resourceId: string,
  fields: Omit<ResourceTreeNode, 'id' | 'status' | 'resourceId' | 'parent'>,
  findings: FindingIndex,
): ResourceTreeNode {
  const about = findings.get(resourceId) ?? [];
  const notes = about.map((f) => `${f.severity}: ${f.message}`);
  return {
    ...fields,
    id: `${parentId}/${fields.kind}:${resourceId}`,
    resourceId,
    status: worstStatus(about),
    tooltip: { ...fields.tooltip, notes: [...(fields.tooltip.notes ?? []), ...notes] },
  };
}

/** "1 error, 2 warnings" style counts, or undefined when there is nothing to count. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
