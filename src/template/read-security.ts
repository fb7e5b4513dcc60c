// Security groups, network ACLs and VPC endpoints. Two EC2 defaults the template never spells out:
// a security group with no egress rules allows all egress, but CloudFormation removes that rule
// once any egress rule is declared (inline or as AWS::EC2::SecurityGroupEgress); a new network
// ACL denies everything until entries allow it, while the VPC's default ACL allows everything.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html (VpcEndpointType defaults to Gateway; PrivateDnsEnabled to false)
import type { NetworkAclEntry, SecurityGroup, SecurityGroupRule } from '../model/snapshot';
import { findResource, resourceToChange } from './read-network';
import { modelId } from './resource-refs';
import { originOf, property, stamp } from './resource-common';
import type { TemplateContext, TemplateResource } from './template-context';
import type { TemplateNode } from './template-node';
import { isValueMap, symbolic, textList, valueBoolean, valueNumber, valueText, type Value, type ValueMap } from './values';

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '-1': '-1', all: '-1', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

export function protocolName(value: Value | undefined): string {
  const text = (valueText(value) ?? '-1').toLowerCase();
  return PROTOCOL_NAMES[text] ?? text;
}

function list(value: Value | undefined): string[] {
  return value === undefined ? [] : textList(value);
}

/** One rule as EC2 keeps it; `egress` says which side names the peer (Destination… vs Source…). */
function rule(item: ValueMap, egress: boolean): SecurityGroupRule {
  const protocol = protocolName(item.IpProtocol);
  const peer = egress ? 'Destination' : 'Source';
  const fromPort = valueNumber(item.FromPort);
  const toPort = valueNumber(item.ToPort);
  const description = valueText(item.Description);
  return {
    protocol,
    ...(protocol !== '-1' && fromPort !== undefined ? { fromPort } : {}),
    ...(protocol !== '-1' && toPort !== undefined ? { toPort } : {}),
    cidrs: list(item.CidrIp),
    ipv6Cidrs: list(item.CidrIpv6),
    securityGroupIds: [...list(item[`${peer}SecurityGroupId`]), ...list(item.SourceSecurityGroupName).map((n) => symbolic(`security group named ${n}`))],
    prefixListIds: list(item[`${peer}PrefixListId`]),
    ...(description !== undefined ? { description } : {}),
  };
}

function rules(ctx: TemplateContext, node: TemplateNode | undefined, egress: boolean): SecurityGroupRule[] {
  const value = ctx.evaluate(node);
  return Array.isArray(value) ? (value as Value[]).filter(isValueMap).map((item) => rule(item, egress)) : [];
}

const ALLOW_ALL_EGRESS: SecurityGroupRule = { protocol: '-1', cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], securityGroupIds: [], prefixListIds: [] };

/** Groups that got the implicit allow-all egress rule; a standalone egress rule removes it. */
const implicitEgress = new WeakMap<TemplateContext, Set<SecurityGroup>>();

function readSecurityGroup(ctx: TemplateContext, resource: TemplateResource): void {
  const ingress = property(ctx, resource, 'SecurityGroupIngress');
  const egress = property(ctx, resource, 'SecurityGroupEgress');
  const egressRules = rules(ctx, egress?.node, true);
  const group: SecurityGroup = {
    id: modelId(ctx, resource),
    ...stamp(ctx, resource),
    // With no VpcId the group goes to the default VPC, which the template does not name.
    vpcId: ctx.text(property(ctx, resource, 'VpcId')?.node) ?? symbolic('default VPC'),
    groupName: ctx.text(property(ctx, resource, 'GroupName')?.node) ?? resource.logicalId,
    description: ctx.text(property(ctx, resource, 'GroupDescription')?.node) ?? '',
    ingress: rules(ctx, ingress?.node, false),
    egress: egressRules.length > 0 ? egressRules : [ALLOW_ALL_EGRESS],
  };
  ctx.model.add('securityGroups', group, originOf(resource, { ingress, egress }));
  if (egressRules.length === 0) {
    const set = implicitEgress.get(ctx) ?? new Set();
    set.add(group);
    implicitEgress.set(ctx, set);
  }
}

function readStandaloneRule(ctx: TemplateContext, resource: TemplateResource, egress: boolean): void {
  const group = resourceToChange(ctx, 'securityGroups', ctx.text(property(ctx, resource, 'GroupId')?.node) ?? '');
  const value = ctx.evaluate(resource.properties);
  if (!group || !isValueMap(value)) return;
  if (egress && implicitEgress.get(ctx)?.delete(group)) group.egress = [];
  (egress ? group.egress : group.ingress).push(rule(value, egress));
  ctx.model.origin('securityGroups', group.id)?.anchors.set(egress ? 'egress' : 'ingress', resource.keySpan);
}

const DENY_ALL = (egress: boolean, ipv6: boolean): NetworkAclEntry => ({
  ruleNumber: 32767,
  egress,
  protocol: '-1',
  action: 'deny',
  ...(ipv6 ? { ipv6Cidr: '::/0' } : { cidr: '0.0.0.0/0' }),
});

function readNetworkAcl(ctx: TemplateContext, resource: TemplateResource): void {
  ctx.model.add(
    'networkAcls',
    { id: modelId(ctx, resource), ...stamp(ctx, resource), vpcId: ctx.text(property(ctx, resource, 'VpcId')?.node) ?? symbolic('VPC'), isDefault: false, subnetIds: [], entries: [] },
    originOf(resource),
  );
}

function readNetworkAclEntry(ctx: TemplateContext, resource: TemplateResource): void {
  const acl = resourceToChange(ctx, 'networkAcls', ctx.text(property(ctx, resource, 'NetworkAclId')?.node) ?? '');
  const value = ctx.evaluate(resource.properties);
  if (!acl || !isValueMap(value)) return;
  const range = isValueMap(value.PortRange) ? value.PortRange : undefined;
  const cidr = valueText(value.CidrBlock);
  const ipv6Cidr = valueText(value.Ipv6CidrBlock);
  const fromPort = valueNumber(range?.From);
  const toPort = valueNumber(range?.To);
  acl.entries.push({
    ruleNumber: valueNumber(value.RuleNumber) ?? 0,
    egress: valueBoolean(value.Egress) ?? false,
    protocol: protocolName(value.Protocol),
    action: valueText(value.RuleAction)?.toLowerCase() === 'allow' ? 'allow' : 'deny',
    ...(cidr !== undefined ? { cidr } : {}),
    ...(ipv6Cidr !== undefined ? { ipv6Cidr } : {}),
    ...(fromPort !== undefined ? { fromPort } : {}),
    ...(toPort !== undefined ? { toPort } : {}),
  });
  ctx.model.origin('networkAcls', acl.id)?.anchors.set(`entry:${valueNumber(value.RuleNumber) ?? 0}:${valueBoolean(value.Egress) ? 'egress' : 'ingress'}`, resource.keySpan);
}

function readNetworkAclAssociation(ctx: TemplateContext, resource: TemplateResource): void {
  const acl = resourceToChange(ctx, 'networkAcls', ctx.text(property(ctx, resource, 'NetworkAclId')?.node) ?? '');
  const subnetId = ctx.text(property(ctx, resource, 'SubnetId')?.node);
  if (acl && subnetId && !acl.subnetIds.includes(subnetId)) acl.subnetIds.push(subnetId);
}

/** Template ACLs get their final `*` deny rules; default ACLs of template VPCs allow all and serve the unassociated subnets. */
function finishNetworkAcls(ctx: TemplateContext): void {
  const associated = new Set(ctx.model.resources.networkAcls.filter((a) => !a.isDefault).flatMap((a) => a.subnetIds));
  for (const acl of ctx.model.resources.networkAcls) {
    if (ctx.model.isAdopted('networkAcls', acl.id)) continue;
    const ipv6 = (findResource(ctx, 'vpcs', acl.vpcId)?.ipv6CidrBlocks.length ?? 0) > 0;
    const sides = [false, true];
    if (acl.isDefault) {
      acl.subnetIds = ctx.model.resources.subnets.filter((s) => s.vpcId === acl.vpcId && !associated.has(s.id)).map((s) => s.id);
      for (const egress of sides) {
        acl.entries.push({ ruleNumber: 100, egress, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' });
        if (ipv6) acl.entries.push({ ruleNumber: 101, egress, protocol: '-1', action: 'allow', ipv6Cidr: '::/0' });
      }
    }
    for (const egress of sides) {
      acl.entries.push(DENY_ALL(egress, false));
      if (ipv6) acl.entries.push(DENY_ALL(egress, true));
    }
  }
}

/** The VPC's default security group: what an interface endpoint without SecurityGroupIds gets. */
function defaultGroupOf(ctx: TemplateContext, vpcId: string): string[] {
  const own = ctx.model.get('securityGroups', `sg-${vpcId.replace(/^vpc-/, '')}-default`);
  if (own && own.vpcId === vpcId) return [own.id];
  const inAccount = ctx.env.account?.resources.securityGroups.find((g) => g.vpcId === vpcId && g.groupName === 'default');
  return [inAccount?.id ?? symbolic(`default security group of ${vpcId}`)];
}

function readVpcEndpoint(ctx: TemplateContext, resource: TemplateResource): void {
  const vpcId = ctx.text(property(ctx, resource, 'VpcId')?.node) ?? symbolic('VPC');
  const type = ctx.text(property(ctx, resource, 'VpcEndpointType')?.node) ?? 'Gateway';
  const privateDns = property(ctx, resource, 'PrivateDnsEnabled');
  const groups = property(ctx, resource, 'SecurityGroupIds');
  const policy = ctx.evaluate(property(ctx, resource, 'PolicyDocument')?.node);
  const policyText = isValueMap(policy) ? JSON.stringify(policy) : valueText(policy);
  ctx.model.add(
    'vpcEndpoints',
    {
      id: modelId(ctx, resource),
      ...stamp(ctx, resource),
      vpcId,
      serviceName: ctx.text(property(ctx, resource, 'ServiceName')?.node) ?? symbolic(`ServiceName of ${resource.logicalId}`),
      type: type === 'Interface' || type === 'GatewayLoadBalancer' ? type : 'Gateway',
      state: 'available',
      privateDnsEnabled: valueBoolean(ctx.evaluate(privateDns?.node)) ?? false,
      subnetIds: ctx.list(property(ctx, resource, 'SubnetIds')?.node),
      securityGroupIds: groups ? ctx.list(groups.node) : type === 'Interface' ? defaultGroupOf(ctx, vpcId) : [],
      routeTableIds: ctx.list(property(ctx, resource, 'RouteTableIds')?.node),
      ...(policyText !== undefined ? { policyDocument: policyText } : {}),
    },
    originOf(resource, { privateDns, securityGroupIds: groups, subnetIds: property(ctx, resource, 'SubnetIds'), routeTableIds: property(ctx, resource, 'RouteTableIds') }),
  );
}

export function readSecurity(ctx: TemplateContext): void {
  const each = (type: string, read: (ctx: TemplateContext, resource: TemplateResource) => void) => ctx.ofType(type).forEach((r) => read(ctx, r));
  each('AWS::EC2::SecurityGroup', readSecurityGroup);
  ctx.ofType('AWS::EC2::SecurityGroupIngress').forEach((r) => readStandaloneRule(ctx, r, false));
  ctx.ofType('AWS::EC2::SecurityGroupEgress').forEach((r) => readStandaloneRule(ctx, r, true));
  each('AWS::EC2::NetworkAcl', readNetworkAcl);
  each('AWS::EC2::NetworkAclEntry', readNetworkAclEntry);
  each('AWS::EC2::SubnetNetworkAclAssociation', readNetworkAclAssociation);
  finishNetworkAcls(ctx);
  each('AWS::EC2::VPCEndpoint', readVpcEndpoint);
}
