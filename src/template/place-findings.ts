// Puts each finding on the template node that must change: the analysis names resources by id,
// and each template resource remembers where its relevant properties are (anchors). Per code, a
// list of places to try in order: an anchor of the finding's resource, or of a resource on its
// path (a hop) — the failing hops first. A finding about nothing the template declares (an
// account resource the template does not touch) is not a finding about the template.
import type { Finding, FindingFix, Hop, Range } from '../model/finding';
import type { ResourceKind } from '../model/snapshot';
import type { LineIndex, Span } from './source-text';
import type { ResourceOrigin, TemplateModel } from './template-model';
import { RESOURCE_KINDS } from './template-model';

/** Finding and hop kinds (the analysis' vocabulary) by the model list that holds them. */
const LIST_OF_KIND: Readonly<Record<string, ResourceKind>> = {
  'lambda-function': 'lambdaFunctions',
  subnet: 'subnets',
  'route-table': 'routeTables',
  'internet-gateway': 'internetGateways',
  'egress-only-internet-gateway': 'egressOnlyInternetGateways',
  'nat-gateway': 'natGateways',
  'vpc-endpoint': 'vpcEndpoints',
  'security-group': 'securityGroups',
  'network-acl': 'networkAcls',
  'network-interface': 'networkInterfaces',
  vpc: 'vpcs',
  'iam-role': 'iamRoles',
  api: 'apis',
  'domain-name': 'domainNames',
  'api-mapping': 'apiMappings',
  certificate: 'certificates',
  'hosted-zone': 'hostedZones',
  record: 'recordSets',
};

/**
 * Where to look: `resource` is the finding's own resource, `fix` the resource its machine-readable
 * fix changes (a security group rule, a route, a role), anything else a hop kind.
 */
type Place = readonly [source: string, anchor: string];

const VPC_PLACEMENT: readonly Place[] = [['resource', 'subnetIds'], ['resource', 'vpcConfig']];

// Keyed by string: codes are added over time, and this table may name one before the model does.
const PLACEMENT: Readonly<Record<string, readonly Place[]>> = {
  'lambda-vpc-no-internet': VPC_PLACEMENT,
  // A need a connector gives lands on its Destination (the reader's `aws-api:<service>` anchor).
  'lambda-vpc-no-aws-endpoint': [['resource', 'aws-api'], ...VPC_PLACEMENT],
  'lambda-vpc-public-subnet': VPC_PLACEMENT,
  'unverifiable-path': VPC_PLACEMENT,
  'lambda-vpc-no-security-group': [['resource', 'securityGroupIds'], ['resource', 'vpcConfig']],
  'lambda-vpc-eni-permissions': [['fix', 'managedPolicyArns'], ['resource', 'role'], ['resource', 'policies'], ['resource', 'vpcConfig']],
  'lambda-vpc-no-route-to-target': VPC_PLACEMENT,
  'lambda-vpc-sg-blocks': [['fix', 'rule'], ['fix', 'resource'], ['resource', 'securityGroupIds'], ['resource', 'vpcConfig']],
  'nat-gateway-no-internet': [['resource', 'subnetId'], ['route-table', 'resource']],
  'route-blackhole': [['fix', 'route'], ['route-table', 'resource']],
  'domain-no-mapping': [['resource', 'domain'], ['resource', 'domainName']],
  'domain-certificate-not-issued': [['resource', 'certificate'], ['certificate', 'domainName']],
  'domain-certificate-mismatch': [['certificate', 'domainName'], ['resource', 'certificate']],
  'domain-certificate-region': [['resource', 'certificate'], ['certificate', 'resource']],
  'dns-record-missing': [['resource', 'route53'], ['resource', 'domain'], ['resource', 'domainName']],
  'dns-record-wrong-target': [['record', 'aliasTarget'], ['record', 'resourceRecords'], ['resource', 'aliasTarget'], ['resource', 'resourceRecords']],
  'dns-delegation-mismatch': [['hosted-zone', 'resource']],
  'domain-not-available': [['resource', 'domain'], ['resource', 'domainName']],
  'dns-cname-at-apex': [['record', 'resourceRecords'], ['record', 'recordName'], ['resource', 'resourceRecords']],
  'dns-private-zone-shadow': [['hosted-zone', 'zoneName'], ['hosted-zone', 'resource']],
  'api-timeout-exceeds-integration': [['resource', 'timeout'], ['lambda-function', 'timeout'], ['resource', 'resource']],
  'api-lambda-permission-missing': [['resource', 'events'], ['lambda-function', 'events'], ['lambda-function', 'resource']],
};

/** `aws-api:<service>` for the AWS service a finding's path ends at (its hop id is com.amazonaws.<region>.<service>). */
function serviceAnchor(hops: readonly Hop[]): string | undefined {
  const service = hops.find((h) => h.kind === 'aws-service')?.id.split('.').slice(3).join('.');
  return service ? `aws-api:${service}` : undefined;
}

export class FindingPlacer {
  constructor(
    private readonly model: TemplateModel,
    private readonly lines: LineIndex,
    private readonly fileName: string,
  ) {}

  private originOf(kind: string, id: string | undefined): ResourceOrigin | undefined {
    if (id === undefined) return undefined;
    const list = LIST_OF_KIND[kind];
    if (list) return this.model.origin(list, id);
    for (const candidate of RESOURCE_KINDS) {
      const origin = this.model.origin(candidate, id);
      if (origin) return origin;
    }
    return undefined;
  }

  /** Origins of the hops of a kind, the failing ones first. */
  private hopOrigins(hops: readonly Hop[], kind: string): ResourceOrigin[] {
    const sorted = [...hops.filter((h) => h.kind === kind && !h.ok), ...hops.filter((h) => h.kind === kind && h.ok)];
    return sorted.map((h) => this.originOf(h.kind, h.id)).filter((o): o is ResourceOrigin => o !== undefined);
  }

  /** The resource a fix changes, and which of its anchors stands for the change. */
  private fixTarget(fix: FindingFix | undefined, anchor: string): { origin: ResourceOrigin; anchor: string } | undefined {
    if (!fix) return undefined;
    let kind: string;
    let id: string;
    let named = anchor;
    switch (fix.kind) {
      case 'add-security-group-rule':
        [kind, id, named] = ['security-group', fix.securityGroupId, anchor === 'rule' ? fix.direction : anchor];
        break;
      case 'replace-blackhole-route':
        [kind, id, named] = ['route-table', fix.routeTableId, anchor === 'route' ? `route:${fix.destination}` : anchor];
        break;
      case 'attach-managed-policy':
        [kind, id] = ['iam-role', fix.roleId];
        break;
      case 'add-network-acl-entry':
        [kind, id] = ['network-acl', fix.networkAclId];
        break;
      default:
        return undefined;
    }
    const origin = this.originOf(kind, id);
    return origin ? { origin, anchor: named } : undefined;
  }

  /** The span a finding belongs on, or undefined when the template declares nothing it is about. */
  spanFor(finding: Finding): Span | undefined {
    const own = this.originOf(finding.resource.kind, finding.resource.id);
    const hops = finding.hops ?? [];
    const places = [...(PLACEMENT[finding.code] ?? []), ['resource', 'resource'] as const];
    for (const [source, anchor] of places) {
      if (source === 'fix') {
        const target = this.fixTarget(finding.fix, anchor);
        const span = target?.origin.anchors.get(target.anchor);
        if (span) return span;
        continue;
      }
      const origins = source === 'resource' ? (own ? [own] : []) : this.hopOrigins(hops, source);
      const named = anchor === 'aws-api' ? serviceAnchor(hops) : anchor;
      for (const origin of origins) {
        const span = named === undefined ? undefined : origin.anchors.get(named);
        if (span) return span;
      }
    }
    // Last resort: the first failing hop the template declares.
    for (const hop of [...hops.filter((h) => !h.ok), ...hops]) {
      const span = this.originOf(hop.kind, hop.id)?.anchors.get('resource');
      if (span) return span;
    }
    return undefined;
  }

  place(finding: Finding): Finding | undefined {
    const span = this.spanFor(finding);
    if (!span) return undefined;
    const range: Range = this.lines.range(span);
    return { ...finding, file: this.fileName, range };
  }
}
