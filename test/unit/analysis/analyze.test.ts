import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/analysis/analyze';
import { domainResources, domainSetup } from '../../builders/domain';
import { invokeLambdaNeed, lambdaFunction, vpcFunction } from '../../builders/lambda';
import { network, networkResources, PUBLIC_A, PUBLIC_B } from '../../builders/network';
import { mergeResources, snapshotWith } from '../../builders/snapshot';

function brokenAccount(reverse: boolean) {
  const net = network();
  net.nat.state = 'failed';
  const setup = domainSetup();
  setup.mappings = [];
  const functions = [vpcFunction('Zeta', [PUBLIC_A], [invokeLambdaNeed]), vpcFunction('Alpha', [PUBLIC_B], [invokeLambdaNeed])];
  const resources = mergeResources(networkResources(net), domainResources(setup), { lambdaFunctions: reverse ? functions.reverse() : functions });
  if (reverse) for (const list of Object.values(resources)) (list as unknown[] | undefined)?.reverse();
  return snapshotWith(resources);
}

test('findings come grouped by resource in a stable order, whatever the input order', () => {
  const forward = analyze(brokenAccount(false));
  const backward = analyze(brokenAccount(true));
  assert.deepEqual(
    forward.map((f) => `${f.resource.kind} ${f.resource.id} ${f.code}`),
    [
      'domain-name api.example.com domain-no-mapping',
      'lambda-function Alpha lambda-vpc-no-aws-endpoint',
      'lambda-function Alpha lambda-vpc-public-subnet',
      'lambda-function Zeta lambda-vpc-no-aws-endpoint',
      'lambda-function Zeta lambda-vpc-public-subnet',
      'nat-gateway nat-1 nat-gateway-no-internet',
    ],
  );
  assert.deepEqual(backward.map((f) => f.message), forward.map((f) => f.message));
});

test('a healthy account, and functions outside any VPC, give no findings', () => {
  const refund = lambdaFunction('Refund', { needs: [invokeLambdaNeed, { kind: 'internet', via: 'env URL' }] });
  assert.deepEqual(analyze(snapshotWith(mergeResources(networkResources(network()), domainResources(domainSetup()), { lambdaFunctions: [refund] }))), []);
  assert.deepEqual(analyze(snapshotWith({})), []);
});

test('analyze does not change the snapshot it reads', () => {
  const snapshot = brokenAccount(false);
  const before = JSON.stringify(snapshot);
  analyze(snapshot);
  assert.equal(JSON.stringify(snapshot), before);
});
