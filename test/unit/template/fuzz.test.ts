// Thousands of mutated templates (lines dropped, duplicated, swapped, re-indented; stray YAML
// syntax; intrinsics in odd places; references to nothing; huge and deeply nested values; alias
// bombs): the check must never throw, never report an internal error, and finish each run in
// bounded time. Seeded, so a failure names the case that reproduces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded, type Random } from '../../builders/random';
import { demoSnapshot } from '../../../src/demo/demo-account';
import { checkTemplate } from '../../../src/template/check-template';

const FOLDER = join(__dirname, '..', '..', 'fixtures', 'templates');
const SEEDS = [
  readFileSync(join(__dirname, '..', '..', '..', 'demo', 'template.yaml'), 'utf8'),
  ...readdirSync(FOLDER)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => readFileSync(join(FOLDER, name), 'utf8')),
];

const FRAGMENTS = [
  ':', '- ', '[', ']', '{', '}', '"', "'", '\t', '&a ', '*a', '!Ref ', '!GetAtt X.', '!Sub ${', '|', '>', '#', '%', '---', '? ', '!Bogus ',
  '!If [Cond, a, b]', '!Select [9, []]', '!FindInMap [M, a, b]', '!Split [",", !Ref AWS::NoValue]', '!Cidr [x, -1, 99]', '!GetAZs 7',
  '{"Fn::Sub": [1, 2]}', '{"Ref": ["x"]}', '{"Fn::Join": [null]}', '{Condition: 1}', '!Ref AWS::NoValue', '!Ref AWS::Region',
];

const VALUES = [
  '!Ref Nothing', '!GetAtt Nothing.Arn', '!GetAtt [Vpc]', '!Sub "${Nothing.Attr}-${AWS::StackName}"', '!Join ["", [!Ref AWS::Region, 1]]',
  '!If [Missing, [1], {a: b}]', '!Select [0, !GetAZs ""]', '!ImportValue shared', '[]', '{}', 'null', '~', '0', '-1', 'true', '1e400',
  '"{{resolve:ssm:/x}}"', '!Base64 x', `"${'x'.repeat(5000)}"`, `${'['.repeat(200)}${']'.repeat(200)}`, '!Equals [a]', '!Not []', '!And',
];

type Mutation = (lines: string[], random: Random) => string[];

const MUTATIONS: Mutation[] = [
  (lines, r) => lines.filter((_, i) => i !== r.int(0, lines.length - 1)),
  (lines, r) => {
    const i = r.int(0, lines.length - 1);
    return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)];
  },
  (lines, r) => {
    const a = r.int(0, lines.length - 1);
    const b = r.int(0, lines.length - 1);
    const copy = [...lines];
    [copy[a], copy[b]] = [copy[b] ?? '', copy[a] ?? ''];
    return copy;
  },
  (lines, r) => lines.map((line, i) => (i === r.int(0, lines.length - 1) ? ' '.repeat(r.int(0, 9)) + line.trimStart() : line)),
  (lines, r) => {
    const i = r.int(0, lines.length - 1);
    const line = lines[i] ?? '';
    const at = r.int(0, line.length);
    return lines.map((l, j) => (j === i ? line.slice(0, at) + r.pick(FRAGMENTS) + line.slice(at) : l));
  },
  (lines, r) => {
    // A value replaced by something unexpected: an intrinsic, a reference to nothing, a huge or nested value.
    const candidates = lines.map((line, i) => [line, i] as const).filter(([line]) => /:\s+\S/.test(line));
    if (candidates.length === 0) return lines;
    const [line, index] = r.pick(candidates);
    const replaced = line.replace(/:\s+.*$/, `: ${r.pick(VALUES)}`);
    return lines.map((l, j) => (j === index ? replaced : l));
  },
  (lines, r) => lines.slice(0, r.int(0, lines.length)),
  (lines) => [...lines, '  Bomb:', '    Type: AWS::SNS::Topic', '    Properties:', ...aliasBomb('      ')],
];

function aliasBomb(indent: string): string[] {
  const out = [`${indent}L0: &l0 [x, x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i < 8; i++) out.push(`${indent}L${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  return out;
}

function mutate(text: string, random: Random): string {
  let lines = text.split('\n');
  const rounds = random.int(1, 4);
  for (let i = 0; i < rounds; i++) lines = random.pick(MUTATIONS)(lines, random);
  return lines.join('\n');
}

// A fixed, seeded set of cases, so every run checks the same templates. No timing assertions (speed is
// the benchmark's job): a check that hangs is caught by the test's own timeout instead.
const CASES = 1500;

test('mutated templates never throw, never hit an internal error, and never hang', { timeout: 180_000 }, (t) => {
  const random = seeded(20261122);
  const account = demoSnapshot();
  const started = performance.now();
  let slowest = 0;
  for (let runs = 0; runs < CASES; runs++) {
    const seed = SEEDS[runs % SEEDS.length] ?? '';
    const text = mutate(seed, random);
    const options = { fileName: `case-${runs}.yaml`, ...(runs % 5 === 0 ? { snapshot: account } : {}), ...(runs % 3 === 0 ? { region: 'eu-west-1' } : {}) };
    const t0 = performance.now();
    const result = checkTemplate(text, options);
    slowest = Math.max(slowest, performance.now() - t0);
    const internal = result.findings.find((f) => /internal error/.test(f.message));
    assert.equal(internal, undefined, `case ${runs}: ${internal?.message}\n---\n${text.slice(0, 2000)}`);
    for (const finding of result.findings) assert.ok(finding.range && finding.range.start.line >= 0, `case ${runs}: ${finding.code} without a range`);
  }
  t.diagnostic(`${CASES} mutated templates in ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(0)} ms`);
});
