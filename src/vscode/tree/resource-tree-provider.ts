// Maps the plain tree to VS Code TreeItems. Labels and descriptions are plain text; tooltips are
// Markdown built only from escaped text, untrusted, with HTML and theme icons off. Rows keep the
// person's open/closed choices (ExpansionMemory), show their finding count as a badge
// (NodeBadges), and can be narrowed by a filter (tree-filter.ts).
import * as vscode from 'vscode';
import { MapUnavailable, NoSnapshotYet, type NetworkMap } from '../network-map';
import { resourceArn, consoleUrl } from './aws-links';
import type { ExpansionMemory } from './expansion-memory';
import { NO_FINDINGS, type FindingCounts } from './finding-counts';
import { tooltipMarkdown } from './markdown';
import { badgeUri } from './node-badges';
import { buildResourceTree, indexByResource, messageTree, type ResourceTree } from './resource-tree';
import { filterTree, isFiltering, NO_FILTER, type TreeFilter } from './tree-filter';
import type { NodeStatus, ResourceTreeNode } from './tree-node';

const STATUS_COLOR: Record<NodeStatus, string | undefined> = {
  ok: undefined,
  info: 'problemsInfoIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  error: 'problemsErrorIcon.foreground',
};

/** What the tree shows now: the whole tree, or the filtered copy of it. */
interface ShownTree {
  full: ResourceTree;
  roots: ResourceTreeNode[];
  byResourceId: ReadonlyMap<string, ResourceTreeNode>;
  /** Rows the filter opened to show its matches. */
  opened: ReadonlySet<string>;
  matches: number;
}

export class ResourceTreeProvider implements vscode.TreeDataProvider<ResourceTreeNode>, vscode.Disposable {
  private tree: Promise<ResourceTree> | undefined;
  private shown: Promise<ShownTree> | undefined;
  private currentFilter: TreeFilter = NO_FILTER;
  /** Counts and filter-opened rows of the tree shown last, for getTreeItem (which is synchronous). */
  private countsNow: ReadonlyMap<string, FindingCounts> = new Map();
  private openedByFilter: ReadonlySet<string> = new Set();
  private readonly changed = new vscode.EventEmitter<ResourceTreeNode | undefined>();
  private readonly shownChanged = new vscode.EventEmitter<{ totals: FindingCounts; filter: TreeFilter; matches: number }>();
  readonly onDidChangeTreeData = this.changed.event;
  /** After each (re)build or filter change: the map's finding totals (the view badge) and what the filter kept. */
  readonly onDidShow = this.shownChanged.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly map: NetworkMap,
    private readonly log: vscode.LogOutputChannel,
    private readonly expansion: ExpansionMemory,
  ) {
    this.subscription = map.onDidChange(() => {
      this.tree = undefined;
      this.shown = undefined;
      this.changed.fire(undefined);
    });
  }

  get filter(): TreeFilter {
    return this.currentFilter;
  }

  setFilter(filter: TreeFilter): void {
    this.currentFilter = filter;
    this.shown = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: ResourceTreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, this.collapsibleState(node));
    // While filtered, rows get other ids: VS Code keeps its own open/closed state per id, and the
    // filter must be free to open the rows above each match; the person's choices stay with the plain ids.
    item.id = isFiltering(this.currentFilter) ? `${node.id}?filtered` : node.id;
    item.description = node.description;
    const color = STATUS_COLOR[node.status];
    item.iconPath = new vscode.ThemeIcon(node.icon, color ? new vscode.ThemeColor(color) : undefined);
    const tooltip = new vscode.MarkdownString(tooltipMarkdown(node.tooltip), false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.contextValue = contextValue(node);
    const badge = badgeUri(node.id, this.countsNow.get(node.id));
    if (badge) item.resourceUri = badge;
    if (node.kind === 'finding' && node.finding?.file && node.finding.range) {
      // A template finding is fixed in the template: clicking it goes there.
      item.command = { title: 'Go to Template', command: 'serverlessNetworkMap.goToTemplate', arguments: [node] };
    } else if (node.kind === 'finding' && node.resourceId) {
      // An account finding is read to be acted on: clicking it shows the broken resource on the picture.
      item.command = { title: 'Reveal in Diagram', command: 'serverlessNetworkMap.revealInDiagram', arguments: [node] };
    }
    return item;
  }

  async getChildren(node?: ResourceTreeNode): Promise<ResourceTreeNode[]> {
    if (node) return node.children;
    return (await this.shownTree()).roots;
  }

  getParent(node: ResourceTreeNode): ResourceTreeNode | undefined {
    return node.parent;
  }

  /** The tree node for a diagram node (a resource id), if the tree shows that resource (the filter may hide it). */
  async nodeForResource(resourceId: string): Promise<ResourceTreeNode | undefined> {
    return (await this.shownTree()).byResourceId.get(resourceId);
  }

  /** Remembers an open/closed choice under the row's plain id (see getTreeItem). */
  rememberExpansion(node: ResourceTreeNode, expanded: boolean): void {
    this.expansion.remember(node.id, expanded).then(undefined, (error: unknown) => this.log.warn('Could not save the tree state:', error));
  }

  private collapsibleState(node: ResourceTreeNode): vscode.TreeItemCollapsibleState {
    if (node.children.length === 0) return vscode.TreeItemCollapsibleState.None;
    const open = this.openedByFilter.has(node.id) || this.expansion.isExpanded(node.id, node.expanded);
    return open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  private shownTree(): Promise<ShownTree> {
    this.shown ??= this.resourceTree().then((full) => {
      const filter = this.currentFilter;
      const shown = isFiltering(filter) ? filteredTree(full, filter) : { full, roots: full.roots, byResourceId: full.byResourceId, opened: new Set<string>(), matches: 0 };
      this.countsNow = full.counts;
      this.openedByFilter = shown.opened;
      this.shownChanged.fire({ totals: full.totals, filter, matches: shown.matches });
      return shown;
    });
    return this.shown;
  }

  private resourceTree(): Promise<ResourceTree> {
    this.tree ??= this.map.load().then(
      ({ snapshot, findings }) => buildResourceTree(snapshot, findings),
      (error: unknown): ResourceTree => {
        // An empty tree shows the view's welcome content (package.json viewsWelcome): a Scan Account button.
        if (error instanceof NoSnapshotYet) return { roots: [], byResourceId: new Map(), counts: new Map(), totals: NO_FINDINGS };
        if (error instanceof MapUnavailable) return messageTree(error.message, error.detail);
        this.log.error('Could not load the map:', error);
        return messageTree('Could not load the map', 'See the "Serverless Network Map" output for details.');
      },
    );
    return this.tree;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.shownChanged.dispose();
  }
}

function filteredTree(full: ResourceTree, filter: TreeFilter): ShownTree {
  const { roots, opened, matches } = filterTree(full.roots, filter, full.counts);
  return { full, roots, byResourceId: indexByResource(roots), opened, matches };
}

/**
 * `viewItem` for menus: words for what the row offers. "resource" first (reveal, copy id), then its
 * kind, then "arn", "console" and "template" when it has an ARN, a console page, a template node.
 */
function contextValue(node: ResourceTreeNode): string {
  const words = node.resourceId ? ['resource', node.kind] : [node.kind];
  if (node.link && resourceArn(node.link)) words.push('arn');
  if (node.link && consoleUrl(node.link)) words.push('console');
  if (node.logicalId || (node.finding?.file && node.finding.range)) words.push('template');
  return words.join(' ');
}
