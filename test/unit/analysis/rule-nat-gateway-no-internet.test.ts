import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, hopTrail, onlyFinding } from '../../builders/findings';
import { defaultRoute, IGW_ID, network, networkResources } from '../../builders/network';

const CODE = 'nat-gateway-no-internet';

test('a NAT gateway in a subnet without an internet gateway route is an error naming the subnets that depend on it', () => {
  const net = network();
  net.publicTable.routes = net.publicTable.routes.filter((r) => r.target === 'local');
  const finding = onlyFinding(CODE, networkResources(net));
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.resource, { kind: 'nat-gateway', id: 'nat-1' });
  assert.match(finding.message, /^NAT gateway nat-1 sits in subnet-pub-a, whose route table rtb-public has no 0\.0\.0\.0\/0 route to an internet gateway, so it cannot reach the internet/);
  assert.match(finding.message, /subnets subnet-priv-a and subnet-priv-b route through it \(route table rtb-private\)/);
  assert.match(finding.message, /Fix: add the route 0\.0\.0\.0\/0 → igw-1 to rtb-public/);
  assert.deepEqual(hopTrail(finding), [
    'route-table:rtb-private:true',
    'nat-gateway:nat-1:true',
    'subnet:subnet-pub-a:true',
    'route-table:rtb-public:false',
  ]);
});

test('a healthy NAT gateway: no finding', () => {
  assert.deepEqual(findingsOf(CODE, networkResources(network())), []);
});

test('near miss: a failed NAT gateway that routes still use is an error; one nothing uses is a leftover', () => {
  const net = network();
  net.nat.state = 'failed';
  assert.match(onlyFinding(CODE, networkResources(net)).message, /is failed and forwards nothing.*Fix: create a new NAT gateway/);
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  assert.deepEqual(findingsOf(CODE, networkResources(net)), []);
});

test('an unused but broken NAT gateway is a warning', () => {
  const net = network();
  net.privateTable.routes = net.privateTable.routes.filter((r) => r.target === 'local');
  net.publicTable.routes = [defaultRoute(IGW_ID, 'blackhole')];
  const finding = onlyFinding(CODE, networkResources(net));
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /blackhole.*though no route uses it yet/);
});

test('an internet gateway not attached to the VPC', () => {
  const net = network();
  net.internetGateway.attachedVpcIds = [];
  assert.match(onlyFinding(CODE, networkResources(net)).message, /igw-1, which is not attached to vpc-1.*Fix: attach igw-1 to vpc-1/);
});

test('private NAT gateways are not meant for the internet: no finding here', () => {
  const net = network();
  net.nat.connectivity = 'private';
  assert.deepEqual(findingsOf(CODE, networkResources(net)), []);
});

test('the fix is machine-readable: the internet gateway route for the NAT gateway\'s own subnet', () => {
  const net = network();
  net.publicTable.routes = net.publicTable.routes.filter((r) => r.target === 'local');
  const [finding] = findingsOf('nat-gateway-no-internet', networkResources(net));
  assert.deepEqual(finding?.fix, { kind: 'add-internet-gateway-route', routeTableId: 'rtb-public', destination: '0.0.0.0/0', internetGatewayId: 'igw-1' });
});
