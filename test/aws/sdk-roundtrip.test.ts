// The aws tier's first test: the real SDK v3 clients, configured by src/aws's clientConfig, create
// a VPC and a VPC-attached function in a real moto_server and read them back. The scanner
// (next issue) is tested on the same harness.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateSubnetCommand, CreateSecurityGroupCommand, CreateVpcCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { clientConfig, type AwsTarget } from '../../src/aws/aws-target';
import { startMotoServer, type MotoServer } from './moto-server';

let moto: MotoServer;
let target: AwsTarget;

before(async () => {
  moto = await startMotoServer();
  target = {
    region: 'ap-northeast-2',
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    // moto answers operations it lacks with HTTP 500, which the SDK would otherwise retry.
    maxAttempts: 1,
  };
});
after(() => moto.stop());
beforeEach(() => moto.reset());

test('STS answers the caller identity through the configured endpoint', async () => {
  const identity = await new STSClient(clientConfig(target)).send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Account, '123456789012');
});

test('a VPC, a subnet and a VPC-attached function round-trip through the real SDK', async () => {
  const ec2 = new EC2Client(clientConfig(target));
  const vpc = await ec2.send(
    new CreateVpcCommand({ CidrBlock: '10.20.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'smartorder-vpc' }] }] }),
  );
  const vpcId = vpc.Vpc?.VpcId;
  assert.ok(vpcId && vpcId.startsWith('vpc-'));
  const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.20.1.0/24', AvailabilityZone: 'ap-northeast-2a' }));
  const subnetId = subnet.Subnet?.SubnetId;
  assert.ok(subnetId);
  const sg = await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'worker', Description: 'worker functions' }));
  assert.ok(sg.GroupId);

  const role = await new IAMClient(clientConfig(target)).send(
    new CreateRoleCommand({ RoleName: 'worker-role', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }),
  );
  const lambda = new LambdaClient(clientConfig(target));
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'CancelOrderWorker',
      Runtime: 'python3.12',
      Handler: 'app.handler',
      Role: role.Role?.Arn,
      Code: { ZipFile: new Uint8Array(Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64')) },
      Timeout: 30,
      VpcConfig: { SubnetIds: [subnetId], SecurityGroupIds: [sg.GroupId] },
    }),
  );

  const vpcs = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
  assert.equal(vpcs.Vpcs?.[0]?.CidrBlock, '10.20.0.0/16');
  assert.deepEqual(vpcs.Vpcs?.[0]?.Tags, [{ Key: 'Name', Value: 'smartorder-vpc' }]);
  const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
  assert.deepEqual(subnets.Subnets?.map((s) => s.SubnetId), [subnetId]);

  const functions = await lambda.send(new ListFunctionsCommand({ MaxItems: 50 }));
  const worker = functions.Functions?.find((f) => f.FunctionName === 'CancelOrderWorker');
  assert.ok(worker, 'ListFunctions returns the created function');
  assert.deepEqual(worker.VpcConfig?.SubnetIds, [subnetId]);
  assert.deepEqual(worker.VpcConfig?.SecurityGroupIds, [sg.GroupId]);
  assert.equal(worker.Timeout, 30);
});

test('a reset leaves no VPC of ours behind (the harness isolates tests)', async () => {
  const ec2 = new EC2Client(clientConfig(target));
  const vpcs = await ec2.send(new DescribeVpcsCommand({}));
  // moto's default VPC (172.31.0.0/16) always exists; nothing else may.
  assert.deepEqual(vpcs.Vpcs?.map((v) => v.CidrBlock), ['172.31.0.0/16']);
});
