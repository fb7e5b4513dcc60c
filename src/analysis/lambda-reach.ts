// Per subnet of a VPC function: can it reach an AWS service / the internet, and if not, why.
// Lambda spreads execution environments over all the function's subnets, so one broken subnet
// means some invocations fail: "intermittently".
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html
import type { Hop } from '../model/finding';
import { hop } from './hops';
import { mayLeaveOverIpv6, type VpcAttachedFunction } from './lambda-vpc';
import { routeTableOf } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { describeBrokenEgress, groupBrokenEgress, lambdaSubnetIpv4Egress, type BrokenEgress } from './subnet-egress';
import { endpointReach, type UnusableEndpoint } from './vpc-endpoints';
import { labelled, listCapped, listWords, plural } from './wording';

export type SubnetVerdict =
  | { readonly status: 'ok'; readonly subnetId: string; readonly via: string; readonly hops: readonly Hop[] }
  | { readonly status: 'broken'; readonly subnetId: string; readonly egress: BrokenEgress; readonly hops: readonly Hop[] }
  | { readonly status: 'unknown'; readonly subnetId: string; readonly why: string };

export interface ReachResult {
  readonly verdicts: readonly SubnetVerdict[];
  /** Endpoints for the service that exist in the VPC but serve none of the broken subnets. */
  readonly unusableEndpoints: readonly UnusableEndpoint[];
}

function internetVerdict(index: SnapshotIndex, fn: VpcAttachedFunction, subnetId: string): SubnetVerdict {
  const subnet = index.subnets.get(subnetId);
  if (subnet && mayLeaveOverIpv6(index, fn, subnet)) return { status: 'unknown', subnetId, why: 'it may leave over IPv6' };
  const egress = lambdaSubnetIpv4Egress(index, subnetId);
  if (egress.kind === 'unknown') return { status: 'unknown', subnetId, why: egress.why };
  if (egress.kind === 'nat') return { status: 'ok', subnetId, via: egress.nat.id, hops: egress.hops };
  return { status: 'broken', subnetId, egress, hops: egress.hops };
}

/** Internet reach (IPv4, through a NAT gateway) from each of the function's subnets. */
export function internetReach(index: SnapshotIndex, fn: VpcAttachedFunction): ReachResult {
  return { verdicts: fn.vpcConfig.subnetIds.map((id) => internetVerdict(index, fn, id)), unusableEndpoints: [] };
}

/** Reach to an AWS service's API from each subnet: a usable VPC endpoint, else the NAT path. */
export function awsServiceReach(index: SnapshotIndex, fn: VpcAttachedFunction, service: string): ReachResult {
  const unusable = new Map<string, UnusableEndpoint>();
  const verdicts = fn.vpcConfig.subnetIds.map((subnetId): SubnetVerdict => {
    const subnet = index.subnets.get(subnetId);
    if (subnet) {
      // With private DNS the endpoint takes the service's name, so it wins over any NAT route.
      const reach = endpointReach(index, subnet, routeTableOf(index, subnet), fn.region, service);
      if (reach.usable) return { status: 'ok', subnetId, via: reach.usable.endpoint.id, hops: [hop('subnet', subnetId, true), ...reach.usable.hops] };
      const verdict = internetVerdict(index, fn, subnetId);
      if (verdict.status === 'broken') for (const u of reach.unusable) unusable.set(u.endpoint.id, u);
      return verdict;
    }
    return internetVerdict(index, fn, subnetId);
  });
  return { verdicts, unusableEndpoints: [...unusable.values()] };
}

export function brokenVerdicts(result: ReachResult): Extract<SubnetVerdict, { status: 'broken' }>[] {
  return result.verdicts.filter((v): v is Extract<SubnetVerdict, { status: 'broken' }> => v.status === 'broken');
}

export function subnetLabel(index: SnapshotIndex, subnetId: string): string {
  return labelled(subnetId, index.subnets.get(subnetId)?.name);
}

/** The parts every "cannot reach" message shares, worded for the subnets involved. */
export interface ReachSummary {
  readonly intermittent: boolean;
  /** "its subnets a and b route 0.0.0.0/0 to …; and its subnet c has no 0.0.0.0/0 route at all". */
  readonly causes: string;
  /** "c and d (through nat-1)" for the subnets that work, or "". */
  readonly working: string;
  /** " (e could not be checked: …)" or "". */
  readonly unchecked: string;
  readonly brokenSubnetIds: readonly string[];
}

export function summarizeReach(index: SnapshotIndex, result: ReachResult): ReachSummary {
  const broken = brokenVerdicts(result);
  const ok = result.verdicts.filter((v) => v.status === 'ok');
  const unknown = result.verdicts.filter((v): v is Extract<SubnetVerdict, { status: 'unknown' }> => v.status === 'unknown');
  const causes = groupBrokenEgress(broken.map((v) => v.egress)).map((group) => {
    const labels = group.map((e) => labelled(e.subnet.id, e.subnet.name));
    return `its ${plural(labels.length, 'subnet', 'subnets')} ${listWords(labels)} ${describeBrokenEgress(group)}`;
  });
  const vias = [...new Set(ok.map((v) => v.via))];
  const working = ok.length === 0 ? '' : `${listCapped(ok, (v) => subnetLabel(index, v.subnetId))} (through ${listWords(vias)})`;
  const unchecked =
    unknown.length === 0
      ? ''
      : ` (${listWords(unknown.map((v) => `${subnetLabel(index, v.subnetId)} could not be checked: ${v.why}`))})`;
  return { intermittent: ok.length > 0, causes: causes.join('; and '), working, unchecked, brokenSubnetIds: broken.map((v) => v.subnetId) };
}

interface NatSubnets {
  readonly subnetIds: readonly string[];
  readonly natIds: readonly string[];
}

const natSubnetsCache = new WeakMap<SnapshotIndex, Map<string, NatSubnets>>();

/** Subnets of a VPC whose 0.0.0.0/0 goes through a working NAT gateway: where a function could move. */
export function natSubnetsInVpc(index: SnapshotIndex, vpcId: string): NatSubnets {
  let byVpc = natSubnetsCache.get(index);
  if (!byVpc) {
    byVpc = new Map();
    natSubnetsCache.set(index, byVpc);
  }
  let found = byVpc.get(vpcId);
  if (!found) {
    found = computeNatSubnets(index, vpcId);
    byVpc.set(vpcId, found);
  }
  return found;
}

function computeNatSubnets(index: SnapshotIndex, vpcId: string): NatSubnets {
  const subnetIds: string[] = [];
  const natIds = new Set<string>();
  for (const subnet of index.snapshot.resources.subnets) {
    if (subnet.vpcId !== vpcId) continue;
    const egress = lambdaSubnetIpv4Egress(index, subnet.id);
    if (egress.kind !== 'nat') continue;
    subnetIds.push(subnet.id);
    natIds.add(egress.nat.id);
  }
  return { subnetIds: subnetIds.sort(), natIds: [...natIds].sort() };
}

/**
 * "subnets a, b, c, d and 3 more, which route 0.0.0.0/0 through NAT gateway nat-1": the NAT
 * subnets the function does not use yet, or undefined when there are none.
 */
export function otherNatSubnets(index: SnapshotIndex, fn: VpcAttachedFunction, candidates: NatSubnets): string | undefined {
  const own = new Set(fn.vpcConfig.subnetIds);
  const shown: string[] = [];
  let count = 0;
  // Counted without building the full list: a large VPC has hundreds of such subnets.
  for (const id of candidates.subnetIds) {
    if (own.has(id)) continue;
    count += 1;
    if (shown.length < 4) shown.push(subnetLabel(index, id));
  }
  if (count === 0) return undefined;
  const list = count > shown.length ? `${shown.join(', ')} and ${count - shown.length} more` : listWords(shown);
  return `${plural(count, 'subnet', 'subnets')} ${list}, which ${plural(count, 'routes', 'route')} 0.0.0.0/0 through NAT gateway ${listWords(candidates.natIds)}`;
}

/** The NAT-side fix for a function whose broken subnets are `summary.brokenSubnetIds`. */
export function natFix(index: SnapshotIndex, fn: VpcAttachedFunction, result: ReachResult, summary: ReachSummary): string {
  const brokenLabels = listWords(summary.brokenSubnetIds.map((id) => subnetLabel(index, id)));
  if (summary.intermittent) return `remove ${brokenLabels} from its VpcConfig.SubnetIds (or give ${plural(summary.brokenSubnetIds.length, 'it', 'them')} a working NAT gateway route)`;
  const brokenNats = [...new Set(brokenVerdicts(result).flatMap((v) => (v.egress.kind === 'broken-nat' ? [v.egress.nat.id] : [])))];
  const vpcId = index.subnets.get(summary.brokenSubnetIds[0] ?? '')?.vpcId;
  const candidates: NatSubnets = vpcId ? natSubnetsInVpc(index, vpcId) : { subnetIds: [], natIds: [] };
  const others = otherNatSubnets(index, fn, candidates);
  if (others) return `move it to ${others}`;
  if (brokenNats.length > 0) return `repair NAT gateway ${listWords(brokenNats)} (see nat-gateway-no-internet)`;
  return `route 0.0.0.0/0 from ${brokenLabels} to a NAT gateway that sits in a public subnet`;
}
