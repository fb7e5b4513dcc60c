// Maps the plain tree to VS Code TreeItems. Labels and descriptions are plain text; tooltips are
// Markdown built only from escaped text, untrusted, with HTML and theme icons off.
import * as vscode from 'vscode';
import { MapUnavailable, NoSnapshotYet, type NetworkMap } from '../network-map';
import { tooltipMarkdown } from './markdown';
import { buildResourceTree, messageTree, type ResourceTree } from './resource-tree';
import type { NodeStatus, ResourceTreeNode } from './tree-node';

const STATUS_COLOR: Record<NodeStatus, string | undefined> = {
  ok: undefined,
  info: 'problemsInfoIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  error: 'problemsErrorIcon.foreground',
};

export class ResourceTreeProvider implements vscode.TreeDataProvider<ResourceTreeNode>, vscode.Disposable {
  private tree: Promise<ResourceTree> | undefined;
  private readonly changed = new vscode.EventEmitter<ResourceTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly map: NetworkMap,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = map.onDidChange(() => {
      this.tree = undefined;
      this.changed.fire(undefined);
    });
  }

  getTreeItem(node: ResourceTreeNode): vscode.TreeItem {
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    const color = STATUS_COLOR[node.status];
    item.iconPath = new vscode.ThemeIcon(node.icon, color ? new vscode.ThemeColor(color) : undefined);
    const tooltip = new vscode.MarkdownString(tooltipMarkdown(node.tooltip), false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.contextValue = node.resourceId ? `resource ${node.kind}` : node.kind;
    if (node.kind === 'finding' && node.resourceId) {
      // A finding is read to be acted on: clicking it shows the broken resource on the picture.
      item.command = { title: 'Reveal in Diagram', command: 'serverlessNetworkMap.revealInDiagram', arguments: [node] };
    }
    return item;
  }

  async getChildren(node?: ResourceTreeNode): Promise<ResourceTreeNode[]> {
    if (node) return node.children;
    return (await this.resourceTree()).roots;
  }

  getParent(node: ResourceTreeNode): ResourceTreeNode | undefined {
    return node.parent;
  }

  /** The tree node for a diagram node (a resource id), if the tree shows that resource. */
  async nodeForResource(resourceId: string): Promise<ResourceTreeNode | undefined> {
    return (await this.resourceTree()).byResourceId.get(resourceId);
  }

  private resourceTree(): Promise<ResourceTree> {
    this.tree ??= this.map.load().then(
      ({ snapshot, findings }) => buildResourceTree(snapshot, findings),
      (error: unknown) => {
        // An empty tree shows the view's welcome content (package.json viewsWelcome): a Scan Account button.
        if (error instanceof NoSnapshotYet) return { roots: [], byResourceId: new Map() };
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
  }
}
