// The Resources view: the provider, its TreeView with the error-count badge and the filter's
// message, the row badges, the remembered open rows, and the tree's commands.
import * as vscode from 'vscode';
import type { NetworkMap } from '../network-map';
import { ExpansionMemory } from './expansion-memory';
import { countsText } from './finding-counts';
import { NodeBadges } from './node-badges';
import { ResourceTreeProvider } from './resource-tree-provider';
import { registerTreeCommands } from './tree-commands';
import type { TreeFilter } from './tree-filter';
import type { ResourceTreeNode } from './tree-node';

export interface ResourceTreeView extends vscode.Disposable {
  tree: ResourceTreeProvider;
  view: vscode.TreeView<ResourceTreeNode>;
}

export function createResourceTreeView(viewId: string, map: NetworkMap, context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ResourceTreeView {
  const tree = new ResourceTreeProvider(map, log, new ExpansionMemory(context.workspaceState));
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: tree, showCollapseAll: true });
  const disposables: vscode.Disposable[] = [
    tree,
    view,
    vscode.window.registerFileDecorationProvider(new NodeBadges()),
    view.onDidExpandElement(({ element }) => tree.rememberExpansion(element, true)),
    view.onDidCollapseElement(({ element }) => tree.rememberExpansion(element, false)),
    tree.onDidShow(({ totals, filter, matches }) => {
      // The activity bar shows this on the container's icon: the errors are what must be fixed.
      view.badge = totals.error > 0 ? { value: totals.error, tooltip: `Serverless Network Map: ${countsText(totals)}` } : undefined;
      view.message = filterMessage(filter, matches);
    }),
    ...registerTreeCommands(tree, log),
  ];
  return { tree, view, dispose: () => disposables.forEach((d) => d.dispose()) };
}

function filterMessage(filter: TreeFilter, matches: number): string | undefined {
  const text = filter.text.trim();
  const broken = filter.onlyBroken ? 'only rows with findings' : '';
  if (!text) return broken ? `Showing ${broken}.` : undefined;
  // Rows above a match are shown but not counted: the number is of rows that contain the text.
  const found = matches === 0 ? `No rows match "${text}"` : `Rows matching "${text}": ${matches}`;
  return broken ? `${found} (${broken}).` : `${found}.`;
}
