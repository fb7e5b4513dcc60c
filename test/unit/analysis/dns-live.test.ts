import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/analyze';
import { domainResources, domainSetup, ZONE_ID } from '../../builders/domain';
import { externalDomain, findingsIn, live, snapshotWithDns, withoutZone } from '../../builders/dns';
import { here, snapshotWith } from '../../builders/snapshot';

const TARGET = 'd-abcdef1234.execute-api.ap-northeast-2.amazonaws.com';
const summary = (snapshot: Parameters<typeof analyze>[0]) => analyze(snapshot).map((f) => `${f.severity} ${f.code}`);

test('an external provider’s CNAME to the target (the seed story’s porkbun CNAME) is clean', () => {
  const setup = withoutZone(externalDomain('dev.example.com', TARGET));
  assert.deepEqual(summary(snapshotWithDns([live.answer('dev.example.com', 'CNAME', [TARGET]), live.answer('dev.example.com', 'A', ['3.35.1.2'])], setup)), []);
});

test('an external CNAME elsewhere is a wrong target on the domain; NXDOMAIN is a missing record', () => {
  const setup = withoutZone(externalDomain('dev.example.com', TARGET));
  const wrong = findingsIn(snapshotWithDns([live.answer('dev.example.com', 'CNAME', ['old-app.herokudns.com'])], setup));
  assert.deepEqual(wrong.map((f) => `${f.code} ${f.resource.kind} ${f.resource.id}`), ['dns-record-wrong-target domain-name dev.example.com']);
  assert.match(wrong[0]?.message ?? '', /in public DNS \(via 192\.0\.2\.53\) its CNAME points at old-app\.herokudns\.com/);
  assert.deepEqual(summary(snapshotWithDns([live.nx('dev.example.com', 'CNAME'), live.nx('dev.example.com', 'A')], setup)), ['error dns-record-missing']);
});

test('addresses without a CNAME, or failed lookups: info, never an error', () => {
  const setup = withoutZone(externalDomain('dev.example.com', TARGET));
  assert.deepEqual(summary(snapshotWithDns([live.noData('dev.example.com', 'CNAME'), live.answer('dev.example.com', 'A', ['3.35.1.2'])], setup)), ['info unverifiable-path']);
  assert.deepEqual(summary(snapshotWithDns([live.failed('dev.example.com', 'CNAME'), live.failed('dev.example.com', 'A')], setup)), ['info unverifiable-path']);
});

test('offline observations say nothing: the same findings as without DNS', () => {
  const setup = domainResources(domainSetup('api.example.com'));
  const offline = { ...snapshotWith(setup), dns: { observedAt: '2026-01-01T00:00:00.000Z', servers: [], offline: true, lookups: [] } };
  assert.deepEqual(analyze(offline), analyze(snapshotWith(setup)));
});

test('a zone we hold decides its own records, even when public DNS disagrees (that is the delegation’s finding)', () => {
  const setup = domainSetup('api.example.com');
  const snapshot = snapshotWithDns([live.nx('api.example.com', 'CNAME'), live.nx('api.example.com', 'A'), live.answer('example.com', 'NS', setup.zone.nameServers ?? [])], domainResources(setup));
  assert.deepEqual(summary(snapshot), []);
});

test('validation CNAME advice follows what public DNS says', () => {
  const setup = domainSetup('api.example.com');
  setup.certificate.status = 'PENDING_VALIDATION';
  setup.certificate.validations = [{ domainName: 'api.example.com', status: 'PENDING_VALIDATION', record: { name: '_a1.api.example.com.', type: 'CNAME', value: '_b2.acm-validations.aws.' } }];
  const message = (lookups: Parameters<typeof snapshotWithDns>[0]) => findingsIn(snapshotWithDns(lookups, domainResources(setup)), 'domain-certificate-not-issued')[0]?.message ?? '';
  assert.match(message([live.answer('_a1.api.example.com', 'CNAME', ['_b2.acm-validations.aws'])]), /already resolves in public DNS, so ACM should issue within minutes/);
  assert.match(message([live.nx('_a1.api.example.com', 'CNAME')]), /create CNAME _a1\.api\.example\.com\. → _b2\.acm-validations\.aws\. in hosted zone Z0000000000000000TEST/);
  setup.records.push({ ...here, region: 'global', id: `${ZONE_ID}/_a1.api.example.com./CNAME`, zoneId: ZONE_ID, recordName: '_a1.api.example.com.', type: 'CNAME', values: ['_b2.acm-validations.aws.'] });
  assert.match(
    message([live.nx('_a1.api.example.com', 'CNAME'), live.answer('example.com', 'NS', ['ns1.registrar.example'])]),
    /already in hosted zone Z0000000000000000TEST \(example\.com\.\), but public DNS sends example\.com to ns1\.registrar\.example.*so ACM cannot see it — fix the delegation first/,
  );
});
