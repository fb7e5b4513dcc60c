import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexSnapshot } from '../../../src/analysis/snapshot-index';
import { defaultIpv4Route, isPublicSubnet, routeFor, routeTableOf, routeTargetKind } from '../../../src/analysis/routing';
import type { RouteTable } from '../../../src/model/snapshot';
import { network, networkResources, PRIVATE_A, PUBLIC_A, VPC_ID } from '../../builders/network';
import { here, snapshotWith } from '../../builders/snapshot';

function table(routes: RouteTable['routes']): RouteTable {
  return { ...here, id: 'rtb-x', vpcId: VPC_ID, main: false, subnetIds: [], routes };
}

function subnetOf(index: ReturnType<typeof indexSnapshot>, id: string) {
  const subnet = index.subnets.get(id);
  assert.ok(subnet);
  return subnet;
}

test('a subnet uses its explicitly associated table, else the main table', () => {
  const net = network();
  net.subnets.push({ ...here, id: 'subnet-loose', vpcId: VPC_ID, cidrBlock: '10.0.50.0/24', availabilityZone: 'ap-northeast-2a' });
  const index = indexSnapshot(snapshotWith(networkResources(net)));
  assert.equal(routeTableOf(index, subnetOf(index, PRIVATE_A))?.id, 'rtb-private');
  assert.equal(routeTableOf(index, subnetOf(index, 'subnet-loose'))?.id, 'rtb-main');
});

test('routeFor picks the longest prefix, on canonical networks', () => {
  const routes = table([
    { destinationCidr: '10.0.0.0/16', target: 'local', state: 'active', origin: 'table' },
    { destinationCidr: '0.0.0.0/0', target: 'nat-1', state: 'active', origin: 'static' },
    { destinationCidr: '30.0.1.0/23', target: 'pcx-1', state: 'active', origin: 'static' },
    { destinationCidr: '30.0.0.0/24', target: 'tgw-1', state: 'active', origin: 'static' },
  ]);
  assert.equal(routeFor(routes, '10.0.3.4')?.target, 'local');
  assert.equal(routeFor(routes, '30.0.1.9')?.target, 'pcx-1');
  assert.equal(routeFor(routes, '30.0.0.9')?.target, 'tgw-1');
  assert.equal(routeFor(routes, '8.8.8.8')?.target, 'nat-1');
  assert.equal(defaultIpv4Route(routes)?.target, 'nat-1');
});

test('on equal prefixes a static route beats a propagated one; a blackhole still wins the lookup', () => {
  const routes = table([
    { destinationCidr: '0.0.0.0/0', target: 'vgw-1', state: 'active', origin: 'propagated' },
    { destinationCidr: '0.0.0.0/0', target: 'nat-dead', state: 'blackhole', origin: 'static' },
  ]);
  const route = defaultIpv4Route(routes);
  assert.equal(route?.target, 'nat-dead');
  assert.equal(route?.state, 'blackhole');
});

test('no default route when only specific routes and prefix lists exist', () => {
  const routes = table([
    { destinationCidr: '10.0.0.0/16', target: 'local', state: 'active', origin: 'table' },
    { destinationPrefixListId: 'pl-78a54011', target: 'vpce-s3', state: 'active', origin: 'static' },
  ]);
  assert.equal(defaultIpv4Route(routes), undefined);
});

test('routeTargetKind reads the id prefix', () => {
  assert.equal(routeTargetKind('igw-0abc'), 'internet-gateway');
  assert.equal(routeTargetKind('eigw-0abc'), 'egress-only-internet-gateway');
  assert.equal(routeTargetKind('nat-0abc'), 'nat-gateway');
  assert.equal(routeTargetKind('local'), 'local');
  assert.equal(routeTargetKind('something-else'), 'other');
});

test('a subnet is public when 0.0.0.0/0 goes to an internet gateway attached to its VPC', () => {
  const net = network();
  let index = indexSnapshot(snapshotWith(networkResources(net)));
  assert.ok(isPublicSubnet(index, subnetOf(index, PUBLIC_A)));
  assert.ok(!isPublicSubnet(index, subnetOf(index, PRIVATE_A)));
  net.internetGateway.attachedVpcIds = [];
  index = indexSnapshot(snapshotWith(networkResources(net)));
  assert.ok(!isPublicSubnet(index, subnetOf(index, PUBLIC_A)));
});

test('on equal prefixes: static beats a prefix-list route, which beats a propagated one; any longer prefix beats all', () => {
  const lists = new Map([['pl-s3', ['52.219.0.0/16']]]);
  const routes = table([
    { destinationCidr: '52.219.0.0/16', target: 'vgw-1', state: 'active', origin: 'propagated' },
    { destinationPrefixListId: 'pl-s3', target: 'vpce-s3', state: 'active', origin: 'static' },
    { destinationCidr: '0.0.0.0/0', target: 'nat-1', state: 'active', origin: 'static' },
  ]);
  assert.equal(routeFor(routes, '52.219.1.1', (id) => lists.get(id))?.target, 'vpce-s3');
  assert.equal(routeFor(routes, '52.219.1.1')?.target, 'vgw-1', 'an unknown prefix list takes no part');
  const withStatic = table([...routes.routes, { destinationCidr: '52.219.0.0/16', target: 'pcx-1', state: 'active', origin: 'static' }]);
  assert.equal(routeFor(withStatic, '52.219.1.1', (id) => lists.get(id))?.target, 'pcx-1');
  const longer = table([...routes.routes, { destinationCidr: '52.219.1.0/24', target: 'tgw-1', state: 'active', origin: 'propagated' }]);
  assert.equal(routeFor(longer, '52.219.1.1', (id) => lists.get(id))?.target, 'tgw-1');
});
