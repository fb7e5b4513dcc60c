// SARIF 2.1.0 as the spec requires it, object by object: required properties, types and ranges
// (1-based regions), enums, URI formats, and no properties the schema does not define. The
// schema itself validates the CLI's output in sarif-schema.test.ts; these checks say which
// object is wrong in words, and pin our own choices (rule = finding code, its docs link, lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFindingsSarif, sarifUri } from '../../../src/cli/format-sarif';
import { demoSnapshot } from '../../../src/demo/demo-account';
import { analyze } from '../../../src/analysis/analyze';
import { findingDocsUrl, type FindingCode } from '../../../src/model/finding';
import { checkTemplate } from '../../../src/template/check-template';

type Json = Record<string, unknown>;

function only(value: unknown, where: string, allowed: string[], required: string[] = []): Json {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${where} is an object`);
  const object = value as Json;
  for (const key of Object.keys(object)) assert.ok(allowed.includes(key), `${where}.${key} is not a SARIF 2.1.0 property`);
  for (const key of required) assert.ok(key in object, `${where}.${key} is required`);
  return object;
}

const isUri = (text: unknown) => typeof text === 'string' && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text);
const isUriReference = (text: unknown) => typeof text === 'string' && text.length > 0 && !/[\s\\]/.test(text);
const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;

function checkMessage(value: unknown, where: string): void {
  const message = only(value, where, ['text', 'markdown', 'id', 'arguments', 'properties']);
  assert.ok(typeof message.text === 'string' || typeof message.id === 'string', `${where} needs text or id`);
}

function checkRegion(value: unknown, where: string): void {
  const region = only(value, where, ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties']);
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) if (key in region) assert.ok(positiveInteger(region[key]), `${where}.${key} is an integer ≥ 1`);
  assert.ok((region.endLine as number) > (region.startLine as number) || (region.endColumn as number) >= (region.startColumn as number), `${where} ends after it starts`);
}

export function assertValidSarif(log: unknown): void {
  const root = only(log, 'log', ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], ['version', 'runs']);
  assert.equal(root.version, '2.1.0');
  assert.ok(isUri(root.$schema));
  assert.ok(Array.isArray(root.runs));
  for (const [r, runValue] of (root.runs as unknown[]).entries()) {
    const run = only(runValue, `runs[${r}]`, ['tool', 'invocations', 'results', 'artifacts', 'properties', 'columnKind', 'originalUriBaseIds'], ['tool']);
    const tool = only(run.tool, 'tool', ['driver', 'extensions', 'properties'], ['driver']);
    const driver = only(tool.driver, 'driver', ['name', 'version', 'semanticVersion', 'informationUri', 'rules', 'fullName', 'organization', 'properties'], ['name']);
    assert.equal(typeof driver.name, 'string');
    if ('informationUri' in driver) assert.ok(isUri(driver.informationUri));
    const rules = (driver.rules ?? []) as unknown[];
    const ids = rules.map((ruleValue, i) => {
      const rule = only(ruleValue, `rules[${i}]`, ['id', 'name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties'], ['id']);
      assert.equal(typeof rule.id, 'string');
      if ('helpUri' in rule) assert.ok(isUri(rule.helpUri), `rules[${i}].helpUri`);
      if ('shortDescription' in rule) assert.equal(typeof only(rule.shortDescription, 'shortDescription', ['text', 'markdown', 'properties'], ['text']).text, 'string');
      return rule.id as string;
    });
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const [i, resultValue] of ((run.results ?? []) as unknown[]).entries()) {
      const where = `results[${i}]`;
      const result = only(resultValue, where, ['ruleId', 'ruleIndex', 'level', 'kind', 'message', 'locations', 'properties', 'partialFingerprints', 'fingerprints'], ['message']);
      checkMessage(result.message, `${where}.message`);
      if ('level' in result) assert.ok(['none', 'note', 'warning', 'error'].includes(result.level as string), `${where}.level`);
      if ('ruleIndex' in result) {
        assert.ok(Number.isInteger(result.ruleIndex) && (result.ruleIndex as number) >= -1);
        assert.equal(ids[result.ruleIndex as number], result.ruleId, `${where}.ruleIndex points at its rule`);
      }
      for (const [l, locationValue] of ((result.locations ?? []) as unknown[]).entries()) {
        const location = only(locationValue, `${where}.locations[${l}]`, ['physicalLocation', 'logicalLocations', 'message', 'id', 'properties']);
        const physical = only(location.physicalLocation, 'physicalLocation', ['artifactLocation', 'region', 'contextRegion', 'address', 'properties']);
        const artifact = only(physical.artifactLocation, 'artifactLocation', ['uri', 'uriBaseId', 'index', 'description', 'properties']);
        assert.ok(isUriReference(artifact.uri), `${where} uri "${String(artifact.uri)}"`);
        if ('region' in physical) checkRegion(physical.region, `${where}.region`);
      }
      if ('properties' in result) only(result.properties, `${where}.properties`, Object.keys(result.properties as Json));
    }
  }
}

const DEMO_TEMPLATE = readFileSync(join(__dirname, '..', '..', '..', 'demo', 'template.yaml'), 'utf8');

test('SARIF for a template check is valid 2.1.0: rules are the finding codes with their docs, regions are 1-based', () => {
  const { findings } = checkTemplate(DEMO_TEMPLATE, { fileName: 'demo/template.yaml', snapshot: demoSnapshot() });
  const log = formatFindingsSarif(findings, '1.2.3');
  assertValidSarif(log);
  const run = (log.runs[0] ?? {}) as { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] };
  for (const rule of run.tool.driver.rules) assert.equal(rule.helpUri, findingDocsUrl(rule.id as FindingCode));
  const subnets = run.results.find((r) => r.ruleId === 'lambda-vpc-public-subnet')?.locations[0]?.physicalLocation;
  assert.equal(subnets?.artifactLocation.uri, 'demo/template.yaml');
  const expectedLine = DEMO_TEMPLATE.split('\n').findIndex((line, i, lines) => /^\s+SubnetIds:/.test(line) && lines.slice(0, i).some((l) => l.startsWith('  CancelOrderWorker:'))) + 1;
  assert.equal(subnets?.region.startLine, expectedLine);
  assert.equal(subnets?.region.startColumn, 9);
});

test('SARIF without locations (an account check), with a parse error, and with no findings is still valid', () => {
  assertValidSarif(formatFindingsSarif(analyze(demoSnapshot()), 'dev'));
  assertValidSarif(formatFindingsSarif(checkTemplate('Resources: [', { fileName: 'bad template.yaml' }).findings, 'dev'));
  assertValidSarif(formatFindingsSarif([], 'dev'));
});

test('artifact URIs: relative paths stay relative and percent-encoded, absolute ones become file: URIs', () => {
  assert.equal(sarifUri('demo/template.yaml'), 'demo/template.yaml');
  assert.equal(sarifUri('infra\\my stack\\template.yaml'), 'infra/my%20stack/template.yaml');
  assert.equal(sarifUri('a#b?.yaml'), 'a%23b%3F.yaml');
  assert.equal(sarifUri('/srv/app/template.yaml'), 'file:///srv/app/template.yaml');
});
