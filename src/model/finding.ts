// Finding and Hop exactly as DESIGN.md's JSON contract: other tools read this shape.

export type Severity = 'error' | 'warning' | 'info';

/** Stable finding codes (DESIGN.md). Add new ones; never rename or reuse one. */
export const FINDING_CODES = [
  'lambda-vpc-no-internet',
  'lambda-vpc-no-aws-endpoint',
  'lambda-vpc-public-subnet',
  'lambda-vpc-no-security-group',
  'lambda-vpc-eni-permissions',
  'lambda-vpc-sg-blocks',
  'nat-gateway-no-internet',
  'route-blackhole',
  'domain-no-mapping',
  'domain-certificate-not-issued',
  'domain-certificate-mismatch',
  'domain-certificate-region',
  'dns-record-missing',
  'dns-record-wrong-target',
  'dns-delegation-mismatch',
  'api-timeout-exceeds-integration',
  'api-lambda-permission-missing',
  'template-parse-error',
  'unverifiable-path',
  'lambda-vpc-no-route-to-target',
  'domain-not-available',
  'dns-cname-at-apex',
  'dns-private-zone-shadow',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** One link of a path: a resource and whether traffic gets past it. */
export interface Hop {
  kind: string;
  id: string;
  ok: boolean;
  reason?: string;
}

export interface Position {
  line: number;
  character: number;
}

/** 0-based, as in VS Code. */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * The fix a finding's message suggests first, in machine-readable form, so an editor quick fix
 * can write it into the template without parsing the sentence. Ids are the snapshot's ids (for a
 * template, the resource's id there); every kind names only what the change needs.
 */
export type FindingFix =
  /** Create an interface endpoint com.amazonaws.<region>.<service> with private DNS on, in `subnetIds` (one per AZ), whose security group allows TCP 443 from `sourceSecurityGroupIds`. */
  | {
      kind: 'add-interface-endpoint';
      vpcId: string;
      service: string;
      serviceName: string;
      subnetIds: string[];
      sourceSecurityGroupIds: string[];
    }
  /** Create a gateway endpoint (S3, DynamoDB) associated with `routeTableIds`. */
  | { kind: 'add-gateway-endpoint'; vpcId: string; service: string; serviceName: string; routeTableIds: string[] }
  /** Associate an existing gateway endpoint with more route tables. */
  | { kind: 'associate-gateway-endpoint'; endpointId: string; routeTableIds: string[] }
  /** Turn on private DNS for an interface endpoint. */
  | { kind: 'enable-private-dns'; endpointId: string }
  /** Turn on enableDnsSupport and enableDnsHostnames for a VPC. */
  | { kind: 'enable-vpc-dns'; vpcId: string }
  /** Set the function's VpcConfig.SubnetIds to exactly these subnets. */
  | { kind: 'move-to-subnets'; functionId: string; subnetIds: string[] }
  /** Route `destination` (0.0.0.0/0) from these tables to a NAT gateway; natGatewayId is absent when none works yet and one must be created. */
  | { kind: 'add-nat-route'; routeTableIds: string[]; destination: string; natGatewayId?: string }
  /** Route `destination` from this table to an internet gateway (the NAT gateway's own subnet). */
  | { kind: 'add-internet-gateway-route'; routeTableId: string; destination: string; internetGatewayId?: string }
  /** Replace (or delete) a blackhole route; `target` is a working replacement when one is known. */
  | { kind: 'replace-blackhole-route'; routeTableId: string; destination: string; target?: string }
  /** Add a security group rule: TCP `fromPort`–`toPort` to/from one peer — a group (preferred), a prefix list or a CIDR. */
  | {
      kind: 'add-security-group-rule';
      securityGroupId: string;
      direction: 'ingress' | 'egress';
      protocol: 'tcp';
      fromPort: number;
      toPort: number;
      peerSecurityGroupId?: string;
      prefixListId?: string;
      cidr?: string;
    }
  /** Add a network ACL allow entry numbered before `beforeRuleNumber` (the rule that denies now). */
  | {
      kind: 'add-network-acl-entry';
      networkAclId: string;
      egress: boolean;
      protocol: 'tcp';
      fromPort: number;
      toPort: number;
      cidr: string;
      beforeRuleNumber?: number;
    }
  /** Attach a managed policy to the execution role. */
  | { kind: 'attach-managed-policy'; roleId: string; policyArn: string }
  /** Map a custom domain to an API stage (BasePathMapping for v1, ApiMapping for v2). */
  | { kind: 'add-api-mapping'; domainName: string; apiId: string; stage: string; apiVersion: 'v1' | 'v2' }
  /** Set the function's Timeout (seconds). */
  | { kind: 'set-function-timeout'; functionId: string; seconds: number }
  /** Add an AWS::Lambda::Permission letting `principal` invoke the function from `sourceArn`. */
  | { kind: 'add-lambda-permission'; functionId: string; principal: string; sourceArn?: string };

export type FindingFixKind = FindingFix['kind'];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  resource: { kind: string; id?: string; logicalId?: string };
  hops?: Hop[];
  /** One fix the message suggests — the most self-contained one — for quick fixes; absent when no single change fixes it. */
  fix?: FindingFix;
  file?: string;
  range?: Range;
}

/** Where each code is explained; the CLI's SARIF and the editor's diagnostics link here. */
export function findingDocsUrl(code: FindingCode): string {
  return `https://github.com/serverless-network-map/serverless-network-map/blob/main/docs/findings.md#${code}`;
}
