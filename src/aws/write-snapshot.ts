// Writes a snapshot so that the last good file survives anything: the JSON goes to a temporary
// file beside the target, is flushed to disk, and only then renamed over it (rename is atomic
// within a file system, POSIX rename(2)). A failed or cancelled scan never gets here; a crash while
// writing leaves the old file whole.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Snapshot } from '../model/snapshot';

export async function writeSnapshotFile(path: string, snapshot: Snapshot): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(`${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(`could not write the snapshot to ${path}: ${(error as Error).message}`, { cause: error });
  }
}
