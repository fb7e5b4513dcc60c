// A VPC as most serverless accounts have one: two public subnets (0.0.0.0/0 → igw-1) and two
// private subnets (0.0.0.0/0 → nat-1, which sits in public subnet a). Tests change one part
// (the NAT's state, a route) and build the snapshot from the parts.
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
    securityGroupIds: ['sg-endpoint'],
    ...overrides,
  };
}

export function gatewayEndpoint(service: 's3' | 'dynamodb', routeTableIds: string[]): Item<'vpcEndpoints'> {
  return { ...here, id: `vpce-${service}-gw`, vpcId: VPC_ID, serviceName: `com.amazonaws.${here.region}.${service}`, type: 'Gateway', routeTableIds };
}
