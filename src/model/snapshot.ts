// The one vocabulary: what an account (or a template) holds, as plain versioned JSON.
// The schemas are the source of truth; the TypeScript types are inferred from them, so a
// snapshot file that loads is exactly a value of these types.
//
// Every resource carries its account and region (Route 53 and IAM use the region "global"),
// so resources sit in flat lists per kind and relations are ids.
import { z } from 'zod';

export const SNAPSHOT_VERSION = 1;

const base = {
  id: z.string().min(1),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  /** Logical id in the template this resource came from, when it came from one. */
  logicalId: z.string().optional(),
};

export const vpcSchema = z.object({
  ...base,
  cidrBlocks: z.array(z.string()),
  ipv6CidrBlocks: z.array(z.string()).default([]),
  enableDnsSupport: z.boolean().optional(),
  enableDnsHostnames: z.boolean().optional(),
  isDefault: z.boolean().default(false),
});

export const subnetSchema = z.object({
  ...base,
  vpcId: z.string(),
  cidrBlock: z.string(),
  ipv6CidrBlocks: z.array(z.string()).default([]),
  availabilityZone: z.string(),
  mapPublicIpOnLaunch: z.boolean().default(false),
});

/** A route's target is named by its id; the prefix tells the kind (igw-, nat-, vpce-, pcx-, tgw-, eni-, eigw-, or "local"). */
export const routeSchema = z
  .object({
    destinationCidr: z.string().optional(),
    destinationIpv6Cidr: z.string().optional(),
    destinationPrefixListId: z.string().optional(),
    target: z.string(),
    state: z.enum(['active', 'blackhole']).default('active'),
    origin: z.enum(['table', 'static', 'propagated']).default('static'),
  })
  .refine((r) => r.destinationCidr ?? r.destinationIpv6Cidr ?? r.destinationPrefixListId, {
    message: 'a route needs destinationCidr, destinationIpv6Cidr or destinationPrefixListId',
  });

export const routeTableSchema = z.object({
  ...base,
  vpcId: z.string(),
  /** True for the VPC's main table, which serves every subnet without an explicit association. */
  main: z.boolean(),
  subnetIds: z.array(z.string()),
  routes: z.array(routeSchema),
});

export const internetGatewaySchema = z.object({ ...base, attachedVpcIds: z.array(z.string()) });
export const egressOnlyInternetGatewaySchema = z.object({ ...base, attachedVpcIds: z.array(z.string()) });

export const natGatewaySchema = z.object({
  ...base,
  vpcId: z.string(),
  subnetId: z.string(),
  state: z.enum(['pending', 'failed', 'available', 'deleting', 'deleted']),
  connectivity: z.enum(['public', 'private']).default('public'),
  publicIp: z.string().optional(),
});

export const vpcEndpointSchema = z.object({
  ...base,
  vpcId: z.string(),
  serviceName: z.string(),
  type: z.enum(['Interface', 'Gateway', 'GatewayLoadBalancer']),
  state: z.string().default('available'),
  privateDnsEnabled: z.boolean().default(false),
  subnetIds: z.array(z.string()).default([]),
  securityGroupIds: z.array(z.string()).default([]),
  routeTableIds: z.array(z.string()).default([]),
  policyDocument: z.string().optional(),
});

export const securityGroupRuleSchema = z.object({
  /** "-1" for all protocols, else "tcp", "udp", "icmp", "icmpv6" or a protocol number. */
  protocol: z.string(),
  fromPort: z.number().int().optional(),
  toPort: z.number().int().optional(),
  cidrs: z.array(z.string()).default([]),
  ipv6Cidrs: z.array(z.string()).default([]),
  securityGroupIds: z.array(z.string()).default([]),
  prefixListIds: z.array(z.string()).default([]),
  description: z.string().optional(),
});

export const securityGroupSchema = z.object({
  ...base,
  vpcId: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  ingress: z.array(securityGroupRuleSchema),
  egress: z.array(securityGroupRuleSchema),
});

export const networkAclEntrySchema = z.object({
  ruleNumber: z.number().int(),
  egress: z.boolean(),
  protocol: z.string(),
  action: z.enum(['allow', 'deny']),
  cidr: z.string().optional(),
  ipv6Cidr: z.string().optional(),
  fromPort: z.number().int().optional(),
  toPort: z.number().int().optional(),
});

export const networkAclSchema = z.object({
  ...base,
  vpcId: z.string(),
  isDefault: z.boolean(),
  subnetIds: z.array(z.string()),
  entries: z.array(networkAclEntrySchema),
});

export const networkInterfaceSchema = z.object({
  ...base,
  vpcId: z.string(),
  subnetId: z.string(),
  securityGroupIds: z.array(z.string()),
  /** "lambda" for Lambda's hyperplane ENIs, "interface" for ordinary ones, "vpc_endpoint", "nat_gateway", … */
  interfaceType: z.string(),
  description: z.string().default(''),
  privateIpAddress: z.string().optional(),
  publicIp: z.string().optional(),
  status: z.string().default('in-use'),
  /**
   * For a Lambda ENI: the ids of the functions (same account and region) it serves — one ENI is
   * shared by every function with the same subnet and security-group set. Absent when none is
   * known (another kind of ENI, no such function in the snapshot, or a snapshot from before the tie).
   */
  functionIds: z.array(z.string()).optional(),
});

/** Something a function must reach, and where we learned it (for the message). */
export const needSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('aws-api'), service: z.string(), action: z.string().optional(), via: z.string() }),
  z.object({ kind: z.literal('internet'), host: z.string().optional(), via: z.string() }),
  z.object({
    kind: z.literal('vpc-target'),
    targetId: z.string().optional(),
    host: z.string().optional(),
    port: z.number().int(),
    via: z.string(),
  }),
]);

/**
 * An Allow statement reduced to what the analysis needs: which actions, on what, and where it came
 * from (a SAM policy template, a managed policy, an inline policy) so a finding can say so.
 */
export const permissionSchema = z.object({
  /** IAM actions as written, wildcards included: "lambda:InvokeFunction", "sqs:*", "*". */
  actions: z.array(z.string()),
  resources: z.array(z.string()).default(['*']),
  via: z.string(),
});

export const lambdaFunctionSchema = z.object({
  ...base,
  arn: z.string(),
  runtime: z.string().optional(),
  roleArn: z.string().optional(),
  /** Seconds. */
  timeout: z.number().default(3),
  memorySize: z.number().optional(),
  state: z.string().optional(),
  vpcConfig: z
    .object({
      subnetIds: z.array(z.string()),
      securityGroupIds: z.array(z.string()),
      ipv6AllowedForDualStack: z.boolean().default(false),
    })
    .optional(),
  needs: z.array(needSchema).default([]),
  /** Statements known to apply to the function (from the template: Policies and policy templates). */
  permissions: z.array(permissionSchema).default([]),
  /** Principals its resource policy lets call lambda:InvokeFunction; absent when unknown. */
  invokePrincipals: z.array(z.string()).optional(),
});

export const iamRoleSchema = z.object({
  ...base,
  arn: z.string(),
  /** Actions its policies allow, reduced to what the analysis needs (e.g. "ec2:CreateNetworkInterface", "lambda:*"). */
  allowedActions: z.array(z.string()),
  managedPolicyArns: z.array(z.string()).default([]),
  /** The same permissions with their resources and source, where known. */
  statements: z.array(permissionSchema).default([]),
});

export const apiIntegrationSchema = z.object({
  /** Route key (v2) or "METHOD /path" (v1). */
  route: z.string(),
  functionArn: z.string().optional(),
  /** Milliseconds. */
  timeoutMs: z.number().int().optional(),
});

export const apiSchema = z.object({
  ...base,
  protocol: z.enum(['REST', 'HTTP', 'WEBSOCKET']),
  endpointType: z.enum(['EDGE', 'REGIONAL', 'PRIVATE']).optional(),
  disableExecuteApiEndpoint: z.boolean().default(false),
  stages: z.array(z.string()),
  integrations: z.array(apiIntegrationSchema).default([]),
});

export const domainNameSchema = z.object({
  ...base,
  /** The custom domain, e.g. api.example.com (also its id). */
  domainName: z.string(),
  apiVersion: z.enum(['v1', 'v2']),
  endpointType: z.enum(['EDGE', 'REGIONAL', 'PRIVATE']),
  certificateArn: z.string().optional(),
  /** The name DNS must point at: the distribution (EDGE) or the regional domain name. */
  targetDomainName: z.string().optional(),
  targetHostedZoneId: z.string().optional(),
  status: z.string().default('AVAILABLE'),
});

export const apiMappingSchema = z.object({
  ...base,
  domainName: z.string(),
  apiId: z.string(),
  stage: z.string(),
  /** "" or "(none)" is the root. */
  basePath: z.string().default(''),
});

export const certificateSchema = z.object({
  ...base,
  arn: z.string(),
  domainName: z.string(),
  subjectAlternativeNames: z.array(z.string()).default([]),
  status: z.enum(['PENDING_VALIDATION', 'ISSUED', 'INACTIVE', 'EXPIRED', 'VALIDATION_TIMED_OUT', 'REVOKED', 'FAILED']),
  validations: z
    .array(
      z.object({
        domainName: z.string(),
        status: z.string().optional(),
        record: z.object({ name: z.string(), type: z.string(), value: z.string() }).optional(),
      }),
    )
    .default([]),
  notAfter: z.string().optional(),
});

export const hostedZoneSchema = z.object({
  ...base,
  /** Zone name with its trailing dot, as Route 53 returns it. */
  zoneName: z.string(),
  private: z.boolean(),
  vpcIds: z.array(z.string()).default([]),
  nameServers: z.array(z.string()).default([]),
});

export const recordSetSchema = z.object({
  ...base,
  zoneId: z.string(),
  recordName: z.string(),
  type: z.string(),
  ttl: z.number().optional(),
  values: z.array(z.string()).default([]),
  alias: z
    .object({ dnsName: z.string(), hostedZoneId: z.string(), evaluateTargetHealth: z.boolean().default(false) })
    .optional(),
});

/**
 * One question put to live DNS and what came back. src/dns asks; the analysis only reads, so it
 * stays a pure function of the snapshot. Names are lower case without the root's trailing dot.
 */
export const dnsLookupSchema = z.object({
  name: z.string(),
  type: z.enum(['NS', 'CNAME', 'A', 'AAAA']),
  /**
   * answer: `values` hold the records; no-data: the name exists without records of this type;
   * nx-domain: the name does not exist; failed: no usable answer (timeout, SERVFAIL, refused, …),
   * which says nothing about the chain — `error` tells why.
   */
  result: z.enum(['answer', 'no-data', 'nx-domain', 'failed']),
  values: z.array(z.string()).default([]),
  error: z.string().optional(),
});

export const dnsObservationsSchema = z.object({
  /** ISO 8601 time of the lookups. */
  observedAt: z.string(),
  /** The resolvers asked ("127.0.0.1:5353", "1.1.1.1"); the system's when none were configured. */
  servers: z.array(z.string()).default([]),
  /** True when live DNS was skipped on purpose (offline): `lookups` is empty and proves nothing. */
  offline: z.boolean().default(false),
  lookups: z.array(dnsLookupSchema).default([]),
});

/** A managed prefix list (AWS's, e.g. com.amazonaws.<region>.s3, or the account's own) and its CIDRs. */
export const prefixListSchema = z.object({
  ...base,
  prefixListName: z.string(),
  addressFamily: z.enum(['IPv4', 'IPv6']).default('IPv4'),
  cidrs: z.array(z.string()).default([]),
  /** False when the entries could not be read: the list's reach is then unknown, not empty. */
  entriesKnown: z.boolean().default(true),
});

/** A VPC peering connection: an outward edge from one VPC to another (maybe another account's). */
export const vpcPeeringConnectionSchema = z.object({
  ...base,
  requesterVpcId: z.string(),
  accepterVpcId: z.string(),
  requesterCidrs: z.array(z.string()).default([]),
  accepterCidrs: z.array(z.string()).default([]),
  /** The accounts owning each side, where known (a cross-account peer is not in our snapshot). */
  requesterOwnerId: z.string().optional(),
  accepterOwnerId: z.string().optional(),
  /** active, pending-acceptance, rejected, deleted, … — only active carries traffic. */
  status: z.string(),
});

/** A VPC's attachment to a transit gateway: an outward edge through the subnets it attaches in. */
export const transitGatewayAttachmentSchema = z.object({
  ...base,
  transitGatewayId: z.string(),
  vpcId: z.string(),
  subnetIds: z.array(z.string()).default([]),
  state: z.string(),
});

export const gapSchema = z.object({ service: z.string(), region: z.string(), error: z.string() });

export const resourcesSchema = z.object({
  vpcs: z.array(vpcSchema).default([]),
  subnets: z.array(subnetSchema).default([]),
  routeTables: z.array(routeTableSchema).default([]),
  internetGateways: z.array(internetGatewaySchema).default([]),
  egressOnlyInternetGateways: z.array(egressOnlyInternetGatewaySchema).default([]),
  natGateways: z.array(natGatewaySchema).default([]),
  vpcEndpoints: z.array(vpcEndpointSchema).default([]),
  securityGroups: z.array(securityGroupSchema).default([]),
  networkAcls: z.array(networkAclSchema).default([]),
  networkInterfaces: z.array(networkInterfaceSchema).default([]),
  lambdaFunctions: z.array(lambdaFunctionSchema).default([]),
  iamRoles: z.array(iamRoleSchema).default([]),
  apis: z.array(apiSchema).default([]),
  domainNames: z.array(domainNameSchema).default([]),
  apiMappings: z.array(apiMappingSchema).default([]),
  certificates: z.array(certificateSchema).default([]),
  hostedZones: z.array(hostedZoneSchema).default([]),
  recordSets: z.array(recordSetSchema).default([]),
  prefixLists: z.array(prefixListSchema).default([]),
  vpcPeeringConnections: z.array(vpcPeeringConnectionSchema).default([]),
  transitGatewayAttachments: z.array(transitGatewayAttachmentSchema).default([]),
});

export const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  /** ISO 8601 time the snapshot was taken. */
  createdAt: z.string(),
  source: z.object({
    kind: z.enum(['demo', 'scan', 'template', 'merged']),
    profile: z.string().optional(),
    endpoint: z.string().optional(),
    template: z.string().optional(),
  }),
  accounts: z.array(z.object({ id: z.string(), profile: z.string().optional(), alias: z.string().optional() })),
  regions: z.array(z.string()),
  resources: resourcesSchema,
  /** Services that could not be read, named so the user knows what is missing. */
  gaps: z.array(gapSchema).default([]),
  /** What live DNS answered for the names on the domain chains; absent when it was not asked. */
  dns: dnsObservationsSchema.optional(),
});

export type Vpc = z.infer<typeof vpcSchema>;
export type Subnet = z.infer<typeof subnetSchema>;
export type Route = z.infer<typeof routeSchema>;
export type RouteTable = z.infer<typeof routeTableSchema>;
export type InternetGateway = z.infer<typeof internetGatewaySchema>;
export type EgressOnlyInternetGateway = z.infer<typeof egressOnlyInternetGatewaySchema>;
export type NatGateway = z.infer<typeof natGatewaySchema>;
export type VpcEndpoint = z.infer<typeof vpcEndpointSchema>;
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>;
export type SecurityGroup = z.infer<typeof securityGroupSchema>;
export type NetworkAclEntry = z.infer<typeof networkAclEntrySchema>;
export type NetworkAcl = z.infer<typeof networkAclSchema>;
export type NetworkInterface = z.infer<typeof networkInterfaceSchema>;
export type Need = z.infer<typeof needSchema>;
export type Permission = z.infer<typeof permissionSchema>;
export type LambdaFunction = z.infer<typeof lambdaFunctionSchema>;
export type IamRole = z.infer<typeof iamRoleSchema>;
export type ApiIntegration = z.infer<typeof apiIntegrationSchema>;
export type Api = z.infer<typeof apiSchema>;
export type DomainName = z.infer<typeof domainNameSchema>;
export type ApiMapping = z.infer<typeof apiMappingSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type HostedZone = z.infer<typeof hostedZoneSchema>;
export type RecordSet = z.infer<typeof recordSetSchema>;
export type Gap = z.infer<typeof gapSchema>;
export type PrefixList = z.infer<typeof prefixListSchema>;
export type VpcPeeringConnection = z.infer<typeof vpcPeeringConnectionSchema>;
export type TransitGatewayAttachment = z.infer<typeof transitGatewayAttachmentSchema>;
export type DnsLookup = z.infer<typeof dnsLookupSchema>;
export type DnsObservations = z.infer<typeof dnsObservationsSchema>;
export type Resources = z.infer<typeof resourcesSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type ResourceKind = keyof Resources;
