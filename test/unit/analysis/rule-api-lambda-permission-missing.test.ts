import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { lambdaFunction } from '../../builders/lambda';
import { here, type Item } from '../../builders/snapshot';

const CODE = 'api-lambda-permission-missing';

function run(invokePrincipals: string[] | undefined) {
  const fn = lambdaFunction('Orders', invokePrincipals === undefined ? {} : { invokePrincipals });
  const api: Item<'apis'> = { ...here, id: 'k7m9', name: 'orders-http', protocol: 'HTTP', stages: ['$default'], integrations: [{ route: 'POST /orders', functionArn: fn.arn }] };
  return [{ lambdaFunctions: [fn], apis: [api] }];
}

test('a known resource policy without apigateway.amazonaws.com: an error with the permission to add', () => {
  const finding = onlyFinding(CODE, ...run(['events.amazonaws.com']));
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /^HTTP API orders-http \(k7m9\) invokes Orders \(POST \/orders\), but the function's resource policy lets only events\.amazonaws\.com invoke it, not apigateway\.amazonaws\.com, so API Gateway answers 500/);
  assert.deepEqual(finding.fix, { kind: 'add-lambda-permission', functionId: 'Orders', principal: 'apigateway.amazonaws.com', sourceArn: 'arn:aws:execute-api:ap-northeast-2:111122223333:k7m9/*' });
  assert.match(onlyFinding(CODE, ...run([])).message, /the function's resource policy lets no one invoke it, not apigateway\.amazonaws\.com/);
});

test('allowed (by name or "*"), or not known: no finding', () => {
  assert.deepEqual(findingsOf(CODE, ...run(['apigateway.amazonaws.com'])), []);
  assert.deepEqual(findingsOf(CODE, ...run(['*'])), []);
  assert.deepEqual(findingsOf(CODE, ...run(undefined)), []);
});
