// route-blackhole: a route that a needed path takes is in state blackhole — its target (a NAT
// gateway, an ENI, a peering connection) is gone — or goes to a peering connection that is not
// active or a transit gateway whose attachment is not available (or not in the subnet's AZ),
// which carries nothing just the same. The route still wins the longest-prefix lookup and then
// drops the packets. Reported once per route, naming the functions whose paths die
// there (their own findings say what each one loses); a blackhole in a NAT gateway's own subnet
// is nat-gateway-no-internet's, and a route no needed path takes is left alone.
// https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html (route states)
import type { Finding, Hop } from '../model/finding';
import type { Route, RouteTable } from '../model/snapshot';
import { serviceDisplayName } from './aws-services';
import { hop } from './hops';
import { outwardRoute, type OutwardRoute } from './outward-routes';
import { awsServiceReach, internetReach, subnetLabel, workingNatGateway } from './lambda-reach';
import { awsApiNeedsByService, functionLabel, internetNeeds, vpcFunctions, vpcTargetNeeds, type VpcAttachedFunction } from './lambda-vpc';
import { targetReach } from './reach-target';
import { defaultIpv4Route } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { targetName } from './vpc-targets';
import { labelled, listCapped, listWords, plural } from './wording';

interface Use {
  readonly routeTable: RouteTable;
  readonly route: Route;
  /** Set when the route is active but its peering connection / transit gateway carries nothing. */
  readonly dead?: Extract<OutwardRoute, { status: 'dead' }>;
  readonly fn: VpcAttachedFunction;
  readonly what: string;
  readonly subnetId: string;
}

function destinationOf(route: Route): string {
  return route.destinationCidr ?? route.destinationIpv6Cidr ?? route.destinationPrefixListId ?? '';
}

function usesOf(index: SnapshotIndex, fn: VpcAttachedFunction): Use[] {
  const uses: Use[] = [];
  const fromDefaultRoute = (what: string, verdicts: ReturnType<typeof internetReach>['verdicts']): void => {
    for (const v of verdicts) {
      if (v.status !== 'broken' || v.egress.kind !== 'blackhole') continue;
      const route = defaultIpv4Route(v.egress.routeTable, index.prefixListCidrs);
      if (!route) continue;
      const outward = route.state === 'blackhole' ? undefined : outwardRoute(index, v.egress.subnet, route.target);
      const dead = outward?.status === 'dead' ? outward : undefined;
      uses.push({ routeTable: v.egress.routeTable, route, ...(dead ? { dead } : {}), fn, what, subnetId: v.subnetId });
    }
  };
  if (internetNeeds(index, fn).length > 0) fromDefaultRoute('the internet', internetReach(index, fn).verdicts);
  for (const { service, region } of awsApiNeedsByService(index, fn)) {
    fromDefaultRoute(`the ${serviceDisplayName(service)} API`, awsServiceReach(index, fn, service, region).verdicts);
  }
  for (const need of vpcTargetNeeds(index, fn)) {
    for (const v of targetReach(index, fn, need).verdicts) {
      if (v.status === 'blackhole') {
        uses.push({ routeTable: v.routeTable, route: v.route, ...(v.dead ? { dead: v.dead } : {}), fn, what: `${targetName(need)}:${need.port}`, subnetId: v.subnetId });
      }
    }
  }
  return uses;
}

function findingFor(index: SnapshotIndex, uses: readonly Use[]): Finding {
  const [first] = uses;
  if (!first) throw new Error('route-blackhole: no uses');
  const { routeTable, route, dead } = first;
  const destination = destinationOf(route);
  const byFunction = new Map<string, { fn: VpcAttachedFunction; whats: Set<string>; subnets: Set<string> }>();
  for (const use of uses) {
    const entry = byFunction.get(use.fn.id) ?? { fn: use.fn, whats: new Set<string>(), subnets: new Set<string>() };
    entry.whats.add(use.what);
    entry.subnets.add(use.subnetId);
    byFunction.set(use.fn.id, entry);
  }
  const subnetIds = [...new Set(uses.map((u) => u.subnetId))].sort();
  const victims = [...byFunction.values()].map((v) => `${functionLabel(v.fn)} (${listWords([...v.whats])})`);
  const replacement = destination === '0.0.0.0/0' ? workingNatGateway(index, routeTable.vpcId) : undefined;
  const fixText = replacement
    ? `${dead ? `${dead.fix}; or ` : ''}point ${destination} at NAT gateway ${replacement}, which reaches the internet, or delete the route`
    : dead
      ? dead.fix
      : `replace the route with one to a target that exists, or delete it`;
  const what = dead ? `, which ${dead.problem}` : ', a blackhole route (its target no longer exists)';
  const hops: Hop[] = [
    ...subnetIds.map((id) => hop('subnet', id, true)),
    hop('route-table', routeTable.id, false, `${destination} → ${route.target}${dead ? `, which ${dead.problem}` : ' is a blackhole'}`),
  ];
  // Waiting or accepting fixes a transitional edge; replacing its route would be the wrong change.
  const machineFix = dead?.transitional ? undefined : { kind: 'replace-blackhole-route' as const, routeTableId: routeTable.id, destination, ...(replacement ? { target: replacement } : {}) };
  return {
    code: 'route-blackhole',
    severity: 'error',
    message:
      `Route table ${labelled(routeTable.id, routeTable.name)} sends ${destination} to ${route.target}${what}, ` +
      `so what functions in ${plural(subnetIds.length, 'subnet', 'subnets')} ${listCapped(subnetIds, (id) => subnetLabel(index, id))} need goes nowhere: ` +
      `${listCapped(victims, (v) => v)}. Fix: ${fixText}.`,
    resource: routeTable.logicalId === undefined ? { kind: 'route-table', id: routeTable.id } : { kind: 'route-table', id: routeTable.id, logicalId: routeTable.logicalId },
    hops,
    ...(machineFix ? { fix: machineFix } : {}),
  };
}

export function routeBlackhole(index: SnapshotIndex): Finding[] {
  // Most accounts have no blackhole route, and no outward edge to judge a route by: then no path can take one.
  const r = index.snapshot.resources;
  const edges = r.vpcPeeringConnections.length > 0 || r.transitGatewayAttachments.length > 0;
  const candidate = (route: Route): boolean => route.state === 'blackhole' || (edges && (route.target.startsWith('pcx-') || route.target.startsWith('tgw-')));
  if (!r.routeTables.some((t) => t.routes.some(candidate))) return [];
  const groups = new Map<string, Use[]>();
  for (const fn of vpcFunctions(index)) {
    for (const use of usesOf(index, fn)) {
      const key = `${use.routeTable.id}|${destinationOf(use.route)}`;
      const group = groups.get(key);
      if (group) group.push(use);
      else groups.set(key, [use]);
    }
  }
  return [...groups.values()].map((uses) => findingFor(index, uses));
}
