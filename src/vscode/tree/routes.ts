// Which route table serves a subnet and where its default route goes: shown in the subnet's
// tooltip because "public or private?" is the first question about a Lambda subnet.
import type { Snapshot, Subnet } from '../../model/snapshot';

/** The explicitly associated table, else the VPC's main table (how VPC routing picks one). */
export function routeTableFor(snapshot: Snapshot, subnet: Subnet) {
  const tables = snapshot.resources.routeTables.filter((t) => t.vpcId === subnet.vpcId);
  return tables.find((t) => t.subnetIds.includes(subnet.id)) ?? tables.find((t) => t.main);
}

/** The target of the subnet's IPv4 default route, e.g. "nat-0abc" or "igw-0def (blackhole)". */
export function defaultRouteTarget(snapshot: Snapshot, subnet: Subnet): string | undefined {
  const route = routeTableFor(snapshot, subnet)?.routes.find((r) => r.destinationCidr === '0.0.0.0/0');
  if (!route) return undefined;
  return route.state === 'blackhole' ? `${route.target} (blackhole)` : route.target;
}
