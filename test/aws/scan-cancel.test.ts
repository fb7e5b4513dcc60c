// Cancelling a scan: mid-scan through a slow proxy (every answer held three seconds, so requests are surely in
// flight), before it starts, and while the account is being identified. The scan rejects at once
// with an AbortError, says nothing more, and the last good snapshot file stays as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import { ScanCancelledError } from '../../src/aws/errors';
import { scanAccount, type ScanProgressEvent } from '../../src/aws/scan';
import { writeSnapshotFile } from '../../src/aws/write-snapshot';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { RegionClients, TEST_CREDENTIALS } from './fixtures/clients';
import { startMotoServer, type MotoServer } from './moto-server';

const REGION = 'sa-east-1';

let moto: MotoServer;
let slow: FaultProxy;
let dir: string;

before(async () => {
  moto = await startMotoServer();
  slow = await startFaultProxy(moto.endpoint, () => undefined, { delayMs: 3000 });
  dir = mkdtempSync(join(tmpdir(), 'snm-cancel-'));
  const c = new RegionClients(moto.endpoint, REGION);
  const vpcId = (await c.ec2.send(new CreateVpcCommand({ CidrBlock: '10.60.0.0/16' }))).Vpc?.VpcId;
  for (let i = 0; i < 4; i++) await c.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.60.${i}.0/24` }));
  for (let i = 0; i < 5; i++) await c.route53.send(new CreateHostedZoneCommand({ Name: `zone${i}.example`, CallerReference: `z${i}` }));
  c.destroy();
});
after(async () => {
  await slow?.stop();
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const options = (signal: AbortSignal, onProgress?: (e: ScanProgressEvent) => void) => ({
  targets: [{ credentials: TEST_CREDENTIALS }],
  regions: [REGION],
  endpoint: slow.endpoint,
  maxAttempts: 1,
  signal,
  onProgress,
});

test('cancelled mid-scan: an AbortError at once, no more progress, the last good file untouched', async () => {
  const path = join(dir, 'snapshot.json');
  const good = await scanAccount({ ...options(new AbortController().signal), endpoint: moto.endpoint });
  await writeSnapshotFile(path, good);
  const lastGood = readFileSync(path, 'utf8');

  const controller = new AbortController();
  const events: ScanProgressEvent[] = [];
  let abortedAt = 0;
  const scan = scanAccount(
    options(controller.signal, (event) => {
      events.push(event);
      // The first service to finish: the others are still waiting on the slow proxy.
      if (event.state === 'done' && !abortedAt) {
        abortedAt = performance.now();
        controller.abort();
      }
    }),
  );
  await assert.rejects(scan.then((snapshot) => writeSnapshotFile(path, snapshot)), (error: unknown) => {
    assert.ok(error instanceof ScanCancelledError);
    assert.equal(error.name, 'AbortError');
    assert.equal(error.message, 'the scan was cancelled; nothing was written');
    return true;
  });
  assert.ok(abortedAt > 0, 'the scan was cancelled while running');
  // Semantics, not speed: the rejection comes well before the held requests (3 s) could answer.
  assert.ok(performance.now() - abortedAt < 2_000, 'the rejection does not wait for the requests held in flight');
  assert.ok(events.some((e) => e.state === 'started' && !events.some((d) => d.state !== 'started' && d.service === e.service && d.region === e.region)), 'some services were still running');

  const seen = events.length;
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(events.length, seen, 'nothing is reported after the cancellation');
  assert.equal(readFileSync(path, 'utf8'), lastGood);
  assert.deepEqual(readdirSync(dir), ['snapshot.json']);
});

test('a signal aborted before the scan starts: rejected without a single request', async () => {
  const before = slow.counts.forwarded;
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(scanAccount(options(controller.signal)), { name: 'AbortError' });
  assert.equal(slow.counts.forwarded, before);
});

test('cancelled while the account is being identified', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const events: ScanProgressEvent[] = [];
  await assert.rejects(scanAccount(options(controller.signal, (e) => events.push(e))), { name: 'AbortError' });
  assert.deepEqual(events, []);
});
