// The status-bar item: the profile and region(s) of the snapshot the map shows (or the demo, or
// "Scan AWS account"); a click scans. It follows what the map loads, so it never claims a scan the
// tree does not show.
import * as vscode from 'vscode';
import type { NetworkMap } from '../network-map';
import { SCAN_COMMAND } from './commands';
import { statusText, type StatusState } from './status-text';

export class ScanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('serverlessNetworkMap.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;
  private shown: StatusState | undefined;
  private scanning = false;

  constructor(map: NetworkMap) {
    this.item.name = 'Serverless Network Map';
    this.item.command = SCAN_COMMAND;
    this.subscription = map.onDidLoad((data) => {
      this.shown = data ? { kind: 'shown', snapshot: data.snapshot } : { kind: 'none' };
      this.render();
    });
  }

  setScanning(scanning: boolean): void {
    this.scanning = scanning;
    this.render();
  }

  private render(): void {
    const state = this.scanning ? { kind: 'scanning' as const } : this.shown;
    if (!state) return;
    const { text, tooltip } = statusText(state);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
