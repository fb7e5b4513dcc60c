// Which route a packet from a subnet takes.
// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html (explicit association, else main)
// https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html (longest prefix; static beats propagated)
import type { Route, RouteTable, Subnet } from '../model/snapshot';
import { blockContains, parseBlock, type IpBlock } from './ip-space';
import type { SnapshotIndex } from './snapshot-index';

export type RouteTargetKind =
  | 'local'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'vpc-endpoint'
  | 'vpc-peering'
  | 'transit-gateway'
  | 'virtual-private-gateway'
  | 'network-interface'
  | 'instance'
  | 'other';

const TARGET_PREFIXES: readonly (readonly [string, RouteTargetKind])[] = [
  ['igw-', 'internet-gateway'],
  ['eigw-', 'egress-only-internet-gateway'],
  ['nat-', 'nat-gateway'],
  ['vpce-', 'vpc-endpoint'],
  ['pcx-', 'vpc-peering'],
  ['tgw-', 'transit-gateway'],
  ['vgw-', 'virtual-private-gateway'],
  ['eni-', 'network-interface'],
  ['i-', 'instance'],
];

/** A route's target kind from its id prefix, as the EC2 API names them. */
export function routeTargetKind(target: string): RouteTargetKind {
  if (target === 'local') return 'local';
  return TARGET_PREFIXES.find(([prefix]) => target.startsWith(prefix))?.[1] ?? 'other';
}

/** The table a subnet uses: its explicit association, else its VPC's main table; undefined when the snapshot holds neither. */
export function routeTableOf(index: SnapshotIndex, subnet: Subnet): RouteTable | undefined {
  return index.explicitRouteTableBySubnet.get(subnet.id) ?? index.mainRouteTableByVpc.get(subnet.vpcId);
}

/**
 * On equal prefix length: a static route (or the table's own local route) beats a prefix-list
 * route, which beats a propagated one.
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
 */
function tieRank(route: Route): number {
  if (route.destinationPrefixListId !== undefined && route.destinationCidr === undefined && route.destinationIpv6Cidr === undefined) return 1;
  return route.origin === 'propagated' ? 2 : 0;
}

/** The CIDRs in a managed prefix list, when known; undefined when the snapshot does not say. */
export type PrefixListResolver = (prefixListId: string) => readonly string[] | undefined;

interface ParsedRoute {
  readonly route: Route;
  readonly blocks: readonly IpBlock[];
  readonly rank: number;
}

// Parsed once per table: a large account asks the same tables again for every function.
const parsedTables = new WeakMap<RouteTable, readonly ParsedRoute[]>();

function parsedRoutes(routeTable: RouteTable): readonly ParsedRoute[] {
  let parsed = parsedTables.get(routeTable);
  if (!parsed) {
    parsed = routeTable.routes.map((route) => {
      const blocks = [route.destinationCidr, route.destinationIpv6Cidr].flatMap((text) => {
        const block = text === undefined ? undefined : parseBlock(text);
        return block ? [block] : [];
      });
      return { route, blocks, rank: tieRank(route) };
    });
    parsedTables.set(routeTable, parsed);
  }
  return parsed;
}

/**
 * The route that carries traffic to every address of `destination` (a CIDR or an address):
 * the most specific route whose destination contains it, IPv4 and IPv6 looked up separately.
 * Blackhole routes are returned too — they win the lookup and then drop the packet. A
 * prefix-list route (pl-…) takes part only when `prefixLists` knows the list's CIDRs (the
 * snapshot index's resolver, from the scanned lists); an unknown list could hold anything, and
 * AWS-managed lists only cover specific service ranges.
 */
export function routeFor(routeTable: RouteTable, destination: string | IpBlock, prefixLists?: PrefixListResolver): Route | undefined {
  const wanted = typeof destination === 'string' ? parseBlock(destination) : destination;
  if (!wanted) return undefined;
  let best: { route: Route; prefixLength: number; rank: number } | undefined;
  const consider = (route: Route, block: IpBlock, rank: number): void => {
    if (!blockContains(block, wanted)) return;
    const better = !best || block.prefixLength > best.prefixLength || (block.prefixLength === best.prefixLength && rank < best.rank);
    if (better) best = { route, prefixLength: block.prefixLength, rank };
  };
  for (const { route, blocks, rank } of parsedRoutes(routeTable)) {
    for (const block of blocks) consider(route, block, rank);
    if (prefixLists && route.destinationPrefixListId !== undefined && blocks.length === 0) {
      for (const text of prefixLists(route.destinationPrefixListId) ?? []) {
        const block = parseBlock(text);
        if (block) consider(route, block, rank);
      }
    }
  }
  return best?.route;
}

// Per resolver (one per snapshot index), per table: the default route is asked for every subnet and function.
const NO_LISTS = {};
const defaultRoutes = new WeakMap<PrefixListResolver | typeof NO_LISTS, WeakMap<RouteTable, { route: Route | undefined }>>();

/** Where IPv4 traffic to the internet goes: the route covering 0.0.0.0/0 (a prefix list holding 0.0.0.0/0 counts when `prefixLists` knows it). */
export function defaultIpv4Route(routeTable: RouteTable, prefixLists?: PrefixListResolver): Route | undefined {
  const key = prefixLists ?? NO_LISTS;
  let byTable = defaultRoutes.get(key);
  if (!byTable) {
    byTable = new WeakMap();
    defaultRoutes.set(key, byTable);
  }
  let found = byTable.get(routeTable);
  if (!found) {
    found = { route: routeFor(routeTable, '0.0.0.0/0', prefixLists) };
    byTable.set(routeTable, found);
  }
  return found.route;
}

export function defaultIpv6Route(routeTable: RouteTable, prefixLists?: PrefixListResolver): Route | undefined {
  return routeFor(routeTable, '::/0', prefixLists);
}

/**
 * "Public subnet" in AWS's sense: its table sends 0.0.0.0/0 to an internet gateway attached to
 * its VPC (https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html).
 */
export function isPublicSubnet(index: SnapshotIndex, subnet: Subnet): boolean {
  const routeTable = routeTableOf(index, subnet);
  const route = routeTable && defaultIpv4Route(routeTable, index.prefixListCidrs);
  if (!route || route.state !== 'active' || routeTargetKind(route.target) !== 'internet-gateway') return false;
  return index.internetGateways.get(route.target)?.attachedVpcIds.includes(subnet.vpcId) ?? false;
}
