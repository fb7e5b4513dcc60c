// nat-gateway-no-internet: a public NAT gateway that cannot forward to the internet — not
// available, or in a subnet whose 0.0.0.0/0 does not go to an internet gateway attached to
// the VPC. Only available NAT gateways forward, and a public NAT gateway reaches the internet
// only through its own subnet's internet gateway route.
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html
// Private NAT gateways are not for the internet by design and are left alone here; a subnet
// that sends 0.0.0.0/0 to one is reported by the function rules that depend on it.
import type { Finding } from '../model/finding';
import type { NatGateway } from '../model/snapshot';
import { hop } from './hops';
import { routeTableOf } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { natGatewayInternetPath } from './subnet-egress';
import { labelled, listCapped, listWords, plural } from './wording';

/** Subnets whose traffic goes to this NAT gateway: those using a table with any route to it. */
function dependentSubnets(index: SnapshotIndex, nat: NatGateway): { tableIds: string[]; subnetIds: string[] } {
  const tableIds = [...new Set((index.routesByTarget.get(nat.id) ?? []).map((use) => use.routeTable.id))].sort();
  const subnetIds = index.snapshot.resources.subnets
    .filter((s) => {
      const table = routeTableOf(index, s);
      return table !== undefined && tableIds.includes(table.id);
    })
    .map((s) => s.id)
    .sort();
  return { tableIds, subnetIds };
}

function findingFor(index: SnapshotIndex, nat: NatGateway): Finding[] {
  if (nat.connectivity === 'private') return [];
  const path = natGatewayInternetPath(index, nat);
  if (path.status !== 'broken') return [];
  const { tableIds, subnetIds } = dependentSubnets(index, nat);
  // A failed or deleted NAT gateway that nothing routes to is a leftover, not a broken path.
  if (nat.state !== 'available' && tableIds.length === 0) return [];
  const name = `NAT gateway ${labelled(nat.id, nat.name)}`;
  const dependents =
    subnetIds.length > 0
      ? `, and ${plural(subnetIds.length, 'subnet', 'subnets')} ${listCapped(subnetIds, (id) => labelled(id, index.subnets.get(id)?.name))} ` +
        `${plural(subnetIds.length, 'routes', 'route')} through it (route ${plural(tableIds.length, 'table', 'tables')} ${listWords(tableIds)}), so that traffic goes nowhere`
      : tableIds.length > 0
        ? `, yet route ${plural(tableIds.length, 'table', 'tables')} ${listWords(tableIds)} ${plural(tableIds.length, 'sends', 'send')} traffic to it`
        : ', though no route uses it yet';
  return [
    {
      code: 'nat-gateway-no-internet',
      severity: tableIds.length > 0 ? 'error' : 'warning',
      message: `${name} ${path.problem}, so it cannot reach the internet${dependents}. Fix: ${path.fix}.`,
      resource: nat.logicalId === undefined ? { kind: 'nat-gateway', id: nat.id } : { kind: 'nat-gateway', id: nat.id, logicalId: nat.logicalId },
      hops: [...tableIds.map((id) => hop('route-table', id, true, `routes to ${nat.id}`)), ...path.hops],
      ...(path.machineFix ? { fix: path.machineFix } : {}),
    },
  ];
}

export function natGatewayNoInternet(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.natGateways.flatMap((nat) => findingFor(index, nat));
}
