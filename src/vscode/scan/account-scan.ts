// "Serverless Network Map: Scan Account": pick credentials and regions, scan under a cancellable
// progress notification, cache the snapshot, and refresh the tree and diagram from it. Only a scan
// that succeeded is written (atomically), so a failed or cancelled one keeps the last good map.
import * as vscode from 'vscode';
import type { Snapshot } from '../../model/snapshot';
import type { NetworkMap } from '../network-map';
import { readSettings, SECTION, type Settings } from '../settings';
import { loadScanner } from './load-scanner';
import { pickScanTarget, type ScanChoice } from './pickers';
import { describeScanFailure, gapWarning, scanSummary } from './scan-messages';
import { ScanProgressText } from './scan-progress';
import type { Scanner } from './scanner-api';
import type { SnapshotCache } from './snapshot-cache';
import type { ScanStatusBar } from './status-bar';

export interface AccountScanHost {
  map: NetworkMap;
  cache: SnapshotCache;
  status: ScanStatusBar;
  log: vscode.LogOutputChannel;
  /** Absolute path of dist/scanner.js. */
  scannerBundle: string;
  /** The tree view's id, focused by "Show Gaps". */
  viewId: string;
}

const OPEN_SETTINGS = 'Open Settings';
const SHOW_GAPS = 'Show Gaps';

export class AccountScan {
  private running = false;

  constructor(private readonly host: AccountScanHost) {}

  async run(): Promise<void> {
    if (this.running) {
      void vscode.window.showInformationMessage('A scan is already running: cancel it from its notification to start another.');
      return;
    }
    this.running = true;
    try {
      await this.scanOnce();
    } finally {
      this.running = false;
    }
  }

  private async scanOnce(): Promise<void> {
    const settings = readSettings();
    if (settings.offline) {
      void vscode.window.showWarningMessage('Offline mode is on (serverlessNetworkMap.offline): turn it off to scan an account.', OPEN_SETTINGS).then((action) => {
        if (action === OPEN_SETTINGS) void openSettings('offline');
      });
      return;
    }
    const scanner = this.scanner();
    if (!scanner) return;
    const choice = await pickScanTarget(scanner, settings);
    if (!choice) return;
    const { log, status, cache } = this.host;
    const who = choice.profile ? `profile ${choice.profile}` : 'default credentials';
    log.info(`Scanning with ${who} in ${choice.regions.join(', ')}${settings.endpoint ? ` through ${settings.endpoint}` : ''}`);
    status.setScanning(true);
    let snapshot: Snapshot;
    try {
      snapshot = await this.scanWithProgress(scanner, choice, settings);
      await cache.write(snapshot);
    } catch (error) {
      await this.reportFailure(error, settings);
      return;
    } finally {
      status.setScanning(false);
    }
    log.info(`Scan saved to ${cache.path}${snapshot.gaps.length > 0 ? ` with ${snapshot.gaps.length} gap(s)` : ''}`);
    await this.show(snapshot);
  }

  /** The scanner bundle, loaded on the first scan; undefined (with the error shown) if it cannot be. */
  private scanner(): Scanner | undefined {
    try {
      return loadScanner(this.host.scannerBundle);
    } catch (error) {
      this.host.log.error('Could not load the scanner:', error);
      void vscode.window.showErrorMessage('Serverless Network Map could not load its scanner. Reinstall the extension; the output has details.');
      return undefined;
    }
  }

  private scanWithProgress(scanner: Scanner, choice: ScanChoice, settings: Settings): Thenable<Snapshot> {
    const title = `Scanning AWS (${choice.profile ?? 'default credentials'}, ${choice.regions.join(', ')})`;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const text = new ScanProgressText();
      progress.report({ message: 'identifying the account…' });
      return scanner.scanAccount({
        targets: choice.profile ? [{ profile: choice.profile }] : undefined,
        regions: choice.regions,
        endpoint: settings.endpoint || undefined,
        signal: controller.signal,
        onProgress: (event) => {
          progress.report({ message: text.update(event) });
          if (event.state === 'failed') this.host.log.warn(`Could not read ${event.service} in ${event.region}: ${event.error ?? 'failed'}`);
        },
      });
    });
  }

  private async reportFailure(error: unknown, settings: Settings): Promise<void> {
    const hasPrevious = await this.host.cache.read().then(
      (s) => s !== undefined,
      () => false,
    );
    const failure = describeScanFailure(error, { endpoint: settings.endpoint, hasPrevious });
    if (failure.kind === 'cancelled') {
      this.host.log.info('Scan cancelled');
      void vscode.window.showInformationMessage(failure.message);
      return;
    }
    this.host.log.error('Scan failed:', error);
    // Not awaited: the scan is over; a notification left open must not block the next one.
    void vscode.window.showErrorMessage(failure.message, ...(failure.openSettings ? [OPEN_SETTINGS] : [])).then((action) => {
      if (action === OPEN_SETTINGS) void openSettings(settings.endpoint ? 'endpoint' : 'regions');
    });
  }

  /** Shows the new scan: the source becomes "account" if it was not, the map reloads from the cache. */
  private async show(snapshot: Snapshot): Promise<void> {
    await showAccountSource();
    const { map, viewId } = this.host;
    map.refresh();
    // Loaded now, not when the tree next asks: the status bar and the summary need it even if the tree is hidden.
    const data = await map.load().catch(() => undefined);
    const warning = gapWarning(snapshot.gaps);
    if (warning) {
      void vscode.window.showWarningMessage(warning, SHOW_GAPS).then((action) => {
        if (action === SHOW_GAPS) void vscode.commands.executeCommand(`${viewId}.focus`);
      });
      return;
    }
    void vscode.window.showInformationMessage(scanSummary(snapshot, data?.findings));
  }
}

/** A scan is asked for to be seen: switch `source` to "account" where it is set to something else. */
async function showAccountSource(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  if (config.get<string>('source') === 'account') return;
  // A workspace that chose the demo is told otherwise where it said so; else the user's settings change.
  const inspected = config.inspect<string>('source');
  const inWorkspace = inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
  await config.update('source', 'account', inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}

function openSettings(setting: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${setting}`);
}
