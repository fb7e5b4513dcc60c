// EC2's SDK shapes narrowed to the model, right at the edge: nothing past this file sees an SDK type.
import type {
  EgressOnlyInternetGateway as SdkEgressOnlyInternetGateway,
  InternetGateway as SdkInternetGateway,
  IpPermission,
  NatGateway as SdkNatGateway,
  NetworkAcl as SdkNetworkAcl,
  NetworkInterface as SdkNetworkInterface,
  Route as SdkRoute,
  RouteTable as SdkRouteTable,
  SecurityGroup as SdkSecurityGroup,
  Subnet as SdkSubnet,
  Tag,
  Vpc as SdkVpc,
  VpcEndpoint as SdkVpcEndpoint,
} from '@aws-sdk/client-ec2';
import type {
  EgressOnlyInternetGateway,
  InternetGateway,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  Route,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  Vpc,
  VpcEndpoint,
} from '../model/snapshot';

export interface Scope {
  accountId: string;
  region: string;
}

function present<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null && value !== '';
}

/** Tags as a record plus the Name tag as the display name (both omitted when empty). */
export function tagged(tags: readonly Tag[] | undefined): { name?: string; tags?: Record<string, string> } {
  const pairs = (tags ?? []).filter((t): t is { Key: string; Value: string } => present(t.Key) && t.Value !== undefined);
  if (pairs.length === 0) return {};
  const record = Object.fromEntries(pairs.map((t) => [t.Key, t.Value]));
  return { ...(record.Name ? { name: record.Name } : {}), tags: record };
}

// EC2 names tcp/udp/icmp/icmpv6 in security groups but numbers them in NACLs; the model uses the
// security-group vocabulary everywhere so one comparison serves both.
const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };
export function protocolName(protocol: string | undefined): string {
  const p = (protocol ?? '-1').toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

export interface VpcDnsAttributes {
  enableDnsSupport?: boolean;
  enableDnsHostnames?: boolean;
}

export function toVpc(vpc: SdkVpc, scope: Scope, dns: VpcDnsAttributes): Vpc {
  const associated = (state: string | undefined): boolean => state === 'associated' || state === 'associating';
  const v4 = (vpc.CidrBlockAssociationSet ?? []).filter((a) => associated(a.CidrBlockState?.State)).map((a) => a.CidrBlock);
  return {
    id: vpc.VpcId ?? '',
    ...scope,
    ...tagged(vpc.Tags),
    cidrBlocks: [...new Set([vpc.CidrBlock, ...v4].filter(present))],
    ipv6CidrBlocks: (vpc.Ipv6CidrBlockAssociationSet ?? [])
      .filter((a) => associated(a.Ipv6CidrBlockState?.State))
      .map((a) => a.Ipv6CidrBlock)
      .filter(present),
    ...(dns.enableDnsSupport !== undefined ? { enableDnsSupport: dns.enableDnsSupport } : {}),
    ...(dns.enableDnsHostnames !== undefined ? { enableDnsHostnames: dns.enableDnsHostnames } : {}),
    isDefault: vpc.IsDefault ?? false,
  };
}

export function toSubnet(subnet: SdkSubnet, scope: Scope): Subnet {
  return {
    id: subnet.SubnetId ?? '',
    ...scope,
    ...tagged(subnet.Tags),
    vpcId: subnet.VpcId ?? '',
    cidrBlock: subnet.CidrBlock ?? '',
    ipv6CidrBlocks: (subnet.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock).filter(present),
    availabilityZone: subnet.AvailabilityZone ?? '',
    mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
  };
}

// Origins as EC2 reports them (API_Route): the table's local routes, routes someone added, and
// routes a virtual private gateway propagated.
const ORIGINS: Record<string, Route['origin']> = {
  CreateRouteTable: 'table',
  CreateRoute: 'static',
  EnableVgwRoutePropagation: 'propagated',
};

export function toRoute(route: SdkRoute): Route | undefined {
  const target =
    route.GatewayId ??
    route.NatGatewayId ??
    route.TransitGatewayId ??
    route.VpcPeeringConnectionId ??
    route.EgressOnlyInternetGatewayId ??
    route.NetworkInterfaceId ??
    route.InstanceId ??
    route.LocalGatewayId ??
    route.CarrierGatewayId ??
    route.CoreNetworkArn;
  const destination = {
    ...(route.DestinationCidrBlock ? { destinationCidr: route.DestinationCidrBlock } : {}),
    ...(route.DestinationIpv6CidrBlock ? { destinationIpv6Cidr: route.DestinationIpv6CidrBlock } : {}),
    ...(route.DestinationPrefixListId ? { destinationPrefixListId: route.DestinationPrefixListId } : {}),
  };
  if (Object.keys(destination).length === 0) return undefined;
  return {
    ...destination,
    // A route whose target is gone reads as a blackhole with no target id left to name.
    target: target ?? 'unknown',
    state: route.State === 'blackhole' ? 'blackhole' : 'active',
    origin: ORIGINS[route.Origin ?? ''] ?? 'static',
  };
}

export function toRouteTable(table: SdkRouteTable, scope: Scope): RouteTable {
  const associations = table.Associations ?? [];
  return {
    id: table.RouteTableId ?? '',
    ...scope,
    ...tagged(table.Tags),
    vpcId: table.VpcId ?? '',
    main: associations.some((a) => a.Main === true),
    subnetIds: associations.map((a) => a.SubnetId).filter(present),
    routes: (table.Routes ?? []).map(toRoute).filter(present),
  };
}

export function toInternetGateway(gateway: SdkInternetGateway, scope: Scope): InternetGateway {
  return {
    id: gateway.InternetGatewayId ?? '',
    ...scope,
    ...tagged(gateway.Tags),
    attachedVpcIds: (gateway.Attachments ?? []).filter((a) => a.State !== 'detached').map((a) => a.VpcId).filter(present),
  };
}

export function toEgressOnlyInternetGateway(gateway: SdkEgressOnlyInternetGateway, scope: Scope): EgressOnlyInternetGateway {
  return {
    id: gateway.EgressOnlyInternetGatewayId ?? '',
    ...scope,
    ...tagged(gateway.Tags),
    attachedVpcIds: (gateway.Attachments ?? []).filter((a) => a.State !== 'detached').map((a) => a.VpcId).filter(present),
  };
}

const NAT_STATES = new Set<NatGateway['state']>(['pending', 'failed', 'available', 'deleting', 'deleted']);

export function toNatGateway(gateway: SdkNatGateway, scope: Scope): NatGateway {
  const state = gateway.State as NatGateway['state'] | undefined;
  const publicIp = (gateway.NatGatewayAddresses ?? []).map((a) => a.PublicIp).find(present);
  return {
    id: gateway.NatGatewayId ?? '',
    ...scope,
    ...tagged(gateway.Tags),
    vpcId: gateway.VpcId ?? '',
    subnetId: gateway.SubnetId ?? '',
    state: state && NAT_STATES.has(state) ? state : 'pending',
    connectivity: gateway.ConnectivityType === 'private' ? 'private' : 'public',
    ...(publicIp ? { publicIp } : {}),
  };
}

const ENDPOINT_TYPES = new Set<VpcEndpoint['type']>(['Interface', 'Gateway', 'GatewayLoadBalancer']);

/** Undefined for endpoint types the model has no rules for (VPC Lattice resource / service-network endpoints). */
export function toVpcEndpoint(endpoint: SdkVpcEndpoint, scope: Scope): VpcEndpoint | undefined {
  // CreateVpcEndpoint's documented default type is Gateway, so an endpoint reported without one is a gateway.
  const type = (endpoint.VpcEndpointType ?? 'Gateway') as VpcEndpoint['type'];
  if (!ENDPOINT_TYPES.has(type)) return undefined;
  return {
    id: endpoint.VpcEndpointId ?? '',
    ...scope,
    ...tagged(endpoint.Tags),
    vpcId: endpoint.VpcId ?? '',
    serviceName: endpoint.ServiceName ?? '',
    type,
    state: (endpoint.State ?? 'available').toLowerCase(),
    privateDnsEnabled: endpoint.PrivateDnsEnabled ?? false,
    subnetIds: (endpoint.SubnetIds ?? []).filter(present),
    securityGroupIds: (endpoint.Groups ?? []).map((g) => g.GroupId).filter(present),
    routeTableIds: (endpoint.RouteTableIds ?? []).filter(present),
    ...(endpoint.PolicyDocument ? { policyDocument: endpoint.PolicyDocument } : {}),
  };
}

export function toSecurityGroupRule(permission: IpPermission): SecurityGroupRule {
  const descriptions = [
    ...(permission.IpRanges ?? []),
    ...(permission.Ipv6Ranges ?? []),
    ...(permission.UserIdGroupPairs ?? []),
    ...(permission.PrefixListIds ?? []),
  ]
    .map((r) => r.Description)
    .filter(present);
  return {
    protocol: protocolName(permission.IpProtocol),
    ...(permission.FromPort !== undefined ? { fromPort: permission.FromPort } : {}),
    ...(permission.ToPort !== undefined ? { toPort: permission.ToPort } : {}),
    cidrs: (permission.IpRanges ?? []).map((r) => r.CidrIp).filter(present),
    ipv6Cidrs: (permission.Ipv6Ranges ?? []).map((r) => r.CidrIpv6).filter(present),
    securityGroupIds: (permission.UserIdGroupPairs ?? []).map((p) => p.GroupId).filter(present),
    prefixListIds: (permission.PrefixListIds ?? []).map((p) => p.PrefixListId).filter(present),
    ...(descriptions[0] ? { description: descriptions[0] } : {}),
  };
}

export function toSecurityGroup(group: SdkSecurityGroup, scope: Scope): SecurityGroup {
  return {
    id: group.GroupId ?? '',
    ...scope,
    ...tagged(group.Tags),
    vpcId: group.VpcId ?? '',
    groupName: group.GroupName ?? '',
    ...(group.Description ? { description: group.Description } : {}),
    ingress: (group.IpPermissions ?? []).map(toSecurityGroupRule),
    egress: (group.IpPermissionsEgress ?? []).map(toSecurityGroupRule),
  };
}

export function toNetworkAcl(acl: SdkNetworkAcl, scope: Scope): NetworkAcl {
  return {
    id: acl.NetworkAclId ?? '',
    ...scope,
    ...tagged(acl.Tags),
    vpcId: acl.VpcId ?? '',
    isDefault: acl.IsDefault ?? false,
    subnetIds: (acl.Associations ?? []).map((a) => a.SubnetId).filter(present),
    entries: (acl.Entries ?? []).map((entry) => ({
      ruleNumber: entry.RuleNumber ?? 32767,
      egress: entry.Egress ?? false,
      protocol: protocolName(entry.Protocol),
      action: entry.RuleAction === 'allow' ? ('allow' as const) : ('deny' as const),
      ...(entry.CidrBlock ? { cidr: entry.CidrBlock } : {}),
      ...(entry.Ipv6CidrBlock ? { ipv6Cidr: entry.Ipv6CidrBlock } : {}),
      ...(entry.PortRange?.From !== undefined ? { fromPort: entry.PortRange.From } : {}),
      ...(entry.PortRange?.To !== undefined ? { toPort: entry.PortRange.To } : {}),
    })),
  };
}

/** Lambda's documented ENI description (configuration-vpc.html: "AWS Lambda VPC ENI-<function>-<uuid>"). */
export const LAMBDA_ENI_DESCRIPTION = /^AWS Lambda VPC ENI/;

export function toNetworkInterface(eni: SdkNetworkInterface, scope: Scope): NetworkInterface {
  const description = eni.Description ?? '';
  // Hyperplane ENIs report InterfaceType "lambda"; ENIs made before Hyperplane (and some emulators)
  // report "interface" with Lambda's description, and are Lambda's all the same.
  const interfaceType = eni.InterfaceType === 'interface' && LAMBDA_ENI_DESCRIPTION.test(description) ? 'lambda' : (eni.InterfaceType ?? 'interface');
  const publicIp = eni.Association?.PublicIp;
  return {
    id: eni.NetworkInterfaceId ?? '',
    ...scope,
    ...tagged(eni.TagSet),
    vpcId: eni.VpcId ?? '',
    subnetId: eni.SubnetId ?? '',
    securityGroupIds: (eni.Groups ?? []).map((g) => g.GroupId).filter(present),
    interfaceType,
    description,
    ...(eni.PrivateIpAddress ? { privateIpAddress: eni.PrivateIpAddress } : {}),
    ...(publicIp ? { publicIp } : {}),
    status: eni.Status ?? 'in-use',
  };
}
