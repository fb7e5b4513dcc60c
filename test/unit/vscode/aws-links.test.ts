// The console address and ARN of every kind the tree can open or copy, one row per kind, and the
// partition and escaping rules that keep a hostile id from steering the link elsewhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleUrl, partitionOfRegion, resourceArn, type ResourceRef } from '../../../src/vscode/tree/aws-links';

const at = { accountId: '111122223333', region: 'eu-west-1' };
const vpcHome = 'https://eu-west-1.console.aws.amazon.com/vpcconsole/home?region=eu-west-1#';

const cases: ReadonlyArray<readonly [string, ResourceRef, string | undefined, string | undefined]> = [
  ['VPC', { kind: 'vpc', id: 'vpc-1', ...at }, `${vpcHome}VpcDetails:VpcId=vpc-1`, 'arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1'],
  ['subnet', { kind: 'subnet', id: 'subnet-1', ...at }, `${vpcHome}SubnetDetails:subnetId=subnet-1`, 'arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-1'],
  ['route table', { kind: 'route-table', id: 'rtb-1', ...at }, `${vpcHome}RouteTableDetails:RouteTableId=rtb-1`, 'arn:aws:ec2:eu-west-1:111122223333:route-table/rtb-1'],
  ['security group', { kind: 'security-group', id: 'sg-1', ...at }, `${vpcHome}SecurityGroup:groupId=sg-1`, 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1'],
  ['network ACL', { kind: 'network-acl', id: 'acl-1', ...at }, `${vpcHome}NetworkAclDetails:networkAclId=acl-1`, 'arn:aws:ec2:eu-west-1:111122223333:network-acl/acl-1'],
  ['internet gateway', { kind: 'internet-gateway', id: 'igw-1', ...at }, `${vpcHome}InternetGateway:internetGatewayId=igw-1`, 'arn:aws:ec2:eu-west-1:111122223333:internet-gateway/igw-1'],
  ['egress-only gateway', { kind: 'egress-only-internet-gateway', id: 'eigw-1', ...at }, `${vpcHome}EgressOnlyInternetGateway:egressOnlyInternetGatewayId=eigw-1`, 'arn:aws:ec2:eu-west-1:111122223333:egress-only-internet-gateway/eigw-1'],
  ['NAT gateway', { kind: 'nat-gateway', id: 'nat-1', ...at }, `${vpcHome}NatGatewayDetails:natGatewayId=nat-1`, 'arn:aws:ec2:eu-west-1:111122223333:natgateway/nat-1'],
  ['VPC endpoint', { kind: 'vpc-endpoint', id: 'vpce-1', ...at }, `${vpcHome}EndpointDetails:vpcEndpointId=vpce-1`, 'arn:aws:ec2:eu-west-1:111122223333:vpc-endpoint/vpce-1'],
  ['ENI', { kind: 'eni', id: 'eni-1', ...at }, 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#NetworkInterface:networkInterfaceId=eni-1', 'arn:aws:ec2:eu-west-1:111122223333:network-interface/eni-1'],
  [
    'function',
    { kind: 'function', id: 'orders', name: 'orders-fn', arn: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-fn', ...at },
    'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders-fn',
    'arn:aws:lambda:eu-west-1:111122223333:function:orders-fn',
  ],
  [
    'function without a name (from its ARN)',
    { kind: 'function', id: 'Orders', arn: 'arn:aws:lambda:eu-west-1:111122223333:function:stack-Orders-1A2B', ...at },
    'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/stack-Orders-1A2B',
    'arn:aws:lambda:eu-west-1:111122223333:function:stack-Orders-1A2B',
  ],
  ['REST API', { kind: 'api', id: 'a1b2', apiFlavour: 'v1', ...at }, 'https://eu-west-1.console.aws.amazon.com/apigateway/main/apis/a1b2/resources?api=a1b2&region=eu-west-1', 'arn:aws:apigateway:eu-west-1::/restapis/a1b2'],
  ['HTTP API', { kind: 'api', id: 'h1', apiFlavour: 'v2', ...at }, 'https://eu-west-1.console.aws.amazon.com/apigateway/main/api-detail?api=h1&region=eu-west-1', 'arn:aws:apigateway:eu-west-1::/apis/h1'],
  [
    'custom domain',
    { kind: 'domain', id: 'api.shop.example', name: 'api.shop.example', ...at },
    'https://eu-west-1.console.aws.amazon.com/apigateway/main/publish/domain-names?domain=api.shop.example&region=eu-west-1',
    'arn:aws:apigateway:eu-west-1::/domainnames/api.shop.example',
  ],
  [
    'API mapping (its domain)',
    { kind: 'mapping', id: 'map-1', name: 'api.shop.example', ...at },
    'https://eu-west-1.console.aws.amazon.com/apigateway/main/publish/domain-names?domain=api.shop.example&region=eu-west-1',
    undefined,
  ],
  [
    'certificate (in its own region)',
    { kind: 'certificate', id: 'c', arn: 'arn:aws:acm:us-east-1:111122223333:certificate/0f-12', accountId: '111122223333', region: 'us-east-1' },
    'https://us-east-1.console.aws.amazon.com/acm/home?region=us-east-1#/certificates/0f-12',
    'arn:aws:acm:us-east-1:111122223333:certificate/0f-12',
  ],
  ['hosted zone', { kind: 'hosted-zone', id: '/hostedzone/Z123', accountId: '111122223333', region: 'global' }, 'https://console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/Z123', 'arn:aws:route53:::hostedzone/Z123'],
  ['record (its zone)', { kind: 'record', id: 'Z123/a.example./A', name: 'Z123', accountId: '111122223333', region: 'global' }, 'https://console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/Z123', undefined],
];

describe('AWS console links and ARNs', () => {
  for (const [name, ref, url, arn] of cases) {
    it(`${name}: console page and ARN`, () => {
      assert.equal(consoleUrl(ref), url);
      assert.equal(resourceArn(ref), arn);
    });
  }

  it('uses the China and GovCloud console domains and ARN partitions', () => {
    assert.equal(consoleUrl({ kind: 'vpc', id: 'vpc-1', accountId: '1', region: 'cn-north-1' }), 'https://console.amazonaws.cn/vpcconsole/home?region=cn-north-1#VpcDetails:VpcId=vpc-1');
    assert.equal(resourceArn({ kind: 'vpc', id: 'vpc-1', accountId: '1', region: 'cn-north-1' }), 'arn:aws-cn:ec2:cn-north-1:1:vpc/vpc-1');
    assert.equal(
      consoleUrl({ kind: 'function', id: 'f', accountId: '1', region: 'us-gov-west-1' }),
      'https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-west-1#/functions/f',
    );
    // Route 53 is "global": the partition comes from the account's regions.
    assert.equal(consoleUrl({ kind: 'hosted-zone', id: 'Z1', accountId: '1', region: 'global', partition: 'aws-cn' }), 'https://console.amazonaws.cn/route53/v2/hostedzones#ListRecordSets/Z1');
    assert.equal(resourceArn({ kind: 'hosted-zone', id: 'Z1', accountId: '1', region: 'global', partition: 'aws-us-gov' }), 'arn:aws-us-gov:route53:::hostedzone/Z1');
    assert.deepEqual(['eu-west-1', 'cn-northwest-1', 'us-gov-east-1'].map(partitionOfRegion), ['aws', 'aws-cn', 'aws-us-gov']);
  });

  it('percent-encodes hostile ids and names so they cannot change the host, path or query', () => {
    const url = consoleUrl({ kind: 'function', id: 'x', name: 'a/../../evil?x=1#@attacker.example', ...at });
    assert.equal(url, 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/a%2F..%2F..%2Fevil%3Fx%3D1%23%40attacker.example');
    const hostileRegion = consoleUrl({ kind: 'vpc', id: 'vpc-1', accountId: '1', region: 'evil.example/x' });
    assert.equal(hostileRegion, 'https://console.aws.amazon.com/vpcconsole/home?region=evil.example%2Fx#VpcDetails:VpcId=vpc-1');
  });
});
