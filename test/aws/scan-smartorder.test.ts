// The scanner against the smartorder account in a real moto_server, through the real SDK: every
// collector's output field by field, the snapshot contract, secrets, call budget, progress, and the
// same snapshot again through a proxy that throttles 30% of requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AwsCredentialIdentity } from '@smithy/types';
import { scanAccountWithStats, type ScanProgressEvent, type ScanStats } from '../../src/aws/scan';
import { parseSnapshot } from '../../src/model/parse-snapshot';
import type { Snapshot } from '../../src/model/snapshot';
import { seededRandom, startFaultProxy, type Fault } from './fault-proxy';
import * as net from './fixtures/expected-network';
import * as sls from './fixtures/expected-serverless';
import { SECRET_VALUES } from './fixtures/serverless';
import { buildSmartorder, type SmartorderIds } from './fixtures/smartorder';
import { startMotoServer, type MotoServer } from './moto-server';

const REGION = 'ap-northeast-2';
const ACCOUNT = '123456789012';
const at = { accountId: ACCOUNT, region: REGION };
// moto takes any key; distinctive values make a leak easy to find.
const CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'AKIAEXAMPLESCANTEST1', secretAccessKey: 'scanner-secret-key-do-not-leak' };
const NOW = new Date('2026-11-21T09:00:00.000Z');

let moto: MotoServer;
let ids: SmartorderIds;
let snapshot: Snapshot;
let stats: ScanStats;
const events: ScanProgressEvent[] = [];

function scanVia(endpoint: string, onProgress?: (event: ScanProgressEvent) => void, signal?: AbortSignal) {
  // Four attempts, as a throttled network would need; the same for the direct and the proxied scan.
  return scanAccountWithStats({ targets: [{ credentials: CREDENTIALS }], regions: [REGION], endpoint, now: () => NOW, maxAttempts: 4, onProgress, signal });
}

const ours = <T extends { vpcId: string }>(list: T[]) => list.filter((r) => r.vpcId === ids.vpc || r.vpcId === ids.legacyVpc);
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

before(async () => {
  moto = await startMotoServer({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  ids = await buildSmartorder(moto.endpoint, REGION);
  ({ snapshot, stats } = await scanVia(moto.endpoint, (e) => events.push(e)));
});
after(() => moto?.stop());

test('the snapshot is a valid Snapshot, unchanged by parseSnapshot (every default already filled)', () => {
  assert.deepEqual(parseSnapshot(JSON.parse(JSON.stringify(snapshot))), snapshot);
  assert.equal(snapshot.createdAt, NOW.toISOString());
  assert.deepEqual(snapshot.source, { kind: 'scan', endpoint: moto.endpoint });
  assert.deepEqual(snapshot.accounts, [{ id: ACCOUNT }]);
  assert.deepEqual(snapshot.regions, [REGION]);
});

test('VPCs carry both DNS attributes; subnets their VPC, AZ and CIDR', () => {
  assert.deepEqual(byId(snapshot.resources.vpcs.filter((v) => !v.isDefault)), byId(net.expectedVpcs(ids, at)));
  assert.deepEqual(byId(ours(snapshot.resources.subnets)), byId(net.expectedSubnets(ids, at)));
  // The default VPC moto keeps in every region is reported as such.
  assert.equal(snapshot.resources.vpcs.filter((v) => v.isDefault).length, 1);
});

test('route tables: main flag, associations, routes with state, origin and prefix-list destinations', () => {
  const mainOf = (vpcId: string) => snapshot.resources.routeTables.find((t) => t.vpcId === vpcId && t.main)?.id ?? 'missing';
  const expected = net.expectedRouteTables(ids, at, { smartorder: mainOf(ids.vpc), legacy: mainOf(ids.legacyVpc) });
  assert.deepEqual(byId(ours(snapshot.resources.routeTables)), byId(expected));
});

test('internet, egress-only and NAT gateways (including the NAT gateway in the wrong subnet)', () => {
  const { igws, eigws, nats } = net.expectedGateways(ids, at);
  assert.deepEqual(snapshot.resources.internetGateways, igws);
  assert.deepEqual(snapshot.resources.egressOnlyInternetGateways, eigws);
  assert.deepEqual(byId(snapshot.resources.natGateways), byId(nats));
});

test('interface and gateway endpoints with subnets, security groups, route tables and policy', () => {
  const endpoints = byId(snapshot.resources.vpcEndpoints);
  assert.deepEqual(endpoints.map(({ policyDocument: _, ...rest }) => rest), byId(net.expectedEndpoints(ids, at)));
  for (const endpoint of endpoints) assert.deepEqual(JSON.parse(endpoint.policyDocument ?? 'null').Statement[0].Effect, 'Allow');
});

test('security groups: rules by CIDR, by security-group reference and by prefix list', () => {
  const named = ours(snapshot.resources.securityGroups).filter((g) => g.groupName !== 'default');
  assert.deepEqual(byId(named), byId(net.expectedSecurityGroups(ids, at)));
});

test('network ACLs: the default one and the custom one denying Redis, with their subnets', () => {
  const defaultId = snapshot.resources.networkAcls.find((a) => a.vpcId === ids.vpc && a.isDefault)?.id ?? 'missing';
  const acls = snapshot.resources.networkAcls.filter((a) => a.vpcId === ids.vpc);
  assert.deepEqual(byId(acls), byId(net.expectedNetworkAcls(ids, at, defaultId)));
});

test('the Lambda ENI is typed lambda and tied to its function by subnet and security-group set', () => {
  const eni = snapshot.resources.networkInterfaces.find((e) => e.id === ids.workerEni);
  assert.ok(eni, 'the Lambda ENI is listed');
  assert.match(eni.privateIpAddress ?? '', /^10\.20\.1\.\d+$/);
  assert.deepEqual(eni, {
    id: ids.workerEni,
    ...at,
    name: 'Lambda: CancelOrderWorker',
    vpcId: ids.vpc,
    subnetId: ids.privateSubnetA,
    securityGroupIds: [ids.lambdaSg],
    interfaceType: 'lambda',
    description: 'AWS Lambda VPC ENI-CancelOrderWorker-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    privateIpAddress: eni.privateIpAddress,
    status: 'available',
    functionIds: ['CancelOrderWorker'],
  });
});

test('Lambda functions: VpcConfig from the subnets, environment reduced to references, the integration target’s principals', () => {
  assert.deepEqual(snapshot.resources.lambdaFunctions, sls.expectedFunctions(ids, at));
});

test('IAM: only the VPC-attached function’s role, its policies reduced to allowed actions', () => {
  assert.deepEqual(snapshot.resources.iamRoles, sls.expectedRoles(ids, ACCOUNT));
});

test('API Gateway: REST and HTTP APIs with stages and Lambda integrations, domains and mappings', () => {
  assert.deepEqual(snapshot.resources.apis, sls.expectedApis(ids, at));
  const edgeTarget = snapshot.resources.domainNames.find((d) => d.id === 'edge.example.com')?.targetDomainName ?? 'missing';
  assert.match(edgeTarget, /\.cloudfront\.net$/);
  assert.deepEqual(snapshot.resources.domainNames, sls.expectedDomains(ids, at, edgeTarget));
  const v2Mapping = snapshot.resources.apiMappings.find((m) => m.domainName === 'http.example.com')?.id ?? 'missing';
  assert.deepEqual(snapshot.resources.apiMappings, sls.expectedMappings(ids, at, v2Mapping));
});

test('ACM: the EC certificate (missed without the key-type filter), pending ones with validation records, us-east-1 for EDGE', () => {
  const certs = snapshot.resources.certificates;
  assert.deepEqual(certs.map((c) => [c.region, c.id, c.status]), [
    [REGION, ids.issuedCertArn, 'ISSUED'],
    [REGION, ids.pendingCertArn, 'PENDING_VALIDATION'],
    ['us-east-1', ids.edgeCertArn, 'PENDING_VALIDATION'],
  ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)));
  const issued = certs.find((c) => c.id === ids.issuedCertArn);
  assert.deepEqual({ ...issued, notAfter: undefined }, { id: ids.issuedCertArn, ...at, arn: ids.issuedCertArn, domainName: '*.example.com', subjectAlternativeNames: ['*.example.com', 'example.com'], status: 'ISSUED', validations: [], notAfter: undefined });
  assert.ok(Date.parse(issued?.notAfter ?? '') > NOW.getTime(), 'notAfter is an ISO date after now');
  const pending = certs.find((c) => c.id === ids.pendingCertArn);
  assert.equal(pending?.validations.length, 1);
  assert.equal(pending?.validations[0]?.domainName, 'pending.example.com');
  assert.equal(pending?.validations[0]?.status, 'PENDING_VALIDATION');
  assert.equal(pending?.validations[0]?.record?.type, 'CNAME');
  assert.match(pending?.validations[0]?.record?.name ?? '', /^_[0-9a-f]+\.pending\.example\.com\.$/);
});

test('Route 53: public and private zones with delegation set and VPCs; records with alias targets', () => {
  const zones = byId(snapshot.resources.hostedZones);
  assert.deepEqual(zones, byId([
    { id: ids.publicZone, accountId: ACCOUNT, region: 'global', name: 'example.com.', zoneName: 'example.com.', private: false, vpcIds: [], nameServers: zones.find((z) => z.id === ids.publicZone)?.nameServers ?? [] },
    { id: ids.privateZone, accountId: ACCOUNT, region: 'global', name: 'internal.example.', zoneName: 'internal.example.', private: true, vpcIds: [ids.vpc], nameServers: [] },
  ]));
  assert.equal(zones.find((z) => z.id === ids.publicZone)?.nameServers.length, 4);
  const records = snapshot.resources.recordSets;
  assert.deepEqual(records.map(({ values: _, ...rest }) => rest), sls.expectedRecords(ids, ACCOUNT));
  const value = (name: string, type: string) => records.find((r) => r.recordName === name && r.type === type)?.values;
  assert.deepEqual(value('cache.internal.example.', 'A'), ['10.20.1.50']);
  assert.deepEqual(value('http.example.com.', 'CNAME'), [`d-http123.execute-api.${REGION}.amazonaws.com`]);
  assert.deepEqual(value('api.example.com.', 'A'), []);
});

test('the one unreadable thing is named: moto’s 500 for a domain without base path mappings', () => {
  assert.deepEqual(snapshot.gaps, [
    {
      service: 'apigateway',
      region: REGION,
      error: 'could not read the base path mappings of edge.example.com: GetBasePathMappings: HTTP 500 from the endpoint (it may not support this operation) (after 4 attempts)',
    },
  ]);
  // "Could not read" is not "no mappings": the domain is kept, with no mapping invented or denied.
  assert.ok(snapshot.resources.domainNames.some((d) => d.id === 'edge.example.com'));
});

test('progress: every service × region starts once and ends once', () => {
  const started = events.filter((e) => e.state === 'started').map((e) => `${e.service}@${e.region}`).sort();
  const ended = events.filter((e) => e.state !== 'started').map((e) => `${e.service}@${e.region}`).sort();
  assert.deepEqual(started, ended);
  assert.deepEqual(started, [
    'acm@ap-northeast-2', 'acm@us-east-1', 'apigateway@ap-northeast-2', 'apigatewayv2@ap-northeast-2', 'ec2@ap-northeast-2',
    'iam@global', 'lambda-policies@ap-northeast-2', 'lambda@ap-northeast-2', 'route53@global',
  ]);
  assert.ok(events.every((e) => e.accountId === ACCOUNT && e.state !== 'failed'));
});

test('no per-function call: one ListFunctions page, GetPolicy only for the integration target', () => {
  const calls = Object.fromEntries(stats.callsByOperation);
  assert.equal(calls['lambda:ListFunctions'], 1);
  assert.equal(calls['lambda-policies:GetPolicy'], 1);
  assert.equal(calls['lambda:GetFunction'], undefined);
  // Two DNS attributes for each of the region's three VPCs (the default one included).
  assert.equal(calls['ec2:DescribeVpcAttribute'], 6);
  assert.equal(calls['iam:GetAccountAuthorizationDetails'], 1);
});

test('nothing secret anywhere: no credentials, no environment values but references', () => {
  const outputs = [JSON.stringify(snapshot), JSON.stringify(events)];
  for (const secret of [...SECRET_VALUES, CREDENTIALS.secretAccessKey, CREDENTIALS.accessKeyId, 'token=abc', 'LOG_LEVEL', 'debug']) {
    for (const text of outputs) assert.ok(!text.includes(secret), `"${secret}" leaked`);
  }
});

test('through a proxy throttling or failing ~30% of requests, the snapshot is the same', async () => {
  const random = seededRandom(20261121);
  const faultsPerRequest = new Map<string, number>();
  const forwardedRequests = new Set<string>();
  const proxy = await startFaultProxy(moto.endpoint, (request): Fault | undefined => {
    const key = `${request.service} ${request.method} ${request.path} ${request.body}`;
    const faults = faultsPerRequest.get(key) ?? 0;
    // At most two faults for the same request, and only before it first reaches moto, so four
    // attempts always get through and a request moto itself fails (its 500 on GetBasePathMappings)
    // ends on moto's answer: the test is about recovery, not luck.
    if (faults >= 2 || forwardedRequests.has(key) || random() >= 0.3) {
      forwardedRequests.add(key);
      return undefined;
    }
    faultsPerRequest.set(key, faults + 1);
    return random() < 0.5 ? 'throttle' : 'unavailable';
  });
  try {
    const throttled = await scanVia(proxy.endpoint);
    const total = proxy.counts.faulted + proxy.counts.forwarded;
    assert.ok(proxy.counts.faulted / total >= 0.15, `the proxy faulted only ${proxy.counts.faulted} of ${total} requests`);
    assert.deepEqual({ ...throttled.snapshot, source: snapshot.source }, snapshot);
  } finally {
    await proxy.stop();
  }
});
