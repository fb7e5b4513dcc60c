// The status-bar item's text and tooltip for what the map shows: the profile and region(s) of the
// scan, the demo, or nothing scanned yet. Pure (no `vscode`), unit-tested. Status-bar text renders
// `$(name)` as an icon, so names from the user's files are escaped before they get there.
import type { Snapshot } from '../../model/snapshot';
import { escapeIcons } from './icon-text';

export type StatusState =
  | { kind: 'scanning' }
  | { kind: 'shown'; snapshot: Snapshot }
  /** source is "account" and nothing was scanned (or the last scan could not be read). */
  | { kind: 'none' };

export interface StatusText {
  text: string;
  tooltip: string;
}

/** "ap-northeast-2", "eu-west-1, us-east-1", or "eu-west-1 +2" when there are more than two. */
export function regionsText(regions: readonly string[]): string {
  if (regions.length <= 2) return regions.join(', ');
  return `${regions[0]} +${regions.length - 1}`;
}

export function statusText(state: StatusState): StatusText {
  switch (state.kind) {
    case 'scanning':
      return { text: '$(sync~spin) Scanning AWS…', tooltip: 'Serverless Network Map is scanning an AWS account' };
    case 'none':
      return { text: '$(cloud) Scan AWS account', tooltip: 'No account scanned yet: click to scan one' };
    case 'shown':
      return shownText(state.snapshot);
  }
}

function shownText(snapshot: Snapshot): StatusText {
  if (snapshot.source.kind === 'demo') {
    return { text: '$(cloud) Demo account', tooltip: 'The map shows the embedded demo account. Click to scan an AWS account.' };
  }
  const profile = snapshot.source.profile ?? 'default credentials';
  const accounts = snapshot.accounts.map((a) => a.id).join(', ');
  const lines = [
    `Account ${accounts} (${profile}) in ${snapshot.regions.join(', ')}`,
    `Scanned ${snapshot.createdAt}${snapshot.source.endpoint ? ` through ${snapshot.source.endpoint}` : ''}`,
    ...(snapshot.gaps.length > 0 ? [`${snapshot.gaps.length} service read(s) failed: see "Gaps" in the tree`] : []),
    'Click to scan again',
  ];
  const warning = snapshot.gaps.length > 0 ? ' $(warning)' : '';
  return { text: `$(cloud) ${escapeIcons(profile)} · ${escapeIcons(regionsText(snapshot.regions))}${warning}`, tooltip: lines.join('\n') };
}
