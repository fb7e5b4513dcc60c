// The whole sidebar tree for one snapshot: its gaps, the network, the domains, DNS, the findings;
// with parent links (TreeView.reveal needs getParent) and an index from resource id to its first node.
import type { Finding } from '../../model/finding';
import type { Snapshot } from '../../model/snapshot';
import { dnsNode } from './dns-nodes';
import { domainsNode } from './domain-nodes';
import { findingsNode } from './finding-nodes';
import { gapsNode } from './gap-nodes';
import { countOf, NO_FINDINGS, subtreeCounts, type FindingCounts } from './finding-counts';
import { accountNodes } from './network-nodes';
import { indexFindings, type ResourceTreeNode } from './tree-node';

export interface ResourceTree {
  roots: ResourceTreeNode[];
  /** The first node in tree order (the network comes before domains) for a resource id; never a finding. */
  byResourceId: ReadonlyMap<string, ResourceTreeNode>;
  /** Findings on each node and below it, by node id (the nodes' badges). */
  counts: ReadonlyMap<string, FindingCounts>;
  /** All findings of the map by severity (the view's badge). */
  totals: FindingCounts;
}

export function buildResourceTree(snapshot: Snapshot, findings: readonly Finding[]): ResourceTree {
  const index = indexFindings(findings);
  // Gaps first: what the scan could not read qualifies everything below it.
  const gaps = gapsNode(snapshot);
  const roots = [
    ...(gaps ? [gaps] : []),
    ...accountNodes(snapshot, index),
    domainsNode(snapshot, index),
    dnsNode(snapshot, index),
    findingsNode(snapshot, findings),
  ];
  const link = (node: ResourceTreeNode, parent: ResourceTreeNode | undefined): void => {
    if (parent) node.parent = parent;
    for (const child of node.children) link(child, node);
  };
  for (const root of roots) link(root, undefined);
  return { roots, byResourceId: indexByResource(roots), counts: subtreeCounts(roots), totals: countOf(findings) };
}

/** The first node in tree order for each resource id, findings left out. */
export function indexByResource(roots: readonly ResourceTreeNode[]): Map<string, ResourceTreeNode> {
  const byResourceId = new Map<string, ResourceTreeNode>();
  const visit = (node: ResourceTreeNode): void => {
    if (node.resourceId && node.kind !== 'finding' && !byResourceId.has(node.resourceId)) byResourceId.set(node.resourceId, node);
    for (const child of node.children) visit(child);
  };
  for (const root of roots) visit(root);
  return byResourceId;
}

/** A tree that only says why there is nothing to show (and what to do). */
export function messageTree(message: string, detail: string): ResourceTree {
  const node: ResourceTreeNode = {
    id: 'message',
    label: message,
    description: detail,
    icon: 'info',
    status: 'ok',
    kind: 'placeholder',
    expanded: false,
    tooltip: { title: message, rows: [], notes: [detail] },
    children: [],
  };
  return { roots: [node], byResourceId: new Map(), counts: new Map(), totals: NO_FINDINGS };
}
