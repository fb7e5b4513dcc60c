// The ways out of a VPC — internet gateways, NAT gateways, VPC endpoints — shown where they sit, so
// "why can't my function get out?" can be read in the tree as it is on the diagram.
import type { InternetGateway, NatGateway, VpcEndpoint } from '../../model/snapshot';
import { resourceNode, type FindingIndex, type ResourceTreeNode } from './tree-node';

export function internetGatewayNode(findings: FindingIndex, parentId: string, igw: InternetGateway): ResourceTreeNode {
  return resourceNode(
    parentId,
    igw,
    {
      label: igw.name ?? igw.id,
      description: 'internet gateway',
      icon: 'globe',
      kind: 'internet-gateway',
      expanded: false,
      tooltip: { title: `Internet gateway ${igw.name ?? igw.id}`, rows: [['ID', igw.id], ['Attached to', igw.attachedVpcIds.join(', ')]] },
      children: [],
    },
    findings,
  );
}

export function natGatewayNode(findings: FindingIndex, parentId: string, nat: NatGateway): ResourceTreeNode {
  return resourceNode(
    parentId,
    nat,
    {
      label: nat.name ?? nat.id,
      description: `NAT gateway · ${nat.state}`,
      icon: 'arrow-swap',
      kind: 'nat-gateway',
      expanded: false,
      tooltip: {
        title: `NAT gateway ${nat.name ?? nat.id}`,
        rows: [['ID', nat.id], ['State', nat.state], ['Connectivity', nat.connectivity], ['Public IP', nat.publicIp], ['Subnet', nat.subnetId]],
      },
      children: [],
    },
    findings,
  );
}

export function vpcEndpointNode(findings: FindingIndex, parentId: string, endpoint: VpcEndpoint): ResourceTreeNode {
  // "com.amazonaws.eu-west-1.s3" → "s3": the service is what a reader looks for.
  const service = endpoint.serviceName.split('.').pop() ?? endpoint.serviceName;
  return resourceNode(
    parentId,
    endpoint,
    {
      label: endpoint.name ?? `${service} endpoint`,
      description: `${endpoint.type} endpoint · ${endpoint.state}`,
      icon: 'debug-disconnect',
      kind: 'vpc-endpoint',
      expanded: false,
      tooltip: {
        title: `VPC endpoint ${endpoint.name ?? endpoint.id}`,
        rows: [
          ['ID', endpoint.id],
          ['Service', endpoint.serviceName],
          ['Type', endpoint.type],
          ['State', endpoint.state],
          ['Private DNS', endpoint.type === 'Interface' ? (endpoint.privateDnsEnabled ? 'enabled' : 'disabled') : undefined],
          ['Subnets', endpoint.subnetIds.join(', ')],
          ['Route tables', endpoint.routeTableIds.join(', ')],
        ],
      },
      children: [],
    },
    findings,
  );
}
