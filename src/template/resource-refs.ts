// What `Ref` and `Fn::GetAtt` of a template resource return, and so the id the resource has in
// the model. AWS generates most ids at deploy time; the template's stand-in is the logical id
// with the kind's prefix (subnet-PrivateSubnetA, igw-InternetGateway), because the analysis reads
// a route target's kind from its prefix as EC2 does. Names the template sets (FunctionName,
// DomainName) are used as they are. Attributes known only after deploy stay symbolic.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-subnet.html (Ref, Fn::GetAtt sections of each type)
import { deployedResource } from './deployed-stack';
import { childOf } from './template-node';
import type { TemplateContext, TemplateResource } from './template-context';
import { symbolic, valueText, type Value } from './values';

/** EC2 resources: the prefix of the ids AWS gives them. */
const ID_PREFIX: Readonly<Record<string, string>> = {
  'AWS::EC2::VPC': 'vpc',
  'AWS::EC2::Subnet': 'subnet',
  'AWS::EC2::RouteTable': 'rtb',
  'AWS::EC2::InternetGateway': 'igw',
  'AWS::EC2::EgressOnlyInternetGateway': 'eigw',
  'AWS::EC2::NatGateway': 'nat',
  'AWS::EC2::VPCEndpoint': 'vpce',
  'AWS::EC2::SecurityGroup': 'sg',
  'AWS::EC2::NetworkAcl': 'acl',
  'AWS::EC2::NetworkInterface': 'eni',
  'AWS::EC2::VPNGateway': 'vgw',
  'AWS::EC2::TransitGateway': 'tgw',
  'AWS::EC2::VPCPeeringConnection': 'pcx',
  'AWS::EC2::Instance': 'i',
  'AWS::EC2::PrefixList': 'pl',
  'AWS::EC2::CarrierGateway': 'cagw',
  'AWS::EC2::LocalGatewayRouteTable': 'lgw-rtb',
};

/** Resources whose Ref is a name set by a property (else generated: the logical id stands in). */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Serverless::Function': 'FunctionName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::ApiGateway::DomainName': 'DomainName',
  'AWS::ApiGatewayV2::DomainName': 'DomainName',
  'AWS::Route53::RecordSet': 'Name',
  'AWS::ApiGateway::Stage': 'StageName',
  'AWS::ApiGatewayV2::Stage': 'StageName',
};

/** Resources whose Ref is an id AWS generates; the logical id stands in. */
const GENERATED_ID = new Set([
  'AWS::ApiGateway::RestApi',
  'AWS::Serverless::Api',
  'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::HttpApi',
  'AWS::Route53::HostedZone',
]);

/** The API Gateway edge distribution's hosted zone, the same for every EDGE domain (DOMAIN.md item 20). */
export const EDGE_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

const memo = new WeakMap<TemplateContext, Map<string, Value>>();

function remembered(ctx: TemplateContext, key: string, compute: () => Value): Value {
  let cache = memo.get(ctx);
  if (!cache) {
    cache = new Map();
    memo.set(ctx, cache);
  }
  if (cache.has(key)) return cache.get(key) as Value;
  // A reference cycle (a name built from itself) resolves to a symbolic value instead of recursing.
  cache.set(key, symbolic(key));
  const value = compute();
  cache.set(key, value);
  return value;
}

/** The model id of a resource: what its Ref returns, as text. */
export function modelId(ctx: TemplateContext, resource: TemplateResource): string {
  return valueText(refOf(ctx, resource)) ?? symbolic(`Ref ${resource.logicalId}`);
}

function refOf(ctx: TemplateContext, resource: TemplateResource): Value {
  return remembered(ctx, `Ref ${resource.logicalId}`, () => {
    const { type, logicalId } = resource;
    const deployed = deployedResource(ctx, type, logicalId);
    if (deployed) return deployed.id;
    const prefix = ID_PREFIX[type];
    if (prefix) return `${prefix}-${logicalId}`;
    const nameProperty = NAME_PROPERTY[type];
    if (nameProperty) {
      const name = ctx.text(childOf(resource.properties, nameProperty));
      if (name !== undefined) return name;
      if (type === 'AWS::ApiGateway::DomainName' || type === 'AWS::ApiGatewayV2::DomainName' || type === 'AWS::Route53::RecordSet') {
        return symbolic(`Ref ${logicalId}`);
      }
      return logicalId;
    }
    if (GENERATED_ID.has(type)) return logicalId;
    if (type === 'AWS::CertificateManager::Certificate') return `arn:${ctx.env.partition}:acm:${ctx.region}:${ctx.accountId}:certificate/${logicalId}`;
    return symbolic(`Ref ${logicalId}`);
  });
}

/** A deployed VPC's default security group or network ACL, from the account. */
function accountDefault(ctx: TemplateContext, kind: 'securityGroups' | 'networkAcls', vpcId: string): Value {
  const account = ctx.env.account?.resources;
  const found =
    kind === 'securityGroups'
      ? account?.securityGroups.find((g) => g.vpcId === vpcId && g.groupName === 'default')
      : account?.networkAcls.find((a) => a.vpcId === vpcId && a.isDefault);
  return found?.id ?? symbolic(`default ${kind === 'securityGroups' ? 'security group' : 'network ACL'} of ${vpcId}`);
}

/** The role SAM generates for a function: its deployed ARN when the stack is deployed, else the stand-in's. */
export function generatedRoleArn(ctx: TemplateContext, logicalId: string): string {
  const deployed = deployedResource(ctx, 'AWS::IAM::Role', logicalId);
  return deployed && 'arn' in deployed ? deployed.arn : roleArn(ctx, logicalId);
}

/** The ARN a Lambda function gets (its name is the model id). */
export function functionArn(ctx: TemplateContext, name: string): string {
  return `arn:${ctx.env.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${name}`;
}

export function roleArn(ctx: TemplateContext, name: string, path = '/'): string {
  return `arn:${ctx.env.partition}:iam::${ctx.accountId}:role${path.endsWith('/') ? path : `${path}/`}${name}`;
}

/** SAM-generated resources a template may refer to by their documented logical ids. */
function implicitRef(ctx: TemplateContext, logicalId: string): Value | undefined {
  if (logicalId === 'ServerlessRestApi' || logicalId === 'ServerlessHttpApi') return logicalId;
  // AWS::Serverless::Function without Role: SAM generates <Function>Role.
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html
  const owner = logicalId.endsWith('Role') ? ctx.resources.get(logicalId.slice(0, -4)) : undefined;
  if (owner?.type === 'AWS::Serverless::Function' && !childOf(owner.properties, 'Role')) return deployedResource(ctx, 'AWS::IAM::Role', logicalId)?.id ?? logicalId;
  return undefined;
}

export function resourceRef(ctx: TemplateContext, logicalId: string): Value | undefined {
  const resource = ctx.resources.get(logicalId);
  return resource ? refOf(ctx, resource) : implicitRef(ctx, logicalId);
}

export function resourceAttribute(ctx: TemplateContext, logicalId: string, attribute: string): Value | undefined {
  const resource = ctx.resources.get(logicalId);
  const unknown = symbolic(`GetAtt ${logicalId}.${attribute}`);
  if (!resource) {
    const implicit = implicitRef(ctx, logicalId);
    if (implicit === undefined) return undefined;
    return attribute === 'Arn' && logicalId.endsWith('Role') ? generatedRoleArn(ctx, logicalId) : unknown;
  }
  return remembered(ctx, `GetAtt ${logicalId}.${attribute}`, () => attributeOf(ctx, resource, attribute) ?? unknown);
}

function attributeOf(ctx: TemplateContext, resource: TemplateResource, attribute: string): Value | undefined {
  const { type, logicalId } = resource;
  const id = modelId(ctx, resource);
  const prop = (name: string) => ctx.evaluate(childOf(resource.properties, name));
  const deployed = deployedResource(ctx, type, logicalId);
  switch (type) {
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function':
      return attribute === 'Arn' ? functionArn(ctx, id) : undefined;
    case 'AWS::IAM::Role':
      if (attribute !== 'Arn') return undefined;
      return deployed && 'arn' in deployed ? deployed.arn : roleArn(ctx, id, ctx.text(childOf(resource.properties, 'Path')));
    case 'AWS::EC2::VPC':
      if (attribute === 'CidrBlock') return prop('CidrBlock');
      if (attribute === 'DefaultSecurityGroup') return deployed ? accountDefault(ctx, 'securityGroups', id) : `sg-${logicalId}-default`;
      if (attribute === 'DefaultNetworkAcl') return deployed ? accountDefault(ctx, 'networkAcls', id) : `acl-${logicalId}-default`;
      break;
    case 'AWS::EC2::Subnet':
      if (attribute === 'VpcId' || attribute === 'AvailabilityZone' || attribute === 'CidrBlock') return prop(attribute);
      break;
    case 'AWS::EC2::SecurityGroup':
      if (attribute === 'VpcId') return prop('VpcId');
      break;
    case 'AWS::EC2::EIP':
      return attribute === 'AllocationId' ? `eipalloc-${logicalId}` : undefined;
    case 'AWS::ApiGateway::DomainName':
      return attribute === 'DistributionHostedZoneId' ? EDGE_HOSTED_ZONE_ID : undefined;
    case 'AWS::CertificateManager::Certificate':
      return undefined;
  }
  const shortType = type.split('::').pop() ?? '';
  // Id-like attributes of EC2 resources are the id itself (GroupId, SubnetId, NatGatewayId, …).
  if (ID_PREFIX[type] && (attribute === 'Id' || attribute === 'GroupId' || attribute === `${shortType}Id` || attribute === `${shortType.replace(/^VPC/, 'Vpc')}Id`)) return id;
  return undefined;
}
