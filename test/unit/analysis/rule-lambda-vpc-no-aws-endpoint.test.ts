import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awsApiNeed, invokeLambdaNeed, redisNeed, vpcFunction } from '../../builders/lambda';
import { findingsOf, hopTrail } from '../../builders/findings';
import { gatewayEndpoint, interfaceEndpoint, network, networkResources, PRIVATE_A, PRIVATE_B, PUBLIC_A, PUBLIC_B, type Network } from '../../builders/network';

const CODE = 'lambda-vpc-no-aws-endpoint';

function run(net: Network, subnetIds: string[], needs = [redisNeed, invokeLambdaNeed]) {
  return findingsOf(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('Worker', subnetIds, needs)] });
}

function one(net: Network, subnetIds: string[], needs = [redisNeed, invokeLambdaNeed]) {
  const found = run(net, subnetIds, needs);
  assert.equal(found.length, 1, JSON.stringify(found, null, 2));
  const [finding] = found;
  assert.ok(finding);
  return finding;
}

test('public subnets: the function cannot reach the Lambda API; message names subnets, gateway and both fixes', () => {
  const finding = one(network(), [PUBLIC_A, PUBLIC_B]);
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    'Worker needs lambda:InvokeFunction (LambdaInvokePolicy), but its subnets subnet-pub-a and subnet-pub-b route 0.0.0.0/0 to internet gateway igw-1 ' +
      '(route table rtb-public), and Lambda ENIs never get public IPs, so its calls to the Lambda API cannot leave the VPC and hang until the function times out. ' +
      'Fix: move it to subnets subnet-priv-a and subnet-priv-b, which route 0.0.0.0/0 through NAT gateway nat-1; ' +
      'or add an interface endpoint com.amazonaws.ap-northeast-2.lambda with private DNS on to vpc-1 (its security group must allow TCP 443 from the function).',
  );
  assert.deepEqual(hopTrail(finding).at(-1), 'aws-service:com.amazonaws.ap-northeast-2.lambda:false');
});

test('private subnets behind a working NAT gateway: no finding', () => {
  assert.deepEqual(run(network(), [PRIVATE_A, PRIVATE_B]), []);
});

test('an interface endpoint with private DNS serves the function even from public subnets', () => {
  const net = network();
  net.endpoints.push(interfaceEndpoint('lambda', [PRIVATE_A]));
  assert.deepEqual(run(net, [PUBLIC_A, PUBLIC_B]), []);
});

test('near miss: the endpoint has private DNS off, so the SDK still goes to the public name', () => {
  const net = network();
  net.endpoints.push(interfaceEndpoint('lambda', [PRIVATE_A], { privateDnsEnabled: false }));
  const finding = one(net, [PUBLIC_A]);
  assert.match(finding.message, /Endpoint vpce-lambda \(com\.amazonaws\.ap-northeast-2\.lambda\) exists but has private DNS off/);
  assert.match(finding.message, /lambda\.ap-northeast-2\.amazonaws\.com/);
  assert.match(finding.message, /turn on private DNS for vpce-lambda/);
  assert.ok(hopTrail(finding).includes('vpc-endpoint:vpce-lambda:false'));
});

test('near miss: an endpoint that is not available yet does not serve', () => {
  const net = network();
  net.endpoints.push(interfaceEndpoint('lambda', [PRIVATE_A], { state: 'pending' }));
  assert.match(one(net, [PUBLIC_A]).message, /exists but is pending/);
});

test('near miss: the NAT gateway is not available', () => {
  const net = network();
  net.nat.state = 'failed';
  const finding = one(net, [PRIVATE_A, PRIVATE_B]);
  assert.match(finding.message, /route 0\.0\.0\.0\/0 to NAT gateway nat-1, which is failed and forwards nothing/);
  assert.match(finding.message, /repair NAT gateway nat-1/);
  assert.ok(hopTrail(finding).includes('nat-gateway:nat-1:false'));
});

test('near miss: the NAT gateway sits in a subnet with no route to the internet gateway', () => {
  const net = network();
  net.publicTable.routes = net.publicTable.routes.filter((r) => r.target === 'local');
  const finding = one(net, [PRIVATE_A, PRIVATE_B]);
  assert.match(finding.message, /NAT gateway nat-1, which sits in subnet-pub-a, whose route table rtb-public has no 0\.0\.0\.0\/0 route to an internet gateway/);
});

test('one of two subnets public: the calls fail intermittently, and the fix is to drop that subnet', () => {
  const finding = one(network(), [PRIVATE_A, PUBLIC_B]);
  assert.match(finding.message, /its subnet subnet-pub-b routes 0\.0\.0\.0\/0 to internet gateway igw-1/);
  assert.match(finding.message, /reaches the Lambda API only intermittently/);
  assert.match(finding.message, /while those in subnet-priv-a \(through nat-1\) get through/);
  assert.match(finding.message, /Fix: remove subnet-pub-b from its VpcConfig\.SubnetIds/);
});

test('one finding per service, each naming its own actions', () => {
  const needs = [invokeLambdaNeed, awsApiNeed('sqs', 'sqs:SendMessage', 'SQSSendMessagePolicy'), awsApiNeed('sqs', 'sqs:DeleteMessage', 'SQSPollerPolicy')];
  const found = run(network(), [PUBLIC_A], needs);
  assert.equal(found.length, 2);
  assert.ok(found.some((f) => /needs sqs:SendMessage \(SQSSendMessagePolicy\) and sqs:DeleteMessage \(SQSPollerPolicy\)/.test(f.message)));
  assert.ok(found.some((f) => /com\.amazonaws\.ap-northeast-2\.sqs/.test(f.message)));
});

test('S3 through a gateway endpoint associated with the route table: no finding; not associated: says which table', () => {
  const s3 = [awsApiNeed('s3', 's3:GetObject', 'S3ReadPolicy')];
  const served = network();
  served.privateTable.routes = served.privateTable.routes.filter((r) => r.target === 'local');
  served.endpoints.push(gatewayEndpoint('s3', ['rtb-private']));
  assert.deepEqual(run(served, [PRIVATE_A], s3), []);

  const elsewhere = network();
  elsewhere.privateTable.routes = elsewhere.privateTable.routes.filter((r) => r.target === 'local');
  elsewhere.endpoints.push(gatewayEndpoint('s3', ['rtb-public']));
  assert.match(one(elsewhere, [PRIVATE_A], s3).message, /associate gateway endpoint vpce-s3-gw with route table rtb-private/);
});

test('a path we cannot judge (transit gateway, subnet not in the snapshot) is never reported', () => {
  const net = network();
  net.privateTable.routes = [{ destinationCidr: '0.0.0.0/0', target: 'tgw-0abc' }];
  assert.deepEqual(run(net, [PRIVATE_A]), []);
  assert.deepEqual(run(network(), ['subnet-not-in-snapshot']), []);
});

test('offers leaving the VPC only when the function needs nothing inside it', () => {
  assert.match(one(network(), [PUBLIC_A], [invokeLambdaNeed]).message, /take the function out of the VPC/);
  assert.doesNotMatch(one(network(), [PUBLIC_A]).message, /out of the VPC/);
});
