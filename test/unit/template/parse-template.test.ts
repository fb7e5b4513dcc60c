// The reader's tree: short and long forms of intrinsics read the same, every node has its range
// (tags included), and malformed text is a problem at the offending position, not an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplateText } from '../../../src/template/parse-template';
import { LineIndex } from '../../../src/template/source-text';
import type { FnNode, MapNode, TemplateNode } from '../../../src/template/template-node';
import { check, positionOf } from './helpers';

function root(text: string): MapNode {
  const parsed = parseTemplateText(text);
  assert.deepEqual(parsed.problems, []);
  assert.ok(parsed.root);
  return parsed.root;
}

function value(node: MapNode, key: string): TemplateNode {
  const found = node.byKey.get(key)?.value;
  assert.ok(found, `no ${key}`);
  return found;
}

test('short-form tags and long-form maps become the same intrinsic nodes', () => {
  const yaml = root(`A: !Ref Vpc\nB: !GetAtt Fn.Arn\nC: !Sub 'x-\${AWS::Region}'\nD: !If [IsProd, 1, 2]\nE: !Join [',', [a, b]]\n`);
  const json = root(`{"A": {"Ref": "Vpc"}, "B": {"Fn::GetAtt": ["Fn", "Arn"]}, "C": {"Fn::Sub": "x-\${AWS::Region}"}, "D": {"Fn::If": ["IsProd", 1, 2]}, "E": {"Fn::Join": [",", ["a", "b"]]}}`);
  for (const key of ['A', 'B', 'C', 'D', 'E']) {
    const a = value(yaml, key) as FnNode;
    const b = value(json, key) as FnNode;
    assert.equal(a.kind, 'fn');
    assert.equal(a.name, b.name, key);
  }
  assert.equal((value(yaml, 'A') as FnNode).name, 'Ref');
  assert.equal((value(yaml, 'D') as FnNode).name, 'Fn::If');
});

test('every short form CloudFormation documents is known, with scalar, list and map arguments', () => {
  const text = [
    'a: !Base64 x', 'b: !Cidr [10.0.0.0/16, 2, 8]', 'c: !FindInMap [M, k, v]', 'd: !GetAZs ""', 'e: !ImportValue shared',
    'f: !Select [0, [x]]', 'g: !Split [",", "a,b"]', 'h: !Transform {Name: AWS::Include}', 'i: !And [!Condition A, !Condition B]',
    'j: !Equals [a, b]', 'k: !Or [!Condition A, !Condition B]', 'l: !Not [!Condition A]', 'm: !Condition A', 'n: !Sub [x, {}]',
  ].join('\n');
  const node = root(text);
  for (const entry of node.entries) assert.equal(entry.value.kind, 'fn', entry.key);
});

test('ranges: keys and values, with the tag inside the value range', () => {
  const text = 'Resources:\n  Fn:\n    Properties:\n      Role: !GetAtt MyRole.Arn\n';
  const node = root(text);
  const lines = new LineIndex(text);
  const properties = ((value(node, 'Resources') as MapNode).byKey.get('Fn')?.value as MapNode).byKey.get('Properties')?.value as MapNode;
  const role = properties.byKey.get('Role');
  assert.ok(role);
  assert.deepEqual(lines.range(role.keySpan), { start: positionOf(text, 'Role:'), end: { line: 3, character: 10 } });
  assert.deepEqual(lines.range(role.value.span).start, positionOf(text, '!GetAtt'));
  assert.deepEqual(lines.range(role.value.span).end, { line: 3, character: text.split('\n')[3]?.length ?? 0 });
});

test('parse errors land on the offending line and never throw', () => {
  const cases: [string, string, number][] = [
    ['unclosed flow sequence', 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: [1, 2\n  B: x\n', 5],
    ['tab indentation', 'Resources:\n\tA: 1\n', 1],
    ['duplicate key', 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n', 3],
    ['nested map in a compact key', 'Resources:\n  A: b: c\n', 1],
    ['JSON syntax', '{\n  "Resources": {\n    "A": {"Type": "AWS::SNS::Topic",, }\n  }\n}\n', 2],
    ['unknown tag', 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Bogus x\n', 4],
  ];
  for (const [name, text, line] of cases) {
    const result = check(text);
    const parseErrors = result.findings.filter((f) => f.code === 'template-parse-error');
    assert.ok(parseErrors.length > 0, `${name}: expected a template-parse-error`);
    assert.equal(parseErrors[0]?.range?.start.line, line, `${name}: ${parseErrors[0]?.message}`);
    assert.equal(parseErrors[0]?.severity, 'error');
    assert.equal(parseErrors[0]?.file, 'template.yaml');
  }
});

test('not a template: empty text, a scalar, a list, no Resources, a resource without Type', () => {
  for (const text of ['', '   \n', 'just text', '- a\n- b\n', 'AWSTemplateFormatVersion: "2010-09-09"\n', 'Resources:\n  A:\n    Properties: {}\n', 'Resources: [1]\n']) {
    const result = check(text);
    assert.ok(result.findings.some((f) => f.code === 'template-parse-error'), JSON.stringify(text));
  }
  const noType = check('Resources:\n  Topic:\n    Properties: {}\n');
  assert.deepEqual(noType.findings[0]?.range?.start, { line: 1, character: 2 });
  assert.match(noType.findings[0]?.message ?? '', /Topic has no Type/);
});

test('aliases: shared nodes are read once; a node aliasing its own ancestor is refused, not followed forever', () => {
  const shared = root('a: &x {k: v}\nb: *x\n');
  assert.equal(value(shared, 'a'), value(shared, 'b'));
  const result = check('Resources:\n  A: &loop\n    Type: AWS::SNS::Topic\n    Properties:\n      Self: *loop\n');
  assert.ok(Array.isArray(result.findings));
});

test('CRLF line endings give the same lines as LF', () => {
  const lf = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n';
  const crlf = lf.replace(/\n/g, '\r\n');
  assert.equal(check(crlf).findings[0]?.range?.start.line, check(lf).findings[0]?.range?.start.line);
});
