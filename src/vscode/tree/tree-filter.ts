// Narrowing the tree: to the rows whose text matches what the person typed, or to the broken ones,
// always with the rows above them so each match is seen where it sits. The result is a copy (the
// full tree stays as built), with its own parent links for TreeView.reveal, and the ids of the rows
// that must be open to show the matches. Pure: no `vscode` import.
import type { FindingCounts } from './finding-counts';
import { total } from './finding-counts';
import type { ResourceTreeNode } from './tree-node';

export interface TreeFilter {
  /** Case-insensitive text to find in label, description, resource id or logical id; empty for none. */
  text: string;
  /** Keep only rows with findings (on them or under them), and the rows above them. */
  onlyBroken: boolean;
}

export const NO_FILTER: TreeFilter = { text: '', onlyBroken: false };

export function isFiltering(filter: TreeFilter): boolean {
  return filter.text.trim() !== '' || filter.onlyBroken;
}

export interface FilteredTree {
  roots: ResourceTreeNode[];
  /** Rows opened to show a match below them. */
  opened: ReadonlySet<string>;
  /** How many rows matched. */
  matches: number;
}

/** The words people search by: what the row shows, and the ids it stands for. */
export function matchesText(node: ResourceTreeNode, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  return [node.label, node.description, node.resourceId, node.logicalId].some((field) => field?.toLowerCase().includes(needle));
}

/** A row with a finding of its own or under it (a finding row, a gap, a resource with a badge). */
export function isBroken(node: ResourceTreeNode, counts: ReadonlyMap<string, FindingCounts>): boolean {
  if (node.status !== 'ok') return true;
  const subtree = counts.get(node.id);
  return subtree !== undefined && total(subtree) > 0;
}

export function filterTree(roots: readonly ResourceTreeNode[], filter: TreeFilter, counts: ReadonlyMap<string, FindingCounts>): FilteredTree {
  const opened = new Set<string>();
  let matches = 0;
  const text = filter.text.trim();
  const keeps = (node: ResourceTreeNode): boolean => (!filter.onlyBroken || isBroken(node, counts)) && matchesText(node, text);

  /** A copy of the node with what survives under it, or undefined when nothing does. */
  const visit = (node: ResourceTreeNode, parent: ResourceTreeNode | undefined, insideMatch: boolean): ResourceTreeNode | undefined => {
    const matched = keeps(node);
    if (matched) matches++;
    const copy: ResourceTreeNode = { ...node, children: [] };
    if (parent) copy.parent = parent;
    else delete copy.parent;
    // Under a text match its whole content stays (a matched subnet still shows its functions);
    // "only broken" never keeps a healthy row just for being under a broken one.
    const keepAll = insideMatch || (matched && text !== '' && !filter.onlyBroken);
    copy.children = node.children.map((child) => visit(child, copy, keepAll)).filter((c): c is ResourceTreeNode => c !== undefined);
    if (!matched && !keepAll && copy.children.length === 0) return undefined;
    // A severity group's description is its count: while filtered it says how many of them show.
    if (node.kind === 'severity' && copy.children.length !== node.children.length) {
      copy.description = `${copy.children.length} of ${node.children.length}`;
    }
    // What is kept below a row that is not kept whole is there for a match: open the row to show it.
    if (!keepAll && copy.children.length > 0) opened.add(copy.id);
    return copy;
  };
  const kept = roots.map((root) => visit(root, undefined, false)).filter((r): r is ResourceTreeNode => r !== undefined);
  return { roots: kept, opened, matches };
}
