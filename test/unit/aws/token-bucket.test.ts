// The rate limiter: AWS's own algorithm (a burst, then a steady refill), on a clock the test moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from '../../../src/aws/token-bucket';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('the burst goes at once; the next call waits for one refill interval, not a whole window', () => {
  const time = clock();
  const bucket = new TokenBucket({ capacity: 100, refillPerSecond: 20 }, time.now);
  for (let i = 0; i < 100; i++) assert.equal(bucket.reserve(), 0);
  assert.equal(bucket.reserve(), 50);
  assert.equal(bucket.reserve(), 100);
});

test('waiters are served in order, one refill apart', () => {
  const time = clock();
  const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 10 }, time.now);
  assert.deepEqual([bucket.reserve(), bucket.reserve(), bucket.reserve()], [0, 100, 200]);
});

test('tokens come back with time, never beyond the capacity', () => {
  const time = clock();
  const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 10 }, time.now);
  bucket.reserve();
  bucket.reserve();
  time.advance(10_000);
  assert.deepEqual([bucket.reserve(), bucket.reserve(), bucket.reserve()], [0, 0, 100]);
});

test('take() waits for its token and gives up when the scan is cancelled', async () => {
  const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1 });
  await bucket.take();
  const controller = new AbortController();
  const waiting = bucket.take(controller.signal);
  controller.abort(new Error('cancelled'));
  await assert.rejects(waiting, /cancelled/);
});
