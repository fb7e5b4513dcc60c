// How IPv4 traffic from a Lambda ENI in a subnet reaches the internet (and so the public AWS
// API endpoints), or why it cannot. Lambda ENIs never get public IPs, so the only working
// path is 0.0.0.0/0 → an available public NAT gateway → the NAT's own subnet 0.0.0.0/0 → an
// internet gateway attached to the VPC.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
// Anything we cannot judge (a route to a transit gateway, a firewall ENI, a resource missing
// from the snapshot) is "unknown": rules report nothing they cannot stand behind.
// Routes only: the security groups and NACLs on the chosen path are subnet-paths.ts's business.
import type { FindingFix, Hop } from '../model/finding';
import type { NatGateway, RouteTable, Subnet } from '../model/snapshot';
import { hop } from './hops';
import { outwardRoute } from './outward-routes';
import { defaultIpv4Route, routeTableOf, routeTargetKind } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { labelled, listWords } from './wording';

export type NatInternetPath =
  | { readonly status: 'ok'; readonly hops: readonly Hop[]; readonly internetGatewayId: string }
  /** `problem` completes the sentence "NAT gateway nat-… …"; `fix` is what to do about it. */
  | { readonly status: 'broken'; readonly hops: readonly Hop[]; readonly problem: string; readonly fix: string; readonly machineFix?: FindingFix }
  | { readonly status: 'unknown'; readonly why: string };

function stateFix(nat: NatGateway): string {
  if (nat.state === 'pending') return `wait until ${nat.id} is available (a few minutes)`;
  if (nat.state === 'failed') return `create a new NAT gateway in a public subnet and point the routes at it (a failed NAT gateway never recovers)`;
  return `create a new NAT gateway in a public subnet and point the routes that used ${nat.id} at it`;
}

/** An internet gateway attached to the VPC, to name in a fix. */
function attachedGateway(index: SnapshotIndex, vpcId: string): string | undefined {
  return index.snapshot.resources.internetGateways.find((g) => g.attachedVpcIds.includes(vpcId))?.id;
}

/** Whether a NAT gateway can forward to the internet, judged from its state and its own subnet's routes. */
export function natGatewayInternetPath(index: SnapshotIndex, nat: NatGateway): NatInternetPath {
  if (nat.state !== 'available') {
    const problem = nat.state === 'pending' ? 'is still pending and forwards nothing yet' : `is ${nat.state} and forwards nothing`;
    const hops = [hop('nat-gateway', nat.id, false, `state ${nat.state}: only available NAT gateways forward traffic`)];
    return { status: 'broken', problem, fix: stateFix(nat), hops };
  }
  if (nat.connectivity === 'private') {
    return {
      status: 'broken',
      problem: 'is a private NAT gateway, which has no Elastic IP and cannot reach the internet',
      fix: 'route 0.0.0.0/0 to a public NAT gateway (one with an Elastic IP) instead',
      hops: [hop('nat-gateway', nat.id, false, 'private NAT gateway: no Elastic IP, no internet')],
    };
  }
  const natSubnet = index.subnets.get(nat.subnetId);
  if (!natSubnet) return { status: 'unknown', why: `its subnet ${nat.subnetId} is not in the snapshot` };
  const routeTable = routeTableOf(index, natSubnet);
  if (!routeTable) return { status: 'unknown', why: `no route table of ${nat.subnetId} is in the snapshot` };
  const natHop = hop('nat-gateway', nat.id, true);
  const subnetHop = hop('subnet', natSubnet.id, true);
  const sits = `sits in ${labelled(natSubnet.id, natSubnet.name)}, whose route table ${routeTable.id}`;
  const igwId = attachedGateway(index, nat.vpcId);
  const addRoute = igwId
    ? `add the route 0.0.0.0/0 → ${igwId} to ${routeTable.id}, or recreate the NAT gateway in a public subnet`
    : `attach an internet gateway to ${nat.vpcId} and add the route 0.0.0.0/0 → it to ${routeTable.id}`;
  const machineFix: FindingFix = { kind: 'add-internet-gateway-route', routeTableId: routeTable.id, destination: '0.0.0.0/0', ...(igwId ? { internetGatewayId: igwId } : {}) };
  const route = defaultIpv4Route(routeTable, index.prefixListCidrs);
  if (!route) {
    return {
      status: 'broken',
      problem: `${sits} has no 0.0.0.0/0 route to an internet gateway`,
      fix: addRoute,
      machineFix,
      hops: [natHop, subnetHop, hop('route-table', routeTable.id, false, 'no 0.0.0.0/0 route to an internet gateway')],
    };
  }
  if (route.state === 'blackhole') {
    return {
      status: 'broken',
      problem: `${sits} sends 0.0.0.0/0 to ${route.target}, a blackhole route`,
      fix: `replace the blackhole route: ${addRoute}`,
      machineFix,
      hops: [natHop, subnetHop, hop('route-table', routeTable.id, false, `0.0.0.0/0 → ${route.target} is a blackhole`)],
    };
  }
  if (route.target === nat.id) {
    return {
      status: 'broken',
      problem: `${sits} sends 0.0.0.0/0 back to the NAT gateway itself (a loop)`,
      fix: addRoute,
      machineFix,
      hops: [natHop, subnetHop, hop('route-table', routeTable.id, false, `0.0.0.0/0 → ${nat.id} loops back to the NAT gateway`)],
    };
  }
  if (routeTargetKind(route.target) !== 'internet-gateway') {
    return { status: 'unknown', why: `its subnet routes 0.0.0.0/0 to ${route.target}, which is not checked yet` };
  }
  const igw = index.internetGateways.get(route.target);
  if (!igw) return { status: 'unknown', why: `internet gateway ${route.target} is not in the snapshot` };
  if (!igw.attachedVpcIds.includes(nat.vpcId)) {
    return {
      status: 'broken',
      problem: `${sits} sends 0.0.0.0/0 to ${igw.id}, which is not attached to ${nat.vpcId}`,
      fix: `attach ${igw.id} to ${nat.vpcId}`,
      hops: [natHop, subnetHop, hop('route-table', routeTable.id, true), hop('internet-gateway', igw.id, false, `not attached to ${nat.vpcId}`)],
    };
  }
  return {
    status: 'ok',
    internetGatewayId: igw.id,
    hops: [natHop, subnetHop, hop('route-table', routeTable.id, true, `0.0.0.0/0 → ${igw.id}`), hop('internet-gateway', igw.id, true)],
  };
}

interface Placed {
  readonly subnet: Subnet;
  readonly routeTable: RouteTable;
}

/** The IPv4 internet path from a Lambda ENI in one subnet. */
export type SubnetEgress =
  | (Placed & { readonly kind: 'nat'; readonly nat: NatGateway; readonly hops: readonly Hop[] })
  | (Placed & { readonly kind: 'internet-gateway'; readonly gatewayId: string; readonly hops: readonly Hop[] })
  | (Placed & { readonly kind: 'no-route'; readonly hops: readonly Hop[] })
  /** A blackhole route, or a route to a peering connection / transit gateway that carries nothing (`problem` says why). */
  | (Placed & { readonly kind: 'blackhole'; readonly target: string; readonly problem?: string; readonly hops: readonly Hop[] })
  | (Placed & { readonly kind: 'broken-nat'; readonly nat: NatGateway; readonly problem: string; readonly hops: readonly Hop[] })
  /** 0.0.0.0/0 into an active peering connection: the peer's internet or NAT gateway is not usable through it. */
  | (Placed & { readonly kind: 'peering'; readonly peeringId: string; readonly peerVpcId: string; readonly hops: readonly Hop[] })
  | { readonly kind: 'unknown'; readonly subnetId: string; readonly why: string };

export type BrokenEgress = Extract<SubnetEgress, { kind: 'internet-gateway' | 'no-route' | 'blackhole' | 'broken-nat' | 'peering' }>;

// One answer per subnet and snapshot: every function in a subnet shares it, and large accounts
// have thousands of functions over a few dozen subnets.
const egressCache = new WeakMap<SnapshotIndex, Map<string, SubnetEgress>>();

export function lambdaSubnetIpv4Egress(index: SnapshotIndex, subnetId: string): SubnetEgress {
  let bySubnet = egressCache.get(index);
  if (!bySubnet) {
    bySubnet = new Map();
    egressCache.set(index, bySubnet);
  }
  let egress = bySubnet.get(subnetId);
  if (!egress) {
    egress = computeIpv4Egress(index, subnetId);
    bySubnet.set(subnetId, egress);
  }
  return egress;
}

function computeIpv4Egress(index: SnapshotIndex, subnetId: string): SubnetEgress {
  const subnet = index.subnets.get(subnetId);
  if (!subnet) return { kind: 'unknown', subnetId, why: 'it is not in the snapshot' };
  const routeTable = routeTableOf(index, subnet);
  if (!routeTable) return { kind: 'unknown', subnetId, why: 'none of its route tables is in the snapshot' };
  const placed = { subnet, routeTable };
  const subnetHop = hop('subnet', subnet.id, true);
  const route = defaultIpv4Route(routeTable, index.prefixListCidrs);
  if (!route) {
    return { ...placed, kind: 'no-route', hops: [subnetHop, hop('route-table', routeTable.id, false, 'no 0.0.0.0/0 route: no way out of the VPC')] };
  }
  if (route.state === 'blackhole') {
    const hops = [subnetHop, hop('route-table', routeTable.id, false, `0.0.0.0/0 → ${route.target} is a blackhole`)];
    return { ...placed, kind: 'blackhole', target: route.target, hops };
  }
  switch (routeTargetKind(route.target)) {
    case 'internet-gateway': {
      // Whatever the gateway's state, a Lambda ENI has no public IP to use it with.
      const hops = [
        hop('subnet', subnet.id, false, 'public subnet: Lambda ENIs never get public IPs'),
        hop('route-table', routeTable.id, false, `0.0.0.0/0 → ${route.target}: unusable without a public IP`),
        hop('internet-gateway', route.target, false, 'drops traffic from addresses with no public IP'),
      ];
      return { ...placed, kind: 'internet-gateway', gatewayId: route.target, hops };
    }
    case 'nat-gateway': {
      const nat = index.natGateways.get(route.target);
      if (!nat) return { kind: 'unknown', subnetId, why: `NAT gateway ${route.target} is not in the snapshot` };
      const path = natGatewayInternetPath(index, nat);
      if (path.status === 'unknown') return { kind: 'unknown', subnetId, why: `NAT gateway ${nat.id}: ${path.why}` };
      const tableHop = hop('route-table', routeTable.id, true, `0.0.0.0/0 → ${nat.id}`);
      const hops = [subnetHop, tableHop, ...path.hops];
      if (path.status === 'broken') return { ...placed, kind: 'broken-nat', nat, problem: path.problem, hops };
      return { ...placed, kind: 'nat', nat, hops };
    }
    default: {
      const outward = outwardRoute(index, subnet, route.target);
      if (outward?.status === 'dead') {
        const hops = [subnetHop, hop('route-table', routeTable.id, false, `0.0.0.0/0 → ${route.target}, which ${outward.problem}`)];
        return { ...placed, kind: 'blackhole', target: route.target, problem: outward.problem, hops };
      }
      const peering = index.vpcPeeringConnections.get(route.target);
      if (outward?.status === 'unchecked' && peering?.status === 'active') {
        // AWS does not route "edge to edge" through a peering connection: traffic for the internet
        // cannot leave by the peer VPC's internet gateway or NAT gateway, so this default route
        // can never carry a Lambda ENI's internet traffic, whatever the peer holds.
        // https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations
        const peerVpcId = peering.requesterVpcId === subnet.vpcId ? peering.accepterVpcId : peering.requesterVpcId;
        const reason = `0.0.0.0/0 → ${route.target}: a peered VPC's internet or NAT gateway cannot be used through a peering connection`;
        return { ...placed, kind: 'peering', peeringId: route.target, peerVpcId, hops: [subnetHop, hop('route-table', routeTable.id, false, reason)] };
      }
      const why = outward?.status === 'unchecked' ? outward.why : 'which is not checked yet';
      return { kind: 'unknown', subnetId, why: `it routes 0.0.0.0/0 to ${route.target}, ${why}` };
    }
  }
}

/**
 * What is wrong with a group of subnets that fail the same way, as a predicate for
 * "its subnets a, b …", e.g. "route 0.0.0.0/0 to internet gateway igw-1 (route table rtb-1), and Lambda ENIs never get public IPs".
 */
export function describeBrokenEgress(group: readonly BrokenEgress[]): string {
  const first = group[0];
  if (!first) return '';
  const s = group.length === 1 ? 's' : '';
  const tableIds = [...new Set(group.map((e) => e.routeTable.id))];
  const tables = `route ${tableIds.length === 1 ? 'table' : 'tables'} ${listWords(tableIds)}`;
  switch (first.kind) {
    case 'internet-gateway':
      return `route${s} 0.0.0.0/0 to internet gateway ${first.gatewayId} (${tables}), and Lambda ENIs never get public IPs`;
    case 'no-route':
      return `${group.length === 1 ? 'has' : 'have'} no 0.0.0.0/0 route at all (${tables})`;
    case 'blackhole':
      return first.problem === undefined
        ? `route${s} 0.0.0.0/0 to ${first.target}, a blackhole route (${tables})`
        : `route${s} 0.0.0.0/0 to ${first.target}, which ${first.problem} (${tables})`;
    case 'broken-nat':
      return `route${s} 0.0.0.0/0 to NAT gateway ${first.nat.id}, which ${first.problem}`;
    case 'peering':
      return `route${s} 0.0.0.0/0 to peering connection ${first.peeringId} (${tables}), and a peering connection never carries traffic on to ${first.peerVpcId}'s internet or NAT gateway`;
  }
}

/** Groups failing subnets by cause (the same gateway, NAT, blackhole target, or no route), so the message names each cause once. */
export function groupBrokenEgress(broken: readonly BrokenEgress[]): BrokenEgress[][] {
  const groups = new Map<string, BrokenEgress[]>();
  for (const egress of broken) {
    const cause =
      egress.kind === 'internet-gateway' ? egress.gatewayId : egress.kind === 'broken-nat'
          ? egress.nat.id
          : egress.kind === 'blackhole'
            ? egress.target
            : egress.kind === 'peering'
              ? egress.peeringId
              : '';
    const key = `${egress.kind}|${cause}`;
    const group = groups.get(key) ?? [];
    group.push(egress);
    groups.set(key, group);
  }
  return [...groups.values()];
}
