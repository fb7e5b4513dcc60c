// The scanner's outward edges and prefix lists, read from a real moto_server: a peering
// connection between two VPCs, a transit gateway attachment, and a customer-managed prefix list
// with its CIDRs (AWS's own lists, e.g. com.amazonaws.<region>.s3, come along too).
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
  EC2Client,
} from '@aws-sdk/client-ec2';
import { clientConfig } from '../../src/aws/aws-target';
import { scanAccount } from '../../src/aws/scan';
import type { Snapshot } from '../../src/model/snapshot';
import { TEST_CREDENTIALS } from './fixtures/clients';
import { startMotoServer, type MotoServer } from './moto-server';

const REGION = 'ap-northeast-2';
let moto: MotoServer;
let snapshot: Snapshot;
const ids = { orders: '', legacy: '', subnet: '', peering: '', attachment: '', tgw: '', prefixList: '' };

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
  ec2.destroy();
  snapshot = await scanAccount({ targets: [{ credentials: TEST_CREDENTIALS }], regions: [REGION], endpoint: moto.endpoint, maxAttempts: 1 });
});
after(() => moto?.stop());

test('a VPC peering connection is an edge between its two VPCs, with their CIDRs and status', () => {
  const peering = snapshot.resources.vpcPeeringConnections.find((p) => p.id === ids.peering);
  assert.ok(peering, JSON.stringify(snapshot.resources.vpcPeeringConnections));
  assert.equal(peering.requesterVpcId, ids.orders);
  assert.equal(peering.accepterVpcId, ids.legacy);
  assert.equal(peering.status, 'active');
  assert.deepEqual(peering.requesterCidrs, ['10.20.0.0/16']);
  assert.deepEqual(peering.accepterCidrs, ['10.30.0.0/16']);
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
