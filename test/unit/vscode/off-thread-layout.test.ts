// The extension host's layout worker, run as the real bundle (dist/layout-worker.js) in a real
// worker thread: it draws what the in-process layout draws, a newer request cancels the running
// one, and a worker that cannot start falls back to the in-process layout and says so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze } from '../../../src/analysis/analyze';
import { layoutDiagram } from '../../../src/diagram/layout';
import { demoSnapshot } from '../../../src/demo/demo-account';
import { LayoutCancelled, OffThreadLayout, type LayoutFunction } from '../../../src/vscode/diagram/off-thread-layout';
import { syntheticSnapshot } from '../diagram/synthetic';

const ROOT = resolve(__dirname, '../../..');
const WORKER = join(ROOT, 'dist/layout-worker.js');

function newestIn(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds with the project's own build when the worker bundle is missing or older than what it bundles. */
function ensureWorkerBundle(): void {
  let built = 0;
  try {
    built = statSync(WORKER).mtimeMs;
  } catch {
    // not built yet
  }
  if (built >= Math.max(...['src/diagram', 'src/model', 'src/vscode/diagram'].map((dir) => newestIn(join(ROOT, dir))))) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${result.stdout}${result.stderr}`);
}

/** A log that keeps what it was told. */
function recordingLog(): { warnings: string[]; warn(message: string): void } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

/** Stands in for the in-process layout where a test must prove the worker did the work. */
const notInProcess: LayoutFunction = () => Promise.reject(new Error('the layout ran in-process, not in the worker'));

describe('layout in a worker thread of the extension host', { timeout: 120_000 }, () => {
  before(ensureWorkerBundle);

  it('lays out the demo exactly as the in-process layout does', async () => {
    const snapshot = demoSnapshot();
    const findings = analyze(snapshot);
    const log = recordingLog();
    const layouts = new OffThreadLayout(WORKER, log, notInProcess);
    // The panel starts the thread when it opens, before it has a map to lay out.
    layouts.prepare();
    try {
      const [inWorker, inProcess] = await Promise.all([layouts.layout(snapshot, findings), layoutDiagram(snapshot, findings)]);
      assert.deepEqual(inWorker, inProcess);
      assert.deepEqual(log.warnings, []);
    } finally {
      layouts.dispose();
    }
  });

  it('cancels a running layout when a newer one is asked for, and answers the newer one', async () => {
    const big = syntheticSnapshot(5000);
    const demo = demoSnapshot();
    const layouts = new OffThreadLayout(WORKER, recordingLog(), notInProcess);
    try {
      const superseded = layouts.layout(big, analyze(big));
      const newer = layouts.layout(demo, analyze(demo));
      // Without cancellation the first would resolve with the big diagram once the worker got to it.
      await assert.rejects(superseded, LayoutCancelled);
      assert.deepEqual(await newer, await layoutDiagram(demo, analyze(demo)));
    } finally {
      layouts.dispose();
    }
  });

  it('lays out in-process, and logs why, when the worker cannot start', async () => {
    const snapshot = demoSnapshot();
    const findings = analyze(snapshot);
    const log = recordingLog();
    const layouts = new OffThreadLayout(join(ROOT, 'dist/no-such-worker.js'), log);
    try {
      assert.deepEqual(await layouts.layout(snapshot, findings), await layoutDiagram(snapshot, findings));
      assert.equal(log.warnings.length, 1);
      assert.match(log.warnings[0] ?? '', /could not start/);
    } finally {
      layouts.dispose();
    }
  });
});
