// From one subnet, with one set of security groups: the path to the internet and to each AWS
// API, decided in order — routes first (NAT chain, VPC endpoint, gateway endpoint), then the
// filters on the chosen path (security groups, NACLs). An interface endpoint with private DNS in
// effect owns the service's name for the whole VPC, so its path is the only one: a NAT route
// does not help a call its security group blocks.
// https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html (private DNS)
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html
import type { Hop } from '../model/finding';
import type { Subnet, VpcEndpoint } from '../model/snapshot';
import { checkFlow, combineFlows, type FlowBlock, type FlowSource, type FlowVerdict } from './flows';
import { hop } from './hops';
import { memo } from './memo';
import { parseBlock, type IpBlock } from './ip-space';
import { GATEWAY_ENDPOINT_SERVICES } from './aws-services';
import { HTTPS } from './ports';
import { routeTableOf } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { lambdaSubnetIpv4Egress, type BrokenEgress } from './subnet-egress';
import { endpointReach, type UnusableEndpoint } from './vpc-endpoints';

export type PathVerdict =
  | { readonly status: 'ok'; readonly via: string; readonly hops: readonly Hop[] }
  /** No route out: the cause is a routing fact (public subnet, no NAT, blackhole, broken NAT). */
  | { readonly status: 'broken'; readonly egress: BrokenEgress; readonly hops: readonly Hop[]; readonly unusable: readonly UnusableEndpoint[] }
  /** The route exists but a security group or NACL on it drops the connection. */
  | { readonly status: 'blocked'; readonly via: string; readonly blocks: readonly FlowBlock[]; readonly hops: readonly Hop[] }
  | { readonly status: 'unknown'; readonly why: string };

const pathCache = new WeakMap<SnapshotIndex, Map<string, PathVerdict>>();
const groupKeys = memo<readonly string[], string>();

/** The function's security groups as one key, in any order (the array is the function's own, so this is computed once per function). */
export function groupKey(index: SnapshotIndex, ids: readonly string[]): string {
  return groupKeys(index, ids, '', () => [...ids].sort().join(','));
}

function cached(index: SnapshotIndex, key: string, compute: () => PathVerdict): PathVerdict {
  let byKey = pathCache.get(index);
  if (!byKey) {
    byKey = new Map();
    pathCache.set(index, byKey);
  }
  let verdict = byKey.get(key);
  if (!verdict) {
    verdict = compute();
    byKey.set(key, verdict);
  }
  return verdict;
}

function withFlow(flow: FlowVerdict, via: string, hops: readonly Hop[]): PathVerdict {
  if (flow.status === 'allow') return { status: 'ok', via, hops };
  if (flow.status === 'unknown') return { status: 'unknown', why: flow.why };
  return { status: 'blocked', via, blocks: flow.blocks, hops: [...hops, ...flow.blocks.map((b) => b.hop)] };
}

/** Prefix lists that gateway endpoints of other services route to: known not to hold `service`'s addresses. */
function unrelatedPrefixLists(index: SnapshotIndex, subnet: Subnet, prefixListId: string | undefined): Set<string> {
  const table = routeTableOf(index, subnet);
  const lists = new Set<string>();
  for (const route of table?.routes ?? []) {
    if (route.destinationPrefixListId !== undefined && route.destinationPrefixListId !== prefixListId && route.target.startsWith('vpce-')) {
      lists.add(route.destinationPrefixListId);
    }
  }
  return lists;
}

/** IPv4 internet through the subnet's NAT path, then the filters on it (TCP 443). */
export function natPathFrom(index: SnapshotIndex, source: FlowSource): PathVerdict {
  const key = `nat|${source.subnet.id}|${groupKey(index, source.securityGroupIds)}`;
  return cached(index, key, () => {
    const egress = lambdaSubnetIpv4Egress(index, source.subnet.id);
    if (egress.kind === 'unknown') return { status: 'unknown', why: egress.why };
    if (egress.kind !== 'nat') return { status: 'broken', egress, hops: egress.hops, unusable: [] };
    const natSubnet = index.subnets.get(egress.nat.subnetId);
    const flow = checkFlow(index, source, { kind: 'public', label: 'the internet', natSubnet, unrelatedPrefixListIds: unrelatedPrefixLists(index, source.subnet, undefined) }, HTTPS);
    return withFlow(flow, egress.nat.id, egress.hops);
  });
}

/** The endpoint's ENI addresses in one of its subnets, else that subnet's range. */
function endpointBlocks(index: SnapshotIndex, endpoint: VpcEndpoint, subnet: Subnet): IpBlock[] {
  const addresses = index.snapshot.resources.networkInterfaces
    .filter((e) => e.subnetId === subnet.id && e.interfaceType === 'vpc_endpoint' && e.description.includes(endpoint.id) && e.privateIpAddress)
    .flatMap((e) => {
      const block = parseBlock(e.privateIpAddress ?? '');
      return block ? [block] : [];
    });
  if (addresses.length > 0) return addresses;
  const block = parseBlock(subnet.cidrBlock);
  return block ? [block] : [];
}

/** An interface endpoint with no groups of its own uses the VPC's default security group. */
function endpointGroups(index: SnapshotIndex, endpoint: VpcEndpoint): readonly string[] {
  if (endpoint.securityGroupIds.length > 0) return endpoint.securityGroupIds;
  const fallback = index.snapshot.resources.securityGroups.find((g) => g.vpcId === endpoint.vpcId && g.groupName === 'default');
  return fallback ? [fallback.id] : [];
}

/**
 * TCP 443 to every ENI of an interface endpoint: with private DNS the name resolves to all of
 * them, so one blocked ENI fails the calls that land there.
 */
function interfaceEndpointFlow(index: SnapshotIndex, source: FlowSource, endpoint: VpcEndpoint): FlowVerdict {
  if (endpoint.subnetIds.length === 0) return { status: 'unknown', why: `endpoint ${endpoint.id} lists no subnets` };
  const groups = endpointGroups(index, endpoint);
  if (groups.length === 0) return { status: 'unknown', why: `the security groups of endpoint ${endpoint.id} are not in the snapshot` };
  return combineFlows(
    endpoint.subnetIds.map((subnetId): FlowVerdict => {
      const subnet = index.subnets.get(subnetId);
      if (!subnet) return { status: 'unknown', why: `subnet ${subnetId} of endpoint ${endpoint.id} is not in the snapshot` };
      // One label for all its ENIs: they share the endpoint's groups, and NACL sentences add the subnet's range.
      const label = `endpoint ${endpoint.id}`;
      return checkFlow(index, source, { kind: 'eni', label, subnet, blocks: endpointBlocks(index, endpoint, subnet), securityGroupIds: groups }, HTTPS);
    }),
  );
}

function gatewayPrefixList(index: SnapshotIndex, subnet: Subnet, endpoint: VpcEndpoint): string | undefined {
  return routeTableOf(index, subnet)?.routes.find((r) => r.target === endpoint.id && r.destinationPrefixListId !== undefined)?.destinationPrefixListId;
}

/**
 * The path to an AWS service's API in `region`: a usable endpoint of the VPC when the calls stay
 * in the function's region, else the NAT path. Endpoints serve only their own region.
 */
export function awsApiPathFrom(index: SnapshotIndex, source: FlowSource, functionRegion: string, service: string, region: string): PathVerdict {
  const key = `api|${source.subnet.id}|${groupKey(index, source.securityGroupIds)}|${service}|${region}`;
  return cached(index, key, () => {
    if (region !== functionRegion) return natPathFrom(index, source);
    const reach = endpointReach(index, source.subnet, routeTableOf(index, source.subnet), region, service);
    const usable = reach.usable;
    if (usable) {
      const hops = [hop('subnet', source.subnet.id, true), ...usable.hops];
      const endpoint = usable.endpoint;
      if (endpoint.type === 'Interface') return withFlow(interfaceEndpointFlow(index, source, endpoint), endpoint.id, hops);
      const prefixListId = gatewayPrefixList(index, source.subnet, endpoint);
      const label = prefixListId ? `the ${service} prefix list ${prefixListId}` : `the ${service} addresses`;
      const flow = checkFlow(
        index,
        source,
        { kind: 'public', label, ...(prefixListId ? { prefixListId } : {}), unrelatedPrefixListIds: unrelatedPrefixLists(index, source.subnet, prefixListId) },
        HTTPS,
      );
      return withFlow(flow, endpoint.id, hops);
    }
    // A gateway endpoint that was deleted leaves its prefix-list route behind as a blackhole, which
    // still wins the lookup for that service's addresses: whose list it was, the snapshot cannot say.
    const orphan = GATEWAY_ENDPOINT_SERVICES.has(service)
      ? routeTableOf(index, source.subnet)?.routes.find((r) => r.state === 'blackhole' && r.destinationPrefixListId !== undefined && r.target.startsWith('vpce-'))
      : undefined;
    if (orphan) return { status: 'unknown', why: `a blackhole route to prefix list ${orphan.destinationPrefixListId ?? ''} (deleted endpoint ${orphan.target}) may take these calls` };
    const nat = natPathFrom(index, source);
    return nat.status === 'broken' ? { ...nat, unusable: reach.unusable } : nat;
  });
}
