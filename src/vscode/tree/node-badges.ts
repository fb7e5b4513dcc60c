// A node's finding count as a coloured badge at the row's end. TreeItem has no badge of its own;
// a `resourceUri` in a scheme of ours plus a FileDecorationProvider for that scheme is how VS Code
// decorates rows (as the Explorer shows problems). The counts travel in the URI's query, so the
// provider keeps no state and a rebuilt tree needs no event.
import * as vscode from 'vscode';
import { badgeOf, type FindingCounts } from './finding-counts';

export const BADGE_SCHEME = 'serverless-network-map-tree';

const COLOR = {
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
} as const;

/** The URI a row carries for its badge; undefined when it has nothing to count. */
export function badgeUri(nodeId: string, counts: FindingCounts | undefined): vscode.Uri | undefined {
  if (!counts || !badgeOf(counts)) return undefined;
  return vscode.Uri.from({ scheme: BADGE_SCHEME, path: `/${encodeURIComponent(nodeId)}`, query: `e=${counts.error}&w=${counts.warning}&i=${counts.info}` });
}

export class NodeBadges implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== BADGE_SCHEME) return undefined;
    const query = new URLSearchParams(uri.query);
    const count = (key: string): number => Number.parseInt(query.get(key) ?? '0', 10) || 0;
    const badge = badgeOf({ error: count('e'), warning: count('w'), info: count('i') });
    if (!badge) return undefined;
    const decoration = new vscode.FileDecoration(badge.text, badge.tooltip, new vscode.ThemeColor(COLOR[badge.severity]));
    // The count is about this row's subtree; the rows above carry their own.
    decoration.propagate = false;
    return decoration;
  }
}
