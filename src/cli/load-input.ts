// Turns --demo / --snapshot / a template into what the commands work on, with errors that name
// the file and what to do.
import { readFile } from 'node:fs/promises';
import type { Snapshot } from '../model/snapshot';
import type { TemplateCheck } from '../template/check-template';
import type { InputOptions } from './args';
import { checkTemplateFile } from './template-input';
import { UsageError } from './usage-error';

/**
 * A live account (check --profile/--endpoint), scanned in the region the template deploys to.
 * The scanner is loaded only here: the AWS SDK is most of the bundle.
 */
async function scanForCheck(input: InputOptions & { region?: string }): Promise<Snapshot> {
  const [{ scanAccount }, { defaultRegion }, errors] = await Promise.all([import('../aws/scan.js'), import('../aws/default-region.js'), import('../aws/errors.js')]);
  const region = input.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? (await defaultRegion(input.profile));
  if (!region) throw new UsageError(`no region to read the account in: pass --region R, or set a region for ${input.profile ? `profile "${input.profile}"` : 'the default profile'}`);
  try {
    return await scanAccount({ ...(input.profile ? { targets: [{ profile: input.profile }] } : {}), regions: [region], ...(input.endpoint ? { endpoint: input.endpoint } : {}) });
  } catch (error) {
    if (error instanceof errors.NoCredentialsError || error instanceof errors.AccountIdentityError || error instanceof errors.ScanOptionsError) throw new UsageError(error.message);
    throw error;
  }
}

/** The account given with --demo, --snapshot or --profile/--endpoint, if any. */
export async function loadAccount(input: InputOptions & { region?: string }): Promise<Snapshot | undefined> {
  // The demo and the snapshot reader are loaded on demand: they bring zod's schemas, which a
  // template checked on its own never needs, and the CLI's start-up is most of such a check.
  if (input.demo) return (await import('../demo/demo-account.js')).demoSnapshot();
  if (input.profile !== undefined || input.endpoint !== undefined) return scanForCheck(input);
  if (!input.snapshot) return undefined;
  let text: string;
  try {
    text = await readFile(input.snapshot, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read snapshot ${input.snapshot}: ${why}`);
  }
  const { parseSnapshotText, SnapshotError } = await import('../model/parse-snapshot.js');
  try {
    return parseSnapshotText(text);
  } catch (error) {
    if (error instanceof SnapshotError) throw new UsageError(`${input.snapshot}: ${error.message}`);
    throw error;
  }
}

/** A template checked against the account given (if any); notes (unreadable samconfig lines) go to `note`. */
export async function loadTemplateCheck(
  input: InputOptions & { template: string; region?: string; parameterOverrides?: readonly string[] },
  note: (line: string) => void,
): Promise<TemplateCheck> {
  const account = await loadAccount(input);
  return checkTemplateFile(
    {
      template: input.template,
      ...(input.region ? { region: input.region } : {}),
      ...(input.parameterOverrides ? { parameterOverrides: input.parameterOverrides } : {}),
      ...(account ? { account } : {}),
    },
    note,
  );
}

/** The snapshot to draw or analyse: the account, or a template merged with it. */
export async function loadSnapshot(input: InputOptions, note: (line: string) => void = () => undefined): Promise<Snapshot> {
  if (input.template) return (await loadTemplateCheck({ ...input, template: input.template }, note)).snapshot;
  const account = await loadAccount(input);
  if (!account) throw new UsageError('give --demo or --snapshot FILE (see --help)');
  return account;
}
