// account → region → VPC → subnet → Lambda function / NAT gateway / ENI (and the VPC's gateways
// and endpoints): where things sit in the network.
import type { LambdaFunction, NetworkInterface, Snapshot, Subnet, Vpc } from '../../model/snapshot';
import { internetGatewayNode, natGatewayNode, vpcEndpointNode } from './gateway-nodes';
import { defaultRouteTarget } from './routes';
import { plural, resourceNode, type FindingIndex, type ResourceTreeNode } from './tree-node';

export function accountNodes(snapshot: Snapshot, findings: FindingIndex): ResourceTreeNode[] {
  const { resources } = snapshot;
  // Accounts the snapshot lists, plus any a resource names (a merged snapshot may lack the list).
  const accountIds = unique([...snapshot.accounts.map((a) => a.id), ...resources.vpcs.map((v) => v.accountId), ...resources.lambdaFunctions.map((f) => f.accountId)]);
  return accountIds.map((accountId) => {
    const account = snapshot.accounts.find((a) => a.id === accountId);
    const id = `account:${accountId}`;
    const regions = unique([
      ...snapshot.regions,
      ...resources.vpcs.filter((v) => v.accountId === accountId).map((v) => v.region),
      ...resources.lambdaFunctions.filter((f) => f.accountId === accountId).map((f) => f.region),
    ]).filter((r) => r !== 'global');
    const profile = account?.profile ?? snapshot.source.profile;
    return {
      id,
      label: account?.alias ?? accountId,
      description: snapshot.source.kind === 'demo' ? 'demo account' : profile,
      icon: 'account',
      status: 'ok',
      kind: 'account',
      expanded: true,
      tooltip: {
        title: `Account ${account?.alias ?? accountId}`,
        rows: [['Account ID', accountId], ['Profile', profile], ['Source', snapshot.source.kind], ['Endpoint', snapshot.source.endpoint]],
      },
      children: regions.map((region) => regionNode(snapshot, findings, id, accountId, region)),
    };
  });
}

function regionNode(snapshot: Snapshot, findings: FindingIndex, parentId: string, accountId: string, region: string): ResourceTreeNode {
  const here = <T extends { accountId: string; region: string }>(list: readonly T[]): T[] =>
    list.filter((r) => r.accountId === accountId && r.region === region);
  const vpcs = here(snapshot.resources.vpcs);
  const outside = here(snapshot.resources.lambdaFunctions).filter((f) => !f.vpcConfig || f.vpcConfig.subnetIds.length === 0);
  const id = `${parentId}/region:${region}`;
  const children = vpcs.map((vpc) => vpcNode(snapshot, findings, id, vpc));
  if (outside.length > 0) {
    children.push({
      id: `${id}/outside-vpc`,
      label: 'Outside any VPC',
      description: plural(outside.length, 'function'),
      icon: 'cloud',
      status: 'ok',
      kind: 'group',
      expanded: false,
      tooltip: { title: 'Functions not attached to a VPC', rows: [['Reach', 'the internet and AWS APIs directly; nothing inside a VPC']] },
      children: outside.map((fn) => functionNode(findings, `${id}/outside-vpc`, fn)),
    });
  }
  return {
    id,
    label: region,
    description: vpcs.length === 0 ? 'no VPCs' : plural(vpcs.length, 'VPC'),
    icon: 'location',
    status: 'ok',
    kind: 'region',
    expanded: true,
    tooltip: { title: `Region ${region}`, rows: [['VPCs', String(vpcs.length)], ['Functions outside a VPC', String(outside.length)]] },
    children,
  };
}

function vpcNode(snapshot: Snapshot, findings: FindingIndex, parentId: string, vpc: Vpc): ResourceTreeNode {
  const subnets = snapshot.resources.subnets.filter((s) => s.vpcId === vpc.id);
  const cidrs = [...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks].join(', ');
  const node = resourceNode(
    parentId,
    vpc,
    {
      label: vpc.name ?? vpc.id,
      description: vpc.isDefault ? `${cidrs} · default` : cidrs,
      icon: 'type-hierarchy',
      kind: 'vpc',
      expanded: false,
      tooltip: {
        title: `VPC ${vpc.name ?? vpc.id}`,
        rows: [['ID', vpc.id], ['CIDR', cidrs], ['Default VPC', vpc.isDefault ? 'yes' : undefined], ['Subnets', String(subnets.length)], ['Template', vpc.logicalId]],
      },
      children: [],
    },
    findings,
  );
  const { internetGateways, vpcEndpoints } = snapshot.resources;
  node.children = [
    ...subnets.map((subnet) => subnetNode(snapshot, findings, node.id, subnet)),
    ...internetGateways.filter((g) => g.attachedVpcIds.includes(vpc.id)).map((g) => internetGatewayNode(findings, node.id, g)),
    ...vpcEndpoints.filter((e) => e.vpcId === vpc.id).map((e) => vpcEndpointNode(findings, node.id, e)),
  ];
  return node;
}

function subnetNode(snapshot: Snapshot, findings: FindingIndex, parentId: string, subnet: Subnet): ResourceTreeNode {
  const { networkInterfaces, lambdaFunctions, natGateways } = snapshot.resources;
  const functions = lambdaFunctions.filter((f) => f.vpcConfig?.subnetIds.includes(subnet.id));
  const nats = natGateways.filter((n) => n.subnetId === subnet.id);
  const enis = networkInterfaces.filter((e) => e.subnetId === subnet.id);
  const node = resourceNode(
    parentId,
    subnet,
    {
      label: subnet.name ?? subnet.id,
      description: `${subnet.cidrBlock} · ${subnet.availabilityZone}`,
      icon: 'type-hierarchy-sub',
      kind: 'subnet',
      expanded: false,
      tooltip: {
        title: `Subnet ${subnet.name ?? subnet.id}`,
        rows: [
          ['ID', subnet.id],
          ['CIDR', [subnet.cidrBlock, ...subnet.ipv6CidrBlocks].join(', ')],
          ['Availability zone', subnet.availabilityZone],
          ['Default route', defaultRouteTarget(snapshot, subnet) ?? 'none (no route to 0.0.0.0/0)'],
          ['Public IP on launch', subnet.mapPublicIpOnLaunch ? 'yes' : undefined],
          ['Template', subnet.logicalId],
        ],
      },
      children: [],
    },
    findings,
  );
  node.children = [
    ...functions.map((fn) => functionNode(findings, node.id, fn)),
    ...nats.map((nat) => natGatewayNode(findings, node.id, nat)),
    ...enis.map((eni) => eniNode(findings, node.id, eni)),
  ];
  return node;
}

export function functionNode(findings: FindingIndex, parentId: string, fn: LambdaFunction, detail?: string): ResourceTreeNode {
  return resourceNode(
    parentId,
    fn,
    {
      label: fn.name ?? fn.id,
      description: detail ?? fn.runtime,
      icon: 'symbol-function',
      kind: 'function',
      expanded: false,
      tooltip: {
        title: `Lambda function ${fn.name ?? fn.id}`,
        rows: [
          ['ARN', fn.arn],
          ['Runtime', fn.runtime],
          ['Timeout', `${fn.timeout} s`],
          ['Subnets', fn.vpcConfig?.subnetIds.join(', ')],
          ['Security groups', fn.vpcConfig?.securityGroupIds.join(', ')],
          ['Role', fn.roleArn],
          ['Needs', fn.needs.map((n) => (n.kind === 'aws-api' ? n.service : n.kind === 'internet' ? 'internet' : `${n.host ?? n.targetId ?? '?'}:${n.port}`)).join(', ')],
          ['Template', fn.logicalId],
        ],
      },
      children: [],
    },
    findings,
    fn.name ? { name: fn.name } : {},
  );
}

function eniNode(findings: FindingIndex, parentId: string, eni: NetworkInterface): ResourceTreeNode {
  return resourceNode(
    parentId,
    eni,
    {
      label: eni.id,
      description: [eni.privateIpAddress, eni.functionIds?.length ? `lambda: ${eni.functionIds.join(', ')}` : eni.interfaceType].filter(Boolean).join(' · '),
      icon: 'plug',
      kind: 'eni',
      expanded: false,
      tooltip: {
        title: `Network interface ${eni.id}`,
        rows: [
          ['Name', eni.name],
          // Lambda shares one ENI among the functions with the same subnet and security groups.
          ['Used by', eni.functionIds?.join(', ')],
          ['Description', eni.description],
          ['Type', eni.interfaceType],
          ['Private IP', eni.privateIpAddress],
          ['Public IP', eni.publicIp],
          ['Security groups', eni.securityGroupIds.join(', ')],
          ['Status', eni.status],
        ],
      },
      children: [],
    },
    findings,
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
