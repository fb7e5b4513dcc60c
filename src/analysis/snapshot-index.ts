// Lookups the rules share, built once per analysis: resources by id, and the few reverse
// relations (subnet → its explicit route table, VPC → its main table, target → routes using it)
// that would otherwise be linear scans inside every rule.
import type {
  ApiMapping,
  Certificate,
  EgressOnlyInternetGateway,
  HostedZone,
  IamRole,
  InternetGateway,
  LambdaFunction,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RecordSet,
  Route,
  RouteTable,
  SecurityGroup,
  Snapshot,
  Subnet,
  TransitGatewayAttachment,
  Vpc,
  VpcEndpoint,
  VpcPeeringConnection,
} from '../model/snapshot';
import { parseBlock, type IpBlock } from './ip-space';
import type { PrefixListResolver } from './routing';

export interface RouteUse {
  readonly routeTable: RouteTable;
  readonly route: Route;
}

export interface SnapshotIndex {
  readonly snapshot: Snapshot;
  readonly vpcs: ReadonlyMap<string, Vpc>;
  readonly subnets: ReadonlyMap<string, Subnet>;
  readonly routeTables: ReadonlyMap<string, RouteTable>;
  readonly internetGateways: ReadonlyMap<string, InternetGateway>;
  readonly egressOnlyInternetGateways: ReadonlyMap<string, EgressOnlyInternetGateway>;
  readonly natGateways: ReadonlyMap<string, NatGateway>;
  readonly securityGroups: ReadonlyMap<string, SecurityGroup>;
  readonly networkInterfaces: ReadonlyMap<string, NetworkInterface>;
  /** Explicit NACL associations; a subnet absent here uses its VPC's default NACL. */
  readonly networkAclBySubnet: ReadonlyMap<string, NetworkAcl>;
  readonly defaultNetworkAclByVpc: ReadonlyMap<string, NetworkAcl>;
  /** Roles by ARN and by name (a function names its role by ARN). */
  readonly iamRoles: ReadonlyMap<string, IamRole>;
  /** How many functions use each role ARN: a shared role's permissions say less about one function. */
  readonly functionsByRoleArn: ReadonlyMap<string, number>;
  readonly vpcEndpoints: ReadonlyMap<string, VpcEndpoint>;
  readonly lambdaFunctions: ReadonlyMap<string, LambdaFunction>;
  readonly certificatesByArn: ReadonlyMap<string, Certificate>;
  readonly hostedZones: ReadonlyMap<string, HostedZone>;
  /** Explicit subnet associations; a subnet absent here uses its VPC's main table. */
  readonly explicitRouteTableBySubnet: ReadonlyMap<string, RouteTable>;
  readonly mainRouteTableByVpc: ReadonlyMap<string, RouteTable>;
  /** Every route whose target is the given id (igw-…, nat-…, vpce-…). */
  readonly routesByTarget: ReadonlyMap<string, readonly RouteUse[]>;
  /** Keyed by normalised domain name (lower case, no trailing dot). */
  readonly apiMappingsByDomain: ReadonlyMap<string, readonly ApiMapping[]>;
  /** Keyed by normalised record name (lower case, no trailing dot). */
  readonly recordSetsByName: ReadonlyMap<string, readonly RecordSet[]>;
  /** A managed prefix list's CIDRs, for routes to it; undefined when the list or its entries are unknown. */
  readonly prefixListCidrs: PrefixListResolver;
  /** The same CIDRs parsed, for security-group rules that name the list. */
  readonly prefixListBlocks: (prefixListId: string) => readonly IpBlock[] | undefined;
  readonly vpcPeeringConnections: ReadonlyMap<string, VpcPeeringConnection>;
  /** A VPC's attachments to transit gateways, keyed by VPC id. */
  readonly transitGatewayAttachmentsByVpc: ReadonlyMap<string, readonly TransitGatewayAttachment[]>;
}

/** DNS names compare case-insensitively and with or without the root's trailing dot. */
export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  // First one wins, so a snapshot with a duplicate id still analyses the same way every time.
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const r = snapshot.resources;
  const explicitRouteTableBySubnet = new Map<string, RouteTable>();
  const mainRouteTableByVpc = new Map<string, RouteTable>();
  const routesByTarget = new Map<string, RouteUse[]>();
  for (const routeTable of r.routeTables) {
    for (const subnetId of routeTable.subnetIds) {
      if (!explicitRouteTableBySubnet.has(subnetId)) explicitRouteTableBySubnet.set(subnetId, routeTable);
    }
    if (routeTable.main && !mainRouteTableByVpc.has(routeTable.vpcId)) mainRouteTableByVpc.set(routeTable.vpcId, routeTable);
    for (const route of routeTable.routes) {
      const uses = routesByTarget.get(route.target) ?? [];
      uses.push({ routeTable, route });
      routesByTarget.set(route.target, uses);
    }
  }
  const networkAclBySubnet = new Map<string, NetworkAcl>();
  const defaultNetworkAclByVpc = new Map<string, NetworkAcl>();
  for (const acl of r.networkAcls) {
    for (const subnetId of acl.subnetIds) if (!networkAclBySubnet.has(subnetId)) networkAclBySubnet.set(subnetId, acl);
    if (acl.isDefault && !defaultNetworkAclByVpc.has(acl.vpcId)) defaultNetworkAclByVpc.set(acl.vpcId, acl);
  }
  const iamRoles = byKey(r.iamRoles, (role) => role.arn);
  for (const role of r.iamRoles) if (!iamRoles.has(role.id)) iamRoles.set(role.id, role);
  const functionsByRoleArn = new Map<string, number>();
  for (const fn of r.lambdaFunctions) if (fn.roleArn) functionsByRoleArn.set(fn.roleArn, (functionsByRoleArn.get(fn.roleArn) ?? 0) + 1);
  // A list whose entries could not be read stays unknown: never treated as empty.
  const prefixLists = byKey(
    r.prefixLists.filter((list) => list.entriesKnown),
    (list) => list.id,
  );
  const prefixListBlocks = new Map<string, readonly IpBlock[]>();
  for (const [id, list] of prefixLists) {
    prefixListBlocks.set(
      id,
      list.cidrs.flatMap((text) => {
        const block = parseBlock(text);
        return block ? [block] : [];
      }),
    );
  }
  return {
    snapshot,
    vpcs: byKey(r.vpcs, (v) => v.id),
    subnets: byKey(r.subnets, (s) => s.id),
    routeTables: byKey(r.routeTables, (t) => t.id),
    internetGateways: byKey(r.internetGateways, (g) => g.id),
    egressOnlyInternetGateways: byKey(r.egressOnlyInternetGateways, (g) => g.id),
    natGateways: byKey(r.natGateways, (n) => n.id),
    securityGroups: byKey(r.securityGroups, (g) => g.id),
    networkInterfaces: byKey(r.networkInterfaces, (e) => e.id),
    networkAclBySubnet,
    defaultNetworkAclByVpc,
    iamRoles,
    functionsByRoleArn,
    vpcEndpoints: byKey(r.vpcEndpoints, (e) => e.id),
    lambdaFunctions: byKey(r.lambdaFunctions, (f) => f.id),
    certificatesByArn: byKey(r.certificates, (c) => c.arn),
    hostedZones: byKey(r.hostedZones, (z) => z.id),
    explicitRouteTableBySubnet,
    mainRouteTableByVpc,
    routesByTarget,
    apiMappingsByDomain: groupBy(r.apiMappings, (m) => normalizeDnsName(m.domainName)),
    recordSetsByName: groupBy(r.recordSets, (s) => normalizeDnsName(s.recordName)),
    prefixListCidrs: (id) => prefixLists.get(id)?.cidrs,
    prefixListBlocks: (id) => prefixListBlocks.get(id),
    vpcPeeringConnections: byKey(r.vpcPeeringConnections, (p) => p.id),
    transitGatewayAttachmentsByVpc: groupBy(r.transitGatewayAttachments, (a) => a.vpcId),
  };
}
