// Small helpers for template tests: check a literal template, and find where a piece of text is
// so expected ranges are written as "the line of `SubnetIds:` under PublicFunction" rather than
// as bare numbers that silently drift when a fixture changes.
import assert from 'node:assert/strict';
import type { Finding, Position } from '../../../src/model/finding';
import { checkTemplate, type CheckTemplateOptions, type TemplateCheck } from '../../../src/template/check-template';

export function check(text: string, options: Partial<CheckTemplateOptions> = {}): TemplateCheck {
  return checkTemplate(text, { fileName: 'template.yaml', region: 'eu-west-1', ...options });
}

/** Position (0-based) of the first `needle` at or after the first `after` (both literal text). */
export function positionOf(text: string, needle: string, after?: string): Position {
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `"${after}" is not in the text`);
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is not in the text after "${after ?? ''}"`);
  const before = text.slice(0, at).split(/\r\n|\n|\r/);
  return { line: before.length - 1, character: (before.at(-1) ?? '').length };
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code).sort();
}

export function only(findings: readonly Finding[], code: string): Finding {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((f) => `${f.code} ${f.resource.id}`))}`);
  return matching[0] as Finding;
}

/** Asserts the finding starts exactly at `needle` (after `after`). */
export function assertAt(text: string, finding: Finding, needle: string, after?: string): void {
  assert.deepEqual(finding.range?.start, positionOf(text, needle, after), `${finding.code} should start at "${needle}"${after ? ` after "${after}"` : ''}: ${finding.message}`);
}

export function errors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}
