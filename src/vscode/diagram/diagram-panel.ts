// One diagram panel: its page, and the conversation with it. The host posts nothing until the page
// says `ready` (a message posted earlier is lost), and again after the page is hidden, since a
// hidden webview's page is destroyed and says `ready` anew when shown.
import * as vscode from 'vscode';
import type { Diagram } from '../../diagram/drawing';
import { isPageMessage, type HostMessage, type PageMessage, type PageRequest, type SaveFile } from '../../diagram/protocol';
import { MapUnavailable, NoSnapshotYet, type NetworkMap } from '../network-map';
import { SCAN_COMMAND } from '../scan/commands';
import { nodeById, nodeOfResource, resourceOfNode } from './diagram-index';
import { LayoutCancelled, type OffThreadLayout } from './off-thread-layout';
import { openInTemplate } from './open-in-template';
import { diagramPageHtml, newNonce } from './webview-html';

const SCAN_ACTION = 'Scan Account';

export interface PanelHost {
  extensionUri: vscode.Uri;
  map: NetworkMap;
  log: vscode.LogOutputChannel;
  /** The user selected a node on the picture. */
  onSelect(nodeId: string): void;
}

/** Only the bundle and media/ may be loaded into the page. */
export function diagramWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class DiagramPanel implements vscode.Disposable {
  /** True between the page's `ready` and its end (hidden or disposed); nothing is posted outside it. */
  private ready = false;
  /** The diagram the page is showing, once sent: reveals and selections are translated with it. */
  private shown: Diagram | undefined;
  /** A resource to reveal as soon as the page shows a diagram; only the latest one counts. */
  private pendingReveal: string | undefined;
  /** Counts diagram sends, so a slow layout never overwrites a newer one. */
  private generation = 0;
  private isDisposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PanelHost,
    private readonly layouts: OffThreadLayout,
  ) {
    const { webview } = panel;
    webview.options = diagramWebviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'activity-bar.svg');
    webview.html = diagramPageHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(host.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(host.extensionUri, 'media', 'diagram.css')).toString(),
      nonce: newNonce(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden page is destroyed; it says `ready` again when shown.
        if (!panel.visible) this.pageGone();
      }),
      host.map.onDidChange(() => void this.sendDiagram()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Centres the picture on a resource, now or as soon as the page shows the diagram. */
  reveal(resourceId: string): void {
    this.pendingReveal = resourceId;
    this.flushReveal();
  }

  private flushReveal(): void {
    if (!this.ready || !this.shown || this.pendingReveal === undefined) return;
    const nodeId = nodeOfResource(this.shown, this.pendingReveal);
    this.pendingReveal = undefined;
    if (nodeId !== undefined) void this.panel.webview.postMessage({ type: 'reveal', nodeId } satisfies HostMessage);
  }

  private pageGone(): void {
    this.ready = false;
    this.shown = undefined;
  }

  private receive(message: unknown): void {
    if (!isPageMessage(message)) {
      this.host.log.warn('Ignored a malformed message from the diagram page.');
      return;
    }
    this.handle(message);
  }

  private handle(message: PageMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        void this.sendDiagram();
        return;
      case 'select':
        this.host.onSelect(this.shown ? resourceOfNode(this.shown, message.nodeId) : message.nodeId);
        return;
      case 'request':
        void this.answer(message.requestId, () => this.perform(message.request));
        return;
      case 'save':
        void this.answer(message.requestId, () => this.save(message.file));
        return;
    }
  }

  private async sendDiagram(): Promise<void> {
    const generation = ++this.generation;
    try {
      const diagram = await this.host.map.layout(({ snapshot, findings }) => this.layouts.layout(snapshot, findings));
      if (generation !== this.generation || !this.ready) return;
      const delivered = await this.panel.webview.postMessage({ type: 'showDiagram', diagram } satisfies HostMessage);
      if (!delivered || generation !== this.generation) return;
      this.shown = diagram;
      this.flushReveal();
    } catch (error) {
      // A superseded layout is dropped quietly: the newer request shows its own diagram.
      if (generation !== this.generation || this.isDisposed || error instanceof LayoutCancelled) return;
      if (error instanceof NoSnapshotYet) {
        void vscode.window.showInformationMessage(error.message, SCAN_ACTION).then((action) => {
          if (action === SCAN_ACTION) void vscode.commands.executeCommand(SCAN_COMMAND);
        });
        return;
      }
      if (error instanceof MapUnavailable) {
        void vscode.window.showInformationMessage(`${error.message}. ${error.detail}`);
        return;
      }
      this.host.log.error('Could not draw the diagram:', error);
      void vscode.window.showErrorMessage('Serverless Network Map could not draw the diagram. See its output for details.');
    }
  }

  private async answer(requestId: number, work: () => Promise<string>): Promise<void> {
    const reply = (response: HostMessage): void => void this.panel.webview.postMessage(response);
    try {
      reply({ type: 'response', requestId, ok: true, result: await work() });
    } catch (error) {
      reply({ type: 'response', requestId, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async perform(request: PageRequest): Promise<string> {
    switch (request.kind) {
      case 'exportSvg':
        return saveExport('SVG', 'svg', new TextEncoder().encode(request.svg));
      case 'openInTemplate': {
        const node = this.shown && nodeById(this.shown, request.nodeId);
        if (node?.logicalId === undefined) throw new Error(`${node?.label ?? request.nodeId} does not come from a template.`);
        return openInTemplate(node.logicalId, this.panel.viewColumn);
      }
    }
  }

  private save(file: SaveFile): Promise<string> {
    return file.format === 'png'
      ? saveExport('PNG', 'png', Buffer.from(file.base64, 'base64'))
      : saveExport('Mermaid', 'mmd', new TextEncoder().encode(file.text));
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.pageGone();
    this.disposed.fire();
    this.disposed.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Asks where to save an export of the diagram and writes it; the page shows the returned path. */
async function saveExport(label: string, extension: string, bytes: Uint8Array): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showSaveDialog({
    filters: { [label]: [extension] },
    defaultUri: folder ? vscode.Uri.joinPath(folder.uri, `network-map.${extension}`) : undefined,
    title: `Export Network Map as ${label}`,
  });
  if (!target) throw new Error('Export cancelled.');
  await vscode.workspace.fs.writeFile(target, bytes);
  // A path a person recognises: relative to the workspace when inside it.
  return vscode.workspace.asRelativePath(target, false);
}
