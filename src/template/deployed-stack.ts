// The template's own stack, as already deployed in the account: CloudFormation tags every
// resource it creates with aws:cloudformation:stack-name and :logical-id, so when the stack name
// is known (samconfig's stack_name, or given), a template resource takes the physical id its
// deployed copy has. The check then talks about the same subnet-0abc… the console shows, and the
// merged snapshot holds each resource once instead of the template's stand-in beside the real one.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html
import type { ResourceKind } from '../model/snapshot';
import type { TemplateContext } from './template-context';
import type { ResourceOf } from './template-model';

/** The model list a deployed resource of a template type is in. */
const KIND_OF_TYPE: Readonly<Record<string, ResourceKind>> = {
  'AWS::EC2::VPC': 'vpcs',
  'AWS::EC2::Subnet': 'subnets',
  'AWS::EC2::RouteTable': 'routeTables',
  'AWS::EC2::InternetGateway': 'internetGateways',
  'AWS::EC2::EgressOnlyInternetGateway': 'egressOnlyInternetGateways',
  'AWS::EC2::NatGateway': 'natGateways',
  'AWS::EC2::VPCEndpoint': 'vpcEndpoints',
  'AWS::EC2::SecurityGroup': 'securityGroups',
  'AWS::EC2::NetworkAcl': 'networkAcls',
  'AWS::Lambda::Function': 'lambdaFunctions',
  'AWS::Serverless::Function': 'lambdaFunctions',
  'AWS::IAM::Role': 'iamRoles',
  'AWS::ApiGateway::RestApi': 'apis',
  'AWS::Serverless::Api': 'apis',
  'AWS::ApiGatewayV2::Api': 'apis',
  'AWS::Serverless::HttpApi': 'apis',
  'AWS::CertificateManager::Certificate': 'certificates',
  'AWS::Route53::HostedZone': 'hostedZones',
};

const STACK_TAG = 'aws:cloudformation:stack-name';
const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';

type Deployed = ResourceOf<ResourceKind>;

const indexes = new WeakMap<TemplateContext, Map<string, Deployed>>();

function indexOf(ctx: TemplateContext): Map<string, Deployed> {
  let index = indexes.get(ctx);
  if (index) return index;
  index = new Map();
  const { account, stackName } = ctx.env;
  if (account && stackName) {
    for (const kind of new Set(Object.values(KIND_OF_TYPE))) {
      for (const resource of account.resources[kind] as Deployed[]) {
        if (resource.tags?.[STACK_TAG] !== stackName) continue;
        // Regional resources of another region belong to another deployment of the stack.
        if (resource.region !== 'global' && resource.region !== ctx.region) continue;
        const logicalId = resource.logicalId ?? resource.tags[LOGICAL_ID_TAG];
        if (logicalId && !index.has(`${kind}\u0000${logicalId}`)) index.set(`${kind}\u0000${logicalId}`, resource);
      }
    }
  }
  indexes.set(ctx, index);
  return index;
}

/** The deployed copy of a template resource (or of one SAM generates, such as <Function>Role), if any. */
export function deployedResource(ctx: TemplateContext, type: string, logicalId: string): Deployed | undefined {
  const kind = KIND_OF_TYPE[type];
  return kind ? indexOf(ctx).get(`${kind}\u0000${logicalId}`) : undefined;
}
