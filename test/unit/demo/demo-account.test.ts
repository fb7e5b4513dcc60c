import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../../../src/analysis/analyze';
import { DEMO_TEMPLATE_PATH_HINT, DEMO_TEMPLATE_TEXT, demoSnapshot } from '../../../src/demo/demo-account';

const root = join(__dirname, '..', '..', '..');

test('the demo reproduces both stories: exactly these findings, on these resources', () => {
  const findings = analyze(demoSnapshot());
  assert.deepEqual(
    findings.map((f) => `${f.severity} ${f.code} ${f.resource.kind} ${f.resource.id} ${f.resource.logicalId ?? ''}`),
    [
      'error domain-no-mapping domain-name api.smartorder.example.com ApiCustomDomain',
      'error domain-certificate-not-issued domain-name api.smartorder.example.com ApiCustomDomain',
      'error lambda-vpc-no-aws-endpoint lambda-function CancelOrderWorker CancelOrderWorker',
      'error lambda-vpc-public-subnet lambda-function CancelOrderWorker CancelOrderWorker',
      // The Zappa story: 30 s behind REST's 29 s integration timeout.
      'warning api-timeout-exceeds-integration lambda-function ZappaDjangoApp ZappaDjangoApp',
    ],
  );
  const mentions = (name: string) => findings.filter((f) => f.resource.id === name || f.message.startsWith(name));
  assert.deepEqual(mentions('OrderSyncWorker'), []);
  assert.deepEqual(mentions('www.smartorder.example.com'), []);
});

test('the demo messages name the broken hop and the fix a developer needs', () => {
  const byCode = new Map(analyze(demoSnapshot()).map((f) => [f.code, f.message]));
  assert.match(byCode.get('lambda-vpc-no-aws-endpoint') ?? '', /CancelOrderWorker needs lambda:InvokeFunction \(LambdaInvokePolicy\).*igw-0f1e2d3c4b5a69788.*com\.amazonaws\.ap-northeast-2\.lambda/);
  assert.match(byCode.get('lambda-vpc-public-subnet') ?? '', /smartorder-public-2a.*smartorder-private-2a.*nat-0a9b8c7d6e5f43210/);
  assert.match(byCode.get('domain-no-mapping') ?? '', /smartorder-api \(a1b2c3d4e5\), stage prod/);
  assert.match(byCode.get('domain-certificate-not-issued') ?? '', /PENDING_VALIDATION.*_4f1d2c3b5a6e7f8091a2b3c4d5e6f708\.api\.smartorder\.example\.com\./);
  assert.match(byCode.get('api-timeout-exceeds-integration') ?? '', /ZappaDjangoApp has a 30 s timeout, but REST API smartorder-api \(a1b2c3d4e5\) stops waiting for it after 29 s/);
});

test('the demo is a realistic account: at least 40 resources, one account, ap-northeast-2', () => {
  const snapshot = demoSnapshot();
  const count = Object.values(snapshot.resources).reduce((sum, list) => sum + list.length, 0);
  assert.ok(count >= 40, `only ${count} resources`);
  assert.deepEqual(snapshot.accounts.map((a) => a.id), ['123456789012']);
  assert.deepEqual(snapshot.regions, ['ap-northeast-2']);
  assert.equal(snapshot.source.kind, 'demo');
});

test('demoSnapshot returns a fresh copy each call', () => {
  const first = demoSnapshot();
  first.resources.lambdaFunctions.length = 0;
  assert.ok(demoSnapshot().resources.lambdaFunctions.length > 0);
});

test('DEMO_TEMPLATE_TEXT is demo/template.yaml, byte for byte, and a SAM template', () => {
  assert.equal(DEMO_TEMPLATE_PATH_HINT, 'demo/template.yaml');
  assert.equal(DEMO_TEMPLATE_TEXT, readFileSync(join(root, DEMO_TEMPLATE_PATH_HINT), 'utf8'));
  const template = parse(DEMO_TEMPLATE_TEXT, { customTags: ['!Ref', '!Sub', '!GetAtt', '!Select', '!GetAZs'].map(scalarOrSeq).flat() }) as {
    Transform: string;
    Resources: Record<string, { Type: string }>;
  };
  assert.equal(template.Transform, 'AWS::Serverless-2016-10-31');
  for (const name of ['CancelOrderWorker', 'OrderSyncWorker', 'RefundFunction', 'ZappaDjangoApp', 'ApiCustomDomain', 'StorefrontHttpApi']) {
    assert.ok(template.Resources[name], `${name} missing from the template`);
  }
});

test('the snapshot and the template describe the same functions and subnets', () => {
  const snapshot = demoSnapshot();
  for (const fn of snapshot.resources.lambdaFunctions) assert.match(DEMO_TEMPLATE_TEXT, new RegExp(`FunctionName: ${fn.name}\\n`));
  for (const subnet of snapshot.resources.subnets) assert.ok(DEMO_TEMPLATE_TEXT.includes(`Value: ${subnet.name}`), `${subnet.name} not in template`);
});

// CloudFormation short-form tags, read as plain values: enough to check the template's shape.
function scalarOrSeq(tag: string) {
  return [
    { tag, resolve: (value: string) => value },
    { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  ];
}
