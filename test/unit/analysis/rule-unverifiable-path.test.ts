import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { invokeLambdaNeed, lambdaFunction, redisNeed, vpcFunction } from '../../builders/lambda';
import { network, networkResources, PRIVATE_A } from '../../builders/network';

const CODE = 'unverifiable-path';

test('subnets the snapshot does not hold (template parameters): info, saying what to give the check', () => {
  const finding = onlyFinding(CODE, networkResources(network()), { lambdaFunctions: [vpcFunction('Worker', ['${PrivateSubnetIds}'], [invokeLambdaNeed])] });
  assert.equal(finding.severity, 'info');
  assert.equal(
    finding.message,
    'Worker: a path it needs could not be verified — the Lambda API: subnet ${PrivateSubnetIds} is not in the snapshot. ' +
      'Fix: check again with the account (--profile or --snapshot) or with the parameter values (--parameter-overrides), so the missing pieces can be looked up.',
  );
  assert.deepEqual(findingsOf('lambda-vpc-no-aws-endpoint', networkResources(network()), { lambdaFunctions: [vpcFunction('Worker', ['${PrivateSubnetIds}'], [invokeLambdaNeed])] }), []);
});

test('a target we cannot tie to an ENI, and a path through a transit gateway, are listed together', () => {
  const net = network();
  net.privateTable.routes = [...net.privateTable.routes.filter((r) => r.target === 'local'), { destinationCidr: '0.0.0.0/0', target: 'tgw-0abc' }];
  const finding = onlyFinding(CODE, networkResources(net), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [redisNeed, invokeLambdaNeed])] });
  assert.match(finding.message, /the Lambda API: it routes 0\.0\.0\.0\/0 to tgw-0abc, which is not checked yet/);
  assert.match(finding.message, /cache\.internal:6379: no network interface of cache\.internal is in the snapshot/);
});

test('nothing to say: every path checked, no needs, or no VPC', () => {
  assert.deepEqual(findingsOf(CODE, networkResources(network()), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [invokeLambdaNeed])] }), []);
  assert.deepEqual(findingsOf(CODE, networkResources(network()), { lambdaFunctions: [vpcFunction('Idle', ['subnet-unknown'], [])] }), []);
  assert.deepEqual(findingsOf(CODE, { lambdaFunctions: [lambdaFunction('Outside', { needs: [redisNeed, invokeLambdaNeed] })] }), []);
});

test('a deleted gateway endpoint\'s prefix-list route, left as a blackhole, makes S3 calls unverifiable rather than fine through NAT', () => {
  const net = network();
  net.privateTable.routes.push({ destinationPrefixListId: 'pl-78a54011', target: 'vpce-0deleted', state: 'blackhole' });
  const s3 = [{ kind: 'aws-api' as const, service: 's3', action: 's3:GetObject', via: 'S3ReadPolicy' }];
  const resources = [networkResources(net), { lambdaFunctions: [vpcFunction('Reader', [PRIVATE_A], s3)] }];
  assert.match(onlyFinding(CODE, ...resources).message, /the S3 API: a blackhole route to prefix list pl-78a54011 \(deleted endpoint vpce-0deleted\) may take these calls/);
  assert.deepEqual(findingsOf('lambda-vpc-no-aws-endpoint', ...resources), []);
});
