// Paging of the Route 53, API Gateway (v1 and v2) and ACM collectors over multi-page answers,
// including the two cursors the SDK has no paginator for: Route 53's record-set name/type/identifier
// and API Gateway v2's NextToken.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACM_PAGE_SIZE, ALL_KEY_TYPES, collectAcm } from '../../../src/aws/acm';
import { APIGATEWAY_PAGE_SIZE, collectApiGateway } from '../../../src/aws/apigateway';
import { APIGATEWAYV2_PAGE_SIZE, collectApiGatewayV2 } from '../../../src/aws/apigatewayv2';
import { collectRoute53, ROUTE53_RECORD_PAGE_SIZE, ROUTE53_ZONE_PAGE_SIZE } from '../../../src/aws/route53';
import { json, pageOf, startPageServer, xml, type PageServer, type RecordedRequest } from './page-server';
import { ACCOUNT, contextFor } from './scan-context-for';

const REGION = 'ap-southeast-2';
const zonePages = [['Z1'], ['Z2']];
const R53 = 'xmlns="https://route53.amazonaws.com/doc/2013-04-01/"';

function route53(r: RecordedRequest) {
  if (r.operation === 'GET /2013-04-01/hostedzone') {
    const page = pageOf(zonePages, r.query.get('marker'));
    const zones = page.items.map((id) => `<HostedZone><Id>/hostedzone/${id}</Id><Name>${id.toLowerCase()}.example.</Name><CallerReference>c</CallerReference><Config><PrivateZone>false</PrivateZone></Config></HostedZone>`);
    const more = page.next ? `<IsTruncated>true</IsTruncated><NextMarker>${page.next}</NextMarker>` : '<IsTruncated>false</IsTruncated>';
    return xml(`<ListHostedZonesResponse ${R53}><HostedZones>${zones.join('')}</HostedZones>${more}<MaxItems>100</MaxItems></ListHostedZonesResponse>`);
  }
  const zone = /^GET \/2013-04-01\/hostedzone\/(Z\d)$/.exec(r.operation)?.[1];
  if (zone) {
    return xml(`<GetHostedZoneResponse ${R53}><HostedZone><Id>/hostedzone/${zone}</Id><Name>${zone.toLowerCase()}.example.</Name><CallerReference>c</CallerReference></HostedZone><DelegationSet><NameServers><NameServer>ns-1.${zone}</NameServer></NameServers></DelegationSet></GetHostedZoneResponse>`);
  }
  const records = /^GET \/2013-04-01\/hostedzone\/(Z\d)\/rrset$/.exec(r.operation)?.[1];
  if (records) {
    // Two pages for Z1, cut between two records of one name and type told apart by set identifier.
    const second = r.query.get('name') === 'w.z1.example.' && r.query.get('type') === 'A' && r.query.get('identifier') === 'blue';
    const set = (name: string, id: string) =>
      `<ResourceRecordSet><Name>${name}</Name><Type>A</Type><SetIdentifier>${id}</SetIdentifier><Weight>1</Weight><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>`;
    const body =
      records === 'Z1' && !second
        ? `<ResourceRecordSets>${set('\\052.z1.example.', 'red')}</ResourceRecordSets><IsTruncated>true</IsTruncated><NextRecordName>w.z1.example.</NextRecordName><NextRecordType>A</NextRecordType><NextRecordIdentifier>blue</NextRecordIdentifier>`
        : `<ResourceRecordSets>${records === 'Z1' ? set('w.z1.example.', 'blue') : ''}</ResourceRecordSets><IsTruncated>false</IsTruncated>`;
    return xml(`<ListResourceRecordSetsResponse ${R53}>${body}<MaxItems>300</MaxItems></ListResourceRecordSetsResponse>`);
  }
  return undefined;
}

function apigateway(r: RecordedRequest) {
  const v1 = (pages: string[][], make: (id: string) => object) => {
    const page = pageOf(pages, r.query.get('position'));
    return json({ item: page.items.map(make), ...(page.next ? { position: page.next } : {}) });
  };
  if (r.operation === 'GET /restapis') return v1([['a1'], ['a2']], (id) => ({ id, name: id }));
  if (r.operation === 'GET /domainnames') return v1([['one.example'], ['two.example']], (domainName) => ({ domainName, endpointConfiguration: { types: ['REGIONAL'] } }));
  if (/^GET \/restapis\/a\d\/stages$/.test(r.operation)) return json({ item: [{ stageName: 'prod' }] });
  if (/^GET \/restapis\/a\d\/resources$/.test(r.operation)) {
    return v1([['/x'], ['/y']], (path) => ({ id: path, path, resourceMethods: { GET: { methodIntegration: { uri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:F/invocations` } } } }));
  }
  if (/^GET \/domainnames\/[^/]+\/basepathmappings$/.test(r.operation)) return v1([['(none)'], ['v2']], (basePath) => ({ basePath, restApiId: 'a1', stage: 'prod' }));
  const v2 = (pages: string[][], make: (id: string) => object) => {
    const page = pageOf(pages, r.query.get('nextToken'));
    return json({ items: page.items.map(make), ...(page.next ? { nextToken: page.next } : {}) });
  };
  if (r.operation === 'GET /v2/apis') return v2([['h1'], ['h2'], ['h3']], (apiId) => ({ apiId, name: apiId, protocolType: 'HTTP' }));
  if (r.operation === 'GET /v2/domainnames') return v2([['d.example']], (domainName) => ({ domainName, domainNameConfigurations: [{ endpointType: 'REGIONAL' }] }));
  if (/^GET \/v2\/apis\/h\d\/(stages|integrations|routes)$/.test(r.operation)) return v2([[]], () => ({}));
  if (r.operation === 'GET /v2/domainnames/d.example/apimappings') return v2([['m1'], ['m2']], (apiMappingId) => ({ apiMappingId, apiId: 'h1', stage: '$default', apiMappingKey: apiMappingId }));
  return undefined;
}

function acm(r: RecordedRequest) {
  if (r.operation === 'ListCertificates') {
    const page = pageOf([['c1', 'c2'], ['c3']], typeof r.json?.NextToken === 'string' ? r.json.NextToken : undefined);
    return json({ CertificateSummaryList: page.items.map((id) => ({ CertificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${id}` })), ...(page.next ? { NextToken: page.next } : {}) });
  }
  if (r.operation === 'DescribeCertificate') return json({ Certificate: { CertificateArn: r.json?.CertificateArn, DomainName: 'a.example', Status: 'ISSUED' } });
  return undefined;
}

let server: PageServer;
before(async () => {
  server = await startPageServer((r) => route53(r) ?? apigateway(r) ?? acm(r));
});
after(() => server.stop());

const asked = (pattern: RegExp, name: string) => server.requests.filter((r) => pattern.test(r.operation)).map((r) => r.query.get(name));

test('Route 53: zones by marker, records by name/type/identifier, at 100 and 300 a page', async () => {
  const { ctx, gaps } = contextFor(server.endpoint, REGION);
  const { hostedZones, recordSets } = await collectRoute53(ctx);
  ctx.destroy();
  assert.deepEqual(gaps, []);
  assert.deepEqual(hostedZones.map((z) => [z.id, z.nameServers]), [['Z1', ['ns-1.Z1']], ['Z2', ['ns-1.Z2']]]);
  assert.deepEqual(recordSets.map((r) => r.id), ['Z1/*.z1.example./A/red', 'Z1/w.z1.example./A/blue']);
  assert.deepEqual(asked(/hostedzone$/, 'maxitems'), [String(ROUTE53_ZONE_PAGE_SIZE), String(ROUTE53_ZONE_PAGE_SIZE)]);
  assert.deepEqual(asked(/Z1\/rrset$/, 'identifier'), [null, 'blue']);
  assert.deepEqual(asked(/rrset$/, 'maxitems'), Array(3).fill(String(ROUTE53_RECORD_PAGE_SIZE)));
});

test('API Gateway v1: APIs, resources, domains and base path mappings by position, 500 a page', async () => {
  const { ctx, gaps } = contextFor(server.endpoint, REGION);
  const { apis, domainNames, apiMappings } = await collectApiGateway(ctx, REGION);
  ctx.destroy();
  assert.deepEqual(gaps, []);
  assert.deepEqual(apis.map((a) => [a.id, a.integrations.map((i) => i.route)]), [['a1', ['GET /x', 'GET /y']], ['a2', ['GET /x', 'GET /y']]]);
  assert.deepEqual(domainNames.map((d) => d.id), ['one.example', 'two.example']);
  assert.deepEqual(apiMappings.map((m) => m.id), ['one.example/(none)', 'one.example/v2', 'two.example/(none)', 'two.example/v2']);
  for (const list of [/^GET \/restapis$/, /^GET \/domainnames$/, /resources$/, /basepathmappings$/]) {
    assert.ok(asked(list, 'limit').every((limit) => limit === String(APIGATEWAY_PAGE_SIZE)), `limit for ${list}`);
  }
  // GetResources embeds each method's integration: no GetIntegration call per method.
  assert.ok(asked(/resources$/, 'embed').every((embed) => embed === 'methods'));
  assert.ok(!server.requests.some((r) => /integration$/.test(r.operation)));
});

test('API Gateway v2: NextToken pages of APIs and API mappings, 500 a page', async () => {
  const { ctx, gaps } = contextFor(server.endpoint, REGION);
  const { apis, apiMappings } = await collectApiGatewayV2(ctx, REGION);
  ctx.destroy();
  assert.deepEqual(gaps, []);
  assert.deepEqual(apis.map((a) => a.id), ['h1', 'h2', 'h3']);
  assert.deepEqual(apiMappings.map((m) => m.id), ['m1', 'm2']);
  assert.deepEqual(asked(/^GET \/v2\/apis$/, 'nextToken'), [null, 'page-1', 'page-2']);
  assert.ok(asked(/^GET \/v2\//, 'maxResults').every((max) => max === APIGATEWAYV2_PAGE_SIZE));
});

test('ACM: every key type asked for, 1000 a page, one DescribeCertificate per certificate', async () => {
  const { ctx } = contextFor(server.endpoint, REGION);
  const certificates = await collectAcm(ctx, REGION);
  ctx.destroy();
  assert.deepEqual(certificates.map((c) => c.arn.split('/').pop()), ['c1', 'c2', 'c3']);
  const lists = server.requests.filter((r) => r.operation === 'ListCertificates').map((r) => r.json);
  assert.deepEqual(lists.map((body) => [body?.NextToken, body?.MaxItems]), [[undefined, ACM_PAGE_SIZE], ['page-1', ACM_PAGE_SIZE]]);
  for (const body of lists) assert.deepEqual(body?.Includes, { keyTypes: ALL_KEY_TYPES });
  assert.ok(ALL_KEY_TYPES.includes('EC_prime256v1') && ALL_KEY_TYPES.includes('RSA_4096'));
  assert.equal(server.requests.filter((r) => r.operation === 'DescribeCertificate').length, 3);
});
