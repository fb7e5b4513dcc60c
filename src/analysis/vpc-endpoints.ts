// Whether a VPC endpoint carries a function's calls to an AWS service without the internet.
// Interface endpoint: available, private DNS on (so the SDK's default host name resolves to
// it), and the VPC's DNS support + hostnames on; its ENIs are reachable from every subnet of
// the VPC through the local route, so an endpoint in another AZ still serves (across AZs).
// Gateway endpoint (S3, DynamoDB): associated with the subnet's route table.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-endpoints.html
// https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
// https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
// Here only whether the endpoint takes the calls; whether its security group and the NACLs let
// them through is the path's business (subnet-paths.ts). Endpoint policies are not evaluated: an
// endpoint that passes these checks is taken to allow the action.
import type { FindingFix, Hop } from '../model/finding';
import type { RouteTable, Subnet, VpcEndpoint } from '../model/snapshot';
import { defaultApiHostName, endpointServiceName } from './aws-services';
import { hop } from './hops';
import type { SnapshotIndex } from './snapshot-index';

export interface UnusableEndpoint {
  readonly endpoint: VpcEndpoint;
  /** Completes "endpoint vpce-… …". */
  readonly problem: string;
  readonly fix: string;
  readonly machineFix?: FindingFix;
}

export interface EndpointReach {
  readonly usable?: { readonly endpoint: VpcEndpoint; readonly hops: readonly Hop[] };
  readonly unusable: readonly UnusableEndpoint[];
}

function isAvailable(endpoint: VpcEndpoint): boolean {
  return endpoint.state.toLowerCase() === 'available';
}

function interfaceEndpointProblem(index: SnapshotIndex, endpoint: VpcEndpoint, region: string, service: string): UnusableEndpoint | undefined {
  if (!isAvailable(endpoint)) {
    return { endpoint, problem: `is ${endpoint.state}`, fix: `wait until ${endpoint.id} is available, or recreate it` };
  }
  if (!endpoint.privateDnsEnabled) {
    return {
      endpoint,
      problem: `has private DNS off, so the SDK's default host ${defaultApiHostName(region, service)} still resolves to public addresses`,
      fix: `turn on private DNS for ${endpoint.id}`,
      machineFix: { kind: 'enable-private-dns', endpointId: endpoint.id },
    };
  }
  const vpc = index.vpcs.get(endpoint.vpcId);
  if (vpc && (vpc.enableDnsSupport === false || vpc.enableDnsHostnames === false)) {
    const off = vpc.enableDnsSupport === false ? 'enableDnsSupport' : 'enableDnsHostnames';
    return {
      endpoint,
      problem: `relies on private DNS, but ${vpc.id} has ${off} off`,
      fix: `turn on enableDnsSupport and enableDnsHostnames for ${vpc.id}`,
      machineFix: { kind: 'enable-vpc-dns', vpcId: vpc.id },
    };
  }
  return undefined;
}

function gatewayEndpointProblem(endpoint: VpcEndpoint, routeTable: RouteTable | undefined): UnusableEndpoint | undefined {
  if (!isAvailable(endpoint)) {
    return { endpoint, problem: `is ${endpoint.state}`, fix: `wait until ${endpoint.id} is available, or recreate it` };
  }
  if (!routeTable) return undefined;
  const associated = endpoint.routeTableIds.includes(routeTable.id) || routeTable.routes.some((r) => r.target === endpoint.id && r.state === 'active');
  if (associated) return undefined;
  return {
    endpoint,
    problem: `is not associated with route table ${routeTable.id}`,
    fix: `associate gateway endpoint ${endpoint.id} with route table ${routeTable.id}`,
    machineFix: { kind: 'associate-gateway-endpoint', endpointId: endpoint.id, routeTableIds: [routeTable.id] },
  };
}

function sameAzNote(index: SnapshotIndex, endpoint: VpcEndpoint, subnet: Subnet): string | undefined {
  const zones = endpoint.subnetIds.map((id) => index.subnets.get(id)?.availabilityZone).filter((z): z is string => z !== undefined);
  if (zones.length === 0 || zones.includes(subnet.availabilityZone)) return undefined;
  return `no endpoint ENI in ${subnet.availabilityZone}: calls cross AZs`;
}

/** How calls to `service` from `subnet` can use the VPC's endpoints (the subnet's route table matters for gateway endpoints). */
export function endpointReach(index: SnapshotIndex, subnet: Subnet, routeTable: RouteTable | undefined, region: string, service: string): EndpointReach {
  const serviceName = endpointServiceName(region, service);
  const candidates = index.snapshot.resources.vpcEndpoints
    .filter((e) => e.vpcId === subnet.vpcId && e.serviceName.toLowerCase() === serviceName && (e.type === 'Interface' || e.type === 'Gateway'))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const unusable: UnusableEndpoint[] = [];
  for (const endpoint of candidates) {
    const problem = endpoint.type === 'Interface' ? interfaceEndpointProblem(index, endpoint, region, service) : gatewayEndpointProblem(endpoint, routeTable);
    if (problem) {
      unusable.push(problem);
      continue;
    }
    const note = endpoint.type === 'Interface' ? sameAzNote(index, endpoint, subnet) : undefined;
    return { usable: { endpoint, hops: [hop('vpc-endpoint', endpoint.id, true, note)] }, unusable };
  }
  return { unusable };
}
