import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { vpcFunction } from '../../builders/lambda';
import { network, networkResources, PRIVATE_A, securityGroup, tcpRule } from '../../builders/network';
import { here, type Item } from '../../builders/snapshot';

const CODE = 'lambda-vpc-no-route-to-target';
type Need = NonNullable<Item<'lambdaFunctions'>['needs']>[number];
const dbNeed: Need = { kind: 'vpc-target', targetId: 'eni-db', host: 'orders.cluster-abc.ap-northeast-2.rds.amazonaws.com', port: 5432, via: 'env DB_HOST' };

function withPeerDatabase() {
  const net = network();
  const other: Item<'vpcs'> = { ...here, id: 'vpc-data', cidrBlocks: ['172.31.0.0/16'] };
  const subnet: Item<'subnets'> = { ...here, id: 'subnet-data', vpcId: 'vpc-data', cidrBlock: '172.31.1.0/24', availabilityZone: 'ap-northeast-2a' };
  const group = { ...securityGroup('sg-db', [tcpRule(5432, { cidrs: ['10.0.0.0/16'] })]), vpcId: 'vpc-data' };
  const eni: Item<'networkInterfaces'> = { ...here, id: 'eni-db', vpcId: 'vpc-data', subnetId: 'subnet-data', securityGroupIds: ['sg-db'], interfaceType: 'interface', privateIpAddress: '172.31.1.50' };
  return { net, extra: { vpcs: [other], subnets: [subnet], securityGroups: [group], networkInterfaces: [eni] } };
}

test('a database in another VPC with no route to it (only 0.0.0.0/0 → NAT): an error saying the NAT cannot carry it', () => {
  const { net, extra } = withPeerDatabase();
  const finding = onlyFinding(CODE, networkResources(net), extra, { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [dbNeed])] });
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /^Worker needs orders\.cluster-abc\.ap-northeast-2\.rds\.amazonaws\.com on TCP 5432 \(env DB_HOST\), which is eni-db \(172\.31\.1\.50\) in vpc-data, but route table rtb-private of its subnet subnet-priv-a has no route that carries 172\.31\.1\.50 to vpc-data/);
});

test('with a route through a peering connection the path is not judged (peering is not evaluated): no error', () => {
  const { net, extra } = withPeerDatabase();
  net.privateTable.routes.push({ destinationCidr: '172.31.0.0/16', target: 'pcx-1' });
  const resources = [networkResources(net), extra, { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [dbNeed])] }];
  assert.deepEqual(findingsOf(CODE, ...resources), []);
  assert.match(onlyFinding('unverifiable-path', ...resources).message, /routes to pcx-1 \(vpc-peering\), which is not checked yet/);
});
