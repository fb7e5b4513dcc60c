// Fn::ForEach (AWS::LanguageExtensions) resource blocks expand when their collection is known,
// with the identifier replaced in logical ids and values; an unknown collection leaves what the
// block makes unknown, so references to it are unverifiable rather than wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplateText } from '../../../src/template/parse-template';
import { readTemplate } from '../../../src/template/read-template';
import { collectResources } from '../../../src/template/template-resources';
import { assertAt, check, positionOf } from './helpers';

const network = `  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: true}
  WorkerGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: worker, VpcId: !Ref Vpc}
`;

function subnetsLoop(collection: string, parameters = ''): string {
  return `Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
${parameters}Resources:
${network}  Fn::ForEach::Subnets:
    - Zone
    - ${collection}
    - 'Isolated&{Zone}':
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: !Ref Vpc
          CidrBlock: !Sub '10.0.\${Zone}.0/24'
          Tags: [{Key: Name, Value: !Sub 'isolated-\${Zone}'}]
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      VpcConfig:
        SubnetIds: [!Ref Isolated1, !Ref Isolated2]
        SecurityGroupIds: [!Ref WorkerGroup]
      Policies:
        - LambdaInvokePolicy: {FunctionName: refunds}
`;
}

test('a literal collection expands: the function\'s subnets are known, so the missing Lambda endpoint is an error, not unverifiable', () => {
  const result = check(subnetsLoop('[1, 2]'));
  assert.deepEqual(result.findings.map((f) => f.code), ['lambda-vpc-no-aws-endpoint']);
  const subnets = result.snapshot.resources.subnets.map((s) => `${s.id} ${s.cidrBlock} ${s.name ?? ''}`).sort();
  assert.deepEqual(subnets, ['subnet-Isolated1 10.0.1.0/24 isolated-1', 'subnet-Isolated2 10.0.2.0/24 isolated-2']);
});

test('the identifier is replaced in every string of the fragment, not only inside Fn::Sub', () => {
  const text = subnetsLoop('[1, 2]').replace("CidrBlock: !Sub '10.0.${Zone}.0/24'", "CidrBlock: '10.0.${Zone}.0/24'").replace("Value: !Sub 'isolated-${Zone}'", "Value: 'isolated-&{Zone}'");
  const subnets = check(text).snapshot.resources.subnets.map((s) => `${s.cidrBlock} ${s.name ?? ''}`).sort();
  assert.deepEqual(subnets, ['10.0.1.0/24 isolated-1', '10.0.2.0/24 isolated-2']);
});

test('&{Id} drops the non-alphanumeric characters of the value in logical ids', () => {
  const text = subnetsLoop('[1, 2]').replace("'Isolated&{Zone}'", "'Isolated&{Zone}x'").replace('!Ref Isolated1, !Ref Isolated2', '!Ref Isolated1x');
  const result = check(text.replace('[1, 2]', "['1', '2']"));
  assert.ok(result.snapshot.resources.subnets.some((s) => s.id === 'subnet-Isolated1x'));
});

test('a CommaDelimitedList parameter with a known value is a known collection; an override changes it', () => {
  const parameters = `Parameters:\n  Zones:\n    Type: CommaDelimitedList\n    Default: '1,2'\n`;
  const text = subnetsLoop('!Ref Zones', parameters);
  assert.deepEqual(check(text).findings.map((f) => f.code), ['lambda-vpc-no-aws-endpoint']);
  // Only Isolated3 exists now: Isolated1 and Isolated2 are unknown references.
  const other = check(text, { parameterOverrides: { Zones: '3' } });
  assert.ok(other.snapshot.resources.subnets.some((s) => s.id === 'subnet-Isolated3'));
  assert.ok(other.findings.some((f) => f.code === 'unverifiable-path'));
});

test('an unknown collection (a list parameter with no value) is not expanded: the subnets stay unknown → unverifiable-path, not an error', () => {
  const parameters = `Parameters:\n  Zones:\n    Type: CommaDelimitedList\n`;
  const text = subnetsLoop('!Ref Zones', parameters);
  const result = check(text);
  // Two infos: the loop that was not read, and the Worker whose subnets it would have made.
  assert.deepEqual(result.findings.map((f) => `${f.code} ${f.severity} ${f.resource.kind}`).sort(), ['unverifiable-path info lambda-function', 'unverifiable-path info template']);
  assert.deepEqual(result.snapshot.resources.subnets, []);
});

test('a resource made by a loop takes the Fn::ForEach key as its range; its properties keep their own', () => {
  const text = `Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
Resources:
${network}  Isolated:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  Fn::ForEach::Workers:
    - Name
    - [Billing, Shipping]
    - '\${Name}Worker':
        Type: AWS::Serverless::Function
        Properties:
          Runtime: python3.12
          Handler: !Sub '\${Name}.handler'
          CodeUri: src/
          VpcConfig:
            SubnetIds: [!Ref Isolated]
          Policies:
            - SQSSendMessagePolicy: {QueueName: !Sub '\${Name}-jobs'}
`;
  const result = check(text);
  const noSg = result.findings.filter((f) => f.code === 'lambda-vpc-no-security-group');
  assert.deepEqual(noSg.map((f) => f.resource.id).sort(), ['BillingWorker', 'ShippingWorker']);
  const sqs = result.findings.filter((f) => f.code === 'lambda-vpc-no-aws-endpoint');
  assert.equal(sqs.length, 2);
  for (const finding of sqs) assertAt(text, finding, 'SubnetIds:', 'Fn::ForEach::Workers');
  const reading = readTemplate(text, { region: 'eu-west-1' });
  const span = reading.worlds[0]?.model.origin('lambdaFunctions', 'ShippingWorker')?.anchors.get('resource');
  assert.ok(span);
  assert.deepEqual(reading.lines.range(span).start, positionOf(text, 'Fn::ForEach::Workers'));
});

test('nested loops expand with both identifiers; a loop that makes one logical id twice is an error at the loop', () => {
  const text = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Envs:
    - Env
    - [dev, prod]
    - Fn::ForEach::Queues:
        - Kind
        - [orders, refunds]
        - '\${Env}\${Kind}Queue':
            Type: AWS::SQS::Queue
            Properties: {QueueName: !Sub '\${Env}-\${Kind}'}
  Handler:
    Type: AWS::Lambda::Function
    Properties: {Runtime: python3.12, Handler: a.b, Role: arn:aws:iam::123456789012:role/x, Code: {ZipFile: x}}
`;
  const result = check(text);
  assert.deepEqual(result.findings.filter((f) => f.code === 'template-parse-error'), []);
  const twice = text.replace("'${Env}${Kind}Queue'", "'${Kind}Queue'");
  const problems = check(twice).findings.filter((f) => f.code === 'template-parse-error');
  assert.deepEqual(problems.map((p) => /resource (\w+) is declared twice/.exec(p.message)?.[1]).sort(), ['ordersQueue', 'refundsQueue']);
  for (const problem of problems) assertAt(twice, problem, 'Fn::ForEach::Envs');
});

test('a Resources section holding only a loop (JSON, read whole) expands too', () => {
  const text = JSON.stringify(
    {
      Transform: 'AWS::LanguageExtensions',
      Resources: {
        'Fn::ForEach::Handlers': [
          'Name',
          ['Orders', 'Refunds'],
          { '${Name}Handler': { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.12', Handler: { 'Fn::Sub': '${Name}.handler' }, Role: 'arn:aws:iam::123456789012:role/x', Code: { ZipFile: 'x' } } } },
        ],
      },
    },
    null,
    2,
  );
  const result = check(text, { fileName: 'template.json' });
  assert.deepEqual(result.snapshot.resources.lambdaFunctions.map((f) => f.id).sort(), ['OrdersHandler', 'RefundsHandler']);
});

test('an unknown collection is reported as unexpanded at its loop key', () => {
  const text = subnetsLoop('!Ref Zones', `Parameters:\n  Zones:\n    Type: CommaDelimitedList\n`);
  const root = parseTemplateText(text).root;
  assert.ok(root);
  const collected = collectResources(root, () => undefined);
  assert.equal(collected.unexpanded.length, 1);
  assert.equal(text.slice(collected.unexpanded[0]?.keySpan.start, collected.unexpanded[0]?.keySpan.end), 'Fn::ForEach::Subnets');
  assert.equal(collected.unexpanded[0]?.collectionRef, 'Zones');
  assert.deepEqual(collected.problems, []);
});

test('an unknown collection is told to the user: unverifiable-path (info) at the loop key, naming the parameter with no value', () => {
  const text = subnetsLoop('!Ref Zones', `Parameters:\n  Zones:\n    Type: CommaDelimitedList\n`);
  const loops = check(text).findings.filter((f) => f.code === 'unverifiable-path' && f.resource.kind === 'template');
  assert.equal(loops.length, 1);
  const [loop] = loops;
  assert.ok(loop);
  assert.equal(loop.severity, 'info');
  assert.equal(loop.message, 'Fn::ForEach::Subnets loops over a collection whose value is not known (parameter Zones has no value), so the resources it makes are not checked');
  assertAt(text, loop, 'Fn::ForEach::Subnets');
  // Given a value, the loop is read: nothing left to say.
  assert.deepEqual(
    check(text, { parameterOverrides: { Zones: '1,2' } }).findings.filter((f) => f.resource.kind === 'template').map((f) => f.code),
    [],
  );
});
