// The scanner's outward edges and prefix lists, read from a real moto_server: a peering
// connection between two VPCs, a transit gateway attachment, and a customer-managed prefix list
// with its CIDRs (AWS's own lists, e.g. com.amazonaws.<region>.s3, come along too). Then the
// analysis of that snapshot: a function whose default route goes into a peering connection still
// pending acceptance is broken; one whose route goes into the active one is unverifiable, named.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateManagedPrefixListCommand,
  CreateSubnetCommand,
  CreateTransitGatewayCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  AcceptVpcPeeringConnectionCommand,
  AssociateRouteTableCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { analyze } from '../../src/analysis/analyze';
import { clientConfig } from '../../src/aws/aws-target';
import { scanAccount } from '../../src/aws/scan';
import type { Snapshot } from '../../src/model/snapshot';
import { EMPTY_ZIP, TEST_CREDENTIALS } from './fixtures/clients';
import { startMotoServer, type MotoServer } from './moto-server';

const REGION = 'ap-northeast-2';
let moto: MotoServer;
let snapshot: Snapshot;
const ids = { orders: '', legacy: '', archive: '', subnet: '', subnetB: '', peering: '', pendingPeering: '', attachment: '', tgw: '', prefixList: '' };

before(async () => {
  moto = await startMotoServer();
  const ec2 = new EC2Client(clientConfig({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 }));
  ids.orders = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc?.VpcId ?? '';
  ids.legacy = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc?.VpcId ?? '';
  ids.subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: ids.orders, CidrBlock: '10.20.1.0/24', AvailabilityZone: `${REGION}a` }))).Subnet?.SubnetId ?? '';
  ids.peering = (await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: ids.orders, PeerVpcId: ids.legacy }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
  await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: ids.peering }));
  ids.tgw = (await ec2.send(new CreateTransitGatewayCommand({ Description: 'core' }))).TransitGateway?.TransitGatewayId ?? '';
  ids.attachment =
    (await ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: ids.tgw, VpcId: ids.orders, SubnetIds: [ids.subnet] }))).TransitGatewayVpcAttachment
      ?.TransitGatewayAttachmentId ?? '';
  ids.prefixList =
    (
      await ec2.send(
        new CreateManagedPrefixListCommand({
          PrefixListName: 'office',
          AddressFamily: 'IPv4',
          MaxEntries: 5,
          Entries: [{ Cidr: '203.0.113.0/24' }, { Cidr: '198.51.100.0/24' }],
        }),
      )
    ).PrefixList?.PrefixListId ?? '';
  await buildFunctionsBehindPeering(ec2);
  ec2.destroy();
  snapshot = await scanAccount({ targets: [{ credentials: TEST_CREDENTIALS }], regions: [REGION], endpoint: moto.endpoint, maxAttempts: 1 });
});
after(() => moto?.stop());

/**
 * Two functions that call https://api.example.com from the orders VPC: Relay's subnet sends
 * 0.0.0.0/0 into the active peering connection, Caller's into one to a third VPC that was never
 * accepted.
 */
async function buildFunctionsBehindPeering(ec2: EC2Client): Promise<void> {
  const config = clientConfig({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  ids.archive = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.40.0.0/16' }))).Vpc?.VpcId ?? '';
  ids.subnetB = (await ec2.send(new CreateSubnetCommand({ VpcId: ids.orders, CidrBlock: '10.20.2.0/24', AvailabilityZone: `${REGION}b` }))).Subnet?.SubnetId ?? '';
  ids.pendingPeering = (await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: ids.orders, PeerVpcId: ids.archive }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
  const routeThrough = async (subnetId: string, peeringId: string) => {
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: ids.orders }))).RouteTable?.RouteTableId ?? '';
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', VpcPeeringConnectionId: peeringId }));
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: subnetId }));
  };
  await routeThrough(ids.subnet, ids.peering);
  await routeThrough(ids.subnetB, ids.pendingPeering);
  const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'fn', Description: 'functions', VpcId: ids.orders }))).GroupId ?? '';
  const iam = new IAMClient(config);
  const lambda = new LambdaClient(config);
  try {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'caller', AssumeRolePolicyDocument: trust }))).Role?.Arn ?? '';
    for (const [name, subnetId] of [['Relay', ids.subnet], ['Caller', ids.subnetB]] as const) {
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs22.x',
          Handler: 'i.h',
          Role: role,
          Code: { ZipFile: EMPTY_ZIP },
          VpcConfig: { SubnetIds: [subnetId], SecurityGroupIds: [sg] },
          Environment: { Variables: { API_URL: 'https://api.example.com/v1' } },
        }),
      );
    }
  } finally {
    iam.destroy();
    lambda.destroy();
  }
}

test('a VPC peering connection is an edge between its two VPCs, with their CIDRs and status', () => {
  const peering = snapshot.resources.vpcPeeringConnections.find((p) => p.id === ids.peering);
  assert.ok(peering, JSON.stringify(snapshot.resources.vpcPeeringConnections));
  assert.equal(peering.requesterVpcId, ids.orders);
  assert.equal(peering.accepterVpcId, ids.legacy);
  assert.equal(peering.status, 'active');
  assert.deepEqual(peering.requesterCidrs, ['10.20.0.0/16']);
  assert.deepEqual(peering.accepterCidrs, ['10.30.0.0/16']);
  // Both sides are this account (moto's default); a cross-account peer is named by these in findings.
  assert.equal(peering.requesterOwnerId, '123456789012');
  assert.equal(peering.accepterOwnerId, '123456789012');
});

test('a transit gateway attachment names its gateway, VPC and subnets', () => {
  const attachment = snapshot.resources.transitGatewayAttachments.find((a) => a.id === ids.attachment);
  assert.ok(attachment, JSON.stringify(snapshot.resources.transitGatewayAttachments));
  assert.equal(attachment.transitGatewayId, ids.tgw);
  assert.equal(attachment.vpcId, ids.orders);
  assert.deepEqual(attachment.subnetIds, [ids.subnet]);
});

test('a managed prefix list comes with its CIDRs; nothing could not be read', () => {
  const office = snapshot.resources.prefixLists.find((p) => p.id === ids.prefixList);
  assert.ok(office, JSON.stringify(snapshot.resources.prefixLists.map((p) => p.prefixListName)));
  assert.equal(office.prefixListName, 'office');
  assert.equal(office.entriesKnown, true);
  assert.deepEqual([...office.cidrs].sort(), ['198.51.100.0/24', '203.0.113.0/24']);
  assert.deepEqual(snapshot.gaps, []);
});

test('analysis of the scan: a default route into the peering connection pending acceptance is broken, naming it and its state', () => {
  const pending = snapshot.resources.vpcPeeringConnections.find((p) => p.id === ids.pendingPeering);
  assert.equal(pending?.status, 'pending-acceptance');
  const findings = analyze(snapshot);
  const blackholes = findings.filter((f) => f.code === 'route-blackhole');
  assert.equal(blackholes.length, 1, JSON.stringify(blackholes));
  assert.match(blackholes[0]?.message ?? '', new RegExp(`sends 0\\.0\\.0\\.0/0 to ${ids.pendingPeering}, which is a peering connection to ${ids.archive} in state pending-acceptance .* Caller \\(the internet\\)\\. Fix: accept ${ids.pendingPeering}`));
  const noInternet = findings.filter((f) => f.code === 'lambda-vpc-no-internet');
  // Relay's default route goes into the active peering connection: no internet either (next test).
  assert.deepEqual(noInternet.map((f) => f.resource.id).sort(), ['Caller', 'Relay']);
});

test('analysis of the scan: a default route into the active peering connection gives no internet (no edge-to-edge routing), naming the peer VPC', () => {
  const relay = analyze(snapshot).filter((f) => f.resource.id === 'Relay' && ['route-blackhole', 'lambda-vpc-no-internet', 'unverifiable-path'].includes(f.code));
  assert.deepEqual(relay.map((f) => f.code), ['lambda-vpc-no-internet']);
  assert.match(relay[0]?.message ?? '', new RegExp(`0\\.0\\.0\\.0/0 to peering connection ${ids.peering} \\(route table [^)]+\\), and a peering connection never carries traffic on to ${ids.legacy}'s internet or NAT gateway`));
});
