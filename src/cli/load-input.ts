// Turns --demo / --snapshot into a Snapshot, with errors that name the file and what to do.
import { readFile } from 'node:fs/promises';
import { demoSnapshot } from '../demo/demo-account';
import { parseSnapshotText, SnapshotError } from '../model/parse-snapshot';
import type { Snapshot } from '../model/snapshot';
import type { InputOptions } from './args';
import { UsageError } from './usage-error';

export async function loadSnapshot(input: InputOptions): Promise<Snapshot> {
  if (input.template) {
    throw new UsageError(`cannot read ${input.template}: template checking is not built yet; use --demo or --snapshot FILE`);
  }
  if (input.demo) return demoSnapshot();
  if (!input.snapshot) throw new UsageError('give --demo or --snapshot FILE (see --help)');
  let text: string;
  try {
    text = await readFile(input.snapshot, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read snapshot ${input.snapshot}: ${why}`);
  }
  try {
    return parseSnapshotText(text);
  } catch (error) {
    if (error instanceof SnapshotError) throw new UsageError(`${input.snapshot}: ${error.message}`);
    throw error;
  }
}
