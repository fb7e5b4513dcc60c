// VPCs, subnets, route tables and routes, gateways and endpoints, as the model has them.
// A template VPC also gets what EC2 creates with every VPC and the template never declares: a
// main route table with only the local route (so an unassociated subnet has no way out), a
// default network ACL that allows everything, and a default security group.
// https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html#RouteTables (main route table)
// https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html (EnableDnsSupport defaults to true, EnableDnsHostnames to false)
import type { ResourceKind, Route, RouteTable, Vpc } from '../model/snapshot';
import { deployedResource } from './deployed-stack';
import { modelId } from './resource-refs';
import { originOf, property, stamp } from './resource-common';
import type { TemplateContext, TemplateResource } from './template-context';
import type { ResourceOf } from './template-model';
import { symbolic, valueBoolean } from './values';

/** A resource by id: the template's own, else the account's. */
export function findResource<K extends ResourceKind>(ctx: TemplateContext, kind: K, id: string): ResourceOf<K> | undefined {
  return ctx.model.get(kind, id) ?? (ctx.env.account?.resources[kind] as ResourceOf<K>[] | undefined)?.find((r) => r.id === id);
}

/** A resource the template adds to: the template's own, or a copy of the account's adopted into the model. */
export function resourceToChange<K extends ResourceKind>(ctx: TemplateContext, kind: K, id: string): ResourceOf<K> | undefined {
  const own = ctx.model.get(kind, id);
  if (own) return own;
  const inAccount = (ctx.env.account?.resources[kind] as ResourceOf<K>[] | undefined)?.find((r) => r.id === id);
  return inAccount ? ctx.model.adopt(kind, inAccount) : undefined;
}

export function vpcIdOfSubnet(ctx: TemplateContext, subnetId: string): string {
  return findResource(ctx, 'subnets', subnetId)?.vpcId ?? symbolic(`VPC of ${subnetId}`);
}

function text(ctx: TemplateContext, resource: TemplateResource, name: string): string | undefined {
  return ctx.text(property(ctx, resource, name)?.node);
}

function readVpc(ctx: TemplateContext, resource: TemplateResource): void {
  const id = modelId(ctx, resource);
  const cidr = text(ctx, resource, 'CidrBlock') ?? symbolic(`CidrBlock of ${resource.logicalId}`);
  const dnsSupport = property(ctx, resource, 'EnableDnsSupport');
  const dnsHostnames = property(ctx, resource, 'EnableDnsHostnames');
  const vpc: Vpc = {
    id,
    ...stamp(ctx, resource),
    cidrBlocks: [cidr],
    ipv6CidrBlocks: [],
    enableDnsSupport: valueBoolean(ctx.evaluate(dnsSupport?.node)) ?? true,
    enableDnsHostnames: valueBoolean(ctx.evaluate(dnsHostnames?.node)) ?? false,
    isDefault: false,
  };
  const origin = originOf(resource, { enableDnsSupport: dnsSupport, enableDnsHostnames: dnsHostnames });
  ctx.model.add('vpcs', vpc, origin);
  // A VPC already deployed has its main table, default ACL and default group in the account.
  if (deployedResource(ctx, resource.type, resource.logicalId)) return;
  const base = { accountId: ctx.accountId, region: ctx.region, logicalId: resource.logicalId, vpcId: id };
  ctx.model.add('routeTables', { ...base, id: `rtb-${resource.logicalId}-main`, main: true, subnetIds: [], routes: [] }, origin);
  ctx.model.add('networkAcls', { ...base, id: `acl-${resource.logicalId}-default`, isDefault: true, subnetIds: [], entries: [] }, origin);
  ctx.model.add(
    'securityGroups',
    {
      ...base,
      id: `sg-${resource.logicalId}-default`,
      groupName: 'default',
      description: 'default VPC security group',
      ingress: [{ protocol: '-1', cidrs: [], ipv6Cidrs: [], securityGroupIds: [`sg-${resource.logicalId}-default`], prefixListIds: [] }],
      egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], securityGroupIds: [], prefixListIds: [] }],
    },
    origin,
  );
}

/** AWS::EC2::VPCCidrBlock adds a block (IPv4, or an IPv6 one Amazon picks at deploy). */
function readVpcCidrBlock(ctx: TemplateContext, resource: TemplateResource): void {
  const vpc = resourceToChange(ctx, 'vpcs', text(ctx, resource, 'VpcId') ?? '');
  if (!vpc) return;
  const ipv4 = text(ctx, resource, 'CidrBlock');
  const ipv6 = text(ctx, resource, 'Ipv6CidrBlock');
  if (ipv4) vpc.cidrBlocks.push(ipv4);
  if (ipv6) vpc.ipv6CidrBlocks.push(ipv6);
  else if (valueBoolean(ctx.evaluate(property(ctx, resource, 'AmazonProvidedIpv6CidrBlock')?.node)) || property(ctx, resource, 'Ipv6Pool')) {
    vpc.ipv6CidrBlocks.push(symbolic(`GetAtt ${resource.logicalId}.Ipv6CidrBlock`));
  }
}

function readSubnet(ctx: TemplateContext, resource: TemplateResource): void {
  const vpcId = text(ctx, resource, 'VpcId') ?? symbolic(`VpcId of ${resource.logicalId}`);
  const ipv6 = text(ctx, resource, 'Ipv6CidrBlock');
  const mapPublicIp = property(ctx, resource, 'MapPublicIpOnLaunch');
  ctx.model.add(
    'subnets',
    {
      id: modelId(ctx, resource),
      ...stamp(ctx, resource),
      vpcId,
      cidrBlock: text(ctx, resource, 'CidrBlock') ?? symbolic(`CidrBlock of ${resource.logicalId}`),
      ipv6CidrBlocks: ipv6 ? [ipv6] : [],
      availabilityZone: text(ctx, resource, 'AvailabilityZone') ?? text(ctx, resource, 'AvailabilityZoneId') ?? symbolic(`AvailabilityZone of ${resource.logicalId}`),
      mapPublicIpOnLaunch: valueBoolean(ctx.evaluate(mapPublicIp?.node)) ?? false,
    },
    originOf(resource, { vpcId: property(ctx, resource, 'VpcId'), cidrBlock: property(ctx, resource, 'CidrBlock') }),
  );
}

function readRouteTable(ctx: TemplateContext, resource: TemplateResource): void {
  ctx.model.add(
    'routeTables',
    { id: modelId(ctx, resource), ...stamp(ctx, resource), vpcId: text(ctx, resource, 'VpcId') ?? symbolic(`VpcId of ${resource.logicalId}`), main: false, subnetIds: [], routes: [] },
    originOf(resource),
  );
}

/** Route targets in the order CloudFormation documents them; a route has exactly one. */
const ROUTE_TARGETS = [
  'GatewayId', 'NatGatewayId', 'VpcEndpointId', 'TransitGatewayId', 'VpcPeeringConnectionId', 'NetworkInterfaceId',
  'EgressOnlyInternetGatewayId', 'InstanceId', 'CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn',
];

function readRoute(ctx: TemplateContext, resource: TemplateResource): void {
  const table = resourceToChange(ctx, 'routeTables', text(ctx, resource, 'RouteTableId') ?? '');
  if (!table) return;
  const targetProperty = ROUTE_TARGETS.find((name) => property(ctx, resource, name));
  const target = (targetProperty && text(ctx, resource, targetProperty)) ?? symbolic(`target of ${resource.logicalId}`);
  const destinationCidr = text(ctx, resource, 'DestinationCidrBlock');
  const destinationIpv6Cidr = text(ctx, resource, 'DestinationIpv6CidrBlock');
  const destinationPrefixListId = text(ctx, resource, 'DestinationPrefixListId');
  if (!destinationCidr && !destinationIpv6Cidr && !destinationPrefixListId) return;
  const route: Route = {
    ...(destinationCidr ? { destinationCidr } : {}),
    ...(destinationIpv6Cidr ? { destinationIpv6Cidr } : {}),
    ...(destinationPrefixListId ? { destinationPrefixListId } : {}),
    target,
    state: 'active',
    origin: 'static',
  };
  table.routes.push(route);
  ctx.model.origin('routeTables', table.id)?.anchors.set(`route:${destinationCidr ?? destinationIpv6Cidr ?? destinationPrefixListId}`, resource.keySpan);
}

function readSubnetRouteTableAssociation(ctx: TemplateContext, resource: TemplateResource): void {
  const table = resourceToChange(ctx, 'routeTables', text(ctx, resource, 'RouteTableId') ?? '');
  const subnetId = text(ctx, resource, 'SubnetId');
  if (table && subnetId && !table.subnetIds.includes(subnetId)) table.subnetIds.push(subnetId);
}

function readInternetGateway(ctx: TemplateContext, resource: TemplateResource): void {
  ctx.model.add('internetGateways', { id: modelId(ctx, resource), ...stamp(ctx, resource), attachedVpcIds: [] }, originOf(resource));
}

function readGatewayAttachment(ctx: TemplateContext, resource: TemplateResource): void {
  const gateway = resourceToChange(ctx, 'internetGateways', text(ctx, resource, 'InternetGatewayId') ?? '');
  const vpcId = text(ctx, resource, 'VpcId');
  if (gateway && vpcId && !gateway.attachedVpcIds.includes(vpcId)) gateway.attachedVpcIds.push(vpcId);
}

function readEgressOnlyGateway(ctx: TemplateContext, resource: TemplateResource): void {
  const vpcId = text(ctx, resource, 'VpcId');
  ctx.model.add('egressOnlyInternetGateways', { id: modelId(ctx, resource), ...stamp(ctx, resource), attachedVpcIds: vpcId ? [vpcId] : [] }, originOf(resource));
}

function readNatGateway(ctx: TemplateContext, resource: TemplateResource): void {
  const subnet = property(ctx, resource, 'SubnetId');
  const subnetId = ctx.text(subnet?.node) ?? symbolic(`SubnetId of ${resource.logicalId}`);
  const connectivity = property(ctx, resource, 'ConnectivityType');
  ctx.model.add(
    'natGateways',
    {
      id: modelId(ctx, resource),
      ...stamp(ctx, resource),
      vpcId: vpcIdOfSubnet(ctx, subnetId),
      subnetId,
      // CloudFormation finishes creating a NAT gateway only once it is available.
      state: 'available',
      connectivity: ctx.text(connectivity?.node) === 'private' ? 'private' : 'public',
    },
    originOf(resource, { subnetId: subnet, connectivity }),
  );
}

/** Every subnet of a VPC not explicitly associated uses its main table: fill in each template table's local routes. */
function finishRouteTables(ctx: TemplateContext): void {
  for (const table of ctx.model.resources.routeTables as RouteTable[]) {
    if (ctx.model.isAdopted('routeTables', table.id)) continue;
    const vpc = findResource(ctx, 'vpcs', table.vpcId);
    const local: Route[] = [
      ...(vpc?.cidrBlocks ?? []).map((cidr): Route => ({ destinationCidr: cidr, target: 'local', state: 'active', origin: 'table' })),
      ...(vpc?.ipv6CidrBlocks ?? []).map((cidr): Route => ({ destinationIpv6Cidr: cidr, target: 'local', state: 'active', origin: 'table' })),
    ];
    table.routes.unshift(...local);
  }
}

export function readNetwork(ctx: TemplateContext): void {
  const each = (type: string, read: (ctx: TemplateContext, resource: TemplateResource) => void) => ctx.ofType(type).forEach((r) => read(ctx, r));
  each('AWS::EC2::VPC', readVpc);
  each('AWS::EC2::VPCCidrBlock', readVpcCidrBlock);
  each('AWS::EC2::Subnet', readSubnet);
  each('AWS::EC2::RouteTable', readRouteTable);
  each('AWS::EC2::InternetGateway', readInternetGateway);
  each('AWS::EC2::VPCGatewayAttachment', readGatewayAttachment);
  each('AWS::EC2::EgressOnlyInternetGateway', readEgressOnlyGateway);
  each('AWS::EC2::NatGateway', readNatGateway);
  each('AWS::EC2::Route', readRoute);
  each('AWS::EC2::SubnetRouteTableAssociation', readSubnetRouteTableAssociation);
  finishRouteTables(ctx);
}
