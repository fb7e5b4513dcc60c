// How many findings sit on a node and everything under it, by severity: what a node's badge and
// the view's badge show. A function reached under a subnet and again under an API counts once
// per finding, not once per appearance. Pure: no `vscode` import.
import type { Finding, Severity } from '../../model/finding';
import { plural, type ResourceTreeNode } from './tree-node';

export type FindingCounts = Readonly<Record<Severity, number>>;

export const NO_FINDINGS: FindingCounts = { error: 0, warning: 0, info: 0 };

export function countOf(findings: Iterable<Finding>): FindingCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function total(counts: FindingCounts): number {
  return counts.error + counts.warning + counts.info;
}

/**
 * The findings on each node's subtree, by node id, for every node outside the Findings and Gaps
 * groups (those already say what they hold).
 */
export function subtreeCounts(roots: readonly ResourceTreeNode[]): Map<string, FindingCounts> {
  const counts = new Map<string, FindingCounts>();
  const visit = (node: ResourceTreeNode): Set<Finding> => {
    const found = new Set<Finding>(node.own ?? []);
    for (const child of node.children) for (const finding of visit(child)) found.add(finding);
    counts.set(node.id, countOf(found));
    return found;
  };
  for (const root of roots) if (root.id !== 'findings' && root.id !== 'gaps') visit(root);
  return counts;
}

/** "2 errors, 1 warning" — only the severities present. */
export function countsText(counts: FindingCounts): string {
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning'));
  if (counts.info > 0) parts.push(plural(counts.info, 'note'));
  return parts.join(', ');
}

/** A node's badge: the count (two characters at most, as VS Code shows them) and the worst severity for its colour. */
export function badgeOf(counts: FindingCounts): { text: string; severity: Severity; tooltip: string } | undefined {
  const count = total(counts);
  if (count === 0) return undefined;
  const severity: Severity = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  return { text: count > 99 ? '99' : String(count), severity, tooltip: countsText(counts) };
}
