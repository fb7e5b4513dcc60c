import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/analyze';
import { domainResources, domainSetup, ZONE_ID, type DomainSetup } from '../../builders/domain';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';
import { here, snapshotWith } from '../../builders/snapshot';

const TARGET = 'd-abcdef1234.execute-api.ap-northeast-2.amazonaws.com';
const record = (name: string, type: string, extra: object) => ({ ...here, region: 'global', id: `${ZONE_ID}/${name}./${type}`, zoneId: ZONE_ID, recordName: `${name}.`, type, ...extra });

function withRecords(records: DomainSetup['records'], name = 'api.example.com'): DomainSetup {
  const setup = domainSetup(name);
  setup.records = records;
  return setup;
}

test('dns-record-missing: the zone has no record for the name — an error on the domain naming the alias to create', () => {
  const setup = withRecords([]);
  setup.domain.logicalId = 'ApiCustomDomain';
  const finding = onlyFinding('dns-record-missing', domainResources(setup));
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'domain-name', id: 'api.example.com', logicalId: 'ApiCustomDomain' });
  assert.match(finding.message, /api\.example\.com has no A\/AAAA alias or CNAME record in hosted zone Z0000000000000000TEST \(example\.com\.\)/);
  assert.ok(finding.message.includes(`Fix: create an alias A record api.example.com with DNSName ${TARGET} and HostedZoneId Z20JF4UZKIW1U8 in that zone`));
  assert.match(finding.message, /Domain\.Route53\.HostedZoneId on the AWS::Serverless::Api/);
  assert.deepEqual(hopTrail(finding), ['dns-name:api.example.com:true', 'delegation:example.com:true', `hosted-zone:${ZONE_ID}:true`, 'record:api.example.com:false']);
});

test('dns-record-missing: a wildcard alias answers for the name; a TXT at the name itself stops the wildcard', () => {
  const wildcard = withRecords([record('*.example.com', 'A', { alias: { dnsName: `${TARGET}.`, hostedZoneId: 'Z20JF4UZKIW1U8' } })]);
  assert.deepEqual(analyze(snapshotWith(domainResources(wildcard))), []);
  wildcard.records.push(record('api.example.com', 'TXT', { values: ['"v=spf1 -all"'] }));
  assert.equal(onlyFinding('dns-record-missing', domainResources(wildcard)).severity, 'error');
  // An empty non-terminal (a record below the name) also exists, so the wildcard does not answer.
  const below = withRecords([record('*.example.com', 'A', { alias: { dnsName: `${TARGET}.`, hostedZoneId: 'Z20JF4UZKIW1U8' } }), record('x.api.example.com', 'TXT', { values: ['"x"'] })]);
  assert.equal(findingsOf('dns-record-missing', domainResources(below)).length, 1);
});

test('a right CNAME in the zone is clean; a right alias AAAA beside the A too', () => {
  assert.deepEqual(analyze(snapshotWith(domainResources(withRecords([record('api.example.com', 'CNAME', { values: [`${TARGET}.`] })])))), []);
  const both = domainSetup('api.example.com');
  both.records.push(record('api.example.com', 'AAAA', { alias: { dnsName: TARGET, hostedZoneId: 'Z20JF4UZKIW1U8' } }));
  assert.deepEqual(analyze(snapshotWith(domainResources(both))), []);
});

test('dns-record-wrong-target: an alias to the API’s execute-api name is an error on the record, naming the API and the fix', () => {
  const setup = withRecords([record('api.example.com', 'A', { logicalId: 'ApiRecord', alias: { dnsName: 'abc123def4.execute-api.ap-northeast-2.amazonaws.com.', hostedZoneId: 'Z20JF4UZKIW1U8' } })]);
  const finding = onlyFinding('dns-record-wrong-target', domainResources(setup));
  assert.deepEqual(finding.resource, { kind: 'record', id: `${ZONE_ID}/api.example.com./A`, logicalId: 'ApiRecord' });
  assert.match(finding.message, /points at abc123def4\.execute-api\.ap-northeast-2\.amazonaws\.com, the default endpoint of REST API shop-api \(abc123def4\), not at the custom domain's target d-abcdef1234/);
  assert.match(finding.message, /TLS for api\.example\.com fails/);
  assert.match(finding.message, /Fix: set the alias to DNSName d-abcdef1234\.execute-api\.ap-northeast-2\.amazonaws\.com and HostedZoneId Z20JF4UZKIW1U8 \(in a template, !GetAtt of the domain's RegionalDomainName and RegionalHostedZoneId\)/);
  assert.deepEqual(hopTrail(finding).slice(-2), [`record:${ZONE_ID}/api.example.com./A:false`, 'domain-name:api.example.com:true']);
});

test('dns-record-wrong-target: the right name with the wrong zone id (near miss) is an error; the right pair is clean', () => {
  const setup = withRecords([record('api.example.com', 'A', { alias: { dnsName: `${TARGET}.`, hostedZoneId: 'Z2FDTNDATAQYW2' } })]);
  const finding = onlyFinding('dns-record-wrong-target', domainResources(setup));
  assert.match(finding.message, /the alias A record Z0000000000000000TEST\/api\.example\.com\.\/A aliases the right name but with hosted zone id Z2FDTNDATAQYW2, while the target's is Z20JF4UZKIW1U8/);
  assert.deepEqual(findingsOf('dns-record-wrong-target', domainResources(domainSetup())), []);
});

test('dns-record-wrong-target: another custom domain’s target, a CNAME elsewhere, and fixed addresses (a warning)', () => {
  const other = domainSetup('www.example.com');
  other.domain.targetDomainName = 'd-www0000000.execute-api.ap-northeast-2.amazonaws.com';
  const setup = withRecords([record('api.example.com', 'CNAME', { values: ['d-www0000000.execute-api.ap-northeast-2.amazonaws.com'] })]);
  const crossed = onlyFinding('dns-record-wrong-target', domainResources(setup), { domainNames: [other.domain] });
  assert.match(crossed.message, /the target of the custom domain www\.example\.com/);
  assert.match(crossed.message, /Fix: point the CNAME at d-abcdef1234/);
  const elsewhere = withRecords([record('api.example.com', 'CNAME', { values: ['shop.herokuapp.com'] })]);
  assert.match(onlyFinding('dns-record-wrong-target', domainResources(elsewhere)).message, /points at shop\.herokuapp\.com, not at the custom domain's target d-abcdef1234/);
  const fixed = withRecords([record('api.example.com', 'A', { values: ['3.35.1.2'] })]);
  const warning = onlyFinding('dns-record-wrong-target', domainResources(fixed));
  assert.equal(warning.severity, 'warning');
  assert.match(warning.message, /fixed A addresses \(3\.35\.1\.2\).*Fix: replace it with an alias A record/);
});

test('an EDGE domain’s alias must use the distribution name and Z2FDTNDATAQYW2', () => {
  const setup = domainSetup('edge.example.com');
  setup.domain = { ...setup.domain, endpointType: 'EDGE', certificateArn: setup.certificate.arn.replace('ap-northeast-2', 'us-east-1'), targetDomainName: 'd111111abcdef8.cloudfront.net', targetHostedZoneId: 'Z2FDTNDATAQYW2' };
  setup.certificate = { ...setup.certificate, id: setup.domain.certificateArn ?? '', arn: setup.domain.certificateArn ?? '' };
  // Still pointing at a regional name: wrong target.
  assert.match(onlyFinding('dns-record-wrong-target', domainResources(setup)).message, /not at the custom domain's target d111111abcdef8\.cloudfront\.net/);
  const [alias] = setup.records;
  assert.ok(alias);
  alias.alias = { dnsName: 'd111111abcdef8.cloudfront.net.', hostedZoneId: 'Z2FDTNDATAQYW2' };
  assert.deepEqual(analyze(snapshotWith(domainResources(setup))), []);
});

test('unknown targets are not judged: a v2 domain without its target name, a template stand-in; GetAtt of another domain is', () => {
  const v2 = domainSetup('api.example.com');
  v2.domain.apiVersion = 'v2';
  delete v2.domain.targetDomainName;
  delete v2.domain.targetHostedZoneId;
  v2.records = [record('api.example.com', 'A', { alias: { dnsName: 'd-whatever000.execute-api.ap-northeast-2.amazonaws.com.', hostedZoneId: 'Z20JF4UZKIW1U8' } })];
  assert.deepEqual(analyze(snapshotWith(domainResources(v2))), []);
  // …but the execute-api name of an API is wrong whatever the target is.
  v2.records = [record('api.example.com', 'A', { alias: { dnsName: 'abc123def4.execute-api.ap-northeast-2.amazonaws.com.', hostedZoneId: 'Z20JF4UZKIW1U8' } })];
  assert.equal(findingsOf('dns-record-wrong-target', domainResources(v2)).length, 1);
  const template = domainSetup('api.example.com');
  template.domain.targetDomainName = '<GetAtt ApiDomain.RegionalDomainName>';
  template.domain.targetHostedZoneId = '<GetAtt ApiDomain.RegionalHostedZoneId>';
  template.records = [record('api.example.com', 'A', { alias: { dnsName: '<GetAtt ApiDomain.RegionalDomainName>', hostedZoneId: '<GetAtt ApiDomain.RegionalHostedZoneId>' } })];
  assert.deepEqual(analyze(snapshotWith(domainResources(template))), []);
  template.records = [record('api.example.com', 'A', { alias: { dnsName: '<GetAtt OtherDomain.RegionalDomainName>', hostedZoneId: '<GetAtt OtherDomain.RegionalHostedZoneId>' } })];
  assert.match(onlyFinding('dns-record-wrong-target', domainResources(template)).message, /points at OtherDomain's RegionalDomainName, not at ApiDomain's RegionalDomainName/);
});

test('a Route 53 gap leaves records unknown: no record error, an info instead; a private custom domain is not looked up', () => {
  const setup = withRecords([]);
  const snapshot = snapshotWith(domainResources(setup));
  snapshot.gaps.push({ service: 'route53', region: 'global', error: 'could not read hosted zone Z9 (dev.example.com.): Throttling' });
  const findings = analyze(snapshot);
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`), ['info unverifiable-path']);
  assert.match(findings[0]?.message ?? '', /the DNS record: Route 53 could not be read completely \(route53 global: could not read hosted zone Z9/);
  const privateDomain = withRecords([]);
  privateDomain.domain.endpointType = 'PRIVATE';
  assert.deepEqual(analyze(snapshotWith(domainResources(privateDomain))), []);
});

test('dns-cname-at-apex: an error on the record, with the alias to use instead', () => {
  const setup = domainSetup('example.com');
  setup.certificate.domainName = 'example.com';
  setup.records = [record('example.com', 'CNAME', { values: [TARGET] })];
  const findings = analyze(snapshotWith(domainResources(setup)));
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code} ${f.resource.id}`), [`error dns-cname-at-apex ${ZONE_ID}/example.com./CNAME`]);
  assert.match(findings[0]?.message ?? '', /has a CNAME record at its apex example\.com .*Fix: replace it with an alias A record example\.com with DNSName d-abcdef1234/);
  // Below the apex a CNAME is fine.
  const below = withRecords([record('api.example.com', 'CNAME', { values: [TARGET] })]);
  assert.deepEqual(findingsOf('dns-cname-at-apex', domainResources(below)), []);
});

test('a template’s record into a zone it does not declare (HostedZoneId a parameter) is still judged by where it points', () => {
  const setup = domainSetup('admin.example.com');
  setup.domain.targetDomainName = '<GetAtt AdminDomain.RegionalDomainName>';
  setup.domain.targetHostedZoneId = '<GetAtt AdminDomain.RegionalHostedZoneId>';
  const outside = (dnsName: string) => ({ ...here, region: 'global', id: 'Z0123456789ABCDEFGHIJ/admin.example.com./A', zoneId: 'Z0123456789ABCDEFGHIJ', logicalId: 'AdminRecord', recordName: 'admin.example.com.', type: 'A', alias: { dnsName, hostedZoneId: '<GetAtt AdminDomain.RegionalHostedZoneId>' } });
  const resources = { domainNames: [setup.domain], certificates: [setup.certificate], apis: [setup.api], apiMappings: setup.mappings };
  assert.deepEqual(analyze(snapshotWith({ ...resources, recordSets: [outside('<GetAtt AdminDomain.RegionalDomainName>')] })), []);
  const wrong = onlyFinding('dns-record-wrong-target', { ...resources, recordSets: [outside('abc123def4.execute-api.ap-northeast-2.amazonaws.com')] });
  assert.deepEqual(wrong.resource, { kind: 'record', id: 'Z0123456789ABCDEFGHIJ/admin.example.com./A', logicalId: 'AdminRecord' });
  assert.deepEqual(hopTrail(wrong), ['dns-name:admin.example.com:true', 'record:Z0123456789ABCDEFGHIJ/admin.example.com./A:false', 'domain-name:admin.example.com:true']);
  assert.match(wrong.message, /Fix: set the alias to DNSName !GetAtt AdminDomain\.RegionalDomainName and HostedZoneId !GetAtt AdminDomain\.RegionalHostedZoneId\.$/);
  // With no record at all and no zone, nothing is claimed missing.
  assert.deepEqual(findingsOf('dns-record-missing', resources), []);
});
