// The extension's settings, read in one place with their defaults, so the rest of the code gets
// typed values and never a raw `get<unknown>`.
import * as vscode from 'vscode';

export const SECTION = 'serverlessNetworkMap';

export interface Settings {
  /** Where the map comes from: the embedded demo account, or a scan of a real account (later issue). */
  source: 'demo' | 'account';
  profile: string;
  regions: string[];
  endpoint: string;
  offline: boolean;
  /** Check templates merged with the last scanned account, so literal ids resolve to real subnets, groups, zones. */
  checkAgainstAccount: boolean;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const regions = config.get<unknown>('regions');
  return {
    source: config.get<string>('source') === 'account' ? 'account' : 'demo',
    profile: config.get<string>('profile') ?? '',
    regions: Array.isArray(regions) ? regions.filter((r): r is string => typeof r === 'string') : [],
    endpoint: config.get<string>('endpoint') ?? '',
    offline: config.get<boolean>('offline') ?? false,
    checkAgainstAccount: config.get<boolean>('checkAgainstAccount') ?? false,
  };
}

/** True when a settings change touches what the map shows, so it must be loaded again. */
export function affectsMap(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
