import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainResources, domainSetup } from '../../builders/domain';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';

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
    'hosted-zone:Z0000000000000000TEST:true',
    'record:Z0000000000000000TEST/api.example.com./A:true',
    'domain-name:api.example.com:true',
    'api-mapping:api.example.com:false',
  ]);
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
