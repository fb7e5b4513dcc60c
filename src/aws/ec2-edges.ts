// The EC2 reads beyond a VPC's own parts: managed prefix lists with their CIDRs (what a
// `pl-…` route or security-group rule covers), and the outward edges of a VPC — peering
// connections and transit gateway attachments. Prefix-list entries take one call per list
// (GetManagedPrefixListEntries; no list call carries them), which is a handful per region.
import {
  type EC2Client,
  paginateDescribeManagedPrefixLists,
  paginateDescribeTransitGatewayVpcAttachments,
  paginateDescribeVpcPeeringConnections,
  paginateGetManagedPrefixListEntries,
  type ManagedPrefixList,
  type TransitGatewayVpcAttachment,
  type VpcPeeringConnection as SdkPeering,
} from '@aws-sdk/client-ec2';
import type { PrefixList, TransitGatewayAttachment, VpcPeeringConnection } from '../model/snapshot';
import { tagged, type Scope } from './ec2-shapes';
import { collectPages } from './paging';
import type { ScanContext } from './scan-context';

const PAGE_SIZE = 100;

/** A side's IPv4 CIDRs: the whole set where the API gives it, else the primary block alone. */
function cidrsOf(info: { CidrBlock?: string; CidrBlockSet?: { CidrBlock?: string }[] } | undefined): string[] {
  const set = (info?.CidrBlockSet ?? []).map((b) => b.CidrBlock).filter((c): c is string => Boolean(c));
  return set.length > 0 ? set : info?.CidrBlock ? [info.CidrBlock] : [];
}

export function toVpcPeeringConnection(peering: SdkPeering, scope: Scope): VpcPeeringConnection {
  return {
    id: peering.VpcPeeringConnectionId ?? '',
    ...scope,
    ...tagged(peering.Tags),
    requesterVpcId: peering.RequesterVpcInfo?.VpcId ?? '',
    accepterVpcId: peering.AccepterVpcInfo?.VpcId ?? '',
    requesterCidrs: cidrsOf(peering.RequesterVpcInfo),
    accepterCidrs: cidrsOf(peering.AccepterVpcInfo),
    ...(peering.RequesterVpcInfo?.OwnerId ? { requesterOwnerId: peering.RequesterVpcInfo.OwnerId } : {}),
    ...(peering.AccepterVpcInfo?.OwnerId ? { accepterOwnerId: peering.AccepterVpcInfo.OwnerId } : {}),
    status: peering.Status?.Code ?? 'unknown',
  };
}

export function toTransitGatewayAttachment(attachment: TransitGatewayVpcAttachment, scope: Scope): TransitGatewayAttachment {
  return {
    id: attachment.TransitGatewayAttachmentId ?? '',
    ...scope,
    ...tagged(attachment.Tags),
    transitGatewayId: attachment.TransitGatewayId ?? '',
    vpcId: attachment.VpcId ?? '',
    subnetIds: attachment.SubnetIds ?? [],
    state: attachment.State ?? 'unknown',
  };
}

async function toPrefixList(client: EC2Client, ctx: ScanContext, list: ManagedPrefixList, scope: Scope): Promise<PrefixList> {
  const id = list.PrefixListId ?? '';
  const entries = await collectPages(
    paginateGetManagedPrefixListEntries({ client, pageSize: PAGE_SIZE }, { PrefixListId: id }, ctx.sendOptions),
    (page) => page.Entries,
  ).catch((error: unknown) => {
    if (ctx.signal.aborted) throw error;
    // The list is still known to exist; its reach is unknown, never "empty".
    ctx.gap('ec2', scope.region, error, `the entries of prefix list ${id}`);
    return undefined;
  });
  return {
    id,
    ...scope,
    ...tagged(list.Tags),
    prefixListName: list.PrefixListName ?? id,
    addressFamily: list.AddressFamily === 'IPv6' ? 'IPv6' : 'IPv4',
    cidrs: (entries ?? []).map((e) => e.Cidr).filter((c): c is string => Boolean(c)),
    entriesKnown: entries !== undefined,
  };
}

export interface Ec2EdgeLists {
  prefixLists: Promise<PrefixList[]>;
  vpcPeeringConnections: Promise<VpcPeeringConnection[]>;
  transitGatewayAttachments: Promise<TransitGatewayAttachment[]>;
}

/** The three reads as separate promises, so the EC2 collector can keep each list's failure to itself. */
export function readEc2Edges(client: EC2Client, ctx: ScanContext, scope: Scope): Ec2EdgeLists {
  const paging = { client, pageSize: PAGE_SIZE };
  return {
    prefixLists: collectPages(paginateDescribeManagedPrefixLists(paging, {}, ctx.sendOptions), (p) => p.PrefixLists).then((lists) =>
      Promise.all(lists.map((list) => toPrefixList(client, ctx, list, scope))),
    ),
    vpcPeeringConnections: collectPages(paginateDescribeVpcPeeringConnections({ client, pageSize: 1000 }, {}, ctx.sendOptions), (p) => p.VpcPeeringConnections).then(
      (list) => list.map((p) => toVpcPeeringConnection(p, scope)),
    ),
    transitGatewayAttachments: collectPages(paginateDescribeTransitGatewayVpcAttachments({ client, pageSize: 1000 }, {}, ctx.sendOptions), (p) => p.TransitGatewayVpcAttachments).then(
      (list) => list.map((a) => toTransitGatewayAttachment(a, scope)),
    ),
  };
}
