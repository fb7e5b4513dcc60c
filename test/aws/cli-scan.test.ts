// The command line as a user runs it against an account: `scan` a moto account into a file, then
// `check --snapshot` and `diagram --snapshot` on it. The built bundle (dist/cli.js) runs as a
// process with credentials from the environment, the way the AWS CLI would find them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSnapshotText } from '../../src/model/parse-snapshot';
import type { Finding } from '../../src/model/finding';
import { buildSmartorder, type SmartorderIds } from './fixtures/smartorder';
import { startMotoServer, type MotoServer } from './moto-server';

const REGION = 'ap-northeast-2';
const cli = join(process.cwd(), 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'snm-cli-scan-'));
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIACLISCANTEST00001',
  AWS_SECRET_ACCESS_KEY: 'cli-scan-secret-do-not-leak',
  AWS_CONFIG_FILE: join(tmp, 'no-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'no-credentials'),
  AWS_REGION: '',
  AWS_DEFAULT_REGION: '',
  AWS_PROFILE: '',
};

let moto: MotoServer;
let ids: SmartorderIds;

function run(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });
}

before(async () => {
  // The fixture attaches AWS-managed policies, which moto loads only when asked.
  moto = await startMotoServer({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  ids = await buildSmartorder(moto.endpoint, REGION);
});
after(() => moto?.stop());

test('scan → check → diagram on a moto account', () => {
  const file = join(tmp, 'snap.json');
  const scan = run(['scan', '--endpoint', moto.endpoint, '--region', REGION, '--out', file]);
  assert.equal(scan.status, 0, scan.stderr);
  assert.match(scan.stderr, /scanned account 123456789012 in ap-northeast-2: \d+ resources/);
  const text = readFileSync(file, 'utf8');
  assert.doesNotMatch(text, /cli-scan-secret-do-not-leak|AKIACLISCANTEST00001/, 'no credentials in the snapshot');
  const snapshot = parseSnapshotText(text);
  assert.ok(snapshot.resources.vpcs.some((v) => v.id === ids.vpc));
  assert.ok(snapshot.resources.lambdaFunctions.some((f) => f.name === 'CancelOrderWorker'));

  const check = run(['check', '--snapshot', file, '--format', 'json']);
  assert.ok(check.status === 0 || check.status === 1, check.stderr);
  const { findings } = JSON.parse(check.stdout) as { findings: Finding[] };
  assert.equal(check.status, findings.some((f) => f.severity === 'error') ? 1 : 0, 'exit code follows the findings');

  const html = join(tmp, 'map.html');
  const diagram = run(['diagram', '--snapshot', file, '--out', html]);
  assert.equal(diagram.status, 0, diagram.stderr);
  assert.match(readFileSync(html, 'utf8'), new RegExp(ids.vpc));
});

test('a scan that fails leaves the last good snapshot file untouched, with one clear line', () => {
  const file = join(tmp, 'keep.json');
  writeFileSync(file, '{"the":"last good snapshot"}');
  const scan = run(['scan', '--endpoint', 'http://127.0.0.1:9', '--region', REGION, '--out', file]);
  assert.equal(scan.status, 2);
  assert.match(scan.stderr, /^serverless-network-map: could not identify the AWS account/);
  assert.equal(scan.stderr.trim().split('\n').length, 1, scan.stderr);
  assert.equal(readFileSync(file, 'utf8'), '{"the":"last good snapshot"}');
});

test('scan with no region anywhere says how to give one', () => {
  const scan = run(['scan', '--endpoint', moto.endpoint]);
  assert.equal(scan.status, 2);
  assert.match(scan.stderr, /no region to scan: pass --region R/);
});
