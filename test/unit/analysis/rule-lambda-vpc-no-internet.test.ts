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
  assert.match(finding.message, /Fix: route 0\.0\.0\.0\/0 from subnet-priv-a and subnet-priv-b to a NAT gateway that sits in a public subnet/);
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
