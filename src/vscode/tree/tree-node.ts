// The sidebar's tree as plain data, built from a Snapshot and its Findings by pure functions (no
// `vscode` import), so its shape is tested in plain Node and the provider only maps it to TreeItems.
import type { Finding, Severity } from '../../model/finding';
import type { LinkKind, ResourceRef } from './aws-links';
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
  /** Expanded at first (until the person opens or closes it); ignored for leaves. */
  expanded: boolean;
  children: ResourceTreeNode[];
  parent?: ResourceTreeNode;
  /** What the ARN and console link are built from, for resources that have them. */
  link?: ResourceRef;
  /** The template's logical id of the resource, or of a finding's resource: "Go to Template" finds it by this. */
  logicalId?: string;
  /** The finding a Findings row stands for (its code, resource and, for a template finding, its place). */
  finding?: Finding;
  /** Findings about this resource itself (descendants are counted by findingCounts). */
  own?: readonly Finding[];
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

/** The fields of a snapshot resource a tree node needs. */
export interface TreeResource {
  id: string;
  accountId: string;
  region: string;
  logicalId?: string | undefined;
  arn?: string | undefined;
}

/**
 * A node for one resource: its status and the findings in its tooltip come from the index, its
 * ARN and console link from the resource (`link` adds what a kind needs beyond id and region).
 */
export function resourceNode(
  parentId: string,
  resource: TreeResource,
  fields: Omit<ResourceTreeNode, 'id' | 'status' | 'resourceId' | 'parent' | 'kind'> & { kind: LinkKind },
  findings: FindingIndex,
  link: Partial<ResourceRef> = {},
): ResourceTreeNode {
  const about = findings.get(resource.id) ?? [];
  const notes = about.map((f) => `${f.severity}: ${f.message}`);
  const { id, accountId, region, arn, logicalId } = resource;
  return {
    ...fields,
    id: `${parentId}/${fields.kind}:${id}`,
    resourceId: id,
    status: worstStatus(about),
    tooltip: { ...fields.tooltip, notes: [...(fields.tooltip.notes ?? []), ...notes] },
    link: { kind: fields.kind, id, accountId, region, ...(arn ? { arn } : {}), ...link },
    ...(logicalId ? { logicalId } : {}),
    own: about,
  };
}

/** "1 error, 2 warnings" style counts, or undefined when there is nothing to count. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Keys made unique by a counter on repeats ("a", "a#2"): rows keyed by what they are, not by
 * position, keep their id (and so their expansion and selection) when another row appears before them.
 */
export function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count > 1 ? `${key}#${count}` : key;
  });
}
