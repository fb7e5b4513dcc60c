// `scan`: read the account(s) into a Snapshot, with progress on stderr, Ctrl-C to cancel, and an
// atomic write so a failed or cancelled scan never replaces the last good snapshot file.
import { defaultRegion } from '../aws/default-region';
import { AccountIdentityError, NoCredentialsError, ScanCancelledError, ScanOptionsError } from '../aws/errors';
import { scanAccount, type ScanProgressEvent } from '../aws/scan';
import { writeSnapshotFile } from '../aws/write-snapshot';
import type { Snapshot } from '../model/snapshot';
import type { Command } from './args';
import type { Io } from './commands';
import { UsageError } from './usage-error';

type ScanCommand = Extract<Command, { name: 'scan' }>;

/** Exit code for a scan stopped by the user (128 + SIGINT, as shells report it). */
export const CANCELLED_EXIT_CODE = 130;

export async function runScan(command: ScanCommand, io: Io, signal?: AbortSignal): Promise<number> {
  const regions = command.regions.length > 0 ? command.regions : await regionsFromProfile(command.profiles[0]);
  let finished = 0;
  let started = 0;
  const onProgress = (event: ScanProgressEvent) => {
    if (event.state === 'started') started += 1;
    else finished += 1;
    if (event.state === 'failed') io.stderr(`  ${event.service} ${event.region}: ${event.error ?? 'failed'}\n`);
    else if (io.color) io.stderr(`\r  scanning… ${finished}/${started} service reads done`);
  };
  let snapshot: Snapshot;
  try {
    snapshot = await scanAccount({
      targets: command.profiles.length > 0 ? command.profiles.map((profile) => ({ profile })) : undefined,
      regions,
      endpoint: command.endpoint,
      signal,
      onProgress,
    });
  } catch (error) {
    if (io.color) io.stderr('\n');
    if (error instanceof ScanCancelledError) {
      io.stderr(`serverless-network-map: ${error.message}\n`);
      return CANCELLED_EXIT_CODE;
    }
    if (error instanceof NoCredentialsError || error instanceof AccountIdentityError || error instanceof ScanOptionsError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
  if (io.color) io.stderr('\n');
  if (command.out) {
    try {
      await writeSnapshotFile(command.out, snapshot);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  } else {
    io.stdout(`${JSON.stringify(snapshot, null, 2)}\n`);
  }
  io.stderr(`${summary(snapshot)}${command.out ? ` → ${command.out}` : ''}\n`);
  return 0;
}

async function regionsFromProfile(profile: string | undefined): Promise<string[]> {
  const region = await defaultRegion(profile);
  if (!region) {
    throw new UsageError(`no region to scan: pass --region R, or set a region for ${profile ? `profile "${profile}"` : 'the default profile'} (aws configure)`);
  }
  return [region];
}

function summary(snapshot: Snapshot): string {
  const count = Object.values(snapshot.resources).reduce((sum, list) => sum + list.length, 0);
  const accounts = snapshot.accounts.map((a) => a.id).join(', ');
  const gaps = snapshot.gaps.length === 0 ? '' : `; ${snapshot.gaps.length} could not be read: ${snapshot.gaps.map((g) => `${g.service} ${g.region}`).join(', ')}`;
  return `scanned account ${accounts} in ${snapshot.regions.join(', ')}: ${count} resources${gaps}`;
}
