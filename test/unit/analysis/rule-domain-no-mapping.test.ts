import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainResources, domainSetup } from '../../builders/domain';
import { analyze } from '../../../src/analysis/analyze';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';
import { here, snapshotWith } from '../../builders/snapshot';

const CODE = 'domain-no-mapping';

test('a custom domain with no API mapping is an error that names the API to map', () => {
  const setup = domainSetup('api.example.com');
  setup.mappings = [];
  setup.domain.logicalId = 'ApiCustomDomain';
  const finding = onlyFinding(CODE, domainResources(setup));
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'domain-name', id: 'api.example.com', logicalId: 'ApiCustomDomain' });
  assert.match(finding.message, /^api\.example\.com has no API mapping, so requests to it reach no API: API Gateway answers 403 Forbidden/);
  assert.match(finding.message, /Fix: map it to shop-api \(abc123def4\), stage prod with an AWS::ApiGateway::BasePathMapping/);
  assert.deepEqual(hopTrail(finding), [
    'dns-name:api.example.com:true',
    'delegation:example.com:true',
    'hosted-zone:Z0000000000000000TEST:true',
    'record:Z0000000000000000TEST/api.example.com./A:true',
    'domain-name:api.example.com:true',
    'api-mapping:api.example.com:false',
  ]);
  // The one API in the account is the one to map: a quick fix can write the mapping.
  assert.deepEqual(finding.fix, { kind: 'add-api-mapping', domainName: 'api.example.com', apiId: 'abc123def4', stage: 'prod', apiVersion: 'v1' });
});

test('a mapped domain: no finding, whatever the case of the name', () => {
  const setup = domainSetup('api.example.com');
  const [mapping] = setup.mappings;
  assert.ok(mapping);
  mapping.domainName = 'API.Example.com.';
  assert.deepEqual(findingsOf(CODE, domainResources(setup)), []);
});

test('with several candidate APIs it does not guess; v2 domains point at ApiMapping', () => {
  const setup = domainSetup('www.example.com');
  setup.mappings = [];
  setup.domain.apiVersion = 'v2';
  const second = { ...setup.api, id: 'zzz999', name: 'other-api' };
  const finding = onlyFinding(CODE, domainResources(setup), { apis: [second] });
  assert.match(finding.message, /map it to the API and stage it should serve with an AWS::ApiGatewayV2::ApiMapping/);
});

test('mappings that could not be read (a 5xx from GetBasePathMappings) are no error, but info naming the gap', () => {
  const setup = domainSetup('api.example.com');
  setup.mappings = [];
  const snapshot = snapshotWith(domainResources(setup));
  snapshot.gaps.push({ service: 'apigateway', region: here.region, error: 'could not read the base path mappings of api.example.com: InternalServerError (HTTP 500)' });
  const findings = analyze(snapshot);
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`), ['info unverifiable-path']);
  assert.match(findings[0]?.message ?? '', /the API mappings: the API mappings could not be read \(apigateway ap-northeast-2: could not read the base path mappings of api\.example\.com/);
  // A gap about another domain's mappings says nothing about this one.
  snapshot.gaps[0] = { service: 'apigateway', region: here.region, error: 'could not read the base path mappings of other.example.com: InternalServerError' };
  assert.deepEqual(analyze(snapshot).map((f) => f.code), ['domain-no-mapping']);
});

test('a mapping to a stage the API does not have: an error when it is the only one, a warning beside a working one', () => {
  const setup = domainSetup('api.example.com');
  const [root] = setup.mappings;
  assert.ok(root);
  root.stage = 'prd';
  const only = onlyFinding(CODE, domainResources(setup));
  assert.equal(only.severity, 'error');
  assert.match(only.message, /api\.example\.com: \/ \(root\) maps to stage prd, which REST API shop-api \(abc123def4\) does not have \(it has prod\)/);
  assert.ok(hopTrail(only).includes('stage:abc123def4/prd:false'));
  setup.mappings.push({ ...root, id: 'api.example.com/v1', basePath: 'v1', stage: 'prod' });
  const partly = onlyFinding(CODE, domainResources(setup));
  assert.equal(partly.severity, 'warning');
  assert.match(partly.message, /requests under \/ \(root\) reach no API/);
});

test('a mapping to an API the snapshot does not hold (another stack, a template parameter) is not judged', () => {
  const setup = domainSetup('api.example.com');
  const [root] = setup.mappings;
  assert.ok(root);
  root.apiId = 'notscanned';
  assert.deepEqual(findingsOf(CODE, domainResources(setup)), []);
});
