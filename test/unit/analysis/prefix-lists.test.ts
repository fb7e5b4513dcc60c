// Managed prefix lists from the snapshot: a route to a list matches by the list's CIDRs, and a
// security-group rule on a list is decided by them; a list whose entries are unknown stays "maybe".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBlock, type IpBlock } from '../../../src/analysis/ip-space';
import { TCP } from '../../../src/analysis/ports';
import { securityGroupsAllow, type Peer } from '../../../src/analysis/security-groups';
import { findingsOf, onlyFinding } from '../../builders/findings';
import { vpcFunction } from '../../builders/lambda';
import { FUNCTION_SG, gatewayEndpoint, network, networkResources, PRIVATE_A, PRIVATE_B, securityGroup, tcpRule, VPC_ID } from '../../builders/network';
import { here, type Item } from '../../builders/snapshot';

type Need = NonNullable<Item<'lambdaFunctions'>['needs']>[number];
const dbNeed: Need = { kind: 'vpc-target', targetId: 'eni-db', port: 5432, via: 'env DB_HOST' };

function blocks(...texts: string[]): IpBlock[] {
  return texts.map((t) => {
    const b = parseBlock(t);
    assert.ok(b, t);
    return b;
  });
}

function prefixList(id: string, cidrs: string[], entriesKnown = true): Item<'prefixLists'> {
  return { ...here, id, prefixListName: id, cidrs, entriesKnown };
}

test('securityGroupsAllow: a rule on a list with known CIDRs is a rule on those CIDRs; an unknown list is still a maybe', () => {
  const group = { ...here, id: 'sg-db', vpcId: VPC_ID, groupName: 'db', egress: [], ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrs: [], ipv6Cidrs: [], securityGroupIds: [], prefixListIds: ['pl-app'] }] };
  const from: Peer = { family: 'ipv4', blocks: blocks('10.0.10.0/24'), securityGroupIds: new Set(), prefixListIds: new Set(), unrelatedPrefixListIds: new Set() };
  const lists = (cidrs: string[] | undefined) => (id: string) => (id === 'pl-app' && cidrs ? blocks(...cidrs) : undefined);
  assert.equal(securityGroupsAllow([group], 'ingress', from, TCP, 5432, lists(['10.0.0.0/16'])).status, 'allow');
  assert.equal(securityGroupsAllow([group], 'ingress', from, TCP, 5432, lists(['192.168.0.0/16'])).status, 'deny');
  assert.equal(securityGroupsAllow([group], 'ingress', from, TCP, 5432, lists(['10.0.10.0/25'])).status, 'unknown', 'half the subnet');
  assert.equal(securityGroupsAllow([group], 'ingress', from, TCP, 5432, lists(undefined)).status, 'unknown');
  assert.equal(securityGroupsAllow([group], 'ingress', from, TCP, 5432).status, 'unknown', 'no resolver: as before');
});

/** A database in the function's own VPC (subnet-priv-b) whose group admits TCP 5432 only from prefix list pl-app. */
function databaseBehindList() {
  const net = network();
  net.securityGroups.push(securityGroup('sg-db', [tcpRule(5432, { prefixListIds: ['pl-app'] })]));
  net.networkInterfaces.push({ ...here, id: 'eni-db', vpcId: VPC_ID, subnetId: PRIVATE_B, securityGroupIds: ['sg-db'], interfaceType: 'interface', description: 'RDSNetworkInterface', privateIpAddress: '10.0.11.20' });
  return [networkResources(net), { lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [dbNeed])] }];
}

test('the database admits a prefix list holding the function subnet: no finding, nothing left unverified', () => {
  const resources = [...databaseBehindList(), { prefixLists: [prefixList('pl-app', ['10.0.10.0/24', '10.0.99.0/24'])] }];
  assert.deepEqual(findingsOf('lambda-vpc-sg-blocks', ...resources), []);
  assert.deepEqual(findingsOf('unverifiable-path', ...resources), []);
});

test('the database admits a prefix list that does not hold the function subnet: lambda-vpc-sg-blocks, no longer a maybe', () => {
  const resources = [...databaseBehindList(), { prefixLists: [prefixList('pl-app', ['10.0.99.0/24'])] }];
  const finding = onlyFinding('lambda-vpc-sg-blocks', ...resources);
  assert.match(finding.message, /security group sg-db of eni-db allows no inbound TCP 5432 from the function's security group sg-fn/);
  assert.deepEqual(findingsOf('unverifiable-path', ...resources), []);
});

test('a prefix list whose entries could not be read, or is not in the snapshot, leaves it unverifiable', () => {
  for (const lists of [[prefixList('pl-app', [], false)], []]) {
    const resources = [...databaseBehindList(), { prefixLists: lists }];
    assert.deepEqual(findingsOf('lambda-vpc-sg-blocks', ...resources), []);
    assert.match(onlyFinding('unverifiable-path', ...resources).message, /sg-db allows prefix list pl-app, whose addresses are not in the snapshot/);
  }
});

/** A database in another VPC (172.31.0.0/16) and a route whose destination is customer-managed list pl-data, to pcx-1 (pending acceptance). */
function databaseBehindListRoute(lists: Item<'prefixLists'>[]) {
  const net = network();
  net.privateTable.routes.push({ destinationPrefixListId: 'pl-data', target: 'pcx-1' });
  return [
    networkResources(net),
    {
      vpcs: [{ ...here, id: 'vpc-data', cidrBlocks: ['172.31.0.0/16'] }],
      subnets: [{ ...here, id: 'subnet-data', vpcId: 'vpc-data', cidrBlock: '172.31.1.0/24', availabilityZone: 'ap-northeast-2a' }],
      securityGroups: [{ ...securityGroup('sg-db', [tcpRule(5432, { securityGroupIds: [FUNCTION_SG] })]), vpcId: 'vpc-data' }],
      networkInterfaces: [{ ...here, id: 'eni-db', vpcId: 'vpc-data', subnetId: 'subnet-data', securityGroupIds: ['sg-db'], interfaceType: 'interface', privateIpAddress: '172.31.1.50' }],
      vpcPeeringConnections: [{ ...here, id: 'pcx-1', requesterVpcId: VPC_ID, accepterVpcId: 'vpc-data', requesterCidrs: ['10.0.0.0/16'], accepterCidrs: ['172.31.0.0/16'], status: 'pending-acceptance' }],
      prefixLists: lists,
      lambdaFunctions: [vpcFunction('Worker', [PRIVATE_A], [dbNeed])],
    },
  ];
}

test('a route to a prefix list takes the traffic its CIDRs cover: here into a pending peering connection (route-blackhole)', () => {
  const resources = databaseBehindListRoute([prefixList('pl-data', ['172.31.0.0/16'])]);
  assert.match(onlyFinding('route-blackhole', ...resources).message, /^Route table rtb-private sends pl-data to pcx-1, which is a peering connection to vpc-data in state pending-acceptance/);
  assert.deepEqual(findingsOf('lambda-vpc-no-route-to-target', ...resources), []);
});

test('near misses: a list that does not cover the database, or whose entries are unknown, carries nothing there — no route to it', () => {
  for (const lists of [[prefixList('pl-data', ['172.16.0.0/16'])], [prefixList('pl-data', [], false)]]) {
    const resources = databaseBehindListRoute(lists);
    assert.deepEqual(findingsOf('route-blackhole', ...resources), []);
    assert.match(onlyFinding('lambda-vpc-no-route-to-target', ...resources).message, /route table rtb-private of its subnet subnet-priv-a has no route that carries 172\.31\.1\.50 to vpc-data/);
  }
});

test('S3 through a gateway endpoint: with the S3 list known, an egress rule on another list is judged by whether it covers S3\'s CIDRs', () => {
  const s3Need: Need = { kind: 'aws-api', service: 's3', action: 's3:GetObject', via: 'S3ReadPolicy' };
  const s3List = prefixList('pl-78a54011', ['52.219.0.0/16', '3.5.0.0/16']);
  const build = (lists: Item<'prefixLists'>[]) => {
    const net = network();
    net.privateTable.routes.push({ destinationPrefixListId: 'pl-78a54011', target: 'vpce-s3-gw' });
    net.endpoints.push(gatewayEndpoint('s3', ['rtb-private']));
    net.securityGroups[0] = securityGroup(FUNCTION_SG, [], [tcpRule(443, { prefixListIds: ['pl-corp'] })]);
    return [networkResources(net), { prefixLists: lists, lambdaFunctions: [vpcFunction('Reader', [PRIVATE_A], [s3Need])] }];
  };
  const covering = build([s3List, prefixList('pl-corp', ['52.219.0.0/16', '3.5.0.0/16', '10.0.0.0/8'])]);
  assert.deepEqual(findingsOf('lambda-vpc-sg-blocks', ...covering), []);
  assert.deepEqual(findingsOf('unverifiable-path', ...covering), []);
  const elsewhere = build([s3List, prefixList('pl-corp', ['203.0.113.0/24'])]);
  assert.match(onlyFinding('lambda-vpc-sg-blocks', ...elsewhere).message, /allows no outbound TCP 443 to the s3 prefix list pl-78a54011/);
  // Near miss: the S3 list's own entries unknown — S3's addresses could be anywhere public, so only part is covered: a maybe.
  const s3Unknown = build([prefixList('pl-78a54011', [], false), prefixList('pl-corp', ['52.219.0.0/16'])]);
  assert.deepEqual(findingsOf('lambda-vpc-sg-blocks', ...s3Unknown), []);
  assert.match(onlyFinding('unverifiable-path', ...s3Unknown).message, /sg-fn allow only part of the addresses involved/);
});
