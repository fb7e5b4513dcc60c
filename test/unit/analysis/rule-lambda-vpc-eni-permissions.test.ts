import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';
import { BASIC_EXECUTION_ARN, executionRole, lambdaFunction, roleArn, statement, vpcFunction } from '../../builders/lambda';
import { network, networkResources, PRIVATE_A } from '../../builders/network';
import { analyze } from '../../../src/analysis/analyze';
import { mergeResources, snapshotWith, type Item, type ResourcesInput } from '../../builders/snapshot';

const CODE = 'lambda-vpc-eni-permissions';

function account(role: Item<'iamRoles'> | undefined, fn: Partial<Item<'lambdaFunctions'>> = {}, extra: ResourcesInput = {}): ResourcesInput[] {
  const worker = vpcFunction('Worker', [PRIVATE_A], [], { roleArn: roleArn('worker-role'), ...fn });
  return [networkResources(network()), { lambdaFunctions: [worker], iamRoles: role ? [role] : [] }, extra];
}

test('a role with only basic execution: an error naming the missing actions, with the managed policy to attach', () => {
  const finding = onlyFinding(CODE, ...account(executionRole('worker-role', { managedPolicyArns: [BASIC_EXECUTION_ARN] })));
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    'Worker is attached to a VPC, but its execution role worker-role lacks ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces and ec2:DeleteNetworkInterface: ' +
      "Lambda creates the function's network interfaces with that role, so creating or updating the function with this VpcConfig fails " +
      '(a function already running keeps its interfaces until Lambda needs a new one). Fix: attach the managed policy AWSLambdaVPCAccessExecutionRole to worker-role ' +
      "(it also grants ec2:AssignPrivateIpAddresses and ec2:UnassignPrivateIpAddresses), or let SAM generate the role by removing the function's Role property.",
  );
  assert.deepEqual(finding.fix, { kind: 'attach-managed-policy', roleId: 'worker-role', policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole' });
  assert.deepEqual(hopTrail(finding), ['lambda-function:Worker:true', `iam-role:${roleArn('worker-role')}:false`]);
});

test('granted by AWSLambdaVPCAccessExecutionRole, by a wildcard, by statements or by SAM\'s VPCAccessPolicy: no finding', () => {
  assert.deepEqual(findingsOf(CODE, ...account(executionRole('worker-role'))), []);
  assert.deepEqual(findingsOf(CODE, ...account(executionRole('worker-role', { managedPolicyArns: [BASIC_EXECUTION_ARN], allowedActions: ['ec2:*'] }))), []);
  assert.deepEqual(findingsOf(CODE, ...account(executionRole('worker-role', { managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }))), []);
  const samTemplate = statement(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], 'VPCAccessPolicy');
  assert.deepEqual(findingsOf(CODE, ...account(executionRole('worker-role', { managedPolicyArns: [] }), { permissions: [samTemplate] })), []);
});

test('near miss: ec2:DescribeNetworkInterfaces granted only on specific resources does not work', () => {
  const scoped = executionRole('worker-role', {
    managedPolicyArns: [],
    statements: [
      statement(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface'], 'inline eni', ['*']),
      statement(['ec2:DescribeNetworkInterfaces'], 'inline describe', ['arn:aws:ec2:ap-northeast-2:111122223333:network-interface/*']),
    ],
  });
  const finding = onlyFinding(CODE, ...account(scoped));
  assert.match(finding.message, /lacks ec2:DescribeNetworkInterfaces \(ec2:DescribeNetworkInterfaces is granted only on specific resources, and it works only with Resource "\*"\)/);
});

test('unknowable: a role not in the snapshot, a managed policy we cannot read, an IAM gap, a function outside any VPC', () => {
  assert.deepEqual(findingsOf(CODE, ...account(undefined)), []);
  const custom = executionRole('worker-role', { managedPolicyArns: ['arn:aws:iam::111122223333:policy/team-lambda-vpc'] });
  assert.deepEqual(findingsOf(CODE, ...account(custom)), []);
  const basic = executionRole('worker-role', { managedPolicyArns: [BASIC_EXECUTION_ARN] });
  assert.equal(findingsOf(CODE, ...account(basic)).length, 1);
  const scanned = snapshotWith(mergeResources(...account(basic)));
  scanned.gaps.push({ service: 'iam', region: 'global', error: 'AccessDenied: iam:GetAccountAuthorizationDetails' });
  assert.deepEqual(analyze(scanned).filter((f) => f.code === CODE), []);
  const outside = lambdaFunction('Outside', { roleArn: roleArn('worker-role') });
  assert.deepEqual(findingsOf(CODE, { lambdaFunctions: [outside], iamRoles: [basic] }), []);
});
