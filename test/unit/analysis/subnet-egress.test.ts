import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexSnapshot } from '../../../src/analysis/snapshot-index';
import { lambdaSubnetIpv4Egress } from '../../../src/analysis/subnet-egress';
import { defaultRoute, IGW_ID, NAT_ID, network, networkResources, PRIVATE_A, PRIVATE_B, PUBLIC_A, VPC_ID, type Network } from '../../builders/network';
import { here, snapshotWith } from '../../builders/snapshot';

function egressFrom(net: Network, subnetId: string) {
  return lambdaSubnetIpv4Egress(indexSnapshot(snapshotWith(networkResources(net))), subnetId);
}

test('private subnet → available public NAT → public subnet → attached igw works', () => {
  const egress = egressFrom(network(), PRIVATE_A);
  assert.equal(egress.kind, 'nat');
  assert.deepEqual(
    'hops' in egress ? egress.hops.map((h) => `${h.kind}:${h.id}:${h.ok}`) : [],
    ['subnet:subnet-priv-a:true', 'route-table:rtb-private:true', 'nat-gateway:nat-1:true', 'subnet:subnet-pub-a:true', 'route-table:rtb-public:true', 'internet-gateway:igw-1:true'],
  );
});

test('a public subnet gives a Lambda ENI no way out', () => {
  const egress = egressFrom(network(), PUBLIC_A);
  assert.equal(egress.kind, 'internet-gateway');
  assert.equal(egress.kind === 'internet-gateway' && egress.gatewayId, IGW_ID);
});

test('a NAT gateway that is not available breaks the path', () => {
  const net = network();
  net.nat.state = 'failed';
  const egress = egressFrom(net, PRIVATE_A);
  assert.equal(egress.kind, 'broken-nat');
  assert.match(egress.kind === 'broken-nat' ? egress.problem : '', /is failed/);
});

test('a private NAT gateway never reaches the internet', () => {
  const net = network();
  net.nat.connectivity = 'private';
  assert.equal(egressFrom(net, PRIVATE_A).kind, 'broken-nat');
});

test('a NAT gateway in a subnet with no route to an internet gateway breaks the path', () => {
  const net = network();
  net.subnets.push({ ...here, id: 'subnet-isolated', vpcId: VPC_ID, cidrBlock: '10.0.20.0/24', availabilityZone: 'ap-northeast-2a' });
  net.nat.subnetId = 'subnet-isolated'; // served by the main table: local route only
  const egress = egressFrom(net, PRIVATE_A);
  assert.equal(egress.kind, 'broken-nat');
  assert.match(egress.kind === 'broken-nat' ? egress.problem : '', /sits in subnet-isolated, whose route table rtb-main has no 0.0.0.0\/0 route to an internet gateway/);
});

test('a NAT gateway whose own subnet routes back to it is a loop', () => {
  const net = network();
  net.nat.subnetId = PRIVATE_B;
  const egress = egressFrom(net, PRIVATE_A);
  assert.equal(egress.kind, 'broken-nat');
  assert.match(egress.kind === 'broken-nat' ? egress.problem : '', /loop/);
});

test('a NAT subnet whose default route is a blackhole breaks the path', () => {
  const net = network();
  net.publicTable.routes = [defaultRoute(IGW_ID, 'blackhole')];
  const egress = egressFrom(net, PRIVATE_A);
  assert.equal(egress.kind, 'broken-nat');
  assert.match(egress.kind === 'broken-nat' ? egress.problem : '', /blackhole/);
});

test('no default route, or a blackhole one, in the function subnet', () => {
  const net = network();
  net.privateTable.routes = [];
  assert.equal(egressFrom(net, PRIVATE_A).kind, 'no-route');
  net.privateTable.routes = [defaultRoute(NAT_ID, 'blackhole')];
  assert.equal(egressFrom(net, PRIVATE_A).kind, 'blackhole');
});

test('what is not judged stays unknown: transit gateways, firewalls, resources missing from the snapshot', () => {
  const net = network();
  net.privateTable.routes = [defaultRoute('tgw-0123')];
  assert.equal(egressFrom(net, PRIVATE_A).kind, 'unknown');
  net.privateTable.routes = [defaultRoute('nat-not-scanned')];
  assert.equal(egressFrom(net, PRIVATE_A).kind, 'unknown');
  assert.equal(egressFrom(network(), 'subnet-elsewhere').kind, 'unknown');
});
