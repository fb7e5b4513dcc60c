// The two stories of DOMAIN.md written as templates, caught with the right code on the right line,
// and the demo template: on its own, and against the demo account it deploys into.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSnapshot } from '../../../src/demo/demo-account';
import { assertAt, check, codes, errors } from './helpers';

const DEMO = readFileSync(join(__dirname, '..', '..', '..', 'demo', 'template.yaml'), 'utf8');
const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', name), 'utf8');

test('story 1: the invoking function in public subnets fails on SubnetIds; through NAT or an endpoint it is clean', () => {
  const broken = fixture('story1-invoke-from-public-subnets.yaml');
  const findings = check(broken).findings;
  assert.deepEqual(codes(findings), ['lambda-vpc-no-aws-endpoint', 'lambda-vpc-public-subnet']);
  for (const finding of findings) {
    assertAt(broken, finding, 'SubnetIds:', 'CancelOrderFunction:');
    assert.equal(finding.resource.logicalId, 'CancelOrderFunction');
    assert.match(finding.message, /lambda:InvokeFunction/);
  }
  for (const working of ['story1-invoke-through-nat.yaml', 'story1-invoke-through-endpoint.yaml']) {
    assert.deepEqual(check(fixture(working)).findings, [], working);
  }
});

test('story 2: the custom domain without an API mapping fails on its DomainName; with the mapping, or the SAM way, it is clean', () => {
  const broken = fixture('story2-custom-domain-without-mapping.yaml');
  const findings = check(broken).findings;
  assert.deepEqual(codes(findings), ['domain-no-mapping']);
  assertAt(broken, findings[0] ?? assert.fail(), 'DomainName:', 'AdminDomain:');
  assert.match(findings[0]?.message ?? '', /403/);
  for (const working of ['story2-custom-domain-with-mapping.yaml', 'story2-sam-domain.yaml', 'http-api-sam-domain.yaml']) {
    assert.deepEqual(check(fixture(working)).findings, [], working);
  }
});

test('the demo template on its own: both seed failures and the API timeout, each on its line', () => {
  const findings = check(DEMO, { fileName: 'demo/template.yaml', region: undefined }).findings;
  assert.deepEqual(codes(errors(findings)), ['domain-no-mapping', 'lambda-vpc-no-aws-endpoint', 'lambda-vpc-public-subnet']);
  const at = (code: string) => findings.find((f) => f.code === code) ?? assert.fail(code);
  assertAt(DEMO, at('lambda-vpc-public-subnet'), 'SubnetIds:', 'CancelOrderWorker:');
  assertAt(DEMO, at('lambda-vpc-no-aws-endpoint'), 'SubnetIds:', 'CancelOrderWorker:');
  assertAt(DEMO, at('domain-no-mapping'), 'DomainName:', 'ApiCustomDomain:');
  assertAt(DEMO, at('api-timeout-exceeds-integration'), 'Timeout: 30', 'ZappaDjangoApp:');
  assert.equal(findings.find((f) => f.resource.logicalId === 'OrderSyncWorker'), undefined, 'the private-subnet worker is fine');
});

test('the demo template against the demo account: the pending certificate too, on RegionalCertificateArn', () => {
  const findings = check(DEMO, { fileName: 'demo/template.yaml', region: undefined, snapshot: demoSnapshot() }).findings;
  assert.deepEqual(codes(errors(findings)), ['domain-certificate-not-issued', 'domain-no-mapping', 'lambda-vpc-no-aws-endpoint', 'lambda-vpc-public-subnet']);
  assertAt(DEMO, findings.find((f) => f.code === 'domain-certificate-not-issued') ?? assert.fail(), 'RegionalCertificateArn:', 'ApiCustomDomain:');
  for (const finding of findings) assert.equal(finding.file, 'demo/template.yaml');
});
