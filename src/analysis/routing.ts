// Which route a packet from a subnet takes.
// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html (explicit association, else main)
// https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html (longest prefix; static beats propagated)
import type { Route, RouteTable, Subnet } from '../model/snapshot';
import { cidrContains, parseCidr, type Cidr } from './cidr';
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

// On equal prefix length a static route (or the table's own local route) beats a propagated one.
function originRank(route: Route): number {
  return route.origin === 'propagated' ? 1 : 0;
}

interface ParsedRoute {
  readonly route: Route;
  readonly ipv4?: Cidr;
  readonly ipv6?: Cidr;
}

// Parsed once per table: a large account asks the same tables again for every function.
const parsedTables = new WeakMap<RouteTable, readonly ParsedRoute[]>();

function parsedRoutes(routeTable: RouteTable): readonly ParsedRoute[] {
  let parsed = parsedTables.get(routeTable);
  if (!parsed) {
    parsed = routeTable.routes.map((route) => ({
      route,
      ipv4: route.destinationCidr === undefined ? undefined : parseCidr(route.destinationCidr),
      ipv6: route.destinationIpv6Cidr === undefined ? undefined : parseCidr(route.destinationIpv6Cidr),
    }));
    parsedTables.set(routeTable, parsed);
  }
  return parsed;
}

/**
 * The route that carries traffic to every address of `destination` (a CIDR or an address):
 * the most specific route whose destination contains it. Blackhole routes are returned too —
 * they win the lookup and then drop the packet. Prefix-list routes (pl-…) are skipped: their
 * ranges are not in the snapshot, and they only ever cover specific AWS service ranges.
 */
export function routeFor(routeTable: RouteTable, destination: string): Route | undefined {
  const wanted = parseCidr(destination);
  if (!wanted) return undefined;
  let best: { route: Route; prefixLength: number } | undefined;
  for (const { route, ipv4, ipv6 } of parsedRoutes(routeTable)) {
    const cidr = wanted.family === 'ipv4' ? ipv4 : ipv6;
    if (!cidr || !cidrContains(cidr, wanted)) continue;
    const better =
      !best ||
      cidr.prefixLength > best.prefixLength ||
      (cidr.prefixLength === best.prefixLength && originRank(route) < originRank(best.route));
    if (better) best = { route, prefixLength: cidr.prefixLength };
  }
  return best?.route;
}

const defaultRoutes = new WeakMap<RouteTable, { route: Route | undefined }>();

/** Where IPv4 traffic to the internet goes: the route covering 0.0.0.0/0. */
export function defaultIpv4Route(routeTable: RouteTable): Route | undefined {
  let found = defaultRoutes.get(routeTable);
  if (!found) {
    found = { route: routeFor(routeTable, '0.0.0.0/0') };
    defaultRoutes.set(routeTable, found);
  }
  return found.route;
}

export function defaultIpv6Route(routeTable: RouteTable): Route | undefined {
  return routeFor(routeTable, '::/0');
}

/**
 * "Public subnet" in AWS's sense: its table sends 0.0.0.0/0 to an internet gateway attached to
 * its VPC (https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html).
 */
export function isPublicSubnet(index: SnapshotIndex, subnet: Subnet): boolean {
  const routeTable = routeTableOf(index, subnet);
  const route = routeTable && defaultIpv4Route(routeTable);
  if (!route || route.state !== 'active' || routeTargetKind(route.target) !== 'internet-gateway') return false;
  return index.internetGateways.get(route.target)?.attachedVpcIds.includes(subnet.vpcId) ?? false;
}
