import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/usage-error';

test('check --demo --format json parses to a check command', () => {
  assert.deepEqual(parseCommandLine(['check', '--demo', '--format', 'json']), {
    name: 'check',
    demo: true,
    format: 'json',
    region: undefined,
    parameterOverrides: [],
    dns: { offline: false, servers: [] },
  });
});

test('check takes --offline and repeated --dns-server for live DNS', () => {
  const command = parseCommandLine(['check', '--snapshot', 's.json', '--dns-server', '127.0.0.1:5353', '--dns-server', '10.0.0.2']);
  assert.equal(command.name, 'check');
  if (command.name !== 'check') return;
  assert.deepEqual(command.dns, { offline: false, servers: ['127.0.0.1:5353', '10.0.0.2'] });
  const offline = parseCommandLine(['check', '--snapshot', 's.json', '--offline']);
  assert.ok(offline.name === 'check' && offline.dns.offline);
});

test('check takes a template, a region and repeated parameter overrides', () => {
  const command = parseCommandLine(['check', 'template.yaml', '--region', 'ap-northeast-2', '--parameter-overrides', 'Env=dev', '--parameter-overrides', 'Vpc=vpc-1']);
  assert.equal(command.name, 'check');
  if (command.name !== 'check') return;
  assert.equal(command.template, 'template.yaml');
  assert.equal(command.region, 'ap-northeast-2');
  assert.deepEqual(command.parameterOverrides, ['Env=dev', 'Vpc=vpc-1']);
  assert.equal(command.format, 'text');
});

test('diagram needs --out with .svg or .html and an input', () => {
  assert.deepEqual(parseCommandLine(['diagram', '--demo', '--out', 'x.html']), { name: 'diagram', demo: true, out: 'x.html' });
  assert.throws(() => parseCommandLine(['diagram', '--demo']), /needs --out/);
  assert.throws(() => parseCommandLine(['diagram', '--demo', '--out', 'x.png']), /must end in \.svg or \.html/);
  assert.throws(() => parseCommandLine(['diagram', '--out', 'x.svg']), /needs --demo, --snapshot FILE or --template FILE/);
});

test('usage errors name the offending input', () => {
  assert.throws(() => parseCommandLine(['frobnicate']), (e) => e instanceof UsageError && /unknown command "frobnicate"/.test(e.message));
  assert.throws(() => parseCommandLine(['check', '--bogus']), (e) => e instanceof UsageError && /--bogus/.test(e.message));
  assert.throws(() => parseCommandLine(['check', '--demo', '--format', 'xml']), /--format must be one of text, json, sarif/);
  assert.throws(() => parseCommandLine(['check', '--demo', '--snapshot', 'a.json']), /either --demo or --snapshot/);
});

test('no command, help and -h print help', () => {
  for (const argv of [[], ['help'], ['--help'], ['check', '-h']]) assert.deepEqual(parseCommandLine(argv), { name: 'help' });
});

test('scan takes repeated profiles and regions, an endpoint URL and --out', () => {
  assert.deepEqual(parseCommandLine(['scan', '--profile', 'dev', '--profile', 'prod', '--region', 'ap-northeast-2', '--region', 'us-east-1', '--endpoint', 'http://127.0.0.1:5000', '--out', 's.json']), {
    name: 'scan',
    profiles: ['dev', 'prod'],
    regions: ['ap-northeast-2', 'us-east-1'],
    endpoint: 'http://127.0.0.1:5000',
    out: 's.json',
  });
  assert.deepEqual(parseCommandLine(['scan']), { name: 'scan', profiles: [], regions: [] });
  assert.throws(() => parseCommandLine(['scan', '--endpoint', 'localhost:5000']), /--endpoint must be an http\(s\) URL/);
});
