// The map the tree and the diagram show: one snapshot with its findings, loaded on first use (not
// at activation) and again on refresh. The source is the demo, or the last scan cached in the
// extension's storage (read at once on reopen, never rescanned). The diagram's layout is computed
// only when a panel asks, by the panel's layout worker.
import * as vscode from 'vscode';
import type { Diagram } from '../diagram/drawing';
import type { Finding } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import type { SnapshotCache } from './scan/snapshot-cache';
import { readSettings } from './settings';

export interface MapData {
  snapshot: Snapshot;
  findings: Finding[];
}

/** Why there is no map, said for a person (shown in the tree), not a stack trace. */
export class MapUnavailable extends Error {
  override readonly name: string = 'MapUnavailable';
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/** source is "account" and no scan is cached: the tree shows its welcome view with a Scan Account button. */
export class NoSnapshotYet extends MapUnavailable {
  override readonly name = 'NoSnapshotYet';
  constructor() {
    super('No AWS account scanned yet', 'Run "Serverless Network Map: Scan Account" to scan one.');
  }
}

export class NetworkMap implements vscode.Disposable {
  private data: Promise<MapData> | undefined;
  private diagram: Promise<Diagram> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly loaded = new vscode.EventEmitter<MapData | undefined>();
  /** Fires after refresh: whoever shows the map asks for it again. */
  readonly onDidChange = this.changed.event;
  /** Fires when a load settles: the map now shown, or undefined when there is none (for the status bar). */
  readonly onDidLoad = this.loaded.event;

  constructor(private readonly cache: SnapshotCache) {}

  load(): Promise<MapData> {
    if (this.data) return this.data;
    const data = loadMap(this.cache);
    this.data = data;
    // Only the current load reports: one a refresh overtook is stale.
    data.then(
      (map) => this.data === data && this.loaded.fire(map),
      () => this.data === data && this.loaded.fire(undefined),
    );
    return data;
  }

  /** The current map laid out by `lay` (the diagram panel's worker thread), once per load. */
  layout(lay: (data: MapData) => Promise<Diagram>): Promise<Diagram> {
    this.diagram ??= this.load().then(lay);
    return this.diagram;
  }

  refresh(): void {
    this.data = undefined;
    this.diagram = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
    this.loaded.dispose();
  }
}

async function loadMap(cache: SnapshotCache): Promise<MapData> {
  const settings = readSettings();
  // On demand for the same reason as the layout: nothing is read or analysed until something is shown.
  const analysis = import('../analysis/analyze.js');
  let snapshot: Snapshot;
  if (settings.source === 'account') {
    const cached = await readCache(cache);
    if (!cached) throw new NoSnapshotYet();
    snapshot = cached;
  } else {
    snapshot = (await import('../demo/demo-account.js')).demoSnapshot();
  }
  const { analyze } = await analysis;
  return { snapshot, findings: analyze(snapshot) };
}

async function readCache(cache: SnapshotCache): Promise<Snapshot | undefined> {
  try {
    return await cache.read();
  } catch (error) {
    // An old or damaged file (a newer snapshot version, a disk error): say so, and how to get a new one.
    throw new MapUnavailable('The last scan could not be read', `${(error as Error).message}. Scan the account again.`);
  }
}
