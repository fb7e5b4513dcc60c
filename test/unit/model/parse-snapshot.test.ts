import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSnapshot, parseSnapshotText, SnapshotError } from '../../../src/model/parse-snapshot';
import { SNAPSHOT_VERSION } from '../../../src/model/snapshot';

const demoText = readFileSync(join(__dirname, '..', '..', '..', 'demo', 'snapshot.json'), 'utf8');

function demoJson(): Record<string, unknown> & { resources: Record<string, unknown[]> } {
  return JSON.parse(demoText) as Record<string, unknown> & { resources: Record<string, unknown[]> };
}

function rejects(input: () => unknown, message: RegExp): void {
  assert.throws(input, (error: unknown) => {
    assert.ok(error instanceof SnapshotError, `expected a SnapshotError, got ${String(error)}`);
    assert.match(error.message, message);
    return true;
  });
}

test('accepts the demo snapshot file', () => {
  const snapshot = parseSnapshotText(demoText);
  assert.equal(snapshot.version, SNAPSHOT_VERSION);
  assert.equal(snapshot.resources.vpcs[0]?.id, 'vpc-0a1b2c3d4e5f60718');
});

test('fills defaults for fields a minimal file leaves out', () => {
  const snapshot = parseSnapshot({ version: 1, createdAt: '2026-01-01T00:00:00Z', source: { kind: 'scan' }, accounts: [], regions: [], resources: {} });
  assert.deepEqual(snapshot.resources.subnets, []);
  assert.deepEqual(snapshot.gaps, []);
});

test('rejects another version with a reason and what to do', () => {
  rejects(() => parseSnapshot({ ...demoJson(), version: 2 }), /unsupported snapshot version 2: this build reads version 1; scan again/);
  rejects(() => parseSnapshot({ resources: {} }), /missing field "version"/);
});

test('a missing field is named by its path', () => {
  const json = demoJson();
  const [vpc] = json.resources.vpcs as Record<string, unknown>[];
  assert.ok(vpc);
  delete vpc.cidrBlocks;
  rejects(() => parseSnapshot(json), /resources\.vpcs\[0\]\.cidrBlocks: missing field/);
});

test('a wrong value is named by its path too', () => {
  const json = demoJson();
  const [nat] = json.resources.natGateways as Record<string, unknown>[];
  assert.ok(nat);
  nat.state = 'sleeping';
  rejects(() => parseSnapshot(json), /resources\.natGateways\[0\]\.state: /);
});

test('rejects non-JSON text and JSON that is not an object', () => {
  rejects(() => parseSnapshotText('{"version": 1,'), /^not JSON: /);
  rejects(() => parseSnapshotText('[1, 2]'), /expected a JSON object/);
  rejects(() => parseSnapshot(null), /expected a JSON object/);
});
