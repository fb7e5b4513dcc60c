import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lambdaFunction } from '../../builders/lambda';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { PRIVATE_A, PRIVATE_B } from '../../builders/network';

const CODE = 'lambda-vpc-no-security-group';

test('subnets without a security group is an error that says the deploy fails and what to add', () => {
  const fn = lambdaFunction('Worker', { logicalId: 'WorkerFunction', vpcConfig: { subnetIds: [PRIVATE_A, PRIVATE_B], securityGroupIds: [] } });
  const finding = onlyFinding(CODE, { lambdaFunctions: [fn] });
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'lambda-function', id: 'Worker', logicalId: 'WorkerFunction' });
  assert.match(finding.message, /^Worker has VpcConfig subnets subnet-priv-a and subnet-priv-b but no security group/);
  assert.match(finding.message, /Fix: add SecurityGroupIds/);
});

test('security groups without a subnet is the reverse error', () => {
  const fn = lambdaFunction('Worker', { vpcConfig: { subnetIds: [], securityGroupIds: ['sg-1'] } });
  assert.match(onlyFinding(CODE, { lambdaFunctions: [fn] }).message, /security group sg-1 but no subnet/);
});

test('both present, or neither (a function outside any VPC), is fine', () => {
  const both = lambdaFunction('A', { vpcConfig: { subnetIds: [PRIVATE_A], securityGroupIds: ['sg-1'] } });
  const neither = lambdaFunction('B', { vpcConfig: { subnetIds: [], securityGroupIds: [] } });
  const none = lambdaFunction('C');
  assert.deepEqual(findingsOf(CODE, { lambdaFunctions: [both, neither, none] }), []);
});
