// The tree's own commands: copy a row's ARN, open its AWS console page, go to its template node,
// and narrow the tree (Filter…, Clear Filter, Show Only Broken / Show All). The filter state is
// mirrored in context keys so the view's title shows the button that undoes it.
import * as vscode from 'vscode';
import { consoleUrl, resourceArn } from './aws-links';
import type { ResourceTreeProvider } from './resource-tree-provider';
import { templateLocation } from '../template/template-location';
import type { ResourceTreeNode } from './tree-node';

export const TREE_COMMANDS = {
  copyArn: 'serverlessNetworkMap.copyArn',
  openInConsole: 'serverlessNetworkMap.openInConsole',
  goToTemplate: 'serverlessNetworkMap.goToTemplate',
  filter: 'serverlessNetworkMap.filterTree',
  clearFilter: 'serverlessNetworkMap.clearTreeFilter',
  showOnlyBroken: 'serverlessNetworkMap.showOnlyBroken',
  showAll: 'serverlessNetworkMap.showAll',
} as const;

/** Context keys the view title's `when` clauses read. */
const FILTERED_KEY = 'serverlessNetworkMap.treeFiltered';
const ONLY_BROKEN_KEY = 'serverlessNetworkMap.treeOnlyBroken';

export function registerTreeCommands(tree: ResourceTreeProvider, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const setFilter = async (text: string, onlyBroken: boolean): Promise<void> => {
    tree.setFilter({ text, onlyBroken });
    await vscode.commands.executeCommand('setContext', FILTERED_KEY, text.trim() !== '');
    await vscode.commands.executeCommand('setContext', ONLY_BROKEN_KEY, onlyBroken);
  };
  return [
    vscode.commands.registerCommand(TREE_COMMANDS.copyArn, async (node?: ResourceTreeNode) => {
      const arn = node?.link && resourceArn(node.link);
      if (arn) await vscode.env.clipboard.writeText(arn);
    }),
    vscode.commands.registerCommand(TREE_COMMANDS.openInConsole, async (node?: ResourceTreeNode) => {
      const url = node?.link && consoleUrl(node.link);
      // Parsed strictly: the URL is built from percent-encoded parts, so parsing must not re-decode them.
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
    vscode.commands.registerCommand(TREE_COMMANDS.goToTemplate, async (node?: ResourceTreeNode) => {
      if (!node) return;
      const location = await templateLocation(node).catch((error: unknown) => {
        log.error('Could not search the templates:', error);
        return undefined;
      });
      if (!location) {
        // The logical id is template text (untrusted): it is not put into the message, which renders links.
        void vscode.window.showInformationMessage('No template in this workspace declares this resource. Open the folder that holds its template.yaml.');
        return;
      }
      await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: true });
    }),
    vscode.commands.registerCommand(TREE_COMMANDS.filter, async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter the Resources tree',
        prompt: 'Shows rows whose name, id, logical id or description contains this (and the rows above them)',
        placeHolder: 'e.g. subnet-0b8e, private, CancelOrderWorker',
        value: tree.filter.text,
      });
      if (text !== undefined) await setFilter(text, tree.filter.onlyBroken);
    }),
    vscode.commands.registerCommand(TREE_COMMANDS.clearFilter, () => setFilter('', tree.filter.onlyBroken)),
    vscode.commands.registerCommand(TREE_COMMANDS.showOnlyBroken, () => setFilter(tree.filter.text, true)),
    vscode.commands.registerCommand(TREE_COMMANDS.showAll, () => setFilter(tree.filter.text, false)),
  ];
}
