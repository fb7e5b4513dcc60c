// JSON templates read as YAML ones do (same findings, on the JSON's own lines), and conditions
// that depend on values the template does not give are checked both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { assertAt, check, codes } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', name), 'utf8');

/** A YAML template as JSON, long-form intrinsics and all (short tags become {"Ref": …} / {"Fn::…": …}). */
function asJson(yamlText: string): string {
  const customTags = ['Ref', 'Condition', 'GetAtt', 'Sub', 'Select', 'GetAZs', 'Cidr', 'Join', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'ImportValue', 'Split', 'Base64'].flatMap((name) => {
    const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    const wrap = (value: unknown) => ({ [key]: name === 'GetAtt' && typeof value === 'string' ? value.split(/\.(.*)/s).slice(0, 2) : value });
    return [
      { tag: `!${name}`, resolve: (value: string) => wrap(value) },
      { tag: `!${name}`, collection: 'seq' as const, resolve: (value: { toJSON(): unknown }) => wrap(value.toJSON()) },
    ];
  });
  return JSON.stringify(parse(yamlText, { customTags }), null, 2);
}

test('a JSON template gives the findings its YAML twin gives, placed on the JSON lines', () => {
  for (const name of ['story1-invoke-from-public-subnets.yaml', 'story2-custom-domain-without-mapping.yaml', 'nat-gateway-in-private-subnet.yaml', 'rds-postgres-blocked-port.yaml']) {
    const yamlText = fixture(name);
    const jsonText = asJson(yamlText);
    const fromYaml = check(yamlText).findings;
    const fromJson = check(jsonText, { fileName: 'template.json' }).findings;
    assert.deepEqual(codes(fromJson), codes(fromYaml), name);
    assert.ok(fromJson.every((f) => f.file === 'template.json' && f.range), name);
  }
  const json = asJson(fixture('story1-invoke-from-public-subnets.yaml'));
  for (const finding of check(json).findings) assertAt(json, finding, '"SubnetIds"', '"CancelOrderFunction"');
});

test('a JSON syntax error is a template-parse-error on its line', () => {
  const text = '{\n  "Resources": {\n    "Topic": { "Type": "AWS::SNS::Topic" }\n    "Queue": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
  const [finding] = check(text).findings;
  assert.equal(finding?.code, 'template-parse-error');
  assert.equal(finding?.range?.start.line, 3);
});

test('an undecidable condition is checked both ways: the finding of the branch that breaks is reported', () => {
  const text = fixture('conditional-vpc.yaml');
  const result = check(text);
  assert.deepEqual(codes(result.findings), ['lambda-vpc-no-aws-endpoint', 'lambda-vpc-public-subnet']);
  // Decided by an override, the other branch is clean.
  assert.deepEqual(check(text, { parameterOverrides: ['UseVpc=false'] }).findings, []);
  assert.deepEqual(codes(check(text, { parameterOverrides: ['UseVpc=true'] }).findings), ['lambda-vpc-no-aws-endpoint', 'lambda-vpc-public-subnet']);
});

test('a resource whose Condition is false is not created; one that depends on a decided condition is', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  ProdOnly:
    Type: AWS::Serverless::Function
    Condition: IsProd
    Properties: {Runtime: python3.12, Handler: a.b}
  Always:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      MemorySize: !If [IsProd, 2048, 128]
`;
  const dev = check(text).snapshot.resources.lambdaFunctions;
  assert.deepEqual(dev.map((f) => [f.id, f.memorySize]), [['Always', 128]]);
  const prod = check(text, { parameterOverrides: { Env: 'prod' } }).snapshot.resources.lambdaFunctions;
  assert.deepEqual(prod.map((f) => [f.id, f.memorySize]), [['ProdOnly', undefined], ['Always', 2048]]);
});

test('more undecided conditions than worlds to check: the rest stay unknown, and the check ends', { timeout: 60_000 }, () => {
  const names = Array.from({ length: 8 }, (_, i) => `C${i}`);
  const text = [
    'Parameters:',
    ...names.map((n) => `  P${n}: {Type: String}`),
    'Conditions:',
    ...names.map((n) => `  ${n}: !Equals [!Ref P${n}, 'yes']`),
    'Resources:',
    ...names.map((n) => `  Topic${n}:\n    Type: AWS::SNS::Topic\n    Condition: ${n}`),
  ].join('\n');
  // Many undecidable conditions must not multiply into an endless check; a hang fails by the test's timeout.
  const result = check(text);
  assert.deepEqual(result.findings, []);
});
