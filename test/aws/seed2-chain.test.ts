// The second seed story end to end against a real moto_server: the account is built through the
// SDK, read by scanAccount, analysed. Each broken link is reported once, on the resource to change,
// with its fix; the working domains and zones come out clean; what moto cannot read (GetBasePathMappings
// answers 500 for a domain with no mappings) is info, never an error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis/analyze';
import { chainPath, domainChains } from '../../src/analysis/domain-chain';
import { scanAccount } from '../../src/aws/scan';
import type { Finding } from '../../src/model/finding';
import type { Snapshot } from '../../src/model/snapshot';
import { RegionClients, TEST_CREDENTIALS } from './fixtures/clients';
import { startMotoServer, type MotoServer } from './moto-server';
import { buildSeed2Apis, type Seed2Apis } from './seed2-account';
import { buildSeed2Zones, type Seed2Zones } from './seed2-dns';

const REGION = 'ap-northeast-2';

let moto: MotoServer;
let apis: Seed2Apis;
let zones: Seed2Zones;
let snapshot: Snapshot;
let findings: Finding[];

before(async () => {
  moto = await startMotoServer();
  const clients = new RegionClients(moto.endpoint, REGION);
  try {
    apis = await buildSeed2Apis(clients);
    zones = await buildSeed2Zones(clients, apis);
  } finally {
    clients.destroy();
  }
  snapshot = await scanAccount({ targets: [{ credentials: TEST_CREDENTIALS }], regions: [REGION], endpoint: moto.endpoint, maxAttempts: 1, now: () => new Date('2026-11-21T09:00:00Z') });
  findings = analyze(snapshot);
});
after(() => moto?.stop());

const about = (id: string) => findings.filter((f) => f.resource.id === id);
const one = (code: string, id: string): Finding => {
  const found = findings.filter((f) => f.code === code && f.resource.id === id);
  assert.equal(found.length, 1, `expected one ${code} on ${id}, got ${JSON.stringify(findings.map((f) => `${f.code} ${f.resource.id}`))}`);
  return found[0] as Finding;
};

test('every broken link once, on the resource to change — and nothing else', () => {
  const recordId = (name: string, type: string) => `${zones.publicZone}/${name}./${type}`;
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.code} ${f.resource.kind} ${f.resource.id}`).sort(), [
    `error dns-cname-at-apex record ${recordId('example.com', 'CNAME')}`,
    `error dns-delegation-mismatch hosted-zone ${zones.teamZone}`,
    'error dns-record-missing domain-name missing.example.com',
    `error dns-record-wrong-target record ${recordId('alias.example.com', 'A')}`,
    `error dns-record-wrong-target record ${recordId('shop.example.com', 'A')}`,
    'error domain-certificate-mismatch domain-name example.com',
    'error domain-certificate-not-issued domain-name pending.example.com',
    'error domain-certificate-region domain-name edge.example.com',
    'error domain-no-mapping domain-name dev.example.com',
    'info unverifiable-path domain-name legacy.example.com',
    `warning dns-private-zone-shadow hosted-zone ${zones.privateZone}`,
  ].sort());
});

test('the working variants are clean: v1 REGIONAL with an alias, v2 with a CNAME, a correctly delegated sub-zone', () => {
  for (const id of ['api.example.com', 'www.example.com', 'api.ok.example.com', zones.okZone, zones.publicZone, apis.wildcardCert]) assert.deepEqual(about(id), [], id);
  const api = domainChains(snapshot).find((c) => c.domain.domainName === 'api.example.com');
  assert.ok(api);
  const route = api.routes[0];
  assert.ok(chainPath(api, route, route?.integrations[0]).every((h) => h.ok), 'every hop of api.example.com is ok');
  assert.deepEqual(chainPath(api, route, route?.integrations[0]).map((h) => h.kind), [
    'dns-name', 'delegation', 'hosted-zone', 'record', 'domain-name', 'certificate', 'api-mapping', 'api', 'stage', 'integration', 'lambda-function',
  ]);
});

test('the forgotten mapping (the seed story) on the HTTP API domain; on the REST domain moto’s 500 leaves it unverified', () => {
  assert.match(one('domain-no-mapping', 'dev.example.com').message, /dev\.example\.com has no API mapping.*403 Forbidden.*AWS::ApiGatewayV2::ApiMapping/);
  const legacy = one('unverifiable-path', 'legacy.example.com');
  assert.equal(legacy.severity, 'info');
  assert.match(legacy.message, /the API mappings: the API mappings could not be read \(apigateway ap-northeast-2: could not read the base path mappings of legacy\.example\.com/);
  assert.ok(snapshot.gaps.some((g) => g.service === 'apigateway' && g.error.includes('legacy.example.com')));
});

test('certificates: the pending one names its missing validation CNAME, the apex is not covered by the wildcard, EDGE needs us-east-1', () => {
  const pending = one('domain-certificate-not-issued', 'pending.example.com');
  const validation = snapshot.resources.certificates.find((c) => c.arn === apis.pendingCert)?.validations[0]?.record;
  assert.ok(validation, 'moto gives the requested certificate a DNS validation record');
  assert.ok(pending.message.includes(`create CNAME ${validation.name} → ${validation.value} in hosted zone ${zones.publicZone} (example.com.), where it is missing`));
  assert.match(one('domain-certificate-mismatch', 'example.com').message, /covers \*\.example\.com but not example\.com — a wildcard does not cover the bare name example\.com/);
  assert.match(one('domain-certificate-region', 'edge.example.com').message, /edge-optimized domain.*us-east-1 only, but its certificate .* is in ap-northeast-2/);
});

test('records: missing, the right name with the wrong zone id, the API’s execute-api name, a CNAME at the apex', () => {
  assert.match(one('dns-record-missing', 'missing.example.com').message, new RegExp(`no A/AAAA alias or CNAME record in hosted zone ${zones.publicZone} \\(example\\.com\\.\\).*Fix: create an alias A record missing\\.example\\.com with DNSName d-`));
  const wrongZone = one('dns-record-wrong-target', `${zones.publicZone}/alias.example.com./A`);
  assert.match(wrongZone.message, /aliases the right name but with hosted zone id Z1UJRXOUMOOFQ8/);
  const executeApi = one('dns-record-wrong-target', `${zones.publicZone}/shop.example.com./A`);
  assert.ok(executeApi.message.includes(`points at ${apis.restApi}.execute-api.${REGION}.amazonaws.com, the default endpoint of REST API zappa-django (${apis.restApi})`));
  assert.match(one('dns-cname-at-apex', `${zones.publicZone}/example.com./CNAME`).message, /Fix: replace it with an alias A record example\.com with DNSName d-/);
});

test('zones: the sub-zone the parent delegates elsewhere, and the private zone that shadows a public name', () => {
  const team = one('dns-delegation-mismatch', zones.teamZone);
  assert.match(team.message, /the NS record in hosted zone .* \(example\.com\.\) sends team\.example\.com to ns1\.parked-registrar\.net and ns2\.parked-registrar\.net/);
  assert.match(team.message, /Fix: set the NS record team\.example\.com in hosted zone .* to exactly ns-/);
  const shadow = one('dns-private-zone-shadow', zones.privateZone);
  assert.ok(shadow.message.includes(`is private to ${zones.vpc}`));
  assert.match(shadow.message, /no record for orders\.svc\.example\.com, so that custom domain gets NXDOMAIN there/);
});
