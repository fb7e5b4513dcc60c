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

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  resource: { kind: string; id?: string; logicalId?: string };
  hops?: Hop[];
  file?: string;
  range?: Range;
}

/** Where each code is explained; the CLI's SARIF and the editor's diagnostics link here. */
export function findingDocsUrl(code: FindingCode): string {
  return `https://github.com/serverless-network-map/serverless-network-map/blob/main/docs/findings.md#${code}`;
}
