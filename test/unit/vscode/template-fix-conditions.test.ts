// Quick fixes in a template whose resources are conditional: the resources a fix inserts refer to
// the VPC, subnets, groups, domain or API, so they must carry those resources' Condition — else,
// with the condition false, CloudFormation rejects the template ("Unresolved resource
// dependencies"). Each fix is applied and checked again with the condition true and false.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Tags } from 'yaml';
import type { FindingCode } from '../../../src/model/finding';
import { checkTemplate } from '../../../src/template/check-template';
import { applyEdits, templateFix } from '../../../src/vscode/template/template-fixes';

const REPO = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(REPO, path), 'utf8');

type Value = unknown;

// Short-form tags read as their long form, so YAML and JSON templates are checked alike.
const LONG: Record<string, string> = { Ref: 'Ref', Condition: 'Condition' };
for (const name of ['Sub', 'GetAtt', 'If', 'Equals', 'And', 'Or', 'Not', 'Select', 'Join', 'Split', 'FindInMap', 'Base64', 'Cidr', 'GetAZs', 'ImportValue']) LONG[name] = `Fn::${name}`;
const TAGS: Tags = Object.entries(LONG).flatMap(([short, long]) => [
  { tag: `!${short}`, resolve: (text: string) => ({ [long]: short === 'GetAtt' ? text.split('.') : text }) },
  { tag: `!${short}`, collection: 'seq' as const, resolve: (node: { toJSON(): unknown }) => ({ [long]: node.toJSON() }) },
  { tag: `!${short}`, collection: 'map' as const, resolve: (node: { toJSON(): unknown }) => ({ [long]: node.toJSON() }) },
]);

function templateOf(text: string): Record<string, Value> {
  const doc = parseDocument(text, { customTags: TAGS });
  assert.deepEqual(doc.errors, [], 'the template parses');
  return doc.toJS() as Record<string, Value>;
}

const isObject = (value: Value): value is Record<string, Value> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The conditions a condition name implies: itself, and what its `Fn::And` requires, recursively. */
function implied(name: string, conditions: Record<string, Value>, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const body = conditions[name];
  const and = isObject(body) ? body['Fn::And'] : undefined;
  if (Array.isArray(and)) for (const part of and) if (isObject(part) && typeof part.Condition === 'string') implied(part.Condition, conditions, seen);
  return seen;
}

/**
 * Every Ref/GetAtt/DependsOn from a resource to a conditional resource, where the referring
 * resource (or the `Fn::If` branch the reference sits in) is not under that condition: the
 * references CloudFormation rejects when the condition is false. As `from → to` strings.
 */
function conditionGaps(template: Record<string, Value>): string[] {
  const resources = (template.Resources ?? {}) as Record<string, Record<string, Value>>;
  const conditions = (template.Conditions ?? {}) as Record<string, Value>;
  const gaps: string[] = [];
  const visit = (from: string, value: Value, under: ReadonlySet<string>): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(from, item, under));
    if (!isObject(value)) return;
    const iff = value['Fn::If'];
    if (Array.isArray(iff) && typeof iff[0] === 'string') {
      visit(from, iff[1], new Set([...under, ...implied(iff[0], conditions)]));
      visit(from, iff[2], under);
      return;
    }
    const target = typeof value.Ref === 'string' ? value.Ref : Array.isArray(value['Fn::GetAtt']) ? value['Fn::GetAtt'][0] : undefined;
    if (typeof target === 'string') check(from, target, under);
    for (const item of Object.values(value)) visit(from, item, under);
  };
  const check = (from: string, to: string, under: ReadonlySet<string>): void => {
    const needed = resources[to]?.Condition;
    if (typeof needed === 'string' && !under.has(needed)) gaps.push(`${from} → ${to}`);
  };
  for (const [id, resource] of Object.entries(resources)) {
    const under = typeof resource.Condition === 'string' ? implied(resource.Condition, conditions) : new Set<string>();
    visit(id, resource.Properties, under);
    for (const to of [resource.DependsOn].flat()) if (typeof to === 'string') check(id, to, under);
  }
  return gaps;
}

function errorsOf(text: string, UseVpc: string): string[] {
  return checkTemplate(text, { fileName: 'template.yaml', parameterOverrides: { UseVpc } })
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.resource.logicalId ?? ''}`)
    .sort();
}

function fixed(text: string, code: FindingCode): string {
  const check = checkTemplate(text, { fileName: 'template.yaml', parameterOverrides: { UseVpc: 'true' } });
  const finding = check.findings.find((f) => f.code === code);
  assert.ok(finding, `the template has ${code}`);
  const fix = templateFix(text, finding, check);
  assert.ok(fix, `a quick fix for ${code}`);
  return applyEdits(text, fix.edits);
}

const FIXTURE = read('test/fixtures/templates/conditional-vpc.yaml');
const VPC_RESOURCES = ['Vpc', 'Gateway', 'Attach', 'PublicSubnet', 'Routes', 'Default', 'Association', 'Group'];

/** The fixture with its whole network under `Condition: <condition>` (declared as UseVpc = 'true'). */
function networkUnder(condition: string): string {
  let text = FIXTURE;
  if (condition !== 'InVpc') text = text.replace("  InVpc: !Equals [!Ref UseVpc, 'true']\n", `  InVpc: !Equals [!Ref UseVpc, 'true']\n  ${condition}: !Equals [!Ref UseVpc, 'true']\n`);
  for (const id of VPC_RESOURCES) text = text.replace(new RegExp(`\\n  ${id}:\\n    Type: ([^\\n]+)\\n`), `\n  ${id}:\n    Type: $1\n    Condition: ${condition}\n`);
  return text;
}

function asJson(text: string): string {
  return JSON.stringify(templateOf(text), null, 2);
}

// The fixture's own Dispatcher refers to the conditional Worker in a policy outside any Fn::If:
// a gap the fixes neither make nor mend.
const FIXTURE_GAPS = ['Dispatcher → Worker'];

describe('quick fixes under conditions', () => {
  for (const [format, convert] of [['YAML', (text: string) => text], ['JSON', asJson]] as const) {
    it(`the interface endpoint and its group carry the VPC's condition (${format}); checked again both ways`, () => {
      const text = convert(networkUnder('InVpc'));
      assert.equal((templateOf(text).Resources as Record<string, Record<string, Value>>).PublicSubnet?.Condition, 'InVpc');
      assert.deepEqual(conditionGaps(templateOf(text)), FIXTURE_GAPS);
      const after = fixed(text, 'lambda-vpc-no-aws-endpoint');
      if (format === 'JSON') assert.doesNotThrow(() => JSON.parse(after));
      const resources = templateOf(after).Resources as Record<string, Record<string, Value>>;
      assert.equal(resources.LambdaInterfaceEndpoint?.Condition, 'InVpc');
      assert.equal(resources.LambdaEndpointSecurityGroup?.Condition, 'InVpc');
      assert.deepEqual(conditionGaps(templateOf(after)), FIXTURE_GAPS);
      assert.ok(!errorsOf(after, 'true').some((e) => e.startsWith('lambda-vpc-no-aws-endpoint')), errorsOf(after, 'true').join(', '));
      assert.deepEqual(errorsOf(after, 'false'), errorsOf(text, 'false'));
    });

    it(`two different conditions are combined into a new Fn::And condition (${format})`, () => {
      // The network under HasNetwork, the function in it under the VpcConfig's `Fn::If InVpc`.
      const text = convert(networkUnder('HasNetwork'));
      const after = fixed(text, 'lambda-vpc-no-aws-endpoint');
      if (format === 'JSON') assert.doesNotThrow(() => JSON.parse(after));
      const template = templateOf(after);
      const resources = template.Resources as Record<string, Record<string, Value>>;
      assert.equal(resources.LambdaInterfaceEndpoint?.Condition, 'HasNetworkAndInVpc');
      assert.equal(resources.LambdaEndpointSecurityGroup?.Condition, 'HasNetworkAndInVpc');
      assert.deepEqual((template.Conditions as Record<string, Value>).HasNetworkAndInVpc, { 'Fn::And': [{ Condition: 'HasNetwork' }, { Condition: 'InVpc' }] });
      // This variant's Dispatcher refers to HasNetwork's subnet and group under InVpc (the checker
      // cannot see that the two are equal): the fix adds no gap of its own.
      assert.deepEqual(conditionGaps(template), conditionGaps(templateOf(text)));
      assert.ok(!errorsOf(after, 'true').some((e) => e.startsWith('lambda-vpc-no-aws-endpoint')), errorsOf(after, 'true').join(', '));
      assert.deepEqual(errorsOf(after, 'false'), errorsOf(text, 'false'));
    });
  }

  it('the combined condition never takes a name the template uses', () => {
    const text = networkUnder('HasNetwork').replace('Resources:\n', 'Resources:\n  HasNetworkAndInVpc:\n    Type: AWS::SNS::Topic\n');
    const after = fixed(text, 'lambda-vpc-no-aws-endpoint');
    const resources = templateOf(after).Resources as Record<string, Record<string, Value>>;
    assert.equal(resources.LambdaInterfaceEndpoint?.Condition, 'HasNetworkAndInVpc2');
  });

  it('an unconditional function in an unconditional VPC gets an unconditional endpoint', () => {
    const text = FIXTURE.replace(/VpcConfig: !If\n\s*- InVpc\n\s*- (SubnetIds: [^\n]*)\n\s*(SecurityGroupIds: [^\n]*)\n\s*- !Ref AWS::NoValue/, 'VpcConfig:\n        $1\n        $2');
    const after = fixed(text, 'lambda-vpc-no-aws-endpoint');
    const resources = templateOf(after).Resources as Record<string, Record<string, Value>>;
    assert.ok(resources.LambdaInterfaceEndpoint);
    assert.equal(resources.LambdaInterfaceEndpoint.Condition, undefined);
  });

  it('the domain mapping carries the condition of the domain and API it maps', () => {
    const text = read('demo/template.yaml');
    const conditional = text
      .replace(/\nResources:\n/, '\nConditions:\n  WithDomain: !Equals [!Ref AWS::Region, us-east-1]\n\nResources:\n')
      .replace(/\n {2}ApiCustomDomain:\n {4}Type: ([^\n]+)\n/, '\n  ApiCustomDomain:\n    Type: $1\n    Condition: WithDomain\n');
    assert.notEqual(conditional, text);
    const check = checkTemplate(conditional, { fileName: 'template.yaml' });
    const finding = check.findings.find((f) => f.code === 'domain-no-mapping');
    assert.ok(finding, check.findings.map((f) => f.code).join(', '));
    const fix = templateFix(conditional, finding, check);
    assert.ok(fix);
    const after = applyEdits(conditional, fix.edits);
    assert.match(after, /\n {2}ApiCustomDomainBasePathMapping:\n {4}Type: AWS::ApiGateway::BasePathMapping\n {4}Condition: WithDomain\n {4}DependsOn: SmartOrderApiprodStage\n/);
  });
});
