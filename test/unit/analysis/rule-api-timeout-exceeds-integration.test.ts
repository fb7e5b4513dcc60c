import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { lambdaFunction } from '../../builders/lambda';
import { here, type Item } from '../../builders/snapshot';

const CODE = 'api-timeout-exceeds-integration';

function api(protocol: 'REST' | 'HTTP' | 'WEBSOCKET', functionArn: string, timeoutMs?: number): Item<'apis'> {
  return { ...here, id: 'api1', name: 'shop', protocol, stages: ['prod'], integrations: [{ route: 'ANY /{proxy+}', functionArn, ...(timeoutMs ? { timeoutMs } : {}) }] };
}

function run(protocol: 'REST' | 'HTTP' | 'WEBSOCKET', timeout: number, timeoutMs?: number, qualifier = '') {
  const fn = lambdaFunction('Django', { timeout });
  return findingsOf(CODE, { lambdaFunctions: [fn], apis: [api(protocol, `${fn.arn}${qualifier}`, timeoutMs)] });
}

test('REST: 30 s behind 29 s is a warning with the timeout to set', () => {
  const fn = lambdaFunction('Django', { timeout: 30 });
  const finding = onlyFinding(CODE, { lambdaFunctions: [fn], apis: [api('REST', fn.arn)] });
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'Django has a 30 s timeout, but REST API shop (api1) stops waiting for it after 29 s (ANY /{proxy+}): a request that runs longer gets 504 Gateway Timeout ' +
      'while the function keeps running (and keeps anything it holds, such as a lock). Fix: set the function\'s Timeout to 28 s or less, or answer early and move ' +
      'the long work to an asynchronous path (a queue, Step Functions).',
  );
  assert.deepEqual(finding.fix, { kind: 'set-function-timeout', functionId: 'Django', seconds: 28 });
});

test('HTTP APIs wait 30 s: 30 is fine, 31 is not; WebSocket waits 29', () => {
  assert.deepEqual(run('HTTP', 30), []);
  assert.equal(run('HTTP', 31).length, 1);
  assert.equal(run('WEBSOCKET', 30).length, 1);
  assert.deepEqual(run('REST', 29), []);
});

test('an explicit integration timeout is what counts (shorter, or raised by quota); an alias ARN is the function', () => {
  assert.equal(run('REST', 15, 10_000).length, 1);
  assert.deepEqual(run('REST', 45, 60_000), []);
  assert.equal(run('REST', 60, undefined, ':live').length, 1);
});
