import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDnsObservations } from '../../../src/dns/observe-dns';
import { parseSnapshot } from '../../../src/model/parse-snapshot';
import { domainResources, domainSetup } from '../../builders/domain';
import { snapshotWith } from '../../builders/snapshot';

const observations = {
  observedAt: '2026-11-21T09:00:00.000Z',
  servers: ['127.0.0.1:5353'],
  offline: false,
  lookups: [
    { name: 'example.com', type: 'NS' as const, result: 'answer' as const, values: ['ns-1.awsdns-01.com'] },
    { name: 'api.example.com', type: 'CNAME' as const, result: 'failed' as const, values: [], error: 'timed out' },
  ],
};

test('observations ride in the snapshot file: a saved snapshot with them loads back unchanged', () => {
  const snapshot = withDnsObservations(snapshotWith(domainResources(domainSetup())), observations);
  assert.deepEqual(parseSnapshot(JSON.parse(JSON.stringify(snapshot))), snapshot);
});

test('withDnsObservations leaves its input alone and replaces older observations', () => {
  const original = snapshotWith(domainResources(domainSetup()));
  const first = withDnsObservations(original, observations);
  const second = withDnsObservations(first, { ...observations, lookups: [] });
  assert.equal(original.dns, undefined);
  assert.equal(first.dns?.lookups.length, 2);
  assert.equal(second.dns?.lookups.length, 0);
});

test('a lookup with an unknown result is rejected when a snapshot file is read', () => {
  const snapshot = withDnsObservations(snapshotWith({}), observations);
  const bad = JSON.parse(JSON.stringify(snapshot)) as { dns: { lookups: { result: string }[] } };
  const [first] = bad.dns.lookups;
  assert.ok(first);
  first.result = 'maybe';
  assert.throws(() => parseSnapshot(bad));
});
