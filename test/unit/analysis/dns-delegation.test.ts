import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/analyze';
import type { Finding } from '../../../src/model/finding';
import { domainResources, domainSetup, ZONE_ID, type DomainSetup } from '../../builders/domain';
import { awsNameServers, findingsIn, live, snapshotWithDns } from '../../builders/dns';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';
import { here, snapshotWith } from '../../builders/snapshot';

const CODE = 'dns-delegation-mismatch';
const PARENT = 'ZPARENT0000000000000';

/** api.dev.example.com in its own zone dev.example.com, below a parent zone example.com we also hold. */
function subzone(parentNs: string[] | undefined): DomainSetup & { parent: DomainSetup['zone']; parentRecords: DomainSetup['records'] } {
  const setup = domainSetup('api.dev.example.com');
  setup.zone = { ...setup.zone, zoneName: 'dev.example.com.', nameServers: awsNameServers(1) };
  setup.records = [{ ...here, region: 'global', id: `${ZONE_ID}/api.dev.example.com./A`, zoneId: ZONE_ID, recordName: 'api.dev.example.com.', type: 'A', alias: { dnsName: `${setup.domain.targetDomainName}.`, hostedZoneId: 'Z20JF4UZKIW1U8' } }];
  const parent = { ...here, region: 'global', id: PARENT, zoneName: 'example.com.', private: false, nameServers: awsNameServers(7) };
  const parentRecords = parentNs === undefined ? [] : [{ ...here, region: 'global', id: `${PARENT}/dev.example.com./NS`, zoneId: PARENT, recordName: 'dev.example.com.', type: 'NS', ttl: 172800, values: parentNs.map((n) => `${n}.`) }];
  return { ...setup, parent, parentRecords };
}

function resources(s: ReturnType<typeof subzone>) {
  return [domainResources(s), { hostedZones: [s.parent], recordSets: s.parentRecords }];
}

test('a parent zone we hold that delegates right (names in any case and order): clean', () => {
  const s = subzone([...awsNameServers(1)].reverse().map((n) => n.toUpperCase()));
  assert.deepEqual(findingsOf(CODE, ...resources(s)), []);
});

test('a parent zone that delegates to other servers: an error on the child zone, the fix in the parent zone', () => {
  const s = subzone(awsNameServers(3));
  s.zone.logicalId = 'DevZone';
  const finding = onlyFinding(CODE, ...resources(s));
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'hosted-zone', id: ZONE_ID, logicalId: 'DevZone' });
  assert.match(finding.message, /the NS record in hosted zone ZPARENT0000000000000 \(example\.com\.\) sends dev\.example\.com to ns-103\.awsdns-13\.net, .* not to exactly this zone's name servers/);
  assert.match(finding.message, /the record for api\.dev\.example\.com in this zone is invisible/);
  assert.match(finding.message, /Fix: set the NS record dev\.example\.com in hosted zone ZPARENT0000000000000 \(example\.com\.\) to exactly ns-1\.awsdns-01\.com/);
  assert.deepEqual(hopTrail(finding), ['dns-name:dev.example.com:true', 'delegation:dev.example.com:false', `hosted-zone:${ZONE_ID}:true`]);
});

test('a parent zone with no NS record for the child: nothing delegates to it', () => {
  const finding = onlyFinding(CODE, ...resources(subzone(undefined)));
  assert.match(finding.message, /hosted zone ZPARENT0000000000000 \(example\.com\.\) has no NS record for dev\.example\.com, so nothing delegates to this zone/);
});

test('partly overlapping NS sets are a warning: some resolvers reach the zone, some do not', () => {
  const [first = ''] = awsNameServers(1);
  const finding = onlyFinding(CODE, ...resources(subzone([first, ...awsNameServers(4).slice(1)])));
  assert.equal(finding.severity, 'warning');
});

test('live DNS decides for a zone whose parent we do not hold: the registrar’s NS set vs the zone’s', () => {
  const setup = domainSetup('api.example.com');
  setup.zone.nameServers = awsNameServers(1);
  const right = snapshotWithDns([live.answer('example.com', 'NS', awsNameServers(1))], domainResources(setup));
  assert.deepEqual(findingsIn(right, CODE), []);
  const wrong = snapshotWithDns([live.answer('example.com', 'NS', ['curitiba.ns.porkbun.com', 'fortaleza.ns.porkbun.com'])], domainResources(setup));
  const [finding] = findingsIn(wrong, CODE);
  assert.match(finding?.message ?? '', /public DNS sends example\.com to curitiba\.ns\.porkbun\.com and fortaleza\.ns\.porkbun\.com/);
  assert.match(finding?.message ?? '', /Fix: at the registrar of example\.com/);
  const nx = snapshotWithDns([live.nx('example.com', 'NS')], domainResources(setup));
  assert.match(findingsIn(nx, CODE)[0]?.message ?? '', /public DNS has no example\.com at all \(NXDOMAIN\)/);
});

test('a failed NS lookup is never a mismatch: info naming the lookup', () => {
  const setup = domainSetup('api.example.com');
  const failed = snapshotWithDns([live.failed('example.com', 'NS', 'server failure (SERVFAIL)')], domainResources(setup));
  const findings: Finding[] = findingsIn(failed);
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`), ['info unverifiable-path']);
  assert.match(findings[0]?.message ?? '', /the delegation: could not resolve example\.com NS via 192\.0\.2\.53 \(server failure \(SERVFAIL\)\)/);
});

test('a zone recreated under the same name: the delegated one is the zone that answers, the other is not reported', () => {
  const setup = domainSetup('api.example.com');
  setup.zone.nameServers = awsNameServers(1);
  // The old zone is delegated and has the record; the new one (lower id) has nothing.
  const fresh = { ...setup.zone, id: 'Z0000000000000000AAAA', nameServers: awsNameServers(2) };
  const snapshot = snapshotWithDns([live.answer('example.com', 'NS', awsNameServers(1))], domainResources(setup), { hostedZones: [fresh] });
  assert.deepEqual(findingsIn(snapshot), []);
  // Without live DNS there is no telling which is delegated: the record in the twin is not called missing.
  const offline = snapshotWith(domainResources({ ...setup, records: [] }));
  offline.resources.hostedZones.push({ ...fresh, vpcIds: [], private: false });
  offline.resources.hostedZones.push({ ...setup.zone, id: 'ZZZZ', vpcIds: [], nameServers: awsNameServers(1) });
  offline.resources.recordSets.push({ ...here, region: 'global', id: 'ZZZZ/api.example.com./A', zoneId: 'ZZZZ', recordName: 'api.example.com.', type: 'A', values: [], alias: { dnsName: `${setup.domain.targetDomainName}.`, hostedZoneId: 'Z20JF4UZKIW1U8', evaluateTargetHealth: false } });
  assert.deepEqual(analyze(offline).filter((f) => f.severity === 'error'), []);
});

test('a zone declared in a template has no name servers yet: its delegation is not judged', () => {
  const s = subzone(awsNameServers(3));
  s.zone.nameServers = [];
  assert.deepEqual(findingsOf(CODE, ...resources(s)), []);
});
