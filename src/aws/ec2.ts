// The EC2 collector: the network of one region. Ten list calls in parallel, each at EC2's largest
// page (MaxResults 1000; route tables 100, egress-only gateways 255 — the API references' limits),
// then DescribeVpcAttribute twice per VPC, because DNS support and DNS hostnames are the only VPC
// facts no list call carries (API_DescribeVpcAttribute takes one VPC and one attribute).
import {
  DescribeVpcAttributeCommand,
  EC2Client,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeInternetGateways,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type VpcAttributeName,
} from '@aws-sdk/client-ec2';
import type { Resources } from '../model/snapshot';
import {
  toEgressOnlyInternetGateway,
  toInternetGateway,
  toNatGateway,
  toNetworkAcl,
  toNetworkInterface,
  toRouteTable,
  toSecurityGroup,
  toSubnet,
  toVpc,
  toVpcEndpoint,
  type Scope,
  type VpcDnsAttributes,
} from './ec2-shapes';
import { readEc2Edges } from './ec2-edges';
import { collectPages } from './paging';
import type { ScanContext } from './scan-context';

export type Ec2Resources = Pick<
  Resources,
  | 'vpcs'
  | 'subnets'
  | 'routeTables'
  | 'internetGateways'
  | 'egressOnlyInternetGateways'
  | 'natGateways'
  | 'vpcEndpoints'
  | 'securityGroups'
  | 'networkAcls'
  | 'networkInterfaces'
  | 'prefixLists'
  | 'vpcPeeringConnections'
  | 'transitGatewayAttachments'
>;

export const EC2_PAGE_SIZE = 1000;
export const EC2_ROUTE_TABLE_PAGE_SIZE = 100;
export const EC2_EGRESS_ONLY_PAGE_SIZE = 255;

async function dnsAttributes(client: EC2Client, ctx: ScanContext, vpcId: string): Promise<VpcDnsAttributes> {
  const read = async (attribute: VpcAttributeName): Promise<boolean | undefined> => {
    const out = await client.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: attribute }), ctx.sendOptions);
    return attribute === 'enableDnsSupport' ? out.EnableDnsSupport?.Value : out.EnableDnsHostnames?.Value;
  };
  const [enableDnsSupport, enableDnsHostnames] = await Promise.all([read('enableDnsSupport'), read('enableDnsHostnames')]);
  return { enableDnsSupport, enableDnsHostnames };
}

export async function collectEc2(ctx: ScanContext, region: string): Promise<Ec2Resources> {
  const client = ctx.client('ec2', region, (config) => new EC2Client(config));
  const scope: Scope = { accountId: ctx.accountId, region };
  const paging = (pageSize: number): { client: EC2Client; pageSize: number } => ({ client, pageSize });
  const opts = ctx.sendOptions;

  const vpcsWithDns = collectPages(paginateDescribeVpcs(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.Vpcs).then((vpcs) =>
    Promise.all(
      vpcs.map(async (vpc) => {
        // A VPC whose attributes cannot be read is still a VPC: keep it, name the gap, leave DNS unknown.
        const dns = await dnsAttributes(client, ctx, vpc.VpcId ?? '').catch((error: unknown) => {
          if (ctx.signal.aborted) throw error;
          ctx.gap('ec2', region, error, `the DNS attributes of ${vpc.VpcId}`);
          return {};
        });
        return toVpc(vpc, scope, dns);
      }),
    ),
  );
  // Each list stands alone: a denied DescribeNatGateways must not cost the VPCs. Only when every
  // list fails (endpoint down, no EC2 permission at all) does EC2 fail as one gap.
  const failures: { what: string; error: unknown }[] = [];
  const read = <T>(what: string, list: Promise<T[]>): Promise<T[]> =>
    list.catch((error: unknown) => {
      if (ctx.signal.aborted) throw error;
      failures.push({ what, error });
      return [];
    });
  const edges = readEc2Edges(client, ctx, scope);
  const lists = [
    read('VPCs', vpcsWithDns),
    read('subnets', collectPages(paginateDescribeSubnets(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.Subnets)),
    read('route tables', collectPages(paginateDescribeRouteTables(paging(EC2_ROUTE_TABLE_PAGE_SIZE), {}, opts), (p) => p.RouteTables)),
    read('internet gateways', collectPages(paginateDescribeInternetGateways(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.InternetGateways)),
    read('egress-only internet gateways', collectPages(paginateDescribeEgressOnlyInternetGateways(paging(EC2_EGRESS_ONLY_PAGE_SIZE), {}, opts), (p) => p.EgressOnlyInternetGateways)),
    read('NAT gateways', collectPages(paginateDescribeNatGateways(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.NatGateways)),
    read('VPC endpoints', collectPages(paginateDescribeVpcEndpoints(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.VpcEndpoints)),
    read('security groups', collectPages(paginateDescribeSecurityGroups(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.SecurityGroups)),
    read('network ACLs', collectPages(paginateDescribeNetworkAcls(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.NetworkAcls)),
    read('network interfaces', collectPages(paginateDescribeNetworkInterfaces(paging(EC2_PAGE_SIZE), {}, opts), (p) => p.NetworkInterfaces)),
    read('managed prefix lists', edges.prefixLists),
    read('VPC peering connections', edges.vpcPeeringConnections),
    read('transit gateway attachments', edges.transitGatewayAttachments),
  ] as const;
  const [vpcs, subnets, routeTables, internetGateways, egressOnly, natGateways, endpoints, securityGroups, networkAcls, enis, prefixLists, vpcPeeringConnections, transitGatewayAttachments] =
    await Promise.all(lists);
  if (failures.length === lists.length && failures[0]) throw failures[0].error;
  for (const failure of failures) ctx.gap('ec2', region, failure.error, failure.what);

  return {
    vpcs,
    subnets: subnets.map((s) => toSubnet(s, scope)),
    routeTables: routeTables.map((t) => toRouteTable(t, scope)),
    internetGateways: internetGateways.map((g) => toInternetGateway(g, scope)),
    egressOnlyInternetGateways: egressOnly.map((g) => toEgressOnlyInternetGateway(g, scope)),
    // Deleted NAT gateways stay listed for about an hour; kept, so a blackholed route can name what it lost.
    natGateways: natGateways.map((g) => toNatGateway(g, scope)),
    vpcEndpoints: endpoints.map((e) => toVpcEndpoint(e, scope)).filter((e) => e !== undefined),
    securityGroups: securityGroups.map((g) => toSecurityGroup(g, scope)),
    networkAcls: networkAcls.map((a) => toNetworkAcl(a, scope)),
    networkInterfaces: enis.map((e) => toNetworkInterface(e, scope)),
    prefixLists,
    vpcPeeringConnections,
    transitGatewayAttachments,
  };
}
