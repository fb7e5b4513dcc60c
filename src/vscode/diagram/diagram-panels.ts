// Keeps the one diagram panel: opens it, brings it back after a reload (the serializer), and routes
// reveals to it. One panel, because the tree selects in "the" diagram.
import * as vscode from 'vscode';
import { DiagramPanel, diagramWebviewOptions, type PanelHost } from './diagram-panel';
import { OffThreadLayout } from './off-thread-layout';

export const DIAGRAM_VIEW_TYPE = 'serverlessNetworkMap.diagram';
const TITLE = 'Network Map';

export class DiagramPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private current: DiagramPanel | undefined;
  /** The layout worker thread, started on the first layout and shared by the panel's lifetimes. */
  private readonly layouts: OffThreadLayout;

  constructor(private readonly host: PanelHost) {
    this.layouts = new OffThreadLayout(vscode.Uri.joinPath(host.extensionUri, 'dist', 'layout-worker.js').fsPath, host.log);
  }

  /** Shows the panel, creating it beside the editor being read, if any. */
  open(preserveFocus = false): DiagramPanel {
    if (this.current) {
      this.current.panel.reveal(undefined, preserveFocus);
      return this.current;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      DIAGRAM_VIEW_TYPE,
      TITLE,
      { viewColumn: column, preserveFocus },
      diagramWebviewOptions(this.host.extensionUri),
    );
    return this.adopt(panel);
  }

  revealResource(resourceId: string): void {
    this.open(true).reveal(resourceId);
  }

  /** VS Code hands back the panel that was open before a reload; the page inside is loaded anew. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.current?.panel.dispose();
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): DiagramPanel {
    this.layouts.prepare();
    const diagram = new DiagramPanel(panel, this.host, this.layouts);
    this.current = diagram;
    diagram.onDidDispose(() => {
      if (this.current === diagram) this.current = undefined;
    });
    return diagram;
  }

  dispose(): void {
    this.current?.dispose();
    this.layouts.dispose();
  }
}
