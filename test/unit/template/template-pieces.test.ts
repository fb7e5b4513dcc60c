// The template cut into pieces (so an edit re-parses one piece) reads exactly as the whole text
// does: same tree, same ranges, same problems; text the cut cannot be sure about is read whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplateText, parseYamlPiece } from '../../../src/template/parse-template';
import { splitTemplate } from '../../../src/template/template-pieces';

const FOLDER = join(__dirname, '..', '..', 'fixtures', 'templates');
const TEMPLATES = [
  join(__dirname, '..', '..', '..', 'demo', 'template.yaml'),
  ...readdirSync(FOLDER).filter((n) => /\.ya?ml$/.test(n)).map((n) => join(FOLDER, n)),
];

test('every YAML template of the corpus is cut into pieces and reads exactly as the whole text', () => {
  for (const file of TEMPLATES) {
    const text = readFileSync(file, 'utf8');
    const split = splitTemplate(text);
    assert.ok(split, `${file} should be cut`);
    assert.ok(split.pieces.filter((p) => p.resource).length >= 2, file);
    // Pieces cover the text but for the `Resources:` line and the comments before its first resource.
    const content = (t: string) => t.split('\n').filter((l) => !/^\s*(#.*)?$/.test(l) && !/^Resources:/.test(l));
    assert.deepEqual(content(split.pieces.map((p) => p.text).join('')), content(text), 'pieces cover the text');
    const whole = parseYamlPiece(text, 0);
    const pieces = parseTemplateText(text);
    assert.deepEqual(pieces.problems, whole.problems, file);
    assert.deepEqual(pieces.root?.byKey.get('Resources')?.value, (whole.node as typeof pieces.root)?.byKey.get('Resources')?.value, file);
    assert.deepEqual(pieces.root?.entries.map((e) => [e.key, e.keySpan]), (whole.node as typeof pieces.root)?.entries.map((e) => [e.key, e.keySpan]), file);
  }
});

test('text the cut cannot be sure about is read whole', () => {
  for (const text of [
    '{"Resources": {}}',
    '%YAML 1.2\n---\nResources:\n  A:\n    Type: X\n',
    'Resources:\n  A: &a\n    Type: X\n  B: *a\n',
    'Resources:\n  A:\n    Type: X\n # less indented comment is fine\n  B:\n    Type: Y\n   C: 1\n',
    'Resources: {A: {Type: X}}\n',
  ]) {
    const split = splitTemplate(text);
    if (text.includes('C: 1')) assert.ok(split, 'deeper lines are part of the previous resource');
    else assert.equal(split, undefined, text);
  }
});

test('pieces keep duplicate keys and parse errors where the whole text has them', () => {
  const text = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: [unclosed\n  A:\n    Type: AWS::SQS::Queue\nOutputs: {}\n';
  const parsed = parseTemplateText(text);
  const lines = parsed.problems.map((p) => text.slice(0, p.span.start).split('\n').length - 1);
  assert.ok(lines.includes(5), `duplicate A on line 5: ${JSON.stringify(parsed.problems)}`);
  assert.ok(lines.some((l) => l === 4 || l === 5), 'the unclosed flow sequence');
  assert.equal(parsed.root?.byKey.get('Resources')?.value.kind, 'map');
});
