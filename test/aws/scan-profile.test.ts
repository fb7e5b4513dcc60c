// A named profile resolved as the AWS CLI resolves it, against a real moto_server: credentials from
// the profile's credential_process and the endpoint from its endpoint_url — no endpoint option,
// no credentials in the environment. Nothing the process prints reaches the snapshot.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanAccount } from '../../src/aws/scan';
import type { Snapshot } from '../../src/model/snapshot';
import { RegionClients } from './fixtures/clients';
import { createNamedVpc } from './fixtures/network';
import { startMotoServer, type MotoServer } from './moto-server';

const REGION = 'eu-central-1';
const KEY = 'AKIAPROCESSPROFILE01';
const SECRET = 'from-credential-process-never-written';
const ENV_NAMES = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ENDPOINT_URL'] as const;

let moto: MotoServer;
let dir: string;
let snapshot: Snapshot;
const saved = new Map(ENV_NAMES.map((name) => [name, process.env[name]]));

before(async () => {
  moto = await startMotoServer();
  const clients = new RegionClients(moto.endpoint, REGION);
  try {
    await createNamedVpc(clients.ec2, '10.70.0.0/16', 'from-profile');
  } finally {
    clients.destroy();
  }
  dir = mkdtempSync(join(tmpdir(), 'snm-profile-'));
  const helper = join(dir, 'credentials.js');
  writeFileSync(helper, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(KEY)}, SecretAccessKey: ${JSON.stringify(SECRET)} }));\n`);
  writeFileSync(
    join(dir, 'config'),
    [`[profile emulator]`, `region = ${REGION}`, `endpoint_url = ${moto.endpoint}`, `credential_process = ${JSON.stringify(process.execPath)} ${JSON.stringify(helper)}`, ''].join('\n'),
  );
  for (const name of ENV_NAMES) delete process.env[name];
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'no-credentials');
  snapshot = await scanAccount({ targets: [{ profile: 'emulator' }], regions: [REGION], maxAttempts: 1 });
});

after(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  return moto?.stop();
});

test('the profile’s credential_process and endpoint_url take the scan to the emulator', () => {
  assert.deepEqual(snapshot.accounts, [{ id: '123456789012', profile: 'emulator' }]);
  assert.deepEqual(snapshot.source, { kind: 'scan', profile: 'emulator', endpoint: moto.endpoint });
  assert.ok(
    snapshot.resources.vpcs.some((v) => v.name === 'from-profile' && v.region === REGION),
    JSON.stringify(snapshot.resources.vpcs.map((v) => v.name ?? v.id)),
  );
  assert.deepEqual(snapshot.gaps, []);
});

test('what credential_process printed is not in the snapshot', () => {
  const text = JSON.stringify(snapshot);
  assert.ok(!text.includes(KEY) && !text.includes(SECRET));
});
