import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invokeLambdaNeed, internetNeed, redisNeed, vpcFunction } from '../../builders/lambda';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';
import { interfaceEndpoint, network, networkResources, PRIVATE_A, PRIVATE_B, PUBLIC_A, PUBLIC_B } from '../../builders/network';

const CODE = 'lambda-vpc-public-subnet';

test('a function in public subnets that needs an AWS API is an error naming subnets, gateway and fix', () => {
  const fn = vpcFunction('CancelOrderWorker', [PUBLIC_A, PUBLIC_B], [redisNeed, invokeLambdaNeed]);
  const finding = onlyFinding(CODE, networkResources(network()), { lambdaFunctions: [fn] });
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'lambda-function', id: 'CancelOrderWorker' });
  assert.match(finding.message, /^CancelOrderWorker runs in public subnets subnet-pub-a and subnet-pub-b/);
  assert.match(finding.message, /sends 0\.0\.0\.0\/0 to internet gateway igw-1/);
  assert.match(finding.message, /Lambda ENIs never get public IPs/);
  assert.match(finding.message, /needs lambda:InvokeFunction \(LambdaInvokePolicy\)/);
  assert.match(finding.message, /Fix: set its VpcConfig\.SubnetIds to subnets subnet-priv-a and subnet-priv-b, which route 0\.0\.0\.0\/0 through NAT gateway nat-1/);
  assert.deepEqual(hopTrail(finding), [
    'lambda-function:CancelOrderWorker:true',
    'subnet:subnet-pub-a:false',
    'route-table:rtb-public:false',
    'internet-gateway:igw-1:false',
    'subnet:subnet-pub-b:false',
  ]);
});

test('private subnets behind a NAT gateway: no finding', () => {
  const fn = vpcFunction('OrderSyncWorker', [PRIVATE_A, PRIVATE_B], [redisNeed, invokeLambdaNeed, internetNeed('api.tosspayments.com')]);
  assert.deepEqual(findingsOf(CODE, networkResources(network()), { lambdaFunctions: [fn] }), []);
});

test('public subnets with only in-VPC needs: a warning, since nothing breaks yet', () => {
  const fn = vpcFunction('CacheWarmer', [PUBLIC_A], [redisNeed]);
  const finding = onlyFinding(CODE, networkResources(network()), { lambdaFunctions: [fn] });
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /runs in public subnet subnet-pub-a: route table rtb-public sends/);
  assert.match(finding.message, /harmless while everything it calls is inside the VPC or behind a VPC endpoint/);
});

test('a need served by a VPC endpoint does not make the placement an error', () => {
  const net = network();
  net.endpoints.push(interfaceEndpoint('lambda', [PRIVATE_A, PRIVATE_B]));
  const fn = vpcFunction('CancelOrderWorker', [PUBLIC_A, PUBLIC_B], [invokeLambdaNeed]);
  assert.equal(onlyFinding(CODE, networkResources(net), { lambdaFunctions: [fn] }).severity, 'warning');
});

test('one public subnet among private ones is named on its own', () => {
  const fn = vpcFunction('Mixed', [PRIVATE_A, PUBLIC_B], [invokeLambdaNeed]);
  const finding = onlyFinding(CODE, networkResources(network()), { lambdaFunctions: [fn] });
  assert.match(finding.message, /runs partly in public subnets: 1 of its 2 subnets \(subnet-pub-b\) is public/);
  assert.equal(finding.severity, 'error');
});

test('a dual-stack function with an IPv6 way out is not reported', () => {
  const net = network();
  const [pubA] = net.subnets;
  assert.ok(pubA);
  pubA.ipv6CidrBlocks = ['2406:da12:abc:100::/64'];
  net.publicTable.routes.push({ destinationIpv6Cidr: '::/0', target: 'eigw-1' });
  const fn = vpcFunction('DualStack', [PUBLIC_A], [invokeLambdaNeed], {
    vpcConfig: { subnetIds: [PUBLIC_A], securityGroupIds: ['sg-fn'], ipv6AllowedForDualStack: true },
  });
  assert.deepEqual(findingsOf(CODE, networkResources(net), { lambdaFunctions: [fn] }), []);
});
