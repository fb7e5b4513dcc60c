import { test } from 'node:test';
import assert from 'node:assert/strict';
import { internetNeed, lambdaFunction, vpcFunction } from '../../builders/lambda';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { interfaceEndpoint, network, networkResources, PRIVATE_A, PRIVATE_B, PUBLIC_A } from '../../builders/network';

const CODE = 'lambda-vpc-no-internet';
const payments = internetNeed('api.tosspayments.com', 'env PAYMENT_API_BASE_URL');

test('an internet need from a subnet with no default route is an error naming host, subnet and the NAT fix', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  const finding = onlyFinding(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('RefundWorker', [PRIVATE_A, PRIVATE_B], [payments])] });
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /^RefundWorker needs the internet \(api\.tosspayments\.com \(env PAYMENT_API_BASE_URL\)\)/);
  assert.match(finding.message, /its subnets subnet-priv-a and subnet-priv-b have no 0\.0\.0\.0\/0 route at all \(route table rtb-private\)/);
  assert.match(finding.message, /Fix: route 0\.0\.0\.0\/0 from subnet-priv-a and subnet-priv-b to NAT gateway nat-1, which reaches the internet/);
});

test('behind a working NAT gateway: no finding', () => {
  assert.deepEqual(findingsOf(CODE, networkResources(network()), { lambdaFunctions: [vpcFunction('RefundWorker', [PRIVATE_A], [payments])] }), []);
});

test('a VPC endpoint does not give internet access', () => {
  const net = network();
  net.endpoints.push(interfaceEndpoint('lambda', [PUBLIC_A]));
  const finding = onlyFinding(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('RefundWorker', [PUBLIC_A], [payments])] });
  assert.match(finding.message, /internet gateway igw-1/);
});

test('a function outside any VPC has the internet: no finding', () => {
  assert.deepEqual(findingsOf(CODE, networkResources(network()), { lambdaFunctions: [lambdaFunction('Refund', { needs: [payments] })] }), []);
});

test('the fix is machine-readable: the route to add, from the tables of the broken subnets', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  const finding = onlyFinding(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('RefundWorker', [PRIVATE_A], [payments])] });
  assert.deepEqual(finding.fix, { kind: 'add-nat-route', routeTableIds: ['rtb-private'], destination: '0.0.0.0/0', natGatewayId: 'nat-1' });
  net.nat.state = 'deleted';
  const none = onlyFinding(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('RefundWorker', [PRIVATE_A], [payments])] });
  assert.match(none.message, /to a NAT gateway that sits in a public subnet/);
  assert.deepEqual(none.fix, { kind: 'add-nat-route', routeTableIds: ['rtb-private'], destination: '0.0.0.0/0' });
});

test('near miss: the NAT gateway sits in a private subnet (the wrong one), so its own traffic has no way out', () => {
  const net = network();
  net.nat.subnetId = PRIVATE_B;
  const finding = onlyFinding(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('RefundWorker', [PRIVATE_A], [payments])] });
  assert.match(finding.message, /routes 0\.0\.0\.0\/0 to NAT gateway nat-1, which sits in subnet-priv-b, whose route table rtb-private sends 0\.0\.0\.0\/0 back to the NAT gateway itself/);
  assert.equal(findingsOf('nat-gateway-no-internet', networkResources(net)).length, 1);
});

test('near miss: a dual-stack function with ::/0 → egress-only gateway is not reported broken; it is named unverifiable', () => {
  const net = network();
  for (const s of net.subnets) s.ipv6CidrBlocks = [`2406:da12:abc:${s.cidrBlock.split('.')[2]}::/64`];
  net.privateTable.routes = [...net.privateTable.routes.filter((r) => r.target === 'local'), { destinationIpv6Cidr: '::/0', target: 'eigw-1' }];
  const eigw = { accountId: net.vpc.accountId, region: net.vpc.region, id: 'eigw-1', attachedVpcIds: ['vpc-1'] };
  const fn = vpcFunction('RefundWorker', [PRIVATE_A], [payments], { vpcConfig: { subnetIds: [PRIVATE_A], securityGroupIds: ['sg-fn'], ipv6AllowedForDualStack: true } });
  const resources = [networkResources(net), { egressOnlyInternetGateways: [eigw], lambdaFunctions: [fn] }];
  assert.deepEqual(findingsOf(CODE, ...resources), []);
  assert.match(onlyFinding('unverifiable-path', ...resources).message, /the internet: it can leave only over IPv6 \(::\/0 → eigw-1\), which works only for destinations with an IPv6 address/);
  // Without dual-stack on the function the IPv6 route does not count.
  const ipv4Only = vpcFunction('RefundWorker', [PRIVATE_A], [payments]);
  assert.equal(findingsOf(CODE, networkResources(net), { egressOnlyInternetGateways: [eigw], lambdaFunctions: [ipv4Only] }).length, 1);
});
