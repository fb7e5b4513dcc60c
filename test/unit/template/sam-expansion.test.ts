// What SAM generates, as the model has it (DOMAIN.md items 37–40): Globals merged into each
// resource, the generated role and its managed policies, policy templates and inline policies as
// permissions, events as integrations and invoke permissions, implicit APIs, and Domain expanded
// into the custom domain, its mappings and its Route 53 records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from './helpers';

const GLOBALS = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Handler: app.handler
    Timeout: 12
    VpcConfig:
      SubnetIds: [subnet-global]
      SecurityGroupIds: [sg-global]
    Environment:
      Variables:
        SHARED: yes
        OVERRIDDEN: global
    Tags: {team: core}
  Api:
    EndpointConfiguration: REGIONAL
Resources:
  Plain:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: a/}
  Extended:
    Type: AWS::Serverless::Function
    Properties:
      Timeout: 30
      VpcConfig:
        SecurityGroupIds: [sg-own]
      Environment:
        Variables:
          OVERRIDDEN: own
      Tags: {app: extended}
  Detached:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig: !Ref AWS::NoValue
`;

test('Globals: scalars overridden, maps merged, lists appended (globals first), an intrinsic wins whole', () => {
  const functions = new Map(check(GLOBALS).snapshot.resources.lambdaFunctions.map((f) => [f.id, f]));
  assert.equal(functions.get('Plain')?.timeout, 12);
  assert.equal(functions.get('Plain')?.runtime, 'python3.12');
  assert.deepEqual(functions.get('Plain')?.vpcConfig?.securityGroupIds, ['sg-global']);
  assert.equal(functions.get('Extended')?.timeout, 30);
  assert.deepEqual(functions.get('Extended')?.vpcConfig?.subnetIds, ['subnet-global']);
  assert.deepEqual(functions.get('Extended')?.vpcConfig?.securityGroupIds, ['sg-global', 'sg-own']);
  assert.deepEqual(functions.get('Extended')?.tags, { team: 'core', app: 'extended' });
  assert.equal(functions.get('Detached')?.vpcConfig, undefined);
});

test('the generated role: basic execution always, VPC access only with a VpcConfig, plus the function’s Policies', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  InVpc:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}
      Policies:
        - AmazonS3ReadOnlyAccess
        - SQSSendMessagePolicy: {QueueName: orders}
        - Statement:
            - Effect: Allow
              Action: [SNS:Publish]
              Resource: '*'
            - Effect: Deny
              Action: sns:DeleteTopic
              Resource: '*'
  Outside:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: a.b}
  OwnRole:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: a.b, Role: arn:aws:iam::111122223333:role/given}
`;
  const { snapshot } = check(text, { snapshot: undefined });
  const roles = new Map(snapshot.resources.iamRoles.map((r) => [r.id, r]));
  assert.deepEqual(roles.get('OutsideRole')?.managedPolicyArns, ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
  const inVpc = roles.get('InVpcRole');
  assert.deepEqual(inVpc?.managedPolicyArns, [
    'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  ]);
  // AmazonS3ReadOnlyAccess is not a policy we know the content of, so the role is not claimed complete.
  assert.deepEqual(inVpc?.statements, []);
  assert.equal(roles.has('OwnRoleRole'), false);
  const fn = snapshot.resources.lambdaFunctions.find((f) => f.id === 'InVpc');
  assert.equal(fn?.roleArn, 'arn:aws:iam::<account-id>:role/InVpcRole');
  assert.deepEqual(
    fn?.permissions.map((p) => [p.via, p.actions.join(' '), p.resources.join(' ')]),
    [
      ['SQSSendMessagePolicy', 'sqs:SendMessage*', 'arn:aws:sqs:eu-west-1:<account-id>:orders'],
      ['Policies', 'sns:Publish', '*'],
    ],
  );
  assert.equal(snapshot.resources.lambdaFunctions.find((f) => f.id === 'OwnRole')?.roleArn, 'arn:aws:iam::111122223333:role/given');
});

test('events: an Api event without RestApiId creates ServerlessRestApi (stage Prod, Globals applied); HttpApi → ServerlessHttpApi; permissions follow', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    EndpointConfiguration: REGIONAL
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: a.b
      Events:
        Rest: {Type: Api, Properties: {Path: '/items/{id}', Method: get}}
        Http: {Type: HttpApi}
        Topic: {Type: SNS, Properties: {Topic: arn:aws:sns:eu-west-1:111122223333:t}}
        Queue: {Type: SQS, Properties: {Queue: arn:aws:sqs:eu-west-1:111122223333:q}}
Outputs:
  Url: {Value: !Sub 'https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod'}
`;
  const { snapshot, findings } = check(text);
  assert.deepEqual(findings, []);
  const apis = new Map(snapshot.resources.apis.map((a) => [a.id, a]));
  assert.deepEqual(apis.get('ServerlessRestApi')?.stages, ['Prod']);
  assert.equal(apis.get('ServerlessRestApi')?.endpointType, 'REGIONAL');
  assert.deepEqual(apis.get('ServerlessRestApi')?.integrations.map((i) => [i.route, i.timeoutMs]), [['GET /items/{id}', 29000]]);
  assert.deepEqual(apis.get('ServerlessHttpApi')?.integrations.map((i) => [i.route, i.timeoutMs]), [['$default', 30000]]);
  assert.deepEqual(snapshot.resources.lambdaFunctions[0]?.invokePrincipals, ['apigateway.amazonaws.com', 'sns.amazonaws.com']);
});

test('Api Domain: the domain (REGIONAL by default), one mapping per BasePath, alias A and AAAA records on the zone by name', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: {Name: example.com.}
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/x
        BasePath: [orders, /users]
        Route53: {HostedZoneName: example.com., IpV6: true}
  Edge:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      Domain:
        DomainName: cdn.example.com
        CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/y
        EndpointConfiguration: EDGE
        Route53: {HostedZoneId: !Ref Zone}
`;
  const { snapshot } = check(text);
  const r = snapshot.resources;
  const api = r.domainNames.find((d) => d.id === 'api.example.com');
  assert.equal(api?.endpointType, 'REGIONAL');
  assert.equal(api?.apiVersion, 'v1');
  assert.deepEqual(r.apiMappings.filter((m) => m.domainName === 'api.example.com').map((m) => [m.basePath, m.apiId, m.stage]), [['orders', 'Api', 'live'], ['users', 'Api', 'live']]);
  assert.deepEqual(r.apiMappings.filter((m) => m.domainName === 'cdn.example.com').map((m) => m.basePath), ['']);
  const records = r.recordSets.filter((s) => s.recordName === 'api.example.com.');
  assert.deepEqual(records.map((s) => [s.type, s.zoneId, s.alias?.dnsName === api?.targetDomainName]), [['A', 'Zone', true], ['AAAA', 'Zone', true]]);
  const edge = r.domainNames.find((d) => d.id === 'cdn.example.com');
  assert.equal(edge?.endpointType, 'EDGE');
  assert.equal(edge?.targetHostedZoneId, 'Z2FDTNDATAQYW2');
  assert.equal(r.recordSets.find((s) => s.recordName === 'cdn.example.com.')?.alias?.hostedZoneId, 'Z2FDTNDATAQYW2');
});

test('HttpApi Domain is REGIONAL and v2; a plain CloudFormation record aliasing the domain’s GetAtt points at its target', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      Domain: {DomainName: h.example.com, CertificateArn: arn:aws:acm:eu-west-1:1:certificate/z, EndpointConfiguration: EDGE}
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties: {DomainName: r.example.com, RegionalCertificateArn: arn:aws:acm:eu-west-1:1:certificate/q, EndpointConfiguration: {Types: [REGIONAL]}}
  Record:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: Z1
      Name: r.example.com
      Type: A
      AliasTarget: {DNSName: !GetAtt Domain.RegionalDomainName, HostedZoneId: !GetAtt Domain.RegionalHostedZoneId}
`;
  const r = check(text).snapshot.resources;
  const http = r.domainNames.find((d) => d.id === 'h.example.com');
  assert.deepEqual([http?.apiVersion, http?.endpointType], ['v2', 'REGIONAL']);
  const rest = r.domainNames.find((d) => d.id === 'r.example.com');
  const record = r.recordSets.find((s) => s.logicalId === 'Record');
  assert.equal(record?.id, 'Z1/r.example.com./A');
  assert.equal(record?.alias?.dnsName, rest?.targetDomainName);
  assert.equal(record?.alias?.hostedZoneId, rest?.targetHostedZoneId);
});

test('VpcConfig passes through from AWS::Lambda::Function, and Lambda::Permission adds principals', () => {
  const text = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: worker
      Runtime: python3.12
      Handler: a.b
      Role: arn:aws:iam::111122223333:role/r
      Code: {ZipFile: x}
      Timeout: 900
      VpcConfig: {SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1], Ipv6AllowedForDualStack: true}
  Allow:
    Type: AWS::Lambda::Permission
    Properties: {FunctionName: !GetAtt Fn.Arn, Action: lambda:InvokeFunction, Principal: events.amazonaws.com}
`;
  const fn = check(text).snapshot.resources.lambdaFunctions[0];
  assert.deepEqual(fn?.vpcConfig, { subnetIds: ['subnet-1', 'subnet-2'], securityGroupIds: ['sg-1'], ipv6AllowedForDualStack: true });
  assert.equal(fn?.timeout, 900);
  assert.deepEqual(fn?.invokePrincipals, ['events.amazonaws.com']);
  assert.equal(fn?.arn, 'arn:aws:lambda:eu-west-1:<account-id>:function:worker');
});
