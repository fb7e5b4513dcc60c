// A template can declare a need nothing else shows (a third-party API): Metadata
// ServerlessNetworkMap.Internet. Without it, a function in an isolated subnet is fine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from './helpers';

function isolatedFunction(metadata: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Isolated:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}
  WorkerGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: worker, VpcId: !Ref Vpc}
  Worker:
    Type: AWS::Serverless::Function
${metadata}    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      VpcConfig:
        SubnetIds: [!Ref Isolated]
        SecurityGroupIds: [!Ref WorkerGroup]
`;
}

const codes = (text: string) => check(text, { region: 'eu-west-1' }).findings.filter((f) => f.severity !== 'info').map((f) => f.code);

test('a declared internet need is checked: no NAT from the isolated subnet → lambda-vpc-no-internet', () => {
  const text = isolatedFunction('    Metadata:\n      ServerlessNetworkMap:\n        Internet: [api.stripe.com]\n');
  const finding = check(text, { region: 'eu-west-1' }).findings.find((f) => f.code === 'lambda-vpc-no-internet');
  assert.ok(finding, JSON.stringify(codes(text)));
  assert.match(finding.message, /api\.stripe\.com/);
  assert.deepEqual(codes(isolatedFunction('    Metadata:\n      ServerlessNetworkMap:\n        Internet: true\n')), ['lambda-vpc-no-internet']);
});

test('without the declaration, or with Internet: false, the isolated function needs nothing and is fine', () => {
  assert.deepEqual(codes(isolatedFunction('')), []);
  assert.deepEqual(codes(isolatedFunction('    Metadata:\n      ServerlessNetworkMap:\n        Internet: false\n')), []);
});
