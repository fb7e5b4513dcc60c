// Never a false error: what a scan could not read is not absent. Each gap leaves its links unknown
// and the domain gets one info finding naming them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/analyze';
import type { Snapshot } from '../../../src/model/snapshot';
import { domainResources, domainSetup } from '../../builders/domain';
import { here, snapshotWith } from '../../builders/snapshot';

function withGap(snapshot: Snapshot, service: string, region: string, error: string): Snapshot {
  snapshot.gaps.push({ service, region, error });
  return snapshot;
}

test('ACM unread in the certificate’s region: no certificate finding, an info naming the gap', () => {
  const setup = domainSetup('api.example.com');
  const snapshot = withGap(snapshotWith({ ...domainResources(setup), certificates: [] }), 'acm', here.region, 'AccessDeniedException: not authorized to perform acm:ListCertificates');
  const findings = analyze(snapshot);
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`), ['info unverifiable-path']);
  assert.match(findings[0]?.message ?? '', /the certificate: the certificate could not be read \(acm ap-northeast-2: AccessDeniedException/);
  assert.match(findings[0]?.message ?? '', /Fix: scan again with permission to read the named service/);
});

test('a certificate simply not in the snapshot (another account, a template) is neither an error nor noise', () => {
  const setup = domainSetup('api.example.com');
  assert.deepEqual(analyze(snapshotWith({ ...domainResources(setup), certificates: [] })), []);
});

test('API Gateway unread in the region: the missing mapping is not claimed', () => {
  const setup = domainSetup('api.example.com');
  setup.mappings = [];
  const snapshot = withGap(snapshotWith(domainResources(setup)), 'apigatewayv2', here.region, 'TooManyRequestsException: Rate exceeded');
  const findings = analyze(snapshot);
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`), ['info unverifiable-path']);
  assert.match(findings[0]?.message ?? '', /the API mappings: the API mappings could not be read \(apigatewayv2 ap-northeast-2: TooManyRequestsException/);
});

test('a gap in another region or service changes nothing', () => {
  const setup = domainSetup('api.example.com');
  setup.mappings = [];
  const snapshot = withGap(snapshotWith(domainResources(setup)), 'apigateway', 'us-west-2', 'Throttling');
  withGap(snapshot, 'ec2', here.region, 'Throttling');
  assert.deepEqual(analyze(snapshot).map((f) => f.code), ['domain-no-mapping']);
});
