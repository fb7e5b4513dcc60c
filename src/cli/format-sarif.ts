// Findings as SARIF 2.1.0, the format code-scanning services read: one rule per finding code
// (id = the code, help URI = its docs section), one result per finding.
import { findingDocsUrl, type Finding, type FindingCode, type Severity } from '../model/finding';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: unknown[];
}

export function formatFindingsSarif(findings: readonly Finding[], toolVersion: string): SarifLog {
  const codes = [...new Set(findings.map((f) => f.code))].sort() as FindingCode[];
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'serverless-network-map',
            version: toolVersion,
            informationUri: 'https://github.com/serverless-network-map/serverless-network-map',
            rules: codes.map((code) => ({ id: code, name: code, helpUri: findingDocsUrl(code), shortDescription: { text: code } })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.code,
          ruleIndex: ruleIndex.get(finding.code),
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          ...(finding.file ? { locations: [location(finding)] } : {}),
          properties: { resource: finding.resource, ...(finding.hops ? { hops: finding.hops } : {}) },
        })),
      },
    ],
  };
}

function location(finding: Finding) {
  // SARIF regions are 1-based; findings carry VS Code's 0-based positions.
  const region = finding.range
    ? {
        startLine: finding.range.start.line + 1,
        startColumn: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
      }
    : undefined;
  return { physicalLocation: { artifactLocation: { uri: finding.file }, ...(region ? { region } : {}) } };
}
