// Each intrinsic function, evaluated over parameters, pseudo parameters, Mappings, Conditions and
// resources; whatever the template does not give comes out symbolic, never guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, evaluateCondition, type Scope } from '../../../src/template/evaluate';
import { parseTemplateText } from '../../../src/template/parse-template';
import type { MapNode, TemplateNode } from '../../../src/template/template-node';
import { isSymbolic, NO_VALUE, type Value } from '../../../src/template/values';

const MAPPINGS = `
Mappings:
  RegionMap:
    eu-west-1:
      Ami: ami-1
      Zones: [eu-west-1a, eu-west-1b]
`;

function scope(overrides: Partial<Scope> = {}): Scope {
  const mappings = parseTemplateText(MAPPINGS).root?.byKey.get('Mappings')?.value as MapNode;
  const parameters: Record<string, Value> = { Env: 'prod', Subnets: ['subnet-a', 'subnet-b'], Unset: '<Ref Unset>' };
  const conditions: Record<string, boolean | undefined> = { IsProd: true, IsDev: false, Unknown: undefined };
  return {
    pseudo: { 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '111122223333', 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com', 'AWS::StackName': 'shop' },
    parameter: (name) => parameters[name],
    condition: (name) => conditions[name],
    mappings,
    resourceRef: (id) => (id === 'Vpc' ? 'vpc-Vpc' : id === 'Fn' ? 'shop-fn' : undefined),
    resourceAttribute: (id, attribute) => (id === 'Fn' && attribute === 'Arn' ? 'arn:aws:lambda:eu-west-1:111122223333:function:shop-fn' : id === 'Vpc' ? `<GetAtt Vpc.${attribute}>` : undefined),
    budget: { steps: 100_000 },
    ...overrides,
  };
}

function node(expression: string): TemplateNode {
  const parsed = parseTemplateText(`X: ${expression}\n`);
  assert.deepEqual(parsed.problems, [], expression);
  const found = parsed.root?.byKey.get('X')?.value;
  assert.ok(found);
  return found;
}

const run = (expression: string, s: Scope = scope()): Value => evaluate(node(expression), s);

test('Ref: parameters, pseudo parameters, resources, AWS::NoValue; unknown names stay symbolic', () => {
  assert.equal(run('!Ref Env'), 'prod');
  assert.deepEqual(run('!Ref Subnets'), ['subnet-a', 'subnet-b']);
  assert.equal(run('!Ref AWS::Region'), 'eu-west-1');
  assert.equal(run('!Ref Vpc'), 'vpc-Vpc');
  assert.equal(run('!Ref AWS::NoValue'), NO_VALUE);
  assert.equal(run('!Ref Missing'), '<Ref Missing>');
  assert.deepEqual(run('[a, !Ref AWS::NoValue, b]'), ['a', 'b']);
});

test('GetAtt: dotted and list forms; attributes known only after deploy are symbolic', () => {
  assert.equal(run('!GetAtt Fn.Arn'), 'arn:aws:lambda:eu-west-1:111122223333:function:shop-fn');
  assert.equal(run('{"Fn::GetAtt": [Fn, Arn]}'), 'arn:aws:lambda:eu-west-1:111122223333:function:shop-fn');
  assert.equal(run('!GetAtt Vpc.CidrBlock'), '<GetAtt Vpc.CidrBlock>');
  assert.ok(isSymbolic(String(run('!GetAtt Nothing.Arn'))));
});

test('Sub: pseudo parameters, parameters, resources, attributes, variable maps and ${!Literal}', () => {
  assert.equal(run("!Sub 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Env}-queue'"), 'arn:aws:sqs:eu-west-1:111122223333:prod-queue');
  assert.equal(run("!Sub '${Fn.Arn}:live'"), 'arn:aws:lambda:eu-west-1:111122223333:function:shop-fn:live');
  assert.equal(run("!Sub ['${Name}.example.com', {Name: !Ref Env}]"), 'prod.example.com');
  assert.equal(run("!Sub '${!Literal}-${Env}'"), '${Literal}-prod');
  assert.equal(run("!Sub 'db.${Unset}.internal'"), 'db.<Ref Unset>.internal');
  assert.ok(isSymbolic(String(run("!Sub '${Vpc.CidrBlock}'"))));
});

test('Join, Select, Split, FindInMap (with DefaultValue), Length, ToJsonString', () => {
  assert.equal(run("!Join ['-', [a, !Ref Env]]"), 'a-prod');
  assert.equal(run('!Select [1, !Ref Subnets]'), 'subnet-b');
  assert.deepEqual(run("!Split [',', 'a,b,c']"), ['a', 'b', 'c']);
  assert.equal(run('!FindInMap [RegionMap, !Ref AWS::Region, Ami]'), 'ami-1');
  assert.deepEqual(run('!FindInMap [RegionMap, eu-west-1, Zones]'), ['eu-west-1a', 'eu-west-1b']);
  assert.equal(run('!FindInMap [RegionMap, us-east-1, Ami, {DefaultValue: ami-default}]'), 'ami-default');
  assert.ok(isSymbolic(String(run('!FindInMap [RegionMap, us-east-1, Ami]'))));
  assert.equal(run('{"Fn::Length": [a, b, c]}'), 3);
  assert.equal(run('{"Fn::ToJsonString": {a: 1}}'), '{"a":1}');
  // A list the template does not give stays one unknown, never split through its symbol.
  assert.deepEqual(run("!Split [',', !Ref Unset]"), ["<Split [',', Ref Unset]>"]);
  assert.ok(isSymbolic(String(run("!Join [',', !Ref Unset]"))));
});

test('If, Equals, And, Or, Not, Condition: decided, and undecided kept symbolic', () => {
  assert.equal(run('!If [IsProd, big, small]'), 'big');
  assert.equal(run('!If [IsDev, big, small]'), 'small');
  assert.equal(run('!If [IsDev, big, !Ref AWS::NoValue]'), NO_VALUE);
  assert.ok(isSymbolic(String(run('!If [Unknown, big, small]'))));
  assert.equal(run('!If [Unknown, same, same]'), 'same');
  const s = scope();
  assert.equal(evaluateCondition(node('!Equals [!Ref Env, prod]'), s), true);
  assert.equal(evaluateCondition(node('!Not [!Equals [!Ref Env, prod]]'), s), false);
  assert.equal(evaluateCondition(node('!And [!Condition IsProd, !Condition IsDev]'), s), false);
  assert.equal(evaluateCondition(node('!Or [!Condition IsDev, !Condition IsProd]'), s), true);
  assert.equal(evaluateCondition(node('!Or [!Condition Unknown, !Condition IsProd]'), s), true);
  assert.equal(evaluateCondition(node('!And [!Condition Unknown, !Condition IsProd]'), s), undefined);
  assert.equal(evaluateCondition(node('!Equals [!Ref Unset, x]'), s), undefined);
  assert.equal(evaluateCondition(node('{Condition: IsProd}'), s), true);
});

test('Cidr carves blocks as CloudFormation does (IPv4 and IPv6); bad input is symbolic', () => {
  assert.deepEqual(run('!Cidr [10.0.0.0/16, 3, 8]'), ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
  assert.deepEqual(run('!Cidr [192.168.0.0/24, 2, 6]'), ['192.168.0.0/26', '192.168.0.64/26']);
  assert.deepEqual(run("!Cidr ['2001:db8::/56', 2, 64]"), ['2001:db8::/64', '2001:db8:0:1::/64']);
  assert.ok(isSymbolic(String(run('!Cidr [10.0.0.0/24, 2, 12]'))));
  assert.equal(run('!Select [0, !Cidr [10.20.0.0/16, 4, 8]]'), '10.20.0.0/24');
});

test('GetAZs, ImportValue, Base64 and dynamic references are known only at deploy', () => {
  assert.equal(run("!Select [0, !GetAZs '']"), "<Select [0, GetAZs '']>");
  assert.equal(run('!ImportValue shared-PrivateSubnetA'), '<ImportValue shared-PrivateSubnetA>');
  assert.ok(isSymbolic(String(run('!Base64 hello'))));
  assert.ok(isSymbolic(String(run("'{{resolve:ssm:/vpc/subnet}}'"))));
});

test('a bounded budget: an alias bomb evaluates to a symbol instead of hanging', { timeout: 60_000 }, () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const parsed = parseTemplateText(`${levels.join('\n')}\n`);
  const bomb = parsed.root?.byKey.get('i')?.value;
  assert.ok(bomb);
  // The step budget, not the clock, is what bounds it; a hang would fail by the test's timeout.
  const result = evaluate(bomb, scope({ budget: { steps: 50_000 } }));
  assert.ok(JSON.stringify(result).includes('too complex'));
});
