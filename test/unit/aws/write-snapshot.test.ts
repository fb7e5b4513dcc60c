// Writing a snapshot file: temp file + rename, so the last good file is replaced whole or not at all.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshotFile } from '../../../src/aws/write-snapshot';
import { parseSnapshotText } from '../../../src/model/parse-snapshot';
import { SNAPSHOT_VERSION, snapshotSchema, type Snapshot } from '../../../src/model/snapshot';

const dir = mkdtempSync(join(tmpdir(), 'snm-write-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const snapshot = (createdAt: string): Snapshot =>
  snapshotSchema.parse({ version: SNAPSHOT_VERSION, createdAt, source: { kind: 'scan' }, accounts: [{ id: '123456789012' }], regions: ['us-east-1'], resources: {} });

test('writes a snapshot that reads back, creating the folder, leaving no temporary file', async () => {
  const path = join(dir, 'nested', 'snap.json');
  await writeSnapshotFile(path, snapshot('2026-01-01T00:00:00.000Z'));
  assert.deepEqual(parseSnapshotText(readFileSync(path, 'utf8')), snapshot('2026-01-01T00:00:00.000Z'));
  assert.deepEqual(readdirSync(join(dir, 'nested')), ['snap.json']);
});

test('replaces the previous file whole', async () => {
  const path = join(dir, 'replace.json');
  writeFileSync(path, 'x'.repeat(100_000));
  await writeSnapshotFile(path, snapshot('2026-02-02T00:00:00.000Z'));
  assert.equal(parseSnapshotText(readFileSync(path, 'utf8')).createdAt, '2026-02-02T00:00:00.000Z');
});

test('a write that fails leaves the last good file untouched and no temporary file behind', async () => {
  const folder = join(dir, 'failing');
  const path = join(folder, 'snap.json');
  await writeSnapshotFile(path, snapshot('2026-03-03T00:00:00.000Z'));
  const good = readFileSync(path, 'utf8');
  // A value JSON cannot hold makes the write fail after the temporary file was opened.
  const unwritable = { ...snapshot('2026-04-04T00:00:00.000Z'), createdAt: 1n as unknown as string };
  await assert.rejects(writeSnapshotFile(path, unwritable), (error: Error) => error.message.startsWith(`could not write the snapshot to ${path}: `));
  assert.equal(readFileSync(path, 'utf8'), good);
  assert.deepEqual(readdirSync(folder), ['snap.json']);
});

test('a path whose folder is a file fails with a readable message', async () => {
  const blocker = join(dir, 'blocker');
  writeFileSync(blocker, '');
  await assert.rejects(writeSnapshotFile(join(blocker, 'snap.json'), snapshot('2026-05-05T00:00:00.000Z')), /EEXIST|ENOTDIR/);
});
