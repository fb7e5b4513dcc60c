// The analysis entry: every rule over one snapshot, findings in a stable order so the CLI's
// output, the Problems panel and snapshot tests do not shuffle between runs.
import { FINDING_CODES, type Finding } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import { apiLambdaPermissionMissing } from './rule-api-lambda-permission-missing';
import { apiTimeoutExceedsIntegration } from './rule-api-timeout-exceeds-integration';
import { dnsCnameAtApex } from './rule-dns-cname-at-apex';
import { dnsDelegationMismatch } from './rule-dns-delegation-mismatch';
import { dnsPrivateZoneShadow } from './rule-dns-private-zone-shadow';
import { dnsRecordMissing } from './rule-dns-record-missing';
import { dnsRecordWrongTarget } from './rule-dns-record-wrong-target';
import { domainCertificateMismatch } from './rule-domain-certificate-mismatch';
import { domainCertificateNotIssued } from './rule-domain-certificate-not-issued';
import { domainCertificateRegion } from './rule-domain-certificate-region';
import { domainNoMapping } from './rule-domain-no-mapping';
import { domainNotAvailable } from './rule-domain-not-available';
import { domainUnverifiable } from './rule-domain-unverifiable';
import { lambdaVpcEniPermissions } from './rule-lambda-vpc-eni-permissions';
import { lambdaVpcNoAwsEndpoint } from './rule-lambda-vpc-no-aws-endpoint';
import { lambdaVpcNoInternet } from './rule-lambda-vpc-no-internet';
import { lambdaVpcNoRouteToTarget } from './rule-lambda-vpc-no-route-to-target';
import { lambdaVpcNoSecurityGroup } from './rule-lambda-vpc-no-security-group';
import { lambdaVpcPublicSubnet } from './rule-lambda-vpc-public-subnet';
import { lambdaVpcSgBlocks } from './rule-lambda-vpc-sg-blocks';
import { natGatewayNoInternet } from './rule-nat-gateway-no-internet';
import { routeBlackhole } from './rule-route-blackhole';
import { unverifiablePath } from './rule-unverifiable-path';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index';

export type Rule = (index: SnapshotIndex) => Finding[];

export const RULES: readonly Rule[] = [
  lambdaVpcNoSecurityGroup,
  lambdaVpcPublicSubnet,
  lambdaVpcNoAwsEndpoint,
  lambdaVpcNoInternet,
  lambdaVpcEniPermissions,
  lambdaVpcSgBlocks,
  lambdaVpcNoRouteToTarget,
  natGatewayNoInternet,
  routeBlackhole,
  domainNoMapping,
  domainCertificateNotIssued,
  domainCertificateMismatch,
  domainCertificateRegion,
  domainNotAvailable,
  dnsRecordMissing,
  dnsRecordWrongTarget,
  dnsDelegationMismatch,
  dnsCnameAtApex,
  dnsPrivateZoneShadow,
  domainUnverifiable,
  apiTimeoutExceedsIntegration,
  apiLambdaPermissionMissing,
  unverifiablePath,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const CODE_ORDER: ReadonlyMap<string, number> = new Map(FINDING_CODES.map((code, i) => [code, i]));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Grouped by resource (kind, id), then the code's place in DESIGN.md's table, then severity and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.resource.kind, b.resource.kind) ||
    compareText(a.resource.id ?? a.resource.logicalId ?? '', b.resource.id ?? b.resource.logicalId ?? '') ||
    (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareText(a.message, b.message)
  );
}

/** Every finding the rules make for a snapshot. Pure: same snapshot, same findings, same order. */
export function analyze(snapshot: Snapshot): Finding[] {
  const index = indexSnapshot(snapshot);
  return RULES.flatMap((rule) => rule(index)).sort(compareFindings);
}
