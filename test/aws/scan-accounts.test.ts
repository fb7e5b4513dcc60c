// Two accounts (the second through sts:AssumeRole credentials, as moto maps them) and two regions in
// one snapshot: every resource keeps the account and region it came from, global services are
// read once per account, and a gap says whose account it is about.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import { CreateDomainNameCommand } from '@aws-sdk/client-api-gateway';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import type { AwsCredentialIdentity } from '@smithy/types';
import { scanAccount, type ScanProgressEvent } from '../../src/aws/scan';
import { parseSnapshot } from '../../src/model/parse-snapshot';
import type { Snapshot } from '../../src/model/snapshot';
import { EMPTY_ZIP, RegionClients, TEST_CREDENTIALS, credentialsForAccount } from './fixtures/clients';
import { createLambdaEni } from './fixtures/network';
import { startMotoServer, type MotoServer } from './moto-server';

const A = '123456789012';
const B = '111111111111';
const SEOUL = 'ap-northeast-2';
const OREGON = 'us-west-2';

let moto: MotoServer;
let accountB: AwsCredentialIdentity;
let snapshot: Snapshot;
const events: ScanProgressEvent[] = [];

async function vpc(c: RegionClients, cidr: string): Promise<string> {
  return (await c.ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId ?? '';
}

before(async () => {
  moto = await startMotoServer();
  accountB = await credentialsForAccount(moto.endpoint, B);
  const seoulA = new RegionClients(moto.endpoint, SEOUL);
  const oregonA = seoulA.in(OREGON);
  const seoulB = new RegionClients(moto.endpoint, SEOUL, accountB);
  try {
    const vpcA = await vpc(seoulA, '10.1.0.0/16');
    const subnet = (await seoulA.ec2.send(new CreateSubnetCommand({ VpcId: vpcA, CidrBlock: '10.1.1.0/24' }))).Subnet?.SubnetId ?? '';
    const sg = (await seoulA.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcA, GroupName: 'fn', Description: 'fn' }))).GroupId ?? '';
    const role = (await seoulA.iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: '{}' }))).Role?.Arn;
    const fn = (name: string, c: RegionClients, vpcConfig?: { SubnetIds: string[]; SecurityGroupIds: string[] }) =>
      c.lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Handler: 'i.h', Role: role, Code: { ZipFile: EMPTY_ZIP }, VpcConfig: vpcConfig }));
    await fn('Worker', seoulA, { SubnetIds: [subnet], SecurityGroupIds: [sg] });
    await createLambdaEni(seoulA.ec2, 'Worker', subnet, [sg]);
    await vpc(oregonA, '10.2.0.0/16');
    await fn('Edge', oregonA);
    await vpc(seoulB, '10.3.0.0/16');
    await seoulB.route53.send(new CreateHostedZoneCommand({ Name: 'b.example', CallerReference: 'b' }));
    await seoulB.apigateway.send(new CreateDomainNameCommand({ domainName: 'b.example.com', regionalCertificateArn: `arn:aws:acm:${SEOUL}:${B}:certificate/x`, endpointConfiguration: { types: ['REGIONAL'] } }));
  } finally {
    for (const c of [seoulA, oregonA, seoulB]) c.destroy();
  }
  snapshot = await scanAccount({
    // The same account twice (two profiles of one account) is scanned once.
    targets: [{ credentials: TEST_CREDENTIALS }, { credentials: accountB }, { credentials: TEST_CREDENTIALS }],
    regions: [SEOUL, OREGON],
    endpoint: moto.endpoint,
    maxAttempts: 1,
    onProgress: (e) => events.push(e),
  });
});
after(() => moto?.stop());

test('both accounts and both regions, each named once, in a valid snapshot', () => {
  assert.deepEqual(snapshot.accounts, [{ id: A }, { id: B }]);
  assert.deepEqual(snapshot.regions, [SEOUL, OREGON]);
  assert.deepEqual(parseSnapshot(JSON.parse(JSON.stringify(snapshot))), snapshot);
});

test('every resource keeps the account and region it was made in', () => {
  const where = (list: { accountId: string; region: string }[]) => list.map((r) => `${r.accountId}/${r.region}`);
  const ours = snapshot.resources.vpcs.filter((v) => !v.isDefault);
  assert.deepEqual(ours.map((v) => [v.accountId, v.region, v.cidrBlocks[0]]), [
    [B, SEOUL, '10.3.0.0/16'],
    [A, SEOUL, '10.1.0.0/16'],
    [A, OREGON, '10.2.0.0/16'],
  ].sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)));
  // moto's default VPC: one per account and region.
  assert.deepEqual(where(snapshot.resources.vpcs.filter((v) => v.isDefault)), [`${B}/${SEOUL}`, `${B}/${OREGON}`, `${A}/${SEOUL}`, `${A}/${OREGON}`].sort());
  assert.deepEqual(snapshot.resources.lambdaFunctions.map((f) => [f.accountId, f.region, f.id, f.vpcConfig !== undefined]), [
    [A, SEOUL, 'Worker', true],
    [A, OREGON, 'Edge', false],
  ].sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)));
  assert.deepEqual(snapshot.resources.hostedZones.map((z) => [z.accountId, z.region, z.zoneName]), [[B, 'global', 'b.example.']]);
  assert.deepEqual(snapshot.resources.iamRoles.map((r) => [r.accountId, r.region, r.id]), [[A, 'global', 'worker']]);
  assert.deepEqual(snapshot.resources.domainNames.map((d) => [d.accountId, d.region, d.id]), [[B, SEOUL, 'b.example.com']]);
});

test('the Lambda ENI is tied to its function within its own account and region', () => {
  const enis = snapshot.resources.networkInterfaces.filter((e) => e.interfaceType === 'lambda');
  assert.deepEqual(enis.map((e) => [e.accountId, e.region, e.name, e.functionIds]), [[A, SEOUL, 'Lambda: Worker', ['Worker']]]);
});

test('a gap in a multi-account snapshot names the account', () => {
  assert.deepEqual(snapshot.gaps, [
    {
      service: 'apigateway',
      region: SEOUL,
      error: `account ${B}: could not read the base path mappings of b.example.com: GetBasePathMappings: HTTP 500 from the endpoint (it may not support this operation)`,
    },
  ]);
});

test('progress covers every account × service × region, global services once per account', () => {
  const key = (e: ScanProgressEvent) => `${e.accountId} ${e.service}@${e.region}`;
  const started = events.filter((e) => e.state === 'started').map(key);
  for (const account of [A, B]) {
    for (const region of [SEOUL, OREGON]) {
      for (const service of ['ec2', 'lambda', 'apigateway', 'apigatewayv2', 'acm']) assert.ok(started.includes(`${account} ${service}@${region}`), `${account} ${service}@${region}`);
    }
    assert.equal(started.filter((s) => s === `${account} route53@global`).length, 1);
    assert.ok(started.includes(`${account} acm@us-east-1`), 'EDGE certificates live in us-east-1');
  }
  // IAM only where a VPC-attached function has a role.
  assert.deepEqual(started.filter((s) => s.includes('iam@')), [`${A} iam@global`]);
});
