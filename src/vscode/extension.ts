// Activation registers providers and commands only; the map is loaded when the tree or the diagram
// first asks for it, and the scanner (with the AWS SDK) on the first scan, so activation costs
// nothing measurable.
import * as vscode from 'vscode';
import { DIAGRAM_VIEW_TYPE, DiagramPanels } from './diagram/diagram-panels';
import { NetworkMap } from './network-map';
import { AccountScan } from './scan/account-scan';
import { SCAN_COMMAND } from './scan/commands';
import { CACHE_FILE_NAME, SnapshotCache } from './scan/snapshot-cache';
import { ScanStatusBar } from './scan/status-bar';
import { affectsMap } from './settings';
import { TemplateCodeActions, TemplateHover } from './template/template-actions';
import { TemplateDiagnostics } from './template/template-diagnostics';
import { createResourceTreeView } from './tree/resource-tree-view';
import type { ResourceTreeNode } from './tree/tree-node';
import { registerWalkthroughCommands } from './walkthrough/walkthrough-commands';

export const RESOURCES_VIEW = 'serverlessNetworkMap.resources';

/** Files that may be templates; which ones are is decided by content (template-detect.ts). */
const TEMPLATE_FILES: vscode.DocumentSelector = { pattern: '**/*.{yaml,yml,json,template}' };

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Serverless Network Map', { log: true });
  const cache = new SnapshotCache(vscode.Uri.joinPath(context.globalStorageUri, CACHE_FILE_NAME).fsPath);
  const map = new NetworkMap(cache);
  const status = new ScanStatusBar(map);
  const scan = new AccountScan({
    map,
    cache,
    status,
    log,
    scannerBundle: vscode.Uri.joinPath(context.extensionUri, 'dist', 'scanner.js').fsPath,
    viewId: RESOURCES_VIEW,
  });
  const resources = createResourceTreeView(RESOURCES_VIEW, map, context, log);
  const { tree, view: treeView } = resources;

  const revealInTree = async (resourceId: string): Promise<void> => {
    const node = await tree.nodeForResource(resourceId);
    if (node) await treeView.reveal(node, { select: true, focus: false, expand: true });
  };
  const panels = new DiagramPanels({
    extensionUri: context.extensionUri,
    map,
    log,
    // Following a selection is a convenience: if the tree is mid-refresh and reveal fails, log it rather than bother the user.
    onSelect: (id) => void revealInTree(id).catch((error: unknown) => log.warn(`Could not reveal ${id} in the tree:`, error)),
  });

  // Opened templates are checked from now on; the engine itself loads on the first one.
  const templates = new TemplateDiagnostics(cache, log);

  context.subscriptions.push(
    log,
    templates,
    vscode.languages.registerCodeActionsProvider(TEMPLATE_FILES, new TemplateCodeActions(templates), TemplateCodeActions.metadata),
    vscode.languages.registerHoverProvider(TEMPLATE_FILES, new TemplateHover(templates)),
    // A new scan or a changed setting may change what templates are checked against.
    map.onDidChange(() => templates.accountChanged()),
    map,
    status,
    resources,
    panels,
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, panels),
    vscode.commands.registerCommand('serverlessNetworkMap.openDiagram', () => void panels.open()),
    vscode.commands.registerCommand('serverlessNetworkMap.refresh', () => map.refresh()),
    vscode.commands.registerCommand(SCAN_COMMAND, () => scan.run()),
    vscode.commands.registerCommand('serverlessNetworkMap.revealInDiagram', (node?: ResourceTreeNode) => {
      if (node?.resourceId) panels.revealResource(node.resourceId);
    }),
    vscode.commands.registerCommand('serverlessNetworkMap.copyId', async (node?: ResourceTreeNode) => {
      if (node?.resourceId) await vscode.env.clipboard.writeText(node.resourceId);
    }),
    ...registerWalkthroughCommands(context, () => void panels.open()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsMap(event)) map.refresh();
    }),
  );
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
