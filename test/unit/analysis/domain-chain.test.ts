import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainPath, domainChains } from '../../../src/analysis/domain-chain';
import type { Hop } from '../../../src/model/finding';
import { domainResources, domainSetup, ZONE_ID } from '../../builders/domain';
import { mergeResources, snapshotWith } from '../../builders/snapshot';
import { here } from '../../builders/snapshot';

const trail = (hops: Hop[]) => hops.map((h) => `${h.kind}:${h.id}:${h.ok}${h.reason ? ` (${h.reason})` : ''}`);
const FN_ARN = 'arn:aws:lambda:ap-northeast-2:111122223333:function:ZappaDjangoApp';

function zappa(invokePrincipals?: string[]) {
  const setup = domainSetup('api.example.com');
  setup.api.integrations = [{ route: 'ANY /{proxy+}', functionArn: `${FN_ARN}:live`, timeoutMs: 29000 }];
  const fn = { ...here, id: 'ZappaDjangoApp', name: 'ZappaDjangoApp', arn: FN_ARN, timeout: 30, ...(invokePrincipals ? { invokePrincipals } : {}) };
  return snapshotWith(mergeResources(domainResources(setup), { lambdaFunctions: [fn] }));
}

test('a healthy v1 REGIONAL domain: every link from the name to the function, all ok', () => {
  const [chain] = domainChains(zappa(['apigateway.amazonaws.com']));
  assert.ok(chain);
  const [route] = chain.routes;
  assert.ok(route);
  const [integration] = route.integrations;
  assert.deepEqual(trail(chainPath(chain, route, integration)), [
    'dns-name:api.example.com:true',
    // No live DNS and no parent zone: the delegation is not verified, and says so.
    "delegation:example.com:true (not verified: the registrar's NS records for example.com were not looked up (live DNS off))",
    `hosted-zone:${ZONE_ID}:true`,
    `record:${ZONE_ID}/api.example.com./A:true`,
    'domain-name:api.example.com:true',
    'certificate:arn:aws:acm:ap-northeast-2:111122223333:certificate/11111111-2222-3333-4444-555555555555:true',
    'api-mapping:api.example.com/(none):true',
    'api:abc123def4:true',
    'stage:abc123def4/prod:true',
    'integration:abc123def4 ANY /{proxy+}:true',
    'lambda-function:ZappaDjangoApp:true',
  ]);
  assert.equal(chain.recordSource, 'snapshot');
  assert.equal(chain.mapping.state, 'ok');
});

test('the function link is broken when its resource policy does not allow API Gateway (the code belongs to api-lambda-permission-missing)', () => {
  const [chain] = domainChains(zappa([]));
  const fn = chain?.routes[0]?.integrations[0]?.fn;
  assert.deepEqual(fn?.verdict, { state: 'broken', reason: 'resource policy does not allow apigateway.amazonaws.com', severity: 'error' });
});

test('a v2 domain with no zone and no live DNS: the record link is unknown (not observed), never broken', () => {
  const setup = domainSetup('www.example.org');
  setup.domain.apiVersion = 'v2';
  const snapshot = snapshotWith({ domainNames: [setup.domain], certificates: [{ ...setup.certificate, domainName: 'www.example.org' }], apis: [{ ...setup.api, protocol: 'HTTP' }], apiMappings: setup.mappings });
  const [chain] = domainChains(snapshot);
  assert.ok(chain);
  assert.equal(chain.recordSource, 'none');
  const record = chain.front.find((l) => l.kind === 'record');
  assert.deepEqual(record?.verdict, { state: 'unknown', reason: 'no hosted zone for www.example.org in the snapshot, and live DNS was not asked', cause: 'not-observed' });
  assert.deepEqual(chain.front.map((l) => l.kind), ['dns-name', 'record', 'domain-name', 'certificate']);
});

test('chainPath without a route is the front; the chain of each domain is built once per analysis', () => {
  const snapshot = zappa(['*']);
  const [chain] = domainChains(snapshot);
  assert.ok(chain);
  assert.equal(chainPath(chain).length, chain.front.length);
});
