// `check --format sarif` validated against the SARIF 2.1.0 JSON schema itself: the copy Microsoft's
// sarif-js-sdk ships in @microsoft/jest-sarif (sarif-2.1.0-rtm.5.json, a draft-04 schema, hence
// ajv-draft-04). Only the schema file is used, not the package's jest matchers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { main } from '../../../src/cli/main';
import type { Io } from '../../../src/cli/commands';
import { FINDING_CODES, findingDocsUrl, type FindingCode } from '../../../src/model/finding';

const SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

// The schema's formats, checked with the WHATWG URL parser and RFC 3339's date-time (ajv itself
// knows none, and ignoring them would let a malformed helpUri through).
// unicodeRegExp off: the schema's pattern for `language` has a stray "]" that only the u flag rejects.
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
ajv.addFormat('uri', (text: string) => URL.canParse(text));
ajv.addFormat('uri-reference', (text: string) => URL.canParse(text, 'file:///base/') && !/[\s\\]/.test(text));
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
const validate = ajv.compile(SCHEMA);

function schemaErrors(log: unknown): string {
  return validate(log) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'templates');
const DEMO_TEMPLATE = join(__dirname, '..', '..', '..', 'demo', 'template.yaml');

async function sarifOf(args: string[]): Promise<{ code: number; log: SarifLog }> {
  let out = '';
  const io: Io = { stdout: (text) => void (out += text), stderr: () => undefined, color: false };
  const code = await main(['check', ...args, '--format', 'sarif'], io);
  return { code, log: JSON.parse(out) as SarifLog };
}

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
}

function assertRulesAreCodes(log: SarifLog): void {
  const run = log.runs[0];
  assert.ok(run, 'one run');
  for (const rule of run.tool.driver.rules) {
    assert.ok((FINDING_CODES as readonly string[]).includes(rule.id), `rule id ${rule.id} is a finding code`);
    assert.equal(rule.helpUri, findingDocsUrl(rule.id as FindingCode), `rule ${rule.id} carries its docs link`);
  }
  for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
}

test('check --format sarif of a template with several findings is valid against the SARIF 2.1.0 schema', async () => {
  const { code, log } = await sarifOf([join(FIXTURES, 'story1-invoke-from-public-subnets.yaml'), '--region', 'ap-northeast-2']);
  assert.equal(code, 1);
  assert.equal(schemaErrors(log), '');
  assert.ok(log.runs[0] && new Set(log.runs[0].results.map((r) => r.ruleId)).size >= 2, 'several kinds of finding');
  assertRulesAreCodes(log);
});

test('check --demo --format sarif (the account, no locations) and the demo template against it are valid', async () => {
  const account = await sarifOf(['--demo']);
  assert.equal(schemaErrors(account.log), '');
  assert.ok((account.log.runs[0]?.results.length ?? 0) >= 4);
  assertRulesAreCodes(account.log);
  const template = await sarifOf([DEMO_TEMPLATE, '--demo']);
  assert.equal(schemaErrors(template.log), '');
  assertRulesAreCodes(template.log);
});

test('a template that does not parse, and a clean one, give valid SARIF too', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'snm-sarif-')), 'broken template.yaml');
  writeFileSync(file, 'Resources:\n  Fn: [\n');
  const broken = await sarifOf([file]);
  assert.equal(schemaErrors(broken.log), '');
  assert.equal(broken.log.runs[0]?.results[0]?.ruleId, 'template-parse-error');
  const clean = await sarifOf([join(FIXTURES, 'story1-invoke-through-nat.yaml'), '--region', 'ap-northeast-2']);
  assert.equal(clean.code, 0);
  assert.equal(schemaErrors(clean.log), '');
});

test('the validator does reject what the schema forbids (so the tests above can fail)', () => {
  const valid = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', helpUri: 'https://example.com/a' }] } }, results: [] }] };
  assert.equal(schemaErrors(valid), '');
  assert.notEqual(schemaErrors({ ...valid, version: '2.0.0' }), '');
  assert.notEqual(schemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', helpUri: 'not a uri' }] } } }] }), '');
  assert.notEqual(schemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] }), '');
  assert.notEqual(schemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, rank: 'high' }] }] }), '');
});
