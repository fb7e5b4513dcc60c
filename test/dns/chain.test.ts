// The dns tier: a real authoritative server (NSD) on loopback serves a parent zone that delegates
// one child right and one wrong (each child served as the delegated servers would answer it), an
// external provider's zone with a right CNAME, a CNAME to an execute-api name, an address-only
// name, a name with no address and a missing name, and ACM validation CNAMEs. observeDns asks it
// through node:dns; analyze reads the observations; the findings are checked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/analysis/analyze';
import { main } from '../../src/cli/main';
import { observeDns, withDnsObservations } from '../../src/dns/observe-dns';
import type { Finding } from '../../src/model/finding';
import type { DnsObservations, Snapshot } from '../../src/model/snapshot';
import { domainResources, domainSetup } from '../builders/domain';
import { awsNameServers, externalDomain, ownCertificate, withoutZone } from '../builders/dns';
import { here, mergeResources, snapshotWith } from '../builders/snapshot';
import { startNsd, type NsdServer } from './nsd-server';
import { SEED_ZONES } from './zones';

const GOOD_NS = awsNameServers(1);
const BAD_ZONE_NS = awsNameServers(2);

let nsd: NsdServer;
let observations: DnsObservations;
let findings: Finding[];

function seedSnapshot(): Snapshot {
  const good = ownCertificate(domainSetup('api.good.test'));
  good.zone = { ...good.zone, id: 'ZGOOD', zoneName: 'good.test.', nameServers: GOOD_NS };
  good.records = [{ ...here, region: 'global', id: 'ZGOOD/api.good.test./A', zoneId: 'ZGOOD', recordName: 'api.good.test.', type: 'A', alias: { dnsName: `${good.domain.targetDomainName}.`, hostedZoneId: 'Z20JF4UZKIW1U8' } }];
  // A pending certificate whose validation CNAME is in our zone but not yet in public DNS.
  const www = domainSetup('www.good.test');
  www.certificate = { ...www.certificate, id: 'cert-www', arn: 'arn:aws:acm:ap-northeast-2:111122223333:certificate/www', status: 'PENDING_VALIDATION', validations: [{ domainName: 'www.good.test', status: 'PENDING_VALIDATION', record: { name: '_v3.www.good.test.', type: 'CNAME', value: '_t3.acm-validations.aws.' } }] };
  www.domain.certificateArn = www.certificate.arn;
  www.records = [
    { ...here, region: 'global', id: 'ZGOOD/www.good.test./A', zoneId: 'ZGOOD', recordName: 'www.good.test.', type: 'A', alias: { dnsName: `${www.domain.targetDomainName}.`, hostedZoneId: 'Z20JF4UZKIW1U8' } },
    { ...here, region: 'global', id: 'ZGOOD/_v3.www.good.test./CNAME', zoneId: 'ZGOOD', recordName: '_v3.www.good.test.', type: 'CNAME', values: ['_t3.acm-validations.aws.'] },
  ];
  const bad = ownCertificate(domainSetup('api.bad.test'));
  bad.zone = { ...bad.zone, id: 'ZBAD', zoneName: 'bad.test.', nameServers: BAD_ZONE_NS };
  bad.records = [{ ...here, region: 'global', id: 'ZBAD/api.bad.test./A', zoneId: 'ZBAD', recordName: 'api.bad.test.', type: 'A', alias: { dnsName: `${bad.domain.targetDomainName}.`, hostedZoneId: 'Z20JF4UZKIW1U8' } }];
  // The seed story: a name at an external registrar, a CNAME to the custom domain's regional name.
  const dev = externalDomain('dev.shop.test', 'd-abcdef1234.execute-api.ap-northeast-2.amazonaws.com');
  dev.certificate = { ...dev.certificate, id: 'cert-dev', arn: 'arn:aws:acm:ap-northeast-2:111122223333:certificate/dev', status: 'PENDING_VALIDATION', validations: [{ domainName: 'dev.shop.test', status: 'PENDING_VALIDATION', record: { name: '_v2.dev.shop.test.', type: 'CNAME', value: '_t2.acm-validations.aws.' } }] };
  dev.domain.certificateArn = dev.certificate.arn;
  const external = ['old.shop.test', 'gone.shop.test', 'txtonly.shop.test', 'flat.shop.test', 'api.elsewhere.invalid'].map((name) => withoutZone(externalDomain(name)));
  return snapshotWith(mergeResources(domainResources(good), domainResources(www), domainResources(bad), withoutZone(dev), ...external));
}

before(async () => {
  nsd = await startNsd(SEED_ZONES);
  const snapshot = seedSnapshot();
  observations = await observeDns(snapshot, { servers: [nsd.server], timeoutMs: 1000, now: () => new Date('2026-11-21T09:00:00.000Z') });
  findings = analyze(withDnsObservations(snapshot, observations));
});
after(() => nsd?.stop());

const on = (id: string) => findings.filter((f) => f.resource.id === id).map((f) => `${f.severity} ${f.code}`);

test('observations: the questions the chains raise, answered by the real server', () => {
  assert.equal(observations.offline, false);
  assert.deepEqual(observations.servers, [nsd.server]);
  const seen = (name: string, type: string) => observations.lookups.find((l) => l.name === name && l.type === type);
  assert.deepEqual(seen('good.test', 'NS')?.values, [...GOOD_NS].sort());
  assert.deepEqual(seen('bad.test', 'NS')?.values, ['ns1.registrar.test', 'ns2.registrar.test']);
  assert.deepEqual(seen('dev.shop.test', 'CNAME')?.values, ['d-abcdef1234.execute-api.ap-northeast-2.amazonaws.com']);
  assert.equal(seen('gone.shop.test', 'CNAME')?.result, 'nx-domain');
  assert.equal(seen('txtonly.shop.test', 'A')?.result, 'no-data');
  assert.equal(seen('_v2.dev.shop.test', 'CNAME')?.result, 'answer');
  assert.equal(seen('_v3.www.good.test', 'CNAME')?.result, 'nx-domain');
  const refused = seen('api.elsewhere.invalid', 'CNAME');
  assert.equal(refused?.result, 'failed');
  assert.match(refused?.error ?? '', /REFUSED/);
});

test('the parent that delegates right: its zone and domain are clean', () => {
  assert.deepEqual(on('ZGOOD'), []);
  assert.deepEqual(on('api.good.test'), []);
});

test('the parent that delegates wrong: one dns-delegation-mismatch, on the zone, naming both NS sets and the fix', () => {
  assert.deepEqual(on('ZBAD'), ['error dns-delegation-mismatch']);
  const finding = findings.find((f) => f.code === 'dns-delegation-mismatch');
  assert.match(finding?.message ?? '', /public DNS sends bad\.test to ns1\.registrar\.test and ns2\.registrar\.test, not to exactly this zone's name servers/);
  assert.match(finding?.message ?? '', /the record for api\.bad\.test in this zone is invisible/);
  assert.match(finding?.message ?? '', /Fix: at the registrar of bad\.test \(for a subdomain: in its parent zone\), set the name servers of bad\.test to exactly ns-2\.awsdns-02\.com/);
  assert.deepEqual(on('api.bad.test'), []);
});

test('the external provider: a right CNAME is clean; a CNAME to the execute-api name is a wrong target', () => {
  assert.deepEqual(on('old.shop.test'), ['error dns-record-wrong-target']);
  const wrong = findings.find((f) => f.code === 'dns-record-wrong-target');
  assert.match(wrong?.message ?? '', /its CNAME points at k7m9p2q4r6\.execute-api\.ap-northeast-2\.amazonaws\.com, the default endpoint of API k7m9p2q4r6, not at the custom domain's target d-ext13abcde/);
  assert.match(wrong?.message ?? '', /Fix: at the DNS provider that serves old\.shop\.test, point the CNAME at d-ext13abcde/);
});

test('missing records: NXDOMAIN and a name without addresses are dns-record-missing', () => {
  assert.deepEqual(on('gone.shop.test'), ['error dns-record-missing']);
  assert.deepEqual(on('txtonly.shop.test'), ['error dns-record-missing']);
  const gone = findings.find((f) => f.resource.id === 'gone.shop.test');
  assert.match(gone?.message ?? '', new RegExp(`Public DNS \\(via ${nsd.server.replace(/\./g, '\\.')}\\) has no record for gone\\.shop\\.test \\(NXDOMAIN`));
});

test('unverifiable, never broken: an address-only name and a refused lookup are info', () => {
  assert.deepEqual(on('flat.shop.test'), ['info unverifiable-path']);
  assert.deepEqual(on('api.elsewhere.invalid'), ['info unverifiable-path']);
  const refused = findings.find((f) => f.resource.id === 'api.elsewhere.invalid');
  assert.match(refused?.message ?? '', /could not resolve api\.elsewhere\.invalid CNAME via .*REFUSED/);
});

test('ACM validation CNAMEs: one resolving publicly, one in our zone but not yet public', () => {
  const dev = findings.find((f) => f.resource.id === 'dev.shop.test');
  assert.equal(dev?.code, 'domain-certificate-not-issued');
  assert.match(dev?.message ?? '', /_v2\.dev\.shop\.test\. → _t2\.acm-validations\.aws\. already resolves in public DNS/);
  const www = findings.find((f) => f.resource.id === 'www.good.test');
  assert.equal(www?.code, 'domain-certificate-not-issued');
  assert.match(www?.message ?? '', /already in hosted zone ZGOOD \(good\.test\.\), but public DNS does not return it yet/);
});

test('nothing else: every finding is one of the expected ones', () => {
  assert.deepEqual(
    findings.map((f) => `${f.resource.id} ${f.code}`).sort(),
    [
      'ZBAD dns-delegation-mismatch',
      'api.elsewhere.invalid unverifiable-path',
      'dev.shop.test domain-certificate-not-issued',
      'flat.shop.test unverifiable-path',
      'gone.shop.test dns-record-missing',
      'old.shop.test dns-record-wrong-target',
      'txtonly.shop.test dns-record-missing',
      'www.good.test domain-certificate-not-issued',
    ],
  );
});

test('the CLI: check --snapshot --dns-server asks the given server, --offline asks none', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'snm-dns-cli-')), 'snapshot.json');
  writeFileSync(file, JSON.stringify(seedSnapshot()));
  const run = async (...extra: string[]) => {
    let out = '';
    const io = { color: false, stdout: (t: string) => void (out += t), stderr: () => undefined };
    const code = await main(['check', '--snapshot', file, '--format', 'json', ...extra], io);
    return { code, findings: (JSON.parse(out) as { findings: Finding[] }).findings };
  };
  const live = await run('--dns-server', nsd.server);
  assert.equal(live.code, 1);
  const delegation = live.findings.filter((f) => f.code === 'dns-delegation-mismatch').map((f) => f.resource.id);
  assert.deepEqual(delegation, ['ZBAD'], 'the wrong delegation is seen through the given server');
  // Same server, but offline: were it asked, the wrong delegation would show again.
  const offline = await run('--offline', '--dns-server', nsd.server);
  assert.ok(!offline.findings.some((f) => f.code === 'dns-delegation-mismatch'), 'offline, nothing is looked up');
});
