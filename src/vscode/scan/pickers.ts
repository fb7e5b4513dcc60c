// The two questions before a scan: whose credentials (a profile, or the default chain) and which
// regions. Escape on either cancels the scan before anything is sent to AWS.
import * as vscode from 'vscode';
import type { Settings } from '../settings';
import { defaultRegions, profileChoices, regionChoices } from './picker-items';
import type { Scanner } from './scanner-api';

export interface ScanChoice {
  /** undefined: the default credential chain. */
  profile: string | undefined;
  regions: string[];
}

export async function pickScanTarget(scanner: Scanner, settings: Settings): Promise<ScanChoice | undefined> {
  const profiles = await scanner.listProfiles();
  let profile = settings.profile || undefined;
  // With no profile in the shared files and none in settings, the default chain is the only answer: do not ask.
  if (profiles.length > 0 || profile !== undefined) {
    const choice = await vscode.window.showQuickPick(profileChoices(profiles, settings.profile), {
      title: 'Scan Account (1/2): Credentials',
      placeHolder: 'The AWS profile whose account to scan',
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!choice) return undefined;
    profile = choice.profile;
  }
  const regions = defaultRegions(settings.regions, await scanner.defaultRegion(profile));
  const picked = await vscode.window.showQuickPick(regionChoices(regions), {
    title: 'Scan Account (2/2): Regions',
    placeHolder: 'Regions to scan (IAM and Route 53 are global and read once)',
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.length === 0) {
    void vscode.window.showWarningMessage('Nothing scanned: pick at least one region.');
    return undefined;
  }
  return { profile, regions: picked.map((p) => p.region) };
}
