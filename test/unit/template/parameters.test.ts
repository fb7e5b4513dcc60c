// Parameters bind as SAM CLI binds them: --parameter-overrides, else samconfig, else Default;
// a parameter with none has no value (symbolic), and SSM parameter types are read at deploy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParameterOverrides } from '../../../src/template/parameters';
import { readSamconfig } from '../../../src/template/samconfig';
import { check } from './helpers';

test('overrides: several per argument, quoted values, the long ParameterKey form, and what cannot be read', () => {
  const parsed = parseParameterOverrides([
    'Env=prod Subnets=subnet-a,subnet-b',
    'Greeting="hello world" Quote=\'it\\\'s\'',
    'ParameterKey=Zone,ParameterValue=Z123',
    'Empty=',
    'not a pair',
  ]);
  assert.deepEqual(parsed.values, { Env: 'prod', Subnets: 'subnet-a,subnet-b', Greeting: 'hello world', Quote: "it's", Zone: 'Z123', Empty: '' });
  assert.deepEqual(parsed.rejected, ['not a pair']);
});

const TEMPLATE = `
Parameters:
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-default1,subnet-default2'}
  SecurityGroup: {Type: 'AWS::EC2::SecurityGroup::Id'}
  LatestAmi: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /aws/service/ami}
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      VpcConfig:
        SubnetIds: !Ref Subnets
        SecurityGroupIds: [!Ref SecurityGroup]
      Environment:
        Variables:
          AMI: !Ref LatestAmi
`;

function workerVpc(options: Parameters<typeof check>[1]) {
  const result = check(TEMPLATE, options);
  const fn = result.snapshot.resources.lambdaFunctions.find((f) => f.logicalId === 'Worker');
  assert.ok(fn?.vpcConfig);
  return { vpc: fn.vpcConfig, bindings: result.parameters };
}

test('Default when nothing else; no value → symbolic; list types split and trimmed', () => {
  const { vpc, bindings } = workerVpc({});
  assert.deepEqual(vpc.subnetIds, ['subnet-default1', 'subnet-default2']);
  assert.deepEqual(vpc.securityGroupIds, ['<Ref SecurityGroup>']);
  assert.equal(bindings.get('Subnets')?.source, 'default');
  assert.equal(bindings.get('SecurityGroup')?.source, undefined);
  const spaced = workerVpc({ parameterOverrides: ['Subnets="subnet-a, subnet-b"'] });
  assert.deepEqual(spaced.vpc.subnetIds, ['subnet-a', 'subnet-b']);
});

test('samconfig overrides beat Default; --parameter-overrides replace samconfig as in SAM CLI', () => {
  const samconfig = { fileName: 'samconfig.toml', text: '[default.deploy.parameters]\nparameter_overrides = "Subnets=subnet-sam SecurityGroup=sg-sam"\n' };
  const fromSamconfig = workerVpc({ samconfig });
  assert.deepEqual(fromSamconfig.vpc.subnetIds, ['subnet-sam']);
  assert.deepEqual(fromSamconfig.vpc.securityGroupIds, ['sg-sam']);
  assert.equal(fromSamconfig.bindings.get('Subnets')?.source, 'samconfig');
  const fromCli = workerVpc({ samconfig, parameterOverrides: ['Subnets=subnet-cli'] });
  assert.deepEqual(fromCli.vpc.subnetIds, ['subnet-cli']);
  assert.deepEqual(fromCli.vpc.securityGroupIds, ['<Ref SecurityGroup>']);
  assert.equal(fromCli.bindings.get('Subnets')?.source, 'override');
});

test('SSM parameter types hold the parameter name; the value is read at deploy, so it is symbolic', () => {
  const result = check(TEMPLATE);
  assert.equal(result.snapshot.resources.lambdaFunctions[0]?.needs.length, 0);
  assert.equal(result.parameters.get('LatestAmi')?.text, '/aws/service/ami');
});

test('samconfig.toml: deploy section, global fallback, list-form overrides, comments, escapes, other environments', () => {
  const text = [
    'version = 0.1',
    '# comment',
    '[default.global.parameters]',
    'region = "eu-central-1"',
    'stack_name = "shop" # trailing comment',
    '[default.deploy.parameters]',
    'parameter_overrides = [',
    '  "Env=prod",',
    '  "Name=\\"two words\\"",  # comment inside',
    ']',
    'capabilities = "CAPABILITY_IAM"',
    'confirm_changeset = true',
    '[dev.deploy.parameters]',
    "parameter_overrides = 'Env=dev'",
    "region = 'eu-west-1'",
  ].join('\n');
  const settings = readSamconfig({ fileName: 'samconfig.toml', text });
  assert.deepEqual(settings.parameterOverrides, { Env: 'prod', Name: 'two words' });
  assert.equal(settings.region, 'eu-central-1');
  assert.equal(settings.stackName, 'shop');
  assert.deepEqual(settings.problems, []);
  const dev = readSamconfig({ fileName: 'samconfig.toml', text }, 'dev');
  assert.deepEqual(dev.parameterOverrides, { Env: 'dev' });
  assert.equal(dev.region, 'eu-west-1');
});

test('samconfig.toml: unreadable lines are skipped with a note, the rest still read', () => {
  const settings = readSamconfig({ fileName: 'samconfig.toml', text: '[default.deploy.parameters]\nbroken = "unterminated\nregion = "us-west-2"\nodd = {inline = 1}\n' });
  assert.equal(settings.region, 'us-west-2');
  assert.equal(settings.problems.length, 2);
  assert.match(settings.problems[0] ?? '', /line 2/);
});

test('samconfig.yaml is read too, and its region is the deploy region', () => {
  const settings = readSamconfig({ fileName: 'samconfig.yaml', text: 'version: 0.1\ndefault:\n  deploy:\n    parameters:\n      region: ap-northeast-2\n      parameter_overrides:\n        - Env=prod\n' });
  assert.deepEqual(settings.parameterOverrides, { Env: 'prod' });
  assert.equal(settings.region, 'ap-northeast-2');
  const result = check('Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n', { region: undefined, samconfig: { fileName: 'samconfig.yaml', text: 'default:\n  deploy:\n    parameters:\n      region: ap-northeast-2\n' } });
  assert.deepEqual(result.snapshot.regions, ['ap-northeast-2']);
});
