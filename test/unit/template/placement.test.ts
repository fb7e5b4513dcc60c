// Every finding kind lands on the template node that must change: SubnetIds / VpcConfig for a
// function's paths, the security group rule, the role's managed policies, the function's Timeout
// (in Globals when it comes from there), the domain, the certificate's DomainName, the record's
// AliasTarget. Codes the rules report today are produced end to end from templates; the DNS and
// certificate codes are placed from findings shaped as the analysis names resources and hops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, FindingCode } from '../../../src/model/finding';
import { FindingPlacer } from '../../../src/template/place-findings';
import { readTemplate } from '../../../src/template/read-template';
import { assertAt, check, only, positionOf } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', name), 'utf8');

const NETWORK = `
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: true}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: fn, VpcId: !Ref Vpc}
`;

test('lambda-vpc-no-security-group: on VpcConfig when SecurityGroupIds is missing', () => {
  const text = `Transform: AWS::Serverless-2016-10-31\nResources:${NETWORK}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      VpcConfig:
        SubnetIds: [!Ref SubnetA]
`;
  assertAt(text, only(check(text).findings, 'lambda-vpc-no-security-group'), 'VpcConfig:');
});

test('lambda-vpc-eni-permissions: on the role’s ManagedPolicyArns, the list to add AWSLambdaVPCAccessExecutionRole to', () => {
  const text = `Resources:${NETWORK}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      Role: !GetAtt Role.Arn
      Code: {ZipFile: x}
      VpcConfig: {SubnetIds: [!Ref SubnetA], SecurityGroupIds: [!Ref Group]}
`;
  assertAt(text, only(check(text).findings, 'lambda-vpc-eni-permissions'), 'ManagedPolicyArns:');
});

test('lambda-vpc-sg-blocks on the function’s own group: on its SecurityGroupEgress', () => {
  const https = ['        - IpProtocol: tcp', '          FromPort: 443', '          ToPort: 443', '          CidrIp: 172.20.0.0/16', ''].join('\n');
  const original = fixture('rds-postgres-in-vpc.yaml');
  assert.ok(original.includes(https));
  const text = original.replace(https, '');
  const finding = only(check(text).findings, 'lambda-vpc-sg-blocks');
  assertAt(text, finding, 'SecurityGroupEgress:', 'ApiSecurityGroup:');
});

test('lambda-vpc-no-route-to-target: a database in another VPC with no route to it, on SubnetIds', () => {
  const text = `Transform: AWS::Serverless-2016-10-31\nResources:${NETWORK}
  OtherVpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.9.0.0/16}
  OtherA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref OtherVpc, CidrBlock: 10.9.1.0/24}
  OtherB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref OtherVpc, CidrBlock: 10.9.2.0/24}
  DbGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: db, VpcId: !Ref OtherVpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/8}]}
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: db, SubnetIds: [!Ref OtherA, !Ref OtherB]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t4g.micro, DBSubnetGroupName: !Ref DbSubnets, VPCSecurityGroups: [!Ref DbGroup]}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      VpcConfig:
        SubnetIds: [!Ref SubnetA]
        SecurityGroupIds: [!Ref Group]
      Environment:
        Variables:
          DB_HOST: !GetAtt Db.Endpoint.Address
`;
  assertAt(text, only(check(text).findings, 'lambda-vpc-no-route-to-target'), 'SubnetIds:', 'Fn:');
});

test('api-timeout-exceeds-integration: on the function’s Timeout — in Globals when the function inherits it', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Handler: a.b
    Timeout: 45
Resources:
  Inherits:
    Type: AWS::Serverless::Function
    Properties:
      Events: {Get: {Type: Api, Properties: {Path: /a, Method: get}}}
  Own:
    Type: AWS::Serverless::Function
    Properties:
      Timeout: 40
      Events: {Get: {Type: Api, Properties: {Path: /b, Method: get}}}
`;
  const findings = check(text).findings.filter((f) => f.code === 'api-timeout-exceeds-integration');
  assert.equal(findings.length, 2);
  assertAt(text, findings.find((f) => f.resource.id === 'Inherits') as Finding, 'Timeout: 45');
  assertAt(text, findings.find((f) => f.resource.id === 'Own') as Finding, 'Timeout: 40');
});

test('the corpus places the rest end to end: public subnet, endpoint, internet, NAT, SG ingress, mapping, permission, unverifiable', () => {
  const cases: [string, FindingCode, string, string?][] = [
    ['story1-invoke-from-public-subnets.yaml', 'lambda-vpc-public-subnet', 'SubnetIds:', 'VpcConfig:'],
    ['story1-invoke-from-public-subnets.yaml', 'lambda-vpc-no-aws-endpoint', 'SubnetIds:', 'VpcConfig:'],
    ['nat-gateway-in-private-subnet.yaml', 'lambda-vpc-no-internet', 'SubnetIds:', 'PaymentFunction:'],
    ['nat-gateway-in-private-subnet.yaml', 'nat-gateway-no-internet', 'SubnetId:', 'Nat:'],
    ['rds-postgres-blocked-port.yaml', 'lambda-vpc-sg-blocks', 'SecurityGroupIngress:', 'DatabaseSecurityGroup:'],
    ['story2-custom-domain-without-mapping.yaml', 'domain-no-mapping', 'DomainName:', 'AdminDomain:'],
    ['rest-api-missing-permission.yaml', 'api-lambda-permission-missing', 'Handler:', 'OrdersTable:'],
    ['nested-globals-existing-vpc.yaml', 'unverifiable-path', 'SubnetIds:', 'Globals:'],
  ];
  for (const [name, code, needle, after] of cases) {
    const text = fixture(name);
    assertAt(text, only(check(text).findings, code), needle, after);
  }
});

const CHAIN = `Transform: AWS::Serverless-2016-10-31
Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: {Name: example.com}
  Certificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: '*.example.com'
      ValidationMethod: DNS
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: example.com
      RegionalCertificateArn: !Ref Certificate
      EndpointConfiguration: {Types: [REGIONAL]}
  Record:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: example.com
      Type: A
      AliasTarget:
        DNSName: !GetAtt Domain.DistributionDomainName
        HostedZoneId: Z2FDTNDATAQYW2
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Domain:
        DomainName: shop.example.com
        CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
        Route53: {HostedZoneId: !Ref Zone}
`;

test('DNS and certificate codes: certificate DomainName, certificate property, record AliasTarget, SAM Domain, hosted zone', () => {
  const reading = readTemplate(CHAIN, { region: 'eu-west-1' });
  const world = reading.worlds[0];
  assert.ok(world);
  const placer = new FindingPlacer(world.model, reading.lines, 'template.yaml');
  const certificateArn = world.model.resources.certificates[0]?.arn ?? '';
  const recordId = world.model.resources.recordSets.find((r) => r.logicalId === 'Record')?.id ?? '';
  const domain = { kind: 'domain-name', id: 'example.com' };
  const samDomain = { kind: 'domain-name', id: 'shop.example.com' };
  const at = (finding: Omit<Finding, 'severity' | 'message'>) => placer.place({ severity: 'error', message: 'm', ...finding })?.range?.start;
  assert.deepEqual(at({ code: 'domain-certificate-mismatch', resource: domain, hops: [{ kind: 'certificate', id: certificateArn, ok: false }] }), positionOf(CHAIN, 'DomainName:', 'Certificate:'));
  assert.deepEqual(at({ code: 'domain-certificate-region', resource: samDomain }), positionOf(CHAIN, 'CertificateArn:', 'shop.example.com'));
  assert.deepEqual(at({ code: 'domain-certificate-not-issued', resource: domain }), positionOf(CHAIN, 'RegionalCertificateArn:'));
  assert.deepEqual(at({ code: 'dns-record-wrong-target', resource: domain, hops: [{ kind: 'hosted-zone', id: 'Zone', ok: true }, { kind: 'record', id: recordId, ok: false }] }), positionOf(CHAIN, 'AliasTarget:'));
  assert.deepEqual(at({ code: 'dns-record-missing', resource: samDomain }), positionOf(CHAIN, 'Route53: {'));
  assert.deepEqual(at({ code: 'dns-record-missing', resource: domain }), positionOf(CHAIN, 'DomainName:', 'Domain:'));
  assert.deepEqual(at({ code: 'dns-delegation-mismatch', resource: domain, hops: [{ kind: 'hosted-zone', id: 'Zone', ok: false }] }), positionOf(CHAIN, 'Zone:'));
  assert.deepEqual(at({ code: 'domain-no-mapping', resource: samDomain }), positionOf(CHAIN, 'Domain:', 'StageName'));
  assert.equal(at({ code: 'dns-record-missing', resource: { kind: 'domain-name', id: 'not-in-template.example.org' } }), undefined, 'not the template’s');
});

test('route-blackhole on a template route: on the AWS::EC2::Route resource', () => {
  const text = `Resources:${NETWORK}
  Table:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  ToPeer:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Table, DestinationCidrBlock: 10.50.0.0/16, VpcPeeringConnectionId: pcx-0123}
`;
  const reading = readTemplate(text, { region: 'eu-west-1' });
  const world = reading.worlds[0];
  assert.ok(world);
  const placed = new FindingPlacer(world.model, reading.lines, 't').place({
    code: 'route-blackhole',
    severity: 'error',
    message: 'm',
    resource: { kind: 'route-table', id: 'rtb-Table' },
    fix: { kind: 'replace-blackhole-route', routeTableId: 'rtb-Table', destination: '10.50.0.0/16' },
  });
  assert.deepEqual(placed?.range?.start, positionOf(text, 'ToPeer:'));
});

test('rangeOf: a resource’s logical id, a property key by path, a list item by index; undefined for what is not there', () => {
  const text = fixture('story1-invoke-from-public-subnets.yaml');
  const result = check(text);
  assert.deepEqual(result.rangeOf('CancelOrderFunction')?.start, positionOf(text, 'CancelOrderFunction:'));
  assert.deepEqual(result.rangeOf('CancelOrderFunction', ['Properties', 'VpcConfig', 'SubnetIds'])?.start, positionOf(text, 'SubnetIds:', 'CancelOrderFunction:'));
  const item = result.rangeOf('CancelOrderFunction', ['Properties', 'VpcConfig', 'SubnetIds', 1]);
  assert.deepEqual(item?.start, positionOf(text, '!Ref PublicSubnetB', 'CancelOrderFunction:'));
  assert.equal(item?.end.character, (item?.start.character ?? 0) + '!Ref PublicSubnetB'.length);
  assert.equal(result.rangeOf('CancelOrderFunction', ['Properties', 'Nope']), undefined);
  assert.equal(result.rangeOf('Nothing'), undefined);
  assert.equal(check('Resources: [').rangeOf('A'), undefined);
});
