// The last good scan, kept in the extension's global storage so reopening VS Code shows it at once
// without scanning again. Written only after a scan succeeded, atomically (write-snapshot.ts), so a
// failed or cancelled scan — or a crash mid-write — leaves the previous file whole.
import { readFile } from 'node:fs/promises';
import { writeSnapshotFile } from '../../aws/write-snapshot';
import { parseSnapshotText } from '../../model/parse-snapshot';
import type { Snapshot } from '../../model/snapshot';

export const CACHE_FILE_NAME = 'last-scan.json';

export class SnapshotCache {
  constructor(readonly path: string) {}

  /** The cached snapshot; undefined when nothing was scanned yet. Throws SnapshotError for a file this build cannot read. */
  async read(): Promise<Snapshot | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseSnapshotText(text);
  }

  write(snapshot: Snapshot): Promise<void> {
    return writeSnapshotFile(this.path, snapshot);
  }
}
