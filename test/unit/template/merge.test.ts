// A template checked against the account it deploys into: literal and parameter-bound ids resolve
// to the account's resources, so a template function in an existing subnet is judged by that
// subnet's real route table; without the account the same path is unverifiable, never broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSnapshot } from '../../../src/demo/demo-account';
import { domainResources, domainSetup } from '../../builders/domain';
import { FUNCTION_SG, network, networkResources, PRIVATE_A, PRIVATE_B, PRIVATE_TABLE, PUBLIC_A, PUBLIC_B, NAT_ID, securityGroup, interfaceEndpoint } from '../../builders/network';
import { mergeResources, REGION, snapshotWith } from '../../builders/snapshot';
import { assertAt, check, codes, errors, only } from './helpers';

const TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Parameters:
  SubnetIds:
    Type: List<AWS::EC2::Subnet::Id>
    Default: ${PRIVATE_A},${PRIVATE_B}
  SecurityGroupId:
    Type: AWS::EC2::SecurityGroup::Id
    Default: ${FUNCTION_SG}
Resources:
  Dispatcher:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: dispatcher
      Runtime: nodejs22.x
      Handler: index.handler
      VpcConfig:
        SubnetIds: !Ref SubnetIds
        SecurityGroupIds: [!Ref SecurityGroupId]
      Policies:
        - LambdaInvokePolicy: {FunctionName: worker}
`;

const account = () => snapshotWith(networkResources(network()));

test('existing private subnets with a NAT route: the template function is judged by the account and comes out clean', () => {
  const result = check(TEMPLATE, { region: undefined, snapshot: account() });
  assert.deepEqual(result.findings, []);
  assert.deepEqual(result.snapshot.regions, [REGION], 'the region of the only account region');
  assert.equal(result.snapshot.source.kind, 'merged');
  const fn = result.snapshot.resources.lambdaFunctions.find((f) => f.id === 'dispatcher');
  assert.equal(fn?.accountId, '111122223333');
  assert.equal(fn?.region, REGION);
});

test('existing public subnets (bound by --parameter-overrides): the real route table makes it an error on SubnetIds', () => {
  const result = check(TEMPLATE, { snapshot: account(), region: REGION, parameterOverrides: [`SubnetIds=${PUBLIC_A},${PUBLIC_B}`] });
  assert.deepEqual(codes(errors(result.findings)), ['lambda-vpc-no-aws-endpoint', 'lambda-vpc-public-subnet']);
  for (const finding of result.findings) assertAt(TEMPLATE, finding, 'SubnetIds:', 'VpcConfig');
});

test('without the account the same template claims nothing broken: the path is unverifiable (info) on SubnetIds', () => {
  const result = check(TEMPLATE);
  assert.deepEqual(errors(result.findings), []);
  const info = only(result.findings, 'unverifiable-path');
  assert.equal(info.severity, 'info');
  assertAt(TEMPLATE, info, 'SubnetIds:', 'VpcConfig');
});

test('a template route added to an existing route table counts: the copy replaces the account table', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target !== NAT_ID);
  const withRoute = `${TEMPLATE}
  NatRoute:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: ${PRIVATE_TABLE}
      DestinationCidrBlock: 0.0.0.0/0
      NatGatewayId: ${NAT_ID}
`;
  const broken = check(TEMPLATE, { snapshot: snapshotWith(networkResources(net)), region: REGION });
  assert.ok(errors(broken.findings).length > 0, 'no NAT route: broken');
  const fixed = check(withRoute, { snapshot: snapshotWith(networkResources(net)), region: REGION });
  assert.deepEqual(fixed.findings, []);
  const tables = fixed.snapshot.resources.routeTables.filter((t) => t.id === PRIVATE_TABLE);
  assert.equal(tables.length, 1);
  assert.ok(tables[0]?.routes.some((r) => r.target === NAT_ID));
});

test('an existing security group (literal id) that allows no egress blocks the endpoint: placed on SecurityGroupIds', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target !== NAT_ID);
  net.endpoints = [interfaceEndpoint('lambda', [PRIVATE_A, PRIVATE_B])];
  net.securityGroups = net.securityGroups.map((g) => (g.id === FUNCTION_SG ? securityGroup(FUNCTION_SG, [], []) : g));
  const result = check(TEMPLATE, { snapshot: snapshotWith(networkResources(net)), region: REGION });
  const blocked = only(result.findings, 'lambda-vpc-sg-blocks');
  assertAt(TEMPLATE, blocked, 'SecurityGroupIds:', 'VpcConfig');
});

test('a template function with the name of a deployed one replaces it; unrelated account findings stay out of the template check', () => {
  const snapshot = snapshotWith(
    mergeResources(networkResources(network()), {
      lambdaFunctions: [
        { accountId: '111122223333', region: REGION, id: 'dispatcher', arn: 'arn:aws:lambda:ap-northeast-2:111122223333:function:dispatcher', vpcConfig: { subnetIds: [PUBLIC_A], securityGroupIds: [FUNCTION_SG] } },
        { accountId: '111122223333', region: REGION, id: 'legacy', arn: 'arn:aws:lambda:ap-northeast-2:111122223333:function:legacy', vpcConfig: { subnetIds: [PUBLIC_A], securityGroupIds: [] } },
      ],
    }),
  );
  const result = check(TEMPLATE, { snapshot, region: REGION });
  assert.deepEqual(result.findings, [], 'legacy has no security group, but it is not the template’s');
  const dispatchers = result.snapshot.resources.lambdaFunctions.filter((f) => f.id === 'dispatcher');
  assert.equal(dispatchers.length, 1);
  assert.deepEqual(dispatchers[0]?.vpcConfig?.subnetIds, [PRIVATE_A, PRIVATE_B]);
});

test('a template domain using an account certificate still pending validation: the error sits on the certificate property', () => {
  const setup = domainSetup('api.example.com');
  setup.certificate.status = 'PENDING_VALIDATION';
  const text = `
Resources:
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: ${setup.certificate.arn}
      EndpointConfiguration: {Types: [REGIONAL]}
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties:
      DomainName: !Ref Domain
      RestApiId: ${setup.api.id}
      Stage: prod
`;
  const result = check(text, { snapshot: snapshotWith(domainResources(setup)), region: REGION });
  assertAt(text, only(result.findings, 'domain-certificate-not-issued'), 'RegionalCertificateArn:');
});

test('with the stack name, the deployed stack is matched by logical id: real ids, each resource once, findings on the same lines', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'demo', 'template.yaml'), 'utf8');
  const unmatched = check(text, { region: undefined, snapshot: demoSnapshot() });
  const matched = check(text, { region: undefined, snapshot: demoSnapshot(), stackName: 'smartorder' });
  assert.equal(unmatched.snapshot.resources.vpcs.length, 2, 'the template’s stand-in beside the deployed VPC');
  assert.equal(matched.snapshot.resources.vpcs.length, 1);
  assert.equal(matched.snapshot.resources.subnets.length, 4);
  assert.deepEqual(matched.snapshot.resources.apis.map((a) => a.id).sort(), ['a1b2c3d4e5', 'k7m9p2q4r6']);
  const worker = matched.snapshot.resources.lambdaFunctions.find((f) => f.id === 'CancelOrderWorker');
  assert.deepEqual(worker?.vpcConfig?.subnetIds, ['subnet-04a7c1e9d2b3f5a81', 'subnet-0b8e2d4f6a1c3e592']);
  assert.equal(worker?.roleArn, 'arn:aws:iam::123456789012:role/smartorder-CancelOrderWorkerRole-1X7K2Q9ZP3LJ');
  assert.deepEqual(
    matched.findings.map((f) => [f.code, f.range?.start.line]),
    unmatched.findings.map((f) => [f.code, f.range?.start.line]),
  );
  assert.match(matched.findings.find((f) => f.code === 'lambda-vpc-public-subnet')?.message ?? '', /subnet-04a7c1e9d2b3f5a81 \(smartorder-public-2a\)/);
  const samconfig = { fileName: 'samconfig.toml', text: '[default.deploy.parameters]\nstack_name = "smartorder"\n' };
  assert.equal(check(text, { region: undefined, snapshot: demoSnapshot(), samconfig }).snapshot.resources.vpcs.length, 1, 'stack_name from samconfig');
});
