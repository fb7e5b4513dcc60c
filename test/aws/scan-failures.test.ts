// A scan that meets failure: AccessDenied enforced by moto's IAM, a service whose connections drop,
// an operation the endpoint lacks, an endpoint that is down, and no credentials at all. One failing
// service leaves a named gap and everything else; only identity failures stop a scan, with a
// sentence a person can act on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateVpcCommand } from '@aws-sdk/client-ec2';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import type { AwsCredentialIdentity } from '@smithy/types';
import { AccountIdentityError, NoCredentialsError, ScanOptionsError } from '../../src/aws/errors';
import { scanAccount, type ScanProgressEvent } from '../../src/aws/scan';
import { startFaultProxy } from './fault-proxy';
import { EMPTY_ZIP, RegionClients, TEST_CREDENTIALS } from './fixtures/clients';
import { startMotoServer, type MotoServer } from './moto-server';

const REGION = 'eu-west-1';

async function accessKey(iam: RegionClients['iam'], user: string, policy: object): Promise<AwsCredentialIdentity> {
  await iam.send(new CreateUserCommand({ UserName: user }));
  await iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: 'scan', PolicyDocument: JSON.stringify(policy) }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey;
  return { accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' };
}

let enforced: MotoServer;
let admin: AwsCredentialIdentity;
let scanner: AwsCredentialIdentity;
let vpcId: string;

before(async () => {
  // moto checks IAM policies after the first three requests: those make an administrator.
  enforced = await startMotoServer({ INITIAL_NO_AUTH_ACTION_COUNT: '3' });
  const bootstrap = new RegionClients(enforced.endpoint, REGION);
  admin = await accessKey(bootstrap.iam, 'admin', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  bootstrap.destroy();
  const asAdmin = new RegionClients(enforced.endpoint, REGION, admin);
  scanner = await accessKey(asAdmin.iam, 'scanner', {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      // moto's access control answers EC2 in EC2's own error format; a denied EC2 list is the realistic case.
      { Effect: 'Deny', Action: 'ec2:DescribeNatGateways', Resource: '*' },
    ],
  });
  vpcId = (await asAdmin.ec2.send(new CreateVpcCommand({ CidrBlock: '10.40.0.0/16' }))).Vpc?.VpcId ?? '';
  await asAdmin.route53.send(new CreateHostedZoneCommand({ Name: 'kept.example', CallerReference: 'kept' }));
  const role = (await asAdmin.iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: '{}' }))).Role?.Arn;
  await asAdmin.lambda.send(new CreateFunctionCommand({ FunctionName: 'Hidden', Runtime: 'python3.12', Handler: 'a.b', Role: role, Code: { ZipFile: EMPTY_ZIP } }));
  asAdmin.destroy();
});
after(() => enforced?.stop());

test('AccessDenied (IAM-enforced in moto) on one EC2 list leaves a gap naming it and keeps everything else', async () => {
  const events: ScanProgressEvent[] = [];
  const snapshot = await scanAccount({ targets: [{ credentials: scanner }], regions: [REGION], endpoint: enforced.endpoint, maxAttempts: 1, onProgress: (e) => events.push(e) });
  assert.deepEqual(snapshot.gaps, [
    {
      service: 'ec2',
      region: REGION,
      error: 'could not read NAT gateways: DescribeNatGateways: AccessDenied: User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: ec2:DescribeNatGateways',
    },
  ]);
  assert.ok(snapshot.resources.vpcs.some((v) => v.id === vpcId), 'the VPCs were read');
  assert.ok(snapshot.resources.subnets.length > 0, 'the subnets were read');
  assert.deepEqual(snapshot.resources.natGateways, []);
  assert.deepEqual(snapshot.resources.hostedZones.map((z) => z.zoneName), ['kept.example.']);
  // The service as a whole succeeded: a partial read is a gap, not a failed step.
  assert.ok(events.every((e) => e.state !== 'failed'));
  assert.ok(!JSON.stringify([snapshot, events]).includes(scanner.secretAccessKey), 'the secret key is not echoed');
});

test('dropped connections for Lambda and HTML 500s for ACM: two gaps, the network and DNS intact', async () => {
  const proxy = await startFaultProxy(enforced.endpoint, (r) => (r.service === 'lambda' ? 'reset' : r.service === 'acm' ? 'html500' : undefined));
  try {
    const snapshot = await scanAccount({ targets: [{ credentials: admin }], regions: [REGION], endpoint: proxy.endpoint, maxAttempts: 2 });
    assert.deepEqual(snapshot.gaps, [
      { service: 'acm', region: REGION, error: 'ListCertificates: HTTP 500 from the endpoint (it may not support this operation) (after 2 attempts)' },
      { service: 'acm', region: 'us-east-1', error: 'ListCertificates: HTTP 500 from the endpoint (it may not support this operation) (after 2 attempts)' },
      { service: 'lambda', region: REGION, error: 'ListFunctions: the connection was reset by the endpoint (after 2 attempts)' },
    ]);
    assert.ok(snapshot.resources.vpcs.some((v) => v.id === vpcId));
    assert.deepEqual(snapshot.resources.hostedZones.map((z) => z.zoneName), ['kept.example.']);
    assert.deepEqual(snapshot.resources.lambdaFunctions, []);
  } finally {
    await proxy.stop();
  }
});

test('an endpoint that is down stops the scan with a sentence, not a stack', async () => {
  const proxy = await startFaultProxy('http://127.0.0.1:9', () => undefined);
  const closed = proxy.endpoint;
  await proxy.stop();
  await assert.rejects(scanAccount({ targets: [{ credentials: TEST_CREDENTIALS }], regions: [REGION], endpoint: closed, maxAttempts: 1 }), (error: unknown) => {
    assert.ok(error instanceof AccountIdentityError);
    assert.match(error.message, /^could not identify the AWS account \(sts:GetCallerIdentity\): GetCallerIdentity: .*connection refused \(is the endpoint running\?\)$/);
    return true;
  });
});

test('a profile with no credentials is NoCredentialsError naming the profile and the fix', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'snm-aws-'));
  const saved = { ...process.env };
  try {
    writeFileSync(join(dir, 'config'), '[profile elsewhere]\nregion = eu-west-1\n');
    writeFileSync(join(dir, 'credentials'), '');
    Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' });
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE']) {
      delete process.env[name];
    }
    await assert.rejects(scanAccount({ targets: [{ profile: 'nobody' }], regions: [REGION], endpoint: enforced.endpoint, maxAttempts: 1 }), (error: unknown) => {
      assert.ok(error instanceof NoCredentialsError);
      assert.equal(error.profile, 'nobody');
      assert.match(error.message, /^no usable AWS credentials from profile "nobody": .+\. To fix: run `aws sso login --profile nobody` or `aws configure --profile nobody`, then scan again\.$/);
      return true;
    });
  } finally {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('options a person got wrong are said plainly', async () => {
  await assert.rejects(scanAccount({ regions: [] }), { name: 'ScanOptionsError', message: 'no region to scan: pass at least one region (e.g. --region us-east-1)' });
  await assert.rejects(scanAccount({ regions: ['Seoul'] }), (error: unknown) => error instanceof ScanOptionsError && /not an AWS region name: "Seoul" \(expected e\.g\. ap-northeast-2\)/.test(error.message));
});
