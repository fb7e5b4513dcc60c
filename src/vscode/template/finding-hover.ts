// What a template diagnostic's hover adds to its message: the path hop by hop, ✓ or ✗ with the
// reason. Every id and reason came from the template or an account, so all of it is escaped
// (the Markdown is shown untrusted, without HTML). Pure: no `vscode` import.
import type { Finding } from '../../model/finding';
import { escapeMarkdown } from '../tree/markdown';

/** Hops shown at most: a hover is a glance, not a report. */
const MAX_HOPS = 30;

export function hopsMarkdown(finding: Finding): string | undefined {
  const hops = finding.hops ?? [];
  if (hops.length === 0) return undefined;
  const lines = [`**${escapeMarkdown(finding.code)}**: the path hop by hop`, ''];
  for (const hop of hops.slice(0, MAX_HOPS)) {
    const reason = hop.reason ? ` — ${escapeMarkdown(hop.reason)}` : '';
    lines.push(`- ${hop.ok ? '✓' : '✗'} ${escapeMarkdown(hop.kind)} **${escapeMarkdown(hop.id)}**${reason}`);
  }
  if (hops.length > MAX_HOPS) lines.push(`- … ${hops.length - MAX_HOPS} more`);
  return lines.join('\n');
}
