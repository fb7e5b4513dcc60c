// Per subnet of a VPC function: can it reach an AWS service / the internet, and if not, why.
// Lambda spreads execution environments over all the function's subnets, so one broken subnet
// means some invocations fail: "intermittently".
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html
import type { FindingFix } from '../model/finding';
import type { LambdaFunction } from '../model/snapshot';
import type { FlowSource } from './flows';
import { memo } from './memo';
import { ipv6EgressGateway, type VpcAttachedFunction } from './lambda-vpc';
import type { SnapshotIndex } from './snapshot-index';
import { describeBrokenEgress, groupBrokenEgress, lambdaSubnetIpv4Egress, natGatewayInternetPath } from './subnet-egress';
import { awsApiPathFrom, groupKey, natPathFrom, type PathVerdict } from './subnet-paths';
import type { UnusableEndpoint } from './vpc-endpoints';
import { labelled, listCapped, listWords, plural } from './wording';

export type SubnetVerdict = PathVerdict & { readonly subnetId: string };

export interface ReachResult {
  readonly verdicts: readonly SubnetVerdict[];
  /** Endpoints for the service that exist in the VPC but serve none of the broken subnets. */
  readonly unusableEndpoints: readonly UnusableEndpoint[];
}

/** Where the function's ENI in a subnet sends from: the subnet and the function's security groups. */
export function flowSource(index: SnapshotIndex, fn: LambdaFunction, subnetId: string): FlowSource | undefined {
  const subnet = index.subnets.get(subnetId);
  return subnet && { subnet, securityGroupIds: fn.vpcConfig?.securityGroupIds ?? [] };
}

/** A path that fails over IPv4 may still work over IPv6 for a dual-stack function: then we cannot say. */
function orIpv6(index: SnapshotIndex, fn: VpcAttachedFunction, source: FlowSource, verdict: PathVerdict, caveat: string): PathVerdict {
  if (verdict.status !== 'broken' && verdict.status !== 'blocked') return verdict;
  const gateway = ipv6EgressGateway(index, fn, source.subnet);
  if (gateway === undefined) return verdict;
  return { status: 'unknown', why: `it can leave only over IPv6 (::/0 → ${gateway}), which ${caveat}` };
}

function reach(index: SnapshotIndex, fn: VpcAttachedFunction, path: (source: FlowSource) => PathVerdict, caveat: string): ReachResult {
  const unusable = new Map<string, UnusableEndpoint>();
  const verdicts = fn.vpcConfig.subnetIds.map((subnetId): SubnetVerdict => {
    const source = flowSource(index, fn, subnetId);
    if (!source) return { status: 'unknown', subnetId, why: `subnet ${subnetId} is not in the snapshot` };
    const verdict = orIpv6(index, fn, source, path(source), caveat);
    if (verdict.status === 'broken') for (const u of verdict.unusable) unusable.set(u.endpoint.id, u);
    return { ...verdict, subnetId };
  });
  return { verdicts, unusableEndpoints: [...unusable.values()] };
}

const reachMemo = memo<LambdaFunction, ReachResult>();
const configKeys = memo<LambdaFunction, string>();
// Placement key → what ("internet", "api|sqs|region") → answer; nested so no long key is built per call.
const shared = new WeakMap<SnapshotIndex, Map<string, Map<string, ReachResult>>>();

/**
 * What a function's reach depends on: its subnets, its groups, whether it is dual-stack, its
 * region. Functions that share these (most of a large account does) share the answers.
 */
export function placementKey(index: SnapshotIndex, fn: VpcAttachedFunction): string {
  return configKeys(index, fn, '', () => `${fn.vpcConfig.subnetIds.join(',')}|${groupKey(index, fn.vpcConfig.securityGroupIds)}|${fn.vpcConfig.ipv6AllowedForDualStack}|${fn.region}`);
}

function sharedReach(index: SnapshotIndex, fn: VpcAttachedFunction, what: string, compute: () => ReachResult): ReachResult {
  return reachMemo(index, fn, what, () => {
    let byPlacement = shared.get(index);
    if (!byPlacement) {
      byPlacement = new Map();
      shared.set(index, byPlacement);
    }
    const key = placementKey(index, fn);
    let byWhat = byPlacement.get(key);
    if (!byWhat) {
      byWhat = new Map();
      byPlacement.set(key, byWhat);
    }
    let result = byWhat.get(what);
    if (!result) {
      result = compute();
      byWhat.set(what, result);
    }
    return result;
  });
}

/** Internet reach (IPv4 through a NAT gateway, TCP 443) from each of the function's subnets. */
export function internetReach(index: SnapshotIndex, fn: VpcAttachedFunction): ReachResult {
  return sharedReach(index, fn, 'internet', () => reach(index, fn, (source) => natPathFrom(index, source), 'works only for destinations with an IPv6 address'));
}

/** Reach to an AWS service's API from each subnet: a usable VPC endpoint, else the NAT path. */
export function awsServiceReach(index: SnapshotIndex, fn: VpcAttachedFunction, service: string, region: string = fn.region): ReachResult {
  return sharedReach(index, fn, `api|${service}|${region}`, () =>
    reach(index, fn, (source) => awsApiPathFrom(index, source, fn.region, service, region), "works only if the SDK uses the service's dual-stack endpoint (AWS_USE_DUALSTACK_ENDPOINT)"),
  );
}

export type BrokenVerdict = Extract<SubnetVerdict, { status: 'broken' }>;
export type BlockedVerdict = Extract<SubnetVerdict, { status: 'blocked' }>;
export type UnknownVerdict = Extract<SubnetVerdict, { status: 'unknown' }>;

export function brokenVerdicts(result: ReachResult): BrokenVerdict[] {
  return result.verdicts.filter((v): v is BrokenVerdict => v.status === 'broken');
}

export function blockedVerdicts(result: ReachResult): BlockedVerdict[] {
  return result.verdicts.filter((v): v is BlockedVerdict => v.status === 'blocked');
}

export function unknownVerdicts(result: ReachResult): UnknownVerdict[] {
  return result.verdicts.filter((v): v is UnknownVerdict => v.status === 'unknown');
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
  const unknown = unknownVerdicts(result);
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

/** One subnet per Availability Zone, in id order: enough for a function to stay highly available, within Lambda's 16. */
export function onePerZone(index: SnapshotIndex, subnetIds: readonly string[]): string[] {
  const byZone = new Map<string, string>();
  for (const id of subnetIds) {
    const zone = index.subnets.get(id)?.availabilityZone ?? id;
    if (!byZone.has(zone)) byZone.set(zone, id);
  }
  return [...byZone.values()].slice(0, 16);
}

export interface SuggestedFix {
  readonly text: string;
  readonly fix?: FindingFix;
}

/** The NAT-side fix for a function whose broken subnets are `summary.brokenSubnetIds`. */
export function natFix(index: SnapshotIndex, fn: VpcAttachedFunction, result: ReachResult, summary: ReachSummary): SuggestedFix {
  const brokenLabels = listWords(summary.brokenSubnetIds.map((id) => subnetLabel(index, id)));
  if (summary.intermittent) {
    const broken = new Set(summary.brokenSubnetIds);
    return {
      text: `remove ${brokenLabels} from its VpcConfig.SubnetIds (or give ${plural(summary.brokenSubnetIds.length, 'it', 'them')} a working NAT gateway route)`,
      fix: { kind: 'move-to-subnets', functionId: fn.id, subnetIds: fn.vpcConfig.subnetIds.filter((id) => !broken.has(id)) },
    };
  }
  const brokenNats = [...new Set(brokenVerdicts(result).flatMap((v) => (v.egress.kind === 'broken-nat' ? [v.egress.nat.id] : [])))];
  const vpcId = index.subnets.get(summary.brokenSubnetIds[0] ?? '')?.vpcId;
  const candidates: NatSubnets = vpcId ? natSubnetsInVpc(index, vpcId) : { subnetIds: [], natIds: [] };
  const others = otherNatSubnets(index, fn, candidates);
  if (others) {
    const own = new Set(fn.vpcConfig.subnetIds);
    return { text: `move it to ${others}`, fix: { kind: 'move-to-subnets', functionId: fn.id, subnetIds: onePerZone(index, candidates.subnetIds.filter((id) => !own.has(id))) } };
  }
  if (brokenNats.length > 0) return { text: `repair NAT gateway ${listWords(brokenNats)} (see nat-gateway-no-internet)` };
  const tables = [...new Set(brokenVerdicts(result).map((v) => v.egress.routeTable.id))];
  const nat = vpcId === undefined ? undefined : workingNatGateway(index, vpcId);
  return {
    text: nat
      ? `route 0.0.0.0/0 from ${brokenLabels} to NAT gateway ${nat}, which reaches the internet`
      : `route 0.0.0.0/0 from ${brokenLabels} to a NAT gateway that sits in a public subnet`,
    fix: { kind: 'add-nat-route', routeTableIds: tables, destination: '0.0.0.0/0', ...(nat ? { natGatewayId: nat } : {}) },
  };
}

/** A NAT gateway of the VPC that does reach the internet (the lowest id), whether or not a route uses it yet. */
export function workingNatGateway(index: SnapshotIndex, vpcId: string): string | undefined {
  return index.snapshot.resources.natGateways
    .filter((n) => n.vpcId === vpcId && n.connectivity === 'public' && natGatewayInternetPath(index, n).status === 'ok')
    .map((n) => n.id)
    .sort()[0];
}
