// Findings as SARIF 2.1.0, the format code-scanning services read: one rule per finding code
// (id = the code, help URI = its docs section), one result per finding.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * artifactLocation.uri is a URI reference: a relative path stays relative (code-scanning services
 * resolve it against the repository), with spaces and the like percent-encoded; an absolute path
 * becomes a file: URI.
 */
export function sarifUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  if (isAbsolute(file) || /^[A-Za-z]:\//.test(path)) return pathToFileURL(file).href;
  return encodeURI(path).replace(/[?#]/g, (c) => encodeURIComponent(c));
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
  return { physicalLocation: { artifactLocation: { uri: sarifUri(finding.file ?? '') }, ...(region ? { region } : {}) } };
}
