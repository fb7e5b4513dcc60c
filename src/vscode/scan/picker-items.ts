// What the Scan Account pickers offer and which choice each starts on. Pure (no `vscode`), so the
// defaults are unit-tested: the `profile` setting, else the default credential chain; the `regions`
// setting, else the profile's own region.
import type { AwsProfile } from '../../aws/profiles';
import { AWS_REGIONS } from './aws-regions';
import { escapeIcons } from './icon-text';

/** Quick-pick items: label and description are escaped for display; the value is in its own field. */
export interface ProfileChoice {
  label: string;
  description?: string;
  detail?: string;
  /** undefined: the default credential chain (AWS_PROFILE, environment variables, SSO, instance role). */
  profile: string | undefined;
}

/** Profile choices, the one to start on first: the setting's profile, else the default chain. */
export function profileChoices(profiles: readonly AwsProfile[], settingProfile: string): ProfileChoice[] {
  const chain: ProfileChoice = {
    label: 'Default credentials',
    description: 'AWS_PROFILE, environment variables, SSO or instance role',
    profile: undefined,
  };
  const named = profiles.map(
    (p): ProfileChoice => ({
      label: escapeIcons(p.name),
      description: p.region ? escapeIcons(p.region) : 'no region',
      detail: `from ${p.sources.map((s) => (s === 'config' ? 'the config file' : 'the credentials file')).join(' and ')}`,
      profile: p.name,
    }),
  );
  if (settingProfile === '') return [chain, ...named];
  const chosen = named.find((c) => c.profile === settingProfile) ?? {
    label: escapeIcons(settingProfile),
    description: 'from settings',
    detail: 'not found in the shared config or credentials file',
    profile: settingProfile,
  };
  return [chosen, chain, ...named.filter((c) => c !== chosen)];
}

export interface RegionChoice {
  label: string;
  description: string;
  picked: boolean;
  region: string;
}

/** The regions a scan starts with: the setting's, else the profile's region, else none (the person picks). */
export function defaultRegions(settingRegions: readonly string[], profileRegion: string | undefined): string[] {
  if (settingRegions.length > 0) return [...new Set(settingRegions)];
  return profileRegion ? [profileRegion] : [];
}

/** Every known region, the picked ones first (in the order given), plus any picked one the list lacks. */
export function regionChoices(picked: readonly string[]): RegionChoice[] {
  const places = new Map(AWS_REGIONS);
  const first = picked.map((code) => ({ label: escapeIcons(code), description: places.get(code) ?? 'from settings', picked: true, region: code }));
  const rest = AWS_REGIONS.filter(([code]) => !picked.includes(code)).map(([code, place]) => ({ label: code, description: place, picked: false, region: code }));
  return [...first, ...rest];
}
