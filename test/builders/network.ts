// A VPC as most serverless accounts have one: two public subnets (0.0.0.0/0 → igw-1) and two
// private subnets (0.0.0.0/0 → nat-1, which sits in public subnet a); the functions' group
// sg-fn (all egress), an endpoint group sg-endpoint (TCP 443 from sg-fn), and the default NACL
// (allow all). Tests change one part (the NAT's state, a route, a rule) and build the snapshot.
import { here, type Item, type ResourcesInput } from './snapshot';

export const VPC_ID = 'vpc-1';
export const IGW_ID = 'igw-1';
export const NAT_ID = 'nat-1';
export const PUBLIC_A = 'subnet-pub-a';
export const PUBLIC_B = 'subnet-pub-b';
export const PRIVATE_A = 'subnet-priv-a';
export const PRIVATE_B = 'subnet-priv-b';
export const MAIN_TABLE = 'rtb-main';
export const PUBLIC_TABLE = 'rtb-public';
export const PRIVATE_TABLE = 'rtb-private';
export const FUNCTION_SG = 'sg-fn';
export const ENDPOINT_SG = 'sg-endpoint';
export const DEFAULT_ACL = 'acl-default';

type Route = Item<'routeTables'>['routes'][number];

export interface Network {
  vpc: Item<'vpcs'>;
  internetGateway: Item<'internetGateways'>;
  nat: Item<'natGateways'>;
  subnets: Item<'subnets'>[];
  mainTable: Item<'routeTables'>;
  publicTable: Item<'routeTables'>;
  privateTable: Item<'routeTables'>;
  endpoints: Item<'vpcEndpoints'>[];
  securityGroups: Item<'securityGroups'>[];
  networkAcls: Item<'networkAcls'>[];
  networkInterfaces: Item<'networkInterfaces'>[];
}

type SgRule = Item<'securityGroups'>['ingress'][number];
type AclEntry = Item<'networkAcls'>['entries'][number];

export function tcpRule(port: number, peer: { cidrs?: string[]; securityGroupIds?: string[]; prefixListIds?: string[] }): SgRule {
  return { protocol: 'tcp', fromPort: port, toPort: port, ...peer };
}

export const ALL_TRAFFIC: SgRule = { protocol: '-1', cidrs: ['0.0.0.0/0'] };

export function securityGroup(id: string, ingress: SgRule[], egress: SgRule[] = [ALL_TRAFFIC]): Item<'securityGroups'> {
  return { ...here, id, vpcId: VPC_ID, groupName: id, ingress, egress };
}

/** A NACL entry; `ports` omitted means all ports. */
export function aclEntry(ruleNumber: number, egress: boolean, action: 'allow' | 'deny', cidr: string, ports?: [number, number], protocol = ports ? '6' : '-1'): AclEntry {
  return { ruleNumber, egress, action, cidr, protocol, ...(ports ? { fromPort: ports[0], toPort: ports[1] } : {}) };
}

/** The VPC's default NACL as AWS creates it: allow all both ways, then the final * deny. */
export function allowAllAcl(id: string, isDefault: boolean, subnetIds: string[]): Item<'networkAcls'> {
  return {
    ...here,
    id,
    vpcId: VPC_ID,
    isDefault,
    subnetIds,
    entries: [aclEntry(100, false, 'allow', '0.0.0.0/0'), aclEntry(32767, false, 'deny', '0.0.0.0/0'), aclEntry(100, true, 'allow', '0.0.0.0/0'), aclEntry(32767, true, 'deny', '0.0.0.0/0')],
  };
}

/** A custom NACL with the given entries (AWS adds the final * deny itself). */
export function customAcl(id: string, subnetIds: string[], entries: AclEntry[]): Item<'networkAcls'> {
  return { ...here, id, vpcId: VPC_ID, isDefault: false, subnetIds, entries };
}

const local: Route = { destinationCidr: '10.0.0.0/16', target: 'local', origin: 'table' };

export function defaultRoute(target: string, state: 'active' | 'blackhole' = 'active'): Route {
  return { destinationCidr: '0.0.0.0/0', target, state };
}

function subnet(id: string, cidrBlock: string, availabilityZone: string): Item<'subnets'> {
  return { ...here, id, name: id, vpcId: VPC_ID, cidrBlock, availabilityZone };
}

export function network(): Network {
  return {
    vpc: { ...here, id: VPC_ID, cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true },
    internetGateway: { ...here, id: IGW_ID, attachedVpcIds: [VPC_ID] },
    nat: { ...here, id: NAT_ID, vpcId: VPC_ID, subnetId: PUBLIC_A, state: 'available', connectivity: 'public', publicIp: '3.38.0.1' },
    subnets: [
      subnet(PUBLIC_A, '10.0.0.0/24', 'ap-northeast-2a'),
      subnet(PUBLIC_B, '10.0.1.0/24', 'ap-northeast-2b'),
      subnet(PRIVATE_A, '10.0.10.0/24', 'ap-northeast-2a'),
      subnet(PRIVATE_B, '10.0.11.0/24', 'ap-northeast-2b'),
    ],
    mainTable: { ...here, id: MAIN_TABLE, vpcId: VPC_ID, main: true, subnetIds: [], routes: [local] },
    publicTable: { ...here, id: PUBLIC_TABLE, vpcId: VPC_ID, main: false, subnetIds: [PUBLIC_A, PUBLIC_B], routes: [local, defaultRoute(IGW_ID)] },
    privateTable: { ...here, id: PRIVATE_TABLE, vpcId: VPC_ID, main: false, subnetIds: [PRIVATE_A, PRIVATE_B], routes: [local, defaultRoute(NAT_ID)] },
    endpoints: [],
    securityGroups: [securityGroup(FUNCTION_SG, []), securityGroup(ENDPOINT_SG, [tcpRule(443, { securityGroupIds: [FUNCTION_SG] })])],
    networkAcls: [allowAllAcl(DEFAULT_ACL, true, [])],
    networkInterfaces: [],
  };
}

export function networkResources(net: Network): ResourcesInput {
  return {
    vpcs: [net.vpc],
    internetGateways: [net.internetGateway],
    natGateways: [net.nat],
    subnets: net.subnets,
    routeTables: [net.mainTable, net.publicTable, net.privateTable],
    vpcEndpoints: net.endpoints,
    securityGroups: net.securityGroups,
    networkAcls: net.networkAcls,
    networkInterfaces: net.networkInterfaces,
  };
}

/** An interface endpoint com.amazonaws.<region>.<service> in the given subnets, available with private DNS on unless overridden. */
export function interfaceEndpoint(service: string, subnetIds: string[], overrides: Partial<Item<'vpcEndpoints'>> = {}): Item<'vpcEndpoints'> {
  return {
    ...here,
    id: `vpce-${service}`,
    vpcId: VPC_ID,
    serviceName: `com.amazonaws.${here.region}.${service}`,
    type: 'Interface',
    state: 'available',
    privateDnsEnabled: true,
    subnetIds,
    securityGroupIds: [ENDPOINT_SG],
    ...overrides,
  };
}

export function gatewayEndpoint(service: 's3' | 'dynamodb', routeTableIds: string[]): Item<'vpcEndpoints'> {
  return { ...here, id: `vpce-${service}-gw`, vpcId: VPC_ID, serviceName: `com.amazonaws.${here.region}.${service}`, type: 'Gateway', routeTableIds };
}
