// ARNs and AWS console addresses for the resources the tree shows. Pure (no `vscode` import), so
// every kind is table-tested in plain Node. Ids and names come from an account or a template and
// may be hostile: each is percent-encoded into its place, so none can change the host or add a
// query parameter; the host is ours alone.

/** The three partitions whose consoles live on different domains. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The resource kinds the tree (and the diagram) name; the same words as the tree's `kind`. */
export type LinkKind =
  | 'vpc'
  | 'subnet'
  | 'route-table'
  | 'security-group'
  | 'network-acl'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'vpc-endpoint'
  | 'eni'
  | 'function'
  | 'api'
  | 'domain'
  | 'mapping'
  | 'certificate'
  | 'hosted-zone'
  | 'record';

/** What a link needs to know about one resource. */
export interface ResourceRef {
  kind: LinkKind;
  id: string;
  accountId: string;
  /** "global" for Route 53. */
  region: string;
  /** The partition the account is in (from the scanned regions); else worked out from the region or ARN. */
  partition?: Partition;
  /** The resource's own ARN when the model carries one (functions, certificates). */
  arn?: string;
  /** Lambda function name, the custom domain name of a domain or mapping, the zone id of a record. */
  name?: string;
  /** REST (v1) or HTTP/WebSocket (v2) for APIs; v1 or v2 for domains. */
  apiFlavour?: 'v1' | 'v2';
}

/** The partition a region belongs to: cn-north-1 → aws-cn, us-gov-west-1 → aws-us-gov, else aws. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function partitionOf(ref: ResourceRef): Partition {
  if (ref.partition) return ref.partition;
  const fromArn = /^arn:(aws|aws-cn|aws-us-gov):/.exec(ref.arn ?? '')?.[1];
  if (fromArn) return fromArn as Partition;
  return partitionOfRegion(ref.region);
}

/** Route 53 returns zone ids as "/hostedzone/Z123"; consoles and ARNs want "Z123". */
function bareZoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}

const EC2_ARN_TYPE: Partial<Record<LinkKind, string>> = {
  vpc: 'vpc',
  subnet: 'subnet',
  'route-table': 'route-table',
  'security-group': 'security-group',
  'network-acl': 'network-acl',
  'internet-gateway': 'internet-gateway',
  'egress-only-internet-gateway': 'egress-only-internet-gateway',
  'nat-gateway': 'natgateway',
  'vpc-endpoint': 'vpc-endpoint',
  eni: 'network-interface',
};

/**
 * The resource's ARN: its own when the model has one, else built as AWS documents it for the kind
 * (EC2 `arn:…:ec2:region:account:vpc/id`, API Gateway `arn:…:apigateway:region::/restapis/id`,
 * Route 53 `arn:…:route53:::hostedzone/id`). Undefined for what has no ARN (a record set).
 */
export function resourceArn(ref: ResourceRef): string | undefined {
  if (ref.arn) return ref.arn;
  const p = partitionOf(ref);
  const ec2Type = EC2_ARN_TYPE[ref.kind];
  if (ec2Type) return `arn:${p}:ec2:${ref.region}:${ref.accountId}:${ec2Type}/${ref.id}`;
  switch (ref.kind) {
    case 'function':
      return `arn:${p}:lambda:${ref.region}:${ref.accountId}:function:${ref.name ?? ref.id}`;
    case 'api':
      return `arn:${p}:apigateway:${ref.region}::/${ref.apiFlavour === 'v2' ? 'apis' : 'restapis'}/${ref.id}`;
    case 'domain':
      return `arn:${p}:apigateway:${ref.region}::/domainnames/${ref.name ?? ref.id}`;
    case 'hosted-zone':
      return `arn:${p}:route53:::hostedzone/${bareZoneId(ref.id)}`;
    default:
      return undefined;
  }
}

/** A region code such as eu-west-1; anything else never becomes part of a host name. */
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The console's origin for a partition; the commercial one has per-region hosts. */
function consoleOrigin(partition: Partition, region: string | undefined): string {
  switch (partition) {
    case 'aws-cn':
      return 'https://console.amazonaws.cn';
    case 'aws-us-gov':
      return 'https://console.amazonaws-us-gov.com';
    default:
      return region && REGION_CODE.test(region) ? `https://${region}.console.aws.amazon.com` : 'https://console.aws.amazon.com';
  }
}

/** VPC console detail pages: `#<Page>:<key>=<id>`. */
const VPC_CONSOLE_PAGE: Partial<Record<LinkKind, readonly [page: string, key: string]>> = {
  vpc: ['VpcDetails', 'VpcId'],
  subnet: ['SubnetDetails', 'subnetId'],
  'route-table': ['RouteTableDetails', 'RouteTableId'],
  'security-group': ['SecurityGroup', 'groupId'],
  'network-acl': ['NetworkAclDetails', 'networkAclId'],
  'internet-gateway': ['InternetGateway', 'internetGatewayId'],
  'egress-only-internet-gateway': ['EgressOnlyInternetGateway', 'egressOnlyInternetGatewayId'],
  'nat-gateway': ['NatGatewayDetails', 'natGatewayId'],
  'vpc-endpoint': ['EndpointDetails', 'vpcEndpointId'],
};

/** The page of the AWS console that shows this resource, in its region and partition. */
export function consoleUrl(ref: ResourceRef): string | undefined {
  const partition = partitionOf(ref);
  const region = encodeURIComponent(ref.region);
  const id = encodeURIComponent(ref.id);
  const origin = consoleOrigin(partition, ref.region === 'global' ? undefined : ref.region);
  const vpcPage = VPC_CONSOLE_PAGE[ref.kind];
  if (vpcPage) return `${origin}/vpcconsole/home?region=${region}#${vpcPage[0]}:${vpcPage[1]}=${id}`;
  switch (ref.kind) {
    case 'eni':
      return `${origin}/ec2/home?region=${region}#NetworkInterface:networkInterfaceId=${id}`;
    case 'function':
      return `${origin}/lambda/home?region=${region}#/functions/${encodeURIComponent(ref.name ?? functionNameOf(ref))}`;
    case 'api':
      return ref.apiFlavour === 'v2'
        ? `${origin}/apigateway/main/api-detail?api=${id}&region=${region}`
        : `${origin}/apigateway/main/apis/${id}/resources?api=${id}&region=${region}`;
    case 'domain':
    case 'mapping':
      return `${origin}/apigateway/main/publish/domain-names?domain=${encodeURIComponent(ref.name ?? ref.id)}&region=${region}`;
    case 'certificate':
      return `${origin}/acm/home?region=${region}#/certificates/${encodeURIComponent(certificateIdOf(ref))}`;
    case 'hosted-zone':
      return `${consoleOrigin(partition, undefined)}/route53/v2/hostedzones#ListRecordSets/${encodeURIComponent(bareZoneId(ref.id))}`;
    case 'record':
      // A record has no page of its own: its zone's record list is where it is edited.
      return ref.name ? `${consoleOrigin(partition, undefined)}/route53/v2/hostedzones#ListRecordSets/${encodeURIComponent(bareZoneId(ref.name))}` : undefined;
    default:
      return undefined;
  }
}

/** "arn:aws:lambda:r:a:function:name[:alias]" → "name". */
function functionNameOf(ref: ResourceRef): string {
  const match = /:function:([^:]+)/.exec(ref.arn ?? '');
  return match?.[1] ?? ref.id;
}

/** "arn:aws:acm:r:a:certificate/uuid" → "uuid"; the console addresses certificates by it. */
function certificateIdOf(ref: ResourceRef): string {
  const source = ref.arn ?? ref.id;
  const slash = source.lastIndexOf('certificate/');
  return slash >= 0 ? source.slice(slash + 'certificate/'.length) : source;
}
