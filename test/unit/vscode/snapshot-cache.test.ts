// The cache of the last scan: nothing before the first scan, the snapshot back as written, an
// unreadable file said as such (never mistaken for "nothing scanned").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotCache } from '../../../src/vscode/scan/snapshot-cache';
import { shopSnapshot } from './snapshot-builders';

describe('snapshot cache', () => {
  it('reads nothing before a scan, then the snapshot written (into a folder it creates)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snm-cache-'));
    try {
      const cache = new SnapshotCache(join(dir, 'globalStorage', 'last-scan.json'));
      assert.equal(await cache.read(), undefined);
      await cache.write(shopSnapshot());
      assert.deepEqual(await cache.read(), shopSnapshot());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why a damaged or newer file cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snm-cache-'));
    try {
      const path = join(dir, 'last-scan.json');
      writeFileSync(path, '{"version": 99}');
      await assert.rejects(new SnapshotCache(path).read(), /unsupported snapshot version 99/);
      writeFileSync(path, '{"vers');
      await assert.rejects(new SnapshotCache(path).read(), /not JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
