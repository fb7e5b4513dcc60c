// `check TEMPLATE` and `diagram --template` as a user runs them: findings on the template's lines in
// every format, samconfig beside the template, SAM CLI's parameter overrides, exit codes 0/1/2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { Io } from '../../../src/cli/commands';
import type { Finding } from '../../../src/model/finding';

function recorder(): Io & { out: string; err: string } {
  const io = { out: '', err: '', color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'templates');
const tmp = mkdtempSync(join(tmpdir(), 'snm-cli-template-'));

async function run(...argv: string[]) {
  const io = recorder();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

test('check demo/template.yaml: the seed failures on their lines, exit 1', async () => {
  const { code, out } = await run('check', 'demo/template.yaml', '--format', 'json');
  assert.equal(code, 1);
  const { findings } = JSON.parse(out) as { findings: Finding[] };
  const subnets = findings.find((f) => f.code === 'lambda-vpc-public-subnet');
  assert.equal(subnets?.file, 'demo/template.yaml');
  assert.equal(readFileSync('demo/template.yaml', 'utf8').split('\n')[subnets?.range?.start.line ?? -1]?.trim(), 'SubnetIds:');
  const text = await run('check', 'demo/template.yaml');
  assert.match(text.out, /^demo\/template\.yaml:\d+:9 error +lambda-vpc-public-subnet +CancelOrderWorker$/m);
  const sarif = await run('check', 'demo/template.yaml', '--demo', '--format', 'sarif');
  assert.equal(sarif.code, 1);
  assert.equal((JSON.parse(sarif.out) as { version: string }).version, '2.1.0');
  assert.match(sarif.out, /domain-certificate-not-issued/);
});

test('a working template exits 0; a template that does not parse is a finding (exit 1), an unreadable one a usage error (exit 2)', async () => {
  assert.equal((await run('check', join(FIXTURES, 'story1-invoke-through-nat.yaml'), '--region', 'eu-west-1')).code, 0);
  const bad = join(tmp, 'bad.yaml');
  writeFileSync(bad, 'Resources:\n  A:\n    Type: [\n');
  const parsed = await run('check', bad, '--format', 'json');
  assert.equal(parsed.code, 1);
  assert.equal((JSON.parse(parsed.out) as { findings: Finding[] }).findings[0]?.code, 'template-parse-error');
  const missing = await run('check', join(tmp, 'nope.yaml'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read template .*nope\.yaml: no such file/);
  assert.doesNotMatch(missing.err, /\n\s+at /, 'no stack trace');
});

test('samconfig.toml beside the template binds parameters; --parameter-overrides A=1 B=2 replaces it, as in SAM CLI', async () => {
  const dir = join(tmp, 'project');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'conditional-vpc.yaml'), join(dir, 'template.yaml'));
  const template = join(dir, 'template.yaml');
  const undecided = await run('check', template, '--format', 'json');
  assert.equal(undecided.code, 1, 'both ways: the VPC branch breaks');
  writeFileSync(join(dir, 'samconfig.toml'), 'version = 0.1\n[default.deploy.parameters]\nregion = "eu-west-1"\nparameter_overrides = "UseVpc=false"\n');
  assert.equal((await run('check', template)).code, 0, 'samconfig says no VPC');
  assert.equal((await run('check', template, '--parameter-overrides', 'UseVpc=true', 'Unused=1')).code, 1, 'the command line wins');
  writeFileSync(join(dir, 'samconfig.toml'), '[default.deploy.parameters]\nparameter_overrides = "UseVpc=false"\nbroken = "\n');
  const noted = await run('check', template);
  assert.equal(noted.code, 0);
  assert.match(noted.err, /^note: .*samconfig\.toml line 3/m);
});

test('diagram --template draws the template merged with the account', async () => {
  const out = join(tmp, 'template.svg');
  const result = await run('diagram', '--template', 'demo/template.yaml', '--demo', '--out', out);
  assert.equal(result.code, 0);
  const svg = readFileSync(out, 'utf8');
  assert.match(svg, /<svg /);
  assert.match(svg, /CancelOrderWorker/);
});

test('check reads a live account with --profile/--endpoint, never together with --snapshot or --demo', async () => {
  const { parseCommandLine } = await import('../../../src/cli/args.js');
  const command = parseCommandLine(['check', 't.yaml', '--profile', 'dev', '--endpoint', 'http://127.0.0.1:4566', '--region', 'eu-west-1']);
  assert.deepEqual(command.name === 'check' ? [command.profile, command.endpoint, command.region] : [], ['dev', 'http://127.0.0.1:4566', 'eu-west-1']);
  assert.throws(() => parseCommandLine(['check', 't.yaml', '--profile', 'dev', '--demo']), /not several/);
  assert.throws(() => parseCommandLine(['check', 't.yaml', '--endpoint', 'localhost']), /must be an http\(s\) URL/);
});
