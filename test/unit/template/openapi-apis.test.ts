// APIs defined by OpenAPI (SAM DefinitionBody, CloudFormation Body) integrate functions through
// x-amazon-apigateway-integration; the API rules must see those integrations as they see events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAt, check, only } from './helpers';

function cloudFormationApi(apiType: 'AWS::ApiGateway::RestApi' | 'AWS::ApiGatewayV2::Api', integration: string, functionTimeout: number, extra = ''): string {
  const protocol = apiType === 'AWS::ApiGatewayV2::Api' ? '\n      ProtocolType: HTTP' : '';
  return `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: !GetAtt Role.Arn
      Code: {ZipFile: 'def handler(e, c): return {}'}
      Timeout: ${functionTimeout}
  Api:
    Type: ${apiType}
    Properties:
      Name: shop${protocol}
      Body:
        openapi: '3.0.1'
        paths:
          /items:
            post:
              x-amazon-apigateway-integration:
${integration}
${extra}`;
}

const permission = `  Allow:
    Type: AWS::Lambda::Permission
    Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Handler, Principal: apigateway.amazonaws.com}
`;

const restIntegration = (timeout = '') =>
  `                type: aws_proxy\n                httpMethod: POST\n${timeout}                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations`;

test('a RestApi Body integration to a function without an invoke permission → api-lambda-permission-missing on the function', () => {
  const text = cloudFormationApi('AWS::ApiGateway::RestApi', restIntegration(), 3);
  const finding = only(check(text).findings, 'api-lambda-permission-missing');
  assert.match(finding.message, /POST \/items/);
  assertAt(text, finding, 'Handler:');
  assert.deepEqual(check(cloudFormationApi('AWS::ApiGateway::RestApi', restIntegration(), 3, permission)).findings.map((f) => f.code), []);
});

test('timeoutInMillis of the definition is the integration timeout; without it REST waits 29 s', () => {
  const tight = cloudFormationApi('AWS::ApiGateway::RestApi', restIntegration('                timeoutInMillis: 5000\n'), 10, permission);
  const finding = only(check(tight).findings, 'api-timeout-exceeds-integration');
  assertAt(tight, finding, 'Timeout: 10');
  assert.deepEqual(check(cloudFormationApi('AWS::ApiGateway::RestApi', restIntegration(), 29, permission)).findings.map((f) => f.code), []);
  assert.deepEqual(check(cloudFormationApi('AWS::ApiGateway::RestApi', restIntegration(), 30, permission)).findings.map((f) => f.code), ['api-timeout-exceeds-integration']);
});

test('an HTTP API (ApiGatewayV2 Body) integration naming the function ARN (payload 2.0) waits 30 s by default', () => {
  const v2 = `                type: aws_proxy\n                payloadFormatVersion: '2.0'\n                uri: !GetAtt Handler.Arn`;
  assert.deepEqual(check(cloudFormationApi('AWS::ApiGatewayV2::Api', v2, 30, permission)).findings.map((f) => f.code), []);
  const late = cloudFormationApi('AWS::ApiGatewayV2::Api', v2, 31, permission);
  assertAt(late, only(check(late).findings, 'api-timeout-exceeds-integration'), 'Timeout: 31');
  const api = check(late).snapshot.resources.apis.find((a) => a.id === 'Api');
  assert.deepEqual(api?.integrations, [{ route: 'POST /items', functionArn: 'arn:aws:lambda:eu-west-1:<account-id>:function:Handler', timeoutMs: 30_000 }]);
});

test('an integration that invokes with its own role (credentials) is not reported as lacking the invoke permission', () => {
  const withRole = `${restIntegration()}\n                credentials: !GetAtt Role.Arn`;
  assert.deepEqual(check(cloudFormationApi('AWS::ApiGateway::RestApi', withRole, 3)).findings.map((f) => f.code), []);
});

test('http_proxy integrations call no function', () => {
  const proxy = `                type: http_proxy\n                httpMethod: POST\n                uri: https://backend.example.com/items`;
  assert.deepEqual(check(cloudFormationApi('AWS::ApiGateway::RestApi', proxy, 60)).snapshot.resources.apis[0]?.integrations, []);
});

test('a definition from AWS::Include is unknown: one integration with a symbolic route and no function, and an info saying so at DefinitionBody', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/, Timeout: 60}
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        Fn::Transform:
          Name: AWS::Include
          Parameters: {Location: s3://bucket/openapi.yaml}
`;
  const result = check(text);
  assert.deepEqual(result.findings.map((f) => `${f.code} ${f.severity}`), ['unverifiable-path info']);
  assert.equal(
    result.findings[0]?.message,
    "Api's routes come from an AWS::Include of s3://bucket/openapi.yaml, which is not read, so its integrations' timeouts and invoke permissions are not checked",
  );
  assertAt(text, result.findings[0]!, 'DefinitionBody');
  const integrations = result.snapshot.resources.apis.find((a) => a.id === 'Api')?.integrations ?? [];
  assert.equal(integrations.length, 1);
  assert.match(integrations[0]?.route ?? '', /^<routes of Api's DefinitionBody>$/);
  assert.equal(integrations[0]?.functionArn, undefined);
});

test('a SAM Api event and the DefinitionBody naming the same route give one integration', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Events:
        List: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /items, Method: get}}
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        openapi: '3.0.1'
        paths:
          /items:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations
`;
  const result = check(text);
  assert.deepEqual(result.snapshot.resources.apis.find((a) => a.id === 'Api')?.integrations.map((i) => i.route), ['GET /items']);
  assert.deepEqual(result.findings.map((f) => f.code), []);
});

test('a definition kept in S3 (DefinitionUri, BodyS3Location) is said to be unread, at its key', () => {
  const sam = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionUri: s3://bucket/http-api.yaml
`;
  const samFindings = check(sam).findings;
  assert.deepEqual(samFindings.map((f) => `${f.code} ${f.severity}`), ['unverifiable-path info']);
  assert.equal(samFindings[0]?.message, "Api's routes come from s3://bucket/http-api.yaml, which is not read, so its integrations' timeouts and invoke permissions are not checked");
  assertAt(sam, samFindings[0]!, 'DefinitionUri');
  const cfn = `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      BodyS3Location: {Bucket: specs, Key: orders.yaml}
`;
  const cfnFindings = check(cfn).findings.filter((f) => f.code === 'unverifiable-path');
  assert.equal(cfnFindings.length, 1);
  assert.equal(cfnFindings[0]?.severity, 'info');
  assert.match(cfnFindings[0]?.message ?? '', /^Api's routes come from s3:\/\/specs\/orders\.yaml, which is not read/);
  assertAt(cfn, cfnFindings[0]!, 'BodyS3Location');
});
