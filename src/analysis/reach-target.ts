// Per subnet of a VPC function: can it open TCP to an in-VPC target (RDS, ElastiCache, an ENI
// by address)? In the same VPC the local route carries it — unless a more specific route sends it
// elsewhere first — and then the security groups and NACLs decide. A target in another VPC needs
// a route (peering, transit gateway); with none the packet is dropped.
// https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
import type { Hop } from '../model/finding';
import type { LambdaFunction, NetworkInterface, Route, RouteTable, Subnet } from '../model/snapshot';
import { checkFlow, type FlowBlock, type FlowSource } from './flows';
import { hop } from './hops';
import { blockContains, isPublicBlock, parseBlock, type IpBlock } from './ip-space';
import { flowSource, placementKey } from './lambda-reach';
import type { VpcAttachedFunction } from './lambda-vpc';
import { memo } from './memo';
import { outwardRoute, type OutwardRoute } from './outward-routes';
import { routeFor, routeTableOf, routeTargetKind } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { groupKey } from './subnet-paths';
import { resolveVpcTarget, type TargetResolution, type VpcTargetNeed } from './vpc-targets';

interface At {
  readonly subnetId: string;
  readonly eni: NetworkInterface;
}

type Dead = Extract<OutwardRoute, { status: 'dead' }>;
type Misdirected = Extract<OutwardRoute, { status: 'misdirected' }>;

export type TargetVerdict =
  | (At & { readonly status: 'ok'; readonly hops: readonly Hop[] })
  /** No route carries the address to the target's VPC; `misdirected` when one does go out, but to a peer that does not hold it. */
  | (At & { readonly status: 'no-route'; readonly routeTable: RouteTable; readonly misdirected?: { readonly route: Route } & Misdirected; readonly hops: readonly Hop[] })
  /** A blackhole route, or (`dead`) a route to a peering connection / transit gateway that carries nothing. */
  | (At & { readonly status: 'blackhole'; readonly routeTable: RouteTable; readonly route: Route; readonly dead?: Dead; readonly hops: readonly Hop[] })
  | (At & { readonly status: 'blocked'; readonly blocks: readonly FlowBlock[]; readonly hops: readonly Hop[] })
  | { readonly status: 'unknown'; readonly subnetId: string; readonly eni?: NetworkInterface; readonly why: string };

export interface TargetReach {
  readonly resolution: TargetResolution;
  readonly verdicts: readonly TargetVerdict[];
}

/** Where the target listens: its private address, else its whole subnet. */
function targetBlocks(eni: NetworkInterface, subnet: Subnet): IpBlock[] {
  const block = (eni.privateIpAddress && parseBlock(eni.privateIpAddress)) || parseBlock(subnet.cidrBlock);
  return block ? [block] : [];
}

function destinationOf(route: Route): string {
  return route.destinationCidr ?? route.destinationIpv6Cidr ?? route.destinationPrefixListId ?? '';
}

function prefixLength(route: Route): number {
  const block = parseBlock(route.destinationCidr ?? route.destinationIpv6Cidr ?? '');
  return block?.prefixLength ?? -1;
}

type RouteDecision =
  | { readonly kind: 'local'; readonly routeTable?: RouteTable }
  | { readonly kind: 'no-route'; readonly routeTable: RouteTable; readonly route?: Route; readonly misdirected?: Misdirected }
  | { readonly kind: 'blackhole'; readonly routeTable: RouteTable; readonly route: Route; readonly dead?: Dead }
  | { readonly kind: 'unknown'; readonly why: string };

/**
 * Every table has a local route for each VPC CIDR (a template's tables may not list it), so in
 * the same VPC only a route more specific than the VPC CIDR can take the traffic elsewhere.
 */
function routeToTarget(index: SnapshotIndex, from: Subnet, target: IpBlock, targetVpcId: string): RouteDecision {
  const routeTable = routeTableOf(index, from);
  const route = routeTable && routeFor(routeTable, target, index.prefixListCidrs);
  if (targetVpcId === from.vpcId) {
    const vpcBlocks = (index.vpcs.get(from.vpcId)?.cidrBlocks ?? []).flatMap((c) => {
      const block = parseBlock(c);
      return block ? [block] : [];
    });
    const containing = vpcBlocks.find((b) => blockContains(b, target));
    if (!route || route.target === 'local' || (containing && prefixLength(route) <= containing.prefixLength)) return { kind: 'local', ...(routeTable ? { routeTable } : {}) };
    if (route.state === 'blackhole' && routeTable) return { kind: 'blackhole', routeTable, route };
    return { kind: 'unknown', why: `${routeTable?.id ?? 'its route table'} sends it to ${route.target} before the local route, which is not checked yet` };
  }
  if (!routeTable) return { kind: 'unknown', why: `no route table of ${from.id} is in the snapshot` };
  if (!route) return { kind: 'no-route', routeTable };
  if (route.state === 'blackhole') return { kind: 'blackhole', routeTable, route };
  // A default route to a NAT or internet gateway does not carry private addresses to another VPC.
  const kind = routeTargetKind(route.target);
  if ((kind === 'nat-gateway' || kind === 'internet-gateway') && !isPublicBlock(target)) return { kind: 'no-route', routeTable, route };
  const outward = outwardRoute(index, from, route.target, { block: target, vpcId: targetVpcId });
  if (outward?.status === 'dead') return { kind: 'blackhole', routeTable, route, dead: outward };
  if (outward?.status === 'misdirected') return { kind: 'no-route', routeTable, route, misdirected: outward };
  if (outward?.status === 'unchecked') return { kind: 'unknown', why: `it routes to ${route.target}, ${outward.why}` };
  return { kind: 'unknown', why: `it routes to ${route.target} (${routeTargetKind(route.target)}), which is not checked yet` };
}

// Every function with the same subnet and groups gets the same answer for the same target.
const verdictMemo = memo<Subnet, TargetVerdict>();

function verdictFor(index: SnapshotIndex, fn: LambdaFunction, subnetId: string, eni: NetworkInterface, port: number): TargetVerdict {
  const source = flowSource(index, fn, subnetId);
  if (!source) return { status: 'unknown', subnetId, eni, why: `subnet ${subnetId} is not in the snapshot` };
  return verdictMemo(index, source.subnet, `${groupKey(index, source.securityGroupIds)}|${eni.id}|${port}`, () => computeVerdict(index, source, eni, port));
}

function computeVerdict(index: SnapshotIndex, source: FlowSource, eni: NetworkInterface, port: number): TargetVerdict {
  const subnetId = source.subnet.id;
  const targetSubnet = index.subnets.get(eni.subnetId);
  if (!targetSubnet) return { status: 'unknown', subnetId, eni, why: `subnet ${eni.subnetId} of ${eni.id} is not in the snapshot` };
  const blocks = targetBlocks(eni, targetSubnet);
  const first = blocks[0];
  if (!first) return { status: 'unknown', subnetId, eni, why: `the address of ${eni.id} is unknown` };
  const decision = routeToTarget(index, source.subnet, first, eni.vpcId);
  const subnetHop = hop('subnet', subnetId, true);
  if (decision.kind === 'unknown') return { status: 'unknown', subnetId, eni, why: decision.why };
  if (decision.kind === 'no-route') {
    const { route, misdirected } = decision;
    if (route && misdirected) {
      const hops = [subnetHop, hop('route-table', decision.routeTable.id, false, `${destinationOf(route)} → ${route.target}, which ${misdirected.problem}`)];
      return { status: 'no-route', subnetId, eni, routeTable: decision.routeTable, misdirected: { ...misdirected, route }, hops };
    }
    const hops = [subnetHop, hop('route-table', decision.routeTable.id, false, `no route to ${eni.privateIpAddress ?? eni.subnetId}`)];
    return { status: 'no-route', subnetId, eni, routeTable: decision.routeTable, hops };
  }
  if (decision.kind === 'blackhole') {
    const destination = destinationOf(decision.route);
    const why = decision.dead ? `, which ${decision.dead.problem}` : ' is a blackhole';
    const hops = [subnetHop, hop('route-table', decision.routeTable.id, false, `${destination} → ${decision.route.target}${why}`)];
    return { status: 'blackhole', subnetId, eni, routeTable: decision.routeTable, route: decision.route, ...(decision.dead ? { dead: decision.dead } : {}), hops };
  }
  const routeHops = decision.routeTable ? [hop('route-table', decision.routeTable.id, true, 'local route')] : [];
  const flow = checkFlow(index, source, { kind: 'eni', label: eni.id, subnet: targetSubnet, blocks, securityGroupIds: eni.securityGroupIds }, port);
  const hops = [subnetHop, ...routeHops];
  if (flow.status === 'unknown') return { status: 'unknown', subnetId, eni, why: flow.why };
  if (flow.status === 'blocked') return { status: 'blocked', subnetId, eni, blocks: flow.blocks, hops: [...hops, ...flow.blocks.map((b) => b.hop)] };
  return { status: 'ok', subnetId, eni, hops: [...hops, hop('network-interface', eni.id, true)] };
}

const targetMemo = memo<LambdaFunction, TargetReach>();
const sharedMemo = memo<SnapshotIndex, TargetReach>();

/** The verdict for every (subnet of the function, ENI of the target) pair; shared by functions placed alike that need the same target. */
export function targetReach(index: SnapshotIndex, fn: VpcAttachedFunction, need: VpcTargetNeed): TargetReach {
  return targetMemo(index, fn, need, () =>
    sharedMemo(index, index, `${placementKey(index, fn)}|${need.targetId ?? ''}|${need.host ?? ''}|${need.port}`, () => computeTargetReach(index, fn, need)),
  );
}

function computeTargetReach(index: SnapshotIndex, fn: LambdaFunction, need: VpcTargetNeed): TargetReach {
  const resolution = resolveVpcTarget(index, need);
  const subnetIds = fn.vpcConfig?.subnetIds ?? [];
  if (resolution.status === 'unknown') return { resolution, verdicts: subnetIds.map((subnetId) => ({ status: 'unknown', subnetId, why: resolution.why })) };
  const verdicts = subnetIds.flatMap((subnetId) => resolution.interfaces.map((eni) => verdictFor(index, fn, subnetId, eni, need.port)));
  return { resolution, verdicts };
}
