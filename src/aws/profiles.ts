// The profiles a person can scan with, as the AWS CLI sees them: the sections of the shared config
// and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws/…), parsed by the
// SDK's own loader so quoting, comments and `[profile x]` headers mean what they mean to the SDK.
// Only names and the region leave this module: never a key, a token or a role.
import { loadSharedConfigFiles } from '@smithy/core/config';

export interface AwsProfile {
  name: string;
  /** The profile's `region` in the config file, if it names one. */
  region?: string;
  /** Where the profile is defined, for a person choosing between them. */
  sources: ReadonlyArray<'config' | 'credentials'>;
}

/** Config-file sections that are not profiles (`[sso-session x]`, `[services x]` keep their prefix in the loader's output). */
const NOT_A_PROFILE = /^(sso-session|services)\./;

/** Every profile in the shared files, `default` first, then by name; none when the files are missing or unreadable. */
export async function listProfiles(): Promise<AwsProfile[]> {
  let files: Awaited<ReturnType<typeof loadSharedConfigFiles>>;
  try {
    // ignoreCache: a profile added since the last scan must show up without a restart.
    files = await loadSharedConfigFiles({ ignoreCache: true });
  } catch {
    // A malformed file (the loader rejects a `[__proto__]` section) lists nothing rather than failing the picker.
    return [];
  }
  const profiles = new Map<string, { region?: string; sources: Set<'config' | 'credentials'> }>();
  const add = (name: string, source: 'config' | 'credentials', region: string | undefined): void => {
    const entry = profiles.get(name) ?? { sources: new Set() };
    entry.sources.add(source);
    // The config file's region wins, as it does for the SDK; the credentials file's is a fallback.
    if (region && (source === 'config' || !entry.region)) entry.region = region;
    profiles.set(name, entry);
  };
  for (const [name, section] of Object.entries(files.configFile)) {
    if (!NOT_A_PROFILE.test(name)) add(name, 'config', section.region);
  }
  for (const [name, section] of Object.entries(files.credentialsFile)) add(name, 'credentials', section.region);
  return [...profiles]
    .map(([name, { region, sources }]) => ({ name, ...(region ? { region } : {}), sources: [...sources].sort() }))
    .sort((a, b) => Number(b.name === 'default') - Number(a.name === 'default') || a.name.localeCompare(b.name));
}

/**
 * The profile's own `endpoint_url`, as the AWS CLI uses it. The SDK reads configured endpoints only
 * from the environment's profile (AWS_PROFILE), never from a client's `profile` option, so a scan of
 * a named profile must look it up itself. Undefined when the profile names none, or when configured
 * endpoints are switched off (ignore_configured_endpoint_urls / AWS_IGNORE_CONFIGURED_ENDPOINT_URLS).
 */
export async function profileEndpointUrl(profile: string): Promise<string | undefined> {
  if (process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  let section: Record<string, string | undefined> | undefined;
  try {
    section = (await loadSharedConfigFiles({ ignoreCache: true })).configFile[profile];
  } catch {
    return undefined;
  }
  if (section?.ignore_configured_endpoint_urls?.toLowerCase() === 'true') return undefined;
  return section?.endpoint_url?.trim() || undefined;
}
