// Findings for a terminal: worst first, each with its broken hop, then a one-line summary.
import type { Finding, Severity } from '../model/finding';

export interface Style {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
}

export const plainStyle: Style = { severity: (_s, text) => text, dim: (text) => text };

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function formatFindingsText(findings: readonly Finding[], style: Style = plainStyle): string {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const lines: string[] = [];
  for (const finding of sorted) {
    const where = finding.file && finding.range ? `${finding.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ` : '';
    const { id, logicalId, kind } = finding.resource;
    const subject = id && logicalId && id !== logicalId ? `${id} (${logicalId})` : (id ?? logicalId ?? kind);
    lines.push(`${where}${style.severity(finding.severity, finding.severity.padEnd(7))} ${finding.code}  ${subject}`);
    lines.push(`  ${finding.message}`);
    // The hops in the order the rule walked them: the ones that pass, then where it breaks.
    for (const hop of finding.hops ?? []) {
      const line = `    ${hop.ok ? '✓' : '✗'} ${hop.kind} ${hop.id}${hop.reason ? `: ${hop.reason}` : ''}`;
      lines.push(hop.ok ? style.dim(line) : line);
    }
    lines.push('');
  }
  lines.push(summary(findings));
  return lines.join('\n');
}

function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings: every path checked can work.';
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(findings.length, 'finding')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
}
