// A route that leaves the VPC through a peering connection (pcx-…) or a transit gateway (tgw-…),
// judged from the scanned outward edges as far as they make it certain. What lies beyond (the
// peer's routes back, its filters, the transit gateway's route tables) is not in a snapshot, so a
// working-looking edge stays "unchecked" — but named, so the user knows where to look.
// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html (only active carries traffic; no transitive routing)
// https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html (an AZ without an attachment subnet cannot reach the TGW)
import type { Subnet, TransitGatewayAttachment, VpcPeeringConnection } from '../model/snapshot';
import { blockContains, formatBlock, parseBlock, type IpBlock } from './ip-space';
import { routeTargetKind } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

export type OutwardRoute =
  /** The edge carries nothing (peering not active, attachment not available or not in this AZ). `problem` completes "…, which …". */
  | { readonly status: 'dead'; readonly problem: string; readonly fix: string; readonly transitional: boolean }
  /** The edge works but cannot deliver to this address (the peer VPC does not hold it). */
  | { readonly status: 'misdirected'; readonly problem: string; readonly fix: string }
  /** `why` completes "it routes … to <target>, …". */
  | { readonly status: 'unchecked'; readonly why: string };

/** The far end of a peering connection, seen from `vpcId`; undefined when the connection does not touch that VPC. */
function farSide(pcx: VpcPeeringConnection, vpcId: string): { vpcId: string; cidrs: readonly string[]; ownerId?: string } | undefined {
  if (pcx.requesterVpcId === vpcId) return { vpcId: pcx.accepterVpcId, cidrs: pcx.accepterCidrs, ...(pcx.accepterOwnerId ? { ownerId: pcx.accepterOwnerId } : {}) };
  if (pcx.accepterVpcId === vpcId) return { vpcId: pcx.requesterVpcId, cidrs: pcx.requesterCidrs, ...(pcx.requesterOwnerId ? { ownerId: pcx.requesterOwnerId } : {}) };
  return undefined;
}

// pending-acceptance, initiating-request and provisioning end in active by themselves or by a click; the rest never will.
const TRANSITIONAL_PEERING = new Set(['pending-acceptance', 'initiating-request', 'provisioning']);
const TRANSITIONAL_ATTACHMENT = new Set(['pending', 'pendingAcceptance', 'initiating', 'initiatingRequest', 'modifying']);

function peeringRoute(from: Subnet, pcx: VpcPeeringConnection, target?: { block: IpBlock; vpcId: string }): OutwardRoute {
  const far = farSide(pcx, from.vpcId);
  if (!far) return { status: 'unchecked', why: `a peering connection between ${pcx.requesterVpcId} and ${pcx.accepterVpcId}, not ${from.vpcId}, which is not checked` };
  const peer = `${far.vpcId}${far.ownerId && far.ownerId !== from.accountId ? ` in account ${far.ownerId}` : ''}`;
  if (pcx.status !== 'active') {
    const transitional = TRANSITIONAL_PEERING.has(pcx.status);
    return {
      status: 'dead',
      transitional,
      problem: `is a peering connection to ${peer} in state ${pcx.status} (only an active peering connection carries traffic)`,
      fix: pcx.status === 'pending-acceptance' ? `accept ${pcx.id} in the account that owns ${far.vpcId}` : `point the route at an active peering connection to ${far.vpcId}, or delete it`,
    };
  }
  if (target) {
    const address = formatBlock(target.block);
    const blocks = far.cidrs.flatMap((c) => {
      const block = parseBlock(c);
      return block ? [block] : [];
    });
    // Peering is not transitive: the packet goes to the far VPC and only to addresses it holds.
    if (blocks.length > 0 && !blocks.some((b) => blockContains(b, target.block))) {
      return {
        status: 'misdirected',
        problem: `leads to ${peer} (${listWords([...far.cidrs])}), which does not hold ${address} — peering is not transitive`,
        fix: `route ${address} through a peering connection or transit gateway that reaches ${target.vpcId}`,
      };
    }
    if (far.vpcId !== target.vpcId) {
      return {
        status: 'misdirected',
        problem: `leads to ${peer}, not to ${target.vpcId} — peering is not transitive`,
        fix: `route ${address} through a peering connection or transit gateway that reaches ${target.vpcId}`,
      };
    }
  }
  return { status: 'unchecked', why: `an active peering connection to ${peer}, whose routes back and filters are not checked yet` };
}

function attachmentFor(index: SnapshotIndex, vpcId: string, transitGatewayId: string): TransitGatewayAttachment | undefined {
  const attachments = index.transitGatewayAttachmentsByVpc.get(vpcId) ?? [];
  // A VPC has at most one non-deleted attachment per transit gateway; a deleted one may linger in the listing.
  return attachments.find((a) => a.transitGatewayId === transitGatewayId && a.state !== 'deleted') ?? attachments.find((a) => a.transitGatewayId === transitGatewayId);
}

function deadAttachment(attachment: TransitGatewayAttachment, side: string): OutwardRoute | undefined {
  if (attachment.state === 'available') return undefined;
  return {
    status: 'dead',
    transitional: TRANSITIONAL_ATTACHMENT.has(attachment.state),
    problem: `is a transit gateway whose attachment ${attachment.id} of ${side} ${attachment.vpcId} is ${attachment.state} (only an available attachment carries traffic)`,
    fix: TRANSITIONAL_ATTACHMENT.has(attachment.state)
      ? `wait until ${attachment.id} is available, or accept it in the transit gateway's account`
      : `attach ${attachment.vpcId} to ${attachment.transitGatewayId} again, or route elsewhere`,
  };
}

function transitGatewayRoute(index: SnapshotIndex, from: Subnet, transitGatewayId: string, target?: { block: IpBlock; vpcId: string }): OutwardRoute {
  const own = attachmentFor(index, from.vpcId, transitGatewayId);
  if (!own) return { status: 'unchecked', why: `a transit gateway with no attachment of ${from.vpcId} in the snapshot, which is not checked` };
  const ownDead = deadAttachment(own, 'the VPC');
  if (ownDead) return ownDead;
  const zones = own.subnetIds.map((id) => index.subnets.get(id)?.availabilityZone);
  if (zones.length > 0 && zones.every((zone) => zone !== undefined) && !zones.includes(from.availabilityZone)) {
    return {
      status: 'dead',
      transitional: false,
      problem: `is a transit gateway whose attachment ${own.id} has no subnet in ${from.availabilityZone}, and traffic from an Availability Zone without one never reaches it`,
      fix: `add a subnet in ${from.availabilityZone} to ${own.id}`,
    };
  }
  if (target && target.vpcId !== from.vpcId) {
    const theirs = attachmentFor(index, target.vpcId, transitGatewayId);
    const theirsDead = theirs && deadAttachment(theirs, "the target's VPC");
    if (theirsDead) return theirsDead;
  }
  return { status: 'unchecked', why: `a transit gateway reached through attachment ${own.id} (available), whose route tables are not in the snapshot` };
}

/**
 * What a route from `from` to a peering connection or transit gateway does, as far as the snapshot
 * makes it certain; `target` is the address and VPC the packet is for (none for internet traffic).
 * Undefined for other targets, and for an edge the snapshot does not hold.
 */
export function outwardRoute(index: SnapshotIndex, from: Subnet, routeTarget: string, target?: { block: IpBlock; vpcId: string }): OutwardRoute | undefined {
  const kind = routeTargetKind(routeTarget);
  if (kind === 'vpc-peering') {
    const pcx = index.vpcPeeringConnections.get(routeTarget);
    return pcx && peeringRoute(from, pcx, target);
  }
  if (kind === 'transit-gateway') {
    // Attachments are only in snapshots that read them; with none at all there is nothing to judge by.
    if (index.snapshot.resources.transitGatewayAttachments.length === 0) return undefined;
    return transitGatewayRoute(index, from, routeTarget, target);
  }
  return undefined;
}
