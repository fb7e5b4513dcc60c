// The map the tree and the diagram show: one snapshot with its findings, loaded on first use (not
// at activation) and again on refresh. The diagram's layout is computed only when a panel asks.
import * as vscode from 'vscode';
import type { Diagram } from '../diagram/drawing';
import type { Finding } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import { readSettings } from './settings';

export interface MapData {
  snapshot: Snapshot;
  findings: Finding[];
}

/** Why there is no map, said for a person (shown in the tree), not a stack trace. */
export class MapUnavailable extends Error {
  override readonly name = 'MapUnavailable';
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export class NetworkMap implements vscode.Disposable {
  private data: Promise<MapData> | undefined;
  private diagram: Promise<Diagram> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after refresh: whoever shows the map asks for it again. */
  readonly onDidChange = this.changed.event;

  load(): Promise<MapData> {
    this.data ??= loadMap();
    return this.data;
  }

  layout(): Promise<Diagram> {
    this.diagram ??= this.load().then(async ({ snapshot, findings }) => {
      // Imported on demand: the layout engine (ELK) is the heaviest module; activation must not pay for it.
      const { layoutDiagram } = await import('../diagram/layout.js');
      return layoutDiagram(snapshot, findings);
    });
    return this.diagram;
  }

  refresh(): void {
    this.data = undefined;
    this.diagram = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function loadMap(): Promise<MapData> {
  const settings = readSettings();
  if (settings.source === 'account') {
    throw new MapUnavailable('Scanning an account is not available yet', 'Set "serverlessNetworkMap.source" to "demo" to see the demo account.');
  }
  // On demand for the same reason as the layout: nothing is read or analysed until something is shown.
  const [{ demoSnapshot }, { analyze }] = await Promise.all([import('../demo/demo-account.js'), import('../analysis/analyze.js')]);
  const snapshot = demoSnapshot();
  return { snapshot, findings: analyze(snapshot) };
}
