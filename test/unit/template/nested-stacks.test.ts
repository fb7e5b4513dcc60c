// Nested stacks (AWS::CloudFormation::Stack, AWS::Serverless::Application) are other templates:
// their outputs exist only after deploy. A function placed with them is unverifiable, never
// broken or fine by a guess, and reading such a template never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSnapshot } from '../../../src/demo/demo-account';
import { assertAt, check, only } from './helpers';

const FIXTURE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', 'nested-stack-network-outputs.yaml'), 'utf8');

test('subnets from a nested stack output → unverifiable-path (info) on SubnetIds, and nothing at error or warning level', () => {
  const findings = check(FIXTURE).findings;
  const finding = only(findings, 'unverifiable-path');
  assert.equal(finding.severity, 'info');
  assert.match(finding.message, /GetAtt Network\.Outputs\.PrivateSubnetA/);
  assertAt(FIXTURE, finding, 'SubnetIds:', 'ReconcileFunction:');
  assert.deepEqual(findings.filter((f) => f.severity !== 'info'), []);
});

test('against an account that does not hold those outputs, the verdict stays unverifiable', () => {
  const findings = check(FIXTURE, { snapshot: demoSnapshot() }).findings;
  assert.deepEqual(findings.filter((f) => f.resource.id === 'ReconcileFunction').map((f) => f.code), ['unverifiable-path']);
});

test('the Sub form of an output, and a NAT route whose target is an output, are unknown too', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: https://s3.amazonaws.com/bucket/network.yaml}
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !GetAtt Network.Outputs.VpcId, CidrBlock: 10.0.9.0/24, AvailabilityZone: eu-west-1a}
  AppRoutes:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Sub '\${Network.Outputs.VpcId}'}
  AppDefault:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref AppRoutes, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !GetAtt Network.Outputs.NatGatewayId}
  AppAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref AppSubnet, RouteTableId: !Ref AppRoutes}
  WorkerGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: worker, VpcId: !GetAtt Network.Outputs.VpcId}
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      VpcConfig:
        SubnetIds: [!Ref AppSubnet]
        SecurityGroupIds: [!Ref WorkerGroup]
      Policies:
        - LambdaInvokePolicy: {FunctionName: other}
`;
  const findings = check(text).findings;
  assert.deepEqual(findings.map((f) => `${f.code} ${f.severity}`), ['unverifiable-path info']);
  assert.match(findings[0]?.message ?? '', /GetAtt Network\.Outputs\.NatGatewayId/);
});
