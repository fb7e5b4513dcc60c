// SAM connectors give a function source the permissions SAM generates for it, so a VPC function
// with a connector to a queue, table or function needs that AWS API like one with the matching
// policy template; an API source lets API Gateway invoke a function destination.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertAt, check, errors, only } from './helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'templates');

function vpcFunction(connectors: string, extraResources = ''): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: true}
  Isolated:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}
  WorkerGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: worker, VpcId: !Ref Vpc}
  Jobs:
    Type: AWS::SQS::Queue
  Audit:
    Type: AWS::SNS::Topic
  Ledger:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      BillingMode: PAY_PER_REQUEST
  Refunds:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
  Uploads:
    Type: AWS::S3::Bucket
  Bus:
    Type: AWS::Events::EventBus
    Properties: {Name: orders}
  Checkout:
    Type: AWS::Serverless::StateMachine
    Properties: {Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}}
  Worker:
    Type: AWS::Serverless::Function
${connectors}    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      VpcConfig:
        SubnetIds: [!Ref Isolated]
        SecurityGroupIds: [!Ref WorkerGroup]
${extraResources}`;
}

const embedded = (destination: string, permissions: string) =>
  `    Connectors:\n      Out:\n        Properties:\n          Destination:\n            Id: ${destination}\n          Permissions: [${permissions}]\n`;

test('an embedded Write connector to a queue gives the VPC function an SQS need, reported on the connector Destination', () => {
  const text = vpcFunction(embedded('Jobs', 'Write'));
  const finding = only(check(text).findings, 'lambda-vpc-no-aws-endpoint');
  assert.match(finding.message, /sqs:SendMessage/);
  assert.match(finding.message, /connector Out/);
  assertAt(text, finding, 'Destination:', 'Connectors:');
});

test('each destination type maps to its service: table, topic, function, bucket, event bus, state machine', () => {
  const expected = [
    ['Ledger', /dynamodb:PutItem/],
    ['Audit', /sns:Publish/],
    ['Refunds', /lambda:InvokeFunction/],
    ['Uploads', /s3:PutObject/],
    ['Bus', /events:PutEvents/],
    ['Checkout', /states:StartExecution/],
  ] as const;
  for (const [destination, action] of expected) {
    const finding = only(check(vpcFunction(embedded(destination, 'Write'))).findings, 'lambda-vpc-no-aws-endpoint');
    assert.match(finding.message, action, destination);
  }
});

test('a Read connector to a table needs DynamoDB too; a connector with no Read/Write, or to a resource outside the template, grants nothing', () => {
  assert.match(only(check(vpcFunction(embedded('Ledger', 'Read'))).findings, 'lambda-vpc-no-aws-endpoint').message, /dynamodb:GetItem/);
  assert.deepEqual(errors(check(vpcFunction(embedded('Jobs', ''))).findings), []);
  assert.deepEqual(errors(check(vpcFunction(embedded('NotHere', 'Write'))).findings), []);
});

test('a standalone connector with Destination as a list reads every destination, each finding on its own item', () => {
  const connector = `  WorkerOut:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Worker}
      Destination:
        - Id: Jobs
        - Type: AWS::SNS::Topic
          Arn: !Sub arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:alerts
      Permissions: [Write]
`;
  const text = vpcFunction('', connector);
  const findings = check(text).findings.filter((f) => f.code === 'lambda-vpc-no-aws-endpoint');
  assert.equal(findings.length, 2, findings.map((f) => f.message).join('\n'));
  const [sqs, sns] = [findings.find((f) => /SQS/.test(f.message)), findings.find((f) => /SNS/.test(f.message))];
  assert.ok(sqs && sns);
  assertAt(text, sqs, 'Id: Jobs', 'WorkerOut:');
  assertAt(text, sns, 'Type: AWS::SNS::Topic', 'WorkerOut:');
});

test('the corpus fixture: the finding starts on the connector Destination line, not on SubnetIds', () => {
  const text = readFileSync(join(FIXTURES, 'connector-queue-writer-no-endpoint.yaml'), 'utf8');
  const finding = only(check(text).findings, 'lambda-vpc-no-aws-endpoint');
  assertAt(text, finding, 'Destination:', 'IntakeToQueue:');
});

test('an API source with a Write connector to a function lets API Gateway invoke it (no api-lambda-permission-missing)', () => {
  const api = (connector: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: shop}
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations
${connector}`;
  assert.deepEqual(
    check(api('')).findings.map((f) => f.code),
    ['api-lambda-permission-missing'],
  );
  const withConnector = api(`  ApiToHandler:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Api}
      Destination: {Id: Handler}
      Permissions: [Write]
`);
  assert.deepEqual(check(withConnector).findings.map((f) => f.code), []);
});
