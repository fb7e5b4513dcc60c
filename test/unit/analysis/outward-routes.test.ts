// Routes that leave the VPC through a peering connection or a transit gateway, judged from the
// scanned edges: broken where the edge certainly carries nothing (or cannot deliver to the target),
// otherwise unverifiable — with the peer named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { internetNeed, vpcFunction } from '../../builders/lambda';
import { defaultRoute, network, networkResources, PRIVATE_A, PRIVATE_B, PUBLIC_A, PUBLIC_B, securityGroup, tcpRule, VPC_ID } from '../../builders/network';
import { here, type Item, type ResourcesInput } from '../../builders/snapshot';

type Need = NonNullable<Item<'lambdaFunctions'>['needs']>[number];
const dbNeed: Need = { kind: 'vpc-target', targetId: 'eni-db', port: 5432, via: 'env DB_HOST' };
const PEER_ACCOUNT = '444455556666';

/** The function's VPC (10.0.0.0/16) plus a data VPC (172.31.0.0/16) holding the database, and a third VPC (192.168.0.0/16). */
function withDataVpc(): { net: ReturnType<typeof network>; extra: ResourcesInput } {
  const net = network();
  const vpc = (id: string, cidr: string): Item<'vpcs'> => ({ ...here, id, cidrBlocks: [cidr] });
  const subnet: Item<'subnets'> = { ...here, id: 'subnet-data', vpcId: 'vpc-data', cidrBlock: '172.31.1.0/24', availabilityZone: 'ap-northeast-2a' };
  const group = { ...securityGroup('sg-db', [tcpRule(5432, { cidrs: ['10.0.0.0/16'] })]), vpcId: 'vpc-data' };
  const eni: Item<'networkInterfaces'> = { ...here, id: 'eni-db', vpcId: 'vpc-data', subnetId: 'subnet-data', securityGroupIds: ['sg-db'], interfaceType: 'interface', privateIpAddress: '172.31.1.50' };
  return { net, extra: { vpcs: [vpc('vpc-data', '172.31.0.0/16'), vpc('vpc-other', '192.168.0.0/16')], subnets: [subnet], securityGroups: [group], networkInterfaces: [eni] } };
}

function peering(id: string, accepterVpcId: string, accepterCidrs: string[], status: string): Item<'vpcPeeringConnections'> {
  return { ...here, id, requesterVpcId: VPC_ID, accepterVpcId, requesterCidrs: ['10.0.0.0/16'], accepterCidrs, requesterOwnerId: here.accountId, accepterOwnerId: PEER_ACCOUNT, status };
}

function attachment(id: string, vpcId: string, subnetIds: string[], state: string): Item<'transitGatewayAttachments'> {
  return { ...here, id, transitGatewayId: 'tgw-core', vpcId, subnetIds, state };
}

const worker = (needs: Need[], subnets = [PRIVATE_A]) => ({ lambdaFunctions: [vpcFunction('Worker', subnets, needs)] });

test('a route to a peering connection still pending acceptance is broken: route-blackhole names the connection and its state, and says to accept it', () => {
  const { net, extra } = withDataVpc();
  net.privateTable.routes.push({ destinationCidr: '172.31.0.0/16', target: 'pcx-1' });
  const resources = [networkResources(net), extra, { vpcPeeringConnections: [peering('pcx-1', 'vpc-data', ['172.31.0.0/16'], 'pending-acceptance')] }, worker([dbNeed])];
  const finding = onlyFinding('route-blackhole', ...resources);
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    `Route table rtb-private sends 172.31.0.0/16 to pcx-1, which is a peering connection to vpc-data in account ${PEER_ACCOUNT} in state pending-acceptance ` +
      '(only an active peering connection carries traffic), so what functions in subnet subnet-priv-a need goes nowhere: Worker (eni-db:5432). ' +
      'Fix: accept pcx-1 in the account that owns vpc-data.',
  );
  // Accepting is the fix, not replacing the route: no machine fix that would rewrite it.
  assert.equal(finding.fix, undefined);
  assert.deepEqual(findingsOf('unverifiable-path', ...resources), []);
});

test('a route to a deleted peering connection is broken too, with the replace-route fix', () => {
  const { net, extra } = withDataVpc();
  net.privateTable.routes.push({ destinationCidr: '172.31.0.0/16', target: 'pcx-1' });
  const finding = onlyFinding('route-blackhole', networkResources(net), extra, { vpcPeeringConnections: [peering('pcx-1', 'vpc-data', ['172.31.0.0/16'], 'deleted')] }, worker([dbNeed]));
  assert.match(finding.message, /sends 172\.31\.0\.0\/16 to pcx-1, which is a peering connection to vpc-data in account 444455556666 in state deleted/);
  assert.deepEqual(finding.fix, { kind: 'replace-blackhole-route', routeTableId: 'rtb-private', destination: '172.31.0.0/16' });
});

test('an active peering connection to the database VPC stays unverifiable, naming the peer VPC and account (near miss of the two above)', () => {
  const { net, extra } = withDataVpc();
  net.privateTable.routes.push({ destinationCidr: '172.31.0.0/16', target: 'pcx-1' });
  const resources = [networkResources(net), extra, { vpcPeeringConnections: [peering('pcx-1', 'vpc-data', ['172.31.0.0/16'], 'active')] }, worker([dbNeed])];
  assert.deepEqual(findingsOf('route-blackhole', ...resources), []);
  assert.deepEqual(findingsOf('lambda-vpc-no-route-to-target', ...resources), []);
  assert.match(onlyFinding('unverifiable-path', ...resources).message, /routes to pcx-1, an active peering connection to vpc-data in account 444455556666, whose routes back and filters are not checked yet/);
});

test('an active peering connection to a VPC that does not hold the database cannot deliver: lambda-vpc-no-route-to-target (peering is not transitive)', () => {
  const { net, extra } = withDataVpc();
  net.privateTable.routes.push({ destinationCidr: '172.31.0.0/16', target: 'pcx-2' });
  const resources = [networkResources(net), extra, { vpcPeeringConnections: [peering('pcx-2', 'vpc-other', ['192.168.0.0/16'], 'active')] }, worker([dbNeed])];
  const finding = onlyFinding('lambda-vpc-no-route-to-target', ...resources);
  assert.match(
    finding.message,
    /but route table rtb-private of its subnet subnet-priv-a sends 172\.31\.1\.50 to pcx-2, which leads to vpc-other in account 444455556666 \(192\.168\.0\.0\/16\), which does not hold 172\.31\.1\.50\/32 — peering is not transitive, so the connection is dropped/,
  );
  assert.match(finding.message, /Fix: route 172\.31\.1\.50\/32 through a peering connection or transit gateway that reaches vpc-data, with the matching route back in vpc-data\.$/);
  assert.deepEqual(findingsOf('unverifiable-path', ...resources), []);
});

test('a peering connection not in the snapshot (older snapshots, another account) leaves the path unverifiable as before', () => {
  const { net, extra } = withDataVpc();
  net.privateTable.routes.push({ destinationCidr: '172.31.0.0/16', target: 'pcx-9' });
  const resources = [networkResources(net), extra, worker([dbNeed])];
  assert.deepEqual(findingsOf('route-blackhole', ...resources), []);
  assert.match(onlyFinding('unverifiable-path', ...resources).message, /routes to pcx-9 \(vpc-peering\), which is not checked yet/);
});

test('a default route to a transit gateway whose attachment is pending: route-blackhole and no internet; available: unverifiable naming the attachment', () => {
  const net = network();
  net.privateTable.routes = [net.privateTable.routes[0] ?? defaultRoute('local'), defaultRoute('tgw-core')];
  const needs = [internetNeed('api.example.com')];
  const pending = [networkResources(net), { transitGatewayAttachments: [attachment('tgw-attach-1', VPC_ID, [PRIVATE_A, PRIVATE_B], 'pending')] }, worker(needs)];
  const finding = onlyFinding('route-blackhole', ...pending);
  assert.match(finding.message, /sends 0\.0\.0\.0\/0 to tgw-core, which is a transit gateway whose attachment tgw-attach-1 of the VPC vpc-1 is pending \(only an available attachment carries traffic\)/);
  assert.match(onlyFinding('lambda-vpc-no-internet', ...pending).message, /its subnet subnet-priv-a routes 0\.0\.0\.0\/0 to tgw-core, which is a transit gateway whose attachment tgw-attach-1 of the VPC vpc-1 is pending/);
  assert.deepEqual(findingsOf('unverifiable-path', ...pending), []);

  const available = [networkResources(net), { transitGatewayAttachments: [attachment('tgw-attach-1', VPC_ID, [PRIVATE_A, PRIVATE_B], 'available')] }, worker(needs)];
  assert.deepEqual(findingsOf('route-blackhole', ...available), []);
  assert.deepEqual(findingsOf('lambda-vpc-no-internet', ...available), []);
  assert.match(
    onlyFinding('unverifiable-path', ...available).message,
    /it routes 0\.0\.0\.0\/0 to tgw-core, a transit gateway reached through attachment tgw-attach-1 \(available\), whose route tables are not in the snapshot/,
  );
});

test('a transit gateway attachment with no subnet in the function subnet\'s Availability Zone carries nothing from there', () => {
  const net = network();
  net.privateTable.routes = [net.privateTable.routes[0] ?? defaultRoute('local'), defaultRoute('tgw-core')];
  // Attached in zone b only (subnet-pub-b); the function's subnet-priv-a is in zone a, subnet-priv-b in zone b.
  const resources = [networkResources(net), { transitGatewayAttachments: [attachment('tgw-attach-1', VPC_ID, [PUBLIC_B], 'available')] }, worker([internetNeed('api.example.com')], [PRIVATE_A, PRIVATE_B])];
  const finding = onlyFinding('route-blackhole', ...resources);
  assert.match(finding.message, /attachment tgw-attach-1 has no subnet in ap-northeast-2a, and traffic from an Availability Zone without one never reaches it, so what functions in subnet subnet-priv-a need/);
  assert.match(finding.message, /Fix: add a subnet in ap-northeast-2a to tgw-attach-1/);
  // From zone b it is only unverifiable.
  assert.match(onlyFinding('unverifiable-path', ...resources).message, /from subnet-priv-b: it routes 0\.0\.0\.0\/0 to tgw-core, a transit gateway reached through attachment tgw-attach-1/);
  // Near miss: an attachment subnet in zone a too (subnet-pub-a) makes both zones unverifiable, none broken.
  const both = [networkResources(net), { transitGatewayAttachments: [attachment('tgw-attach-1', VPC_ID, [PUBLIC_A, PUBLIC_B], 'available')] }, worker([internetNeed('api.example.com')], [PRIVATE_A, PRIVATE_B])];
  assert.deepEqual(findingsOf('route-blackhole', ...both), []);
});

test('to a database across a transit gateway, the target VPC\'s attachment counts too', () => {
  const { net, extra } = withDataVpc();
  net.privateTable.routes.push({ destinationCidr: '172.31.0.0/16', target: 'tgw-core' });
  const ours = attachment('tgw-attach-1', VPC_ID, [PRIVATE_A], 'available');
  const theirs = (state: string) => attachment('tgw-attach-data', 'vpc-data', ['subnet-data'], state);
  const failed = onlyFinding('route-blackhole', networkResources(net), extra, { transitGatewayAttachments: [ours, theirs('failed')] }, worker([dbNeed]));
  assert.match(failed.message, /whose attachment tgw-attach-data of the target's VPC vpc-data is failed/);
  assert.deepEqual(findingsOf('route-blackhole', networkResources(net), extra, { transitGatewayAttachments: [ours, theirs('available')] }, worker([dbNeed])), []);
});

test('a default route into an active peering connection gives no internet: a peer VPC\'s NAT or internet gateway is never used through it (no edge-to-edge routing)', () => {
  const { net, extra } = withDataVpc();
  net.privateTable.routes = [net.privateTable.routes[0] ?? defaultRoute('local'), defaultRoute('pcx-1')];
  const resources = [networkResources(net), extra, { vpcPeeringConnections: [peering('pcx-1', 'vpc-data', ['172.31.0.0/16'], 'active')] }, worker([internetNeed('api.example.com')])];
  const finding = onlyFinding('lambda-vpc-no-internet', ...resources);
  assert.match(finding.message, /routes? 0\.0\.0\.0\/0 to peering connection pcx-1 \(route table rtb-private\), and a peering connection never carries traffic on to vpc-data's internet or NAT gateway/);
  assert.deepEqual(findingsOf('unverifiable-path', ...resources), []);
  assert.deepEqual(findingsOf('route-blackhole', ...resources), [], 'the route itself is fine for the peer VPC\'s own addresses');
  // Near miss: the same default route to an available transit gateway attachment can be central egress: unverifiable.
  const tgwNet = withDataVpc().net;
  tgwNet.privateTable.routes = [tgwNet.privateTable.routes[0] ?? defaultRoute('local'), defaultRoute('tgw-core')];
  const viaTgw = [networkResources(tgwNet), { transitGatewayAttachments: [attachment('tgw-attach-1', VPC_ID, [PRIVATE_A], 'available')] }, worker([internetNeed('api.example.com')])];
  assert.deepEqual(findingsOf('lambda-vpc-no-internet', ...viaTgw), []);
  assert.equal(findingsOf('unverifiable-path', ...viaTgw).length, 1);
});
