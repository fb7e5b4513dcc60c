// observeDns's promises against real sockets: a server that never answers costs one bounded wait
// and gives "could not resolve" (info, never an error); offline sends nothing; answers are cached
// for the run; cancellation is prompt; a bad server setting is a sentence, not a stack trace.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { analyze } from '../../src/analysis/analyze';
import { createDnsCache, DnsServerError, observeDns, withDnsObservations } from '../../src/dns/observe-dns';
import type { Snapshot } from '../../src/model/snapshot';
import { externalDomain, withoutZone } from '../builders/dns';
import { domainResources, domainSetup } from '../builders/domain';
import { mergeResources, snapshotWith } from '../builders/snapshot';
import { startNsd, type NsdServer } from './nsd-server';
import { SEED_ZONES } from './zones';

let silent: Socket;
let silentServer: string;
let nsd: NsdServer;

before(async () => {
  // Bound and listening, never replying: the worst case for a resolver.
  silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
  silentServer = `127.0.0.1:${silent.address().port}`;
  nsd = await startNsd(SEED_ZONES);
});
after(async () => {
  silent?.close();
  await nsd?.stop();
});

function snapshot(): Snapshot {
  const setup = domainSetup('api.good.test');
  setup.zone = { ...setup.zone, zoneName: 'good.test.' };
  setup.records = [];
  return snapshotWith(mergeResources(domainResources(setup), withoutZone(externalDomain('dev.shop.test', 'd-abcdef1234.execute-api.ap-northeast-2.amazonaws.com'))));
}

test('a server that never answers: every lookup fails within the bound, and nothing is called broken', async () => {
  const started = Date.now();
  const observations = await observeDns(snapshot(), { servers: [silentServer], timeoutMs: 300 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 2_000, `took ${elapsed} ms`);
  assert.ok(observations.lookups.length >= 4);
  for (const l of observations.lookups) {
    assert.equal(l.result, 'failed');
    assert.match(l.error ?? '', /timed out/);
  }
  const findings = analyze(withDnsObservations(snapshot(), observations)).filter((f) => f.resource.id === 'dev.shop.test');
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`), ['info unverifiable-path']);
  assert.match(findings[0]?.message ?? '', /could not resolve dev\.shop\.test (CNAME|A) via 127\.0\.0\.1:\d+ \((timed out|timed out after \d+ ms)\)/);
});

test('the zone in the snapshot still decides its own records when DNS fails; only the delegation is left unverified', async () => {
  const observations = await observeDns(snapshot(), { servers: [silentServer], timeoutMs: 200 });
  const findings = analyze(withDnsObservations(snapshot(), observations)).filter((f) => f.resource.id === 'api.good.test');
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`), ['error dns-record-missing', 'info unverifiable-path']);
  assert.match(findings[1]?.message ?? '', /the delegation: could not resolve good\.test NS/);
});

test('offline: no lookups, marked as such, and the analysis is the same as without DNS', async () => {
  const observations = await observeDns(snapshot(), { offline: true, servers: [silentServer], now: () => new Date('2026-11-21T00:00:00Z') });
  assert.deepEqual(observations, { observedAt: '2026-11-21T00:00:00.000Z', servers: [], offline: true, lookups: [] });
  assert.deepEqual(analyze(withDnsObservations(snapshot(), observations)), analyze(snapshot()));
});

test('answers are cached for the run: a second pass with the same cache asks nothing', async () => {
  const own = await startNsd(SEED_ZONES);
  const cache = createDnsCache();
  const first = await observeDns(snapshot(), { servers: [own.server], timeoutMs: 500, cache });
  await own.stop();
  const second = await observeDns(snapshot(), { servers: [own.server], timeoutMs: 500, cache });
  assert.deepEqual(second.lookups, first.lookups);
  assert.equal(first.lookups.find((l) => l.name === 'dev.shop.test' && l.type === 'CNAME')?.result, 'answer');
});

test('cancellation rejects at once and leaves nothing cancelled in the cache', async () => {
  const cache = createDnsCache();
  const controller = new AbortController();
  const started = Date.now();
  const pending = observeDns(snapshot(), { servers: [silentServer], timeoutMs: 5_000, cache, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  // Semantics, not speed: it did not wait out the 5 s lookup timeout.
  assert.ok(Date.now() - started < 4_000);
  assert.equal(cache.size, 0);
});

test('a server setting that is not an address is a clear error before any lookup', async () => {
  await assert.rejects(observeDns(snapshot(), { servers: ['dns.example.com'] }), (error: unknown) => {
    assert.ok(error instanceof DnsServerError);
    assert.match(error.message, /"dns\.example\.com" is not a DNS server address: give an IP address, optionally with a port/);
    return true;
  });
});

test('the real server answers through an IPv4 resolver list with a port, and results are sorted and deduplicated', async () => {
  const observations = await observeDns(snapshot(), { servers: [nsd.server], timeoutMs: 1_000 });
  const ns = observations.lookups.find((l) => l.name === 'good.test' && l.type === 'NS');
  assert.equal(ns?.result, 'answer');
  assert.deepEqual(ns?.values, [...(ns?.values ?? [])].sort());
});
