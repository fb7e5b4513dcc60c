// The CLI end to end in-process (the real engine on the embedded demo), and the built bundle as
// a user runs it: exit codes and one-line errors of DESIGN.md's contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { Io } from '../../../src/cli/commands';
import type { Finding } from '../../../src/model/finding';

function recorder(): Io & { out: string; err: string } {
  const io = { out: '', err: '', color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const tmp = mkdtempSync(join(tmpdir(), 'snm-cli-'));

test('check --demo --format json lists the seed failures and exits 1', async () => {
  const io = recorder();
  assert.equal(await main(['check', '--demo', '--format', 'json'], io), 1);
  const { findings } = JSON.parse(io.out) as { findings: Finding[] };
  const pairs = findings.map((f) => `${f.code} ${f.resource.id}`);
  for (const expected of [
    'lambda-vpc-public-subnet CancelOrderWorker',
    'lambda-vpc-no-aws-endpoint CancelOrderWorker',
    'domain-no-mapping api.smartorder.example.com',
    'domain-certificate-not-issued api.smartorder.example.com',
  ]) {
    assert.ok(pairs.includes(expected), `expected "${expected}" in ${JSON.stringify(pairs)}`);
  }
  for (const finding of findings) {
    assert.ok(['error', 'warning', 'info'].includes(finding.severity));
    assert.ok(finding.message.length > 20, 'a message a developer can act on');
  }
});

test('check --demo prints readable text with the broken hop and a summary', async () => {
  const io = recorder();
  assert.equal(await main(['check', '--demo'], io), 1);
  assert.match(io.out, /error\s+lambda-vpc-public-subnet\s+CancelOrderWorker/);
  assert.match(io.out, /✗/);
  assert.match(io.out, /\d+ findings: \d+ errors/);
});

test('check --snapshot on a healthy snapshot exits 0', async () => {
  const file = join(tmp, 'empty.json');
  writeFileSync(file, JSON.stringify({ version: 1, createdAt: '2026-11-21T00:00:00Z', source: { kind: 'scan' }, accounts: [], regions: [], resources: {} }));
  const io = recorder();
  assert.equal(await main(['check', '--snapshot', file], io), 0);
  assert.match(io.out, /No findings/);
});

test('diagram --demo writes HTML and SVG that contain the demo boxes', async () => {
  for (const name of ['demo.html', 'demo.svg']) {
    const out = join(tmp, 'nested', name);
    const io = recorder();
    assert.equal(await main(['diagram', '--demo', '--out', out], io), 0);
    const text = readFileSync(out, 'utf8');
    assert.match(text, /<svg/);
    assert.match(text, /CancelOrderWorker/);
    assert.match(text, /api\.smartorder\.example\.com/);
  }
});

test('bad input gives one clear line and exit 2', async () => {
  const notJson = join(tmp, 'bad.json');
  writeFileSync(notJson, '{ nope');
  const oldVersion = join(tmp, 'old.json');
  writeFileSync(oldVersion, JSON.stringify({ version: 0 }));
  const cases: [string[], RegExp][] = [
    [['check', '--snapshot', join(tmp, 'missing.json')], /cannot read snapshot .*missing\.json: no such file/],
    [['check', '--snapshot', tmp], /it is a folder/],
    [['check', '--snapshot', notJson], /bad\.json: not JSON/],
    [['check', '--snapshot', oldVersion], /unsupported snapshot version 0/],
    [['scan-everything'], /unknown command/],
    [['check', '--demo', '--colour'], /--colour/],
  ];
  for (const [argv, message] of cases) {
    const io = recorder();
    assert.equal(await main(argv, io), 2, argv.join(' '));
    assert.match(io.err, message);
    assert.equal(io.err.trim().split('\n').length, 1, `one line for ${argv.join(' ')}: ${io.err}`);
    assert.doesNotMatch(io.err, /\n\s+at /, 'no stack trace');
  }
});

test('the built CLI bundle honours the exit codes as a process', () => {
  const cli = join(process.cwd(), 'dist', 'cli.js');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const check = run(['check', '--demo', '--format', 'json']);
  assert.equal(check.status, 1, check.stderr);
  assert.ok((JSON.parse(check.stdout) as { findings: Finding[] }).findings.length >= 4);
  const bad = run(['check', '--snapshot', join(tmp, 'missing.json')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^serverless-network-map: cannot read snapshot/);
  assert.equal(run(['--help']).status, 0);
});

test('check --format sarif gives SARIF 2.1.0 with one rule per code and 1-based regions', async () => {
  const io = recorder();
  assert.equal(await main(['check', '--demo', '--format', 'sarif'], io), 1);
  const log = JSON.parse(io.out) as {
    version: string;
    runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string }[] }[];
  };
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.ok(run);
  const ruleIds = run.tool.driver.rules.map((r) => r.id);
  assert.ok(ruleIds.includes('lambda-vpc-public-subnet'));
  for (const result of run.results) {
    assert.equal(ruleIds[result.ruleIndex], result.ruleId, 'ruleIndex points at its rule');
    assert.ok(['error', 'warning', 'note'].includes(result.level));
  }
  for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`findings\\.md#${rule.id}$`));
});
