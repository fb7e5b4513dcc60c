// The CLI's commands: each reads its input, runs the engine and writes its output.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { styleText } from 'node:util';
import { analyze } from '../analysis/analyze';
import type { Finding, Severity } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import type { Command } from './args';
import { formatFindingsSarif } from './format-sarif';
import { formatFindingsText, plainStyle, type Style } from './format-text';
import { loadSnapshot, loadTemplateCheck } from './load-input';
import { UsageError } from './usage-error';

/** The bundler (scripts/build.mjs) puts package.json's version here; "dev" when run from sources. */
const TOOL_VERSION = process.env.SNM_VERSION ?? 'dev';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colours only on a terminal that wants them (NO_COLOR respected). */
  color: boolean;
}

const COLORS: Record<Severity, 'red' | 'yellow' | 'cyan'> = { error: 'red', warning: 'yellow', info: 'cyan' };
const colorStyle: Style = { severity: (s, text) => styleText(COLORS[s], text), dim: (text) => styleText('dim', text) };

/** Exit code of DESIGN.md: 1 if any finding is an error, else 0. */
export function exitCodeFor(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export async function runCheck(command: Extract<Command, { name: 'check' }>, io: Io): Promise<number> {
  const note = (line: string) => io.stderr(`note: ${line}\n`);
  const template = command.template;
  const findings = template ? (await loadTemplateCheck({ ...command, template }, note)).findings : analyze(await withLiveDnsFor(command, await loadSnapshot(command)));
  if (command.format === 'json') io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
  else if (command.format === 'sarif') io.stdout(`${JSON.stringify(formatFindingsSarif(findings, TOOL_VERSION), null, 2)}\n`);
  else io.stdout(`${formatFindingsText(findings, io.color ? colorStyle : plainStyle)}\n`);
  return exitCodeFor(findings);
}

/**
 * An account's domain chains are checked against the public DNS too (delegation, records, ACM
 * validation CNAMEs). The demo's names are made up, so it stays offline, as does `--offline`.
 */
async function withLiveDnsFor(command: Extract<Command, { name: 'check' }>, snapshot: Snapshot): Promise<Snapshot> {
  if (command.demo || command.dns.offline || snapshot.resources.domainNames.length === 0) return snapshot;
  const { withLiveDns, DnsServerError } = await import('../dns/observe-dns.js');
  try {
    return await withLiveDns(snapshot, command.dns.servers.length > 0 ? { servers: command.dns.servers } : {});
  } catch (error) {
    if (error instanceof DnsServerError) throw new UsageError(error.message);
    throw error;
  }
}

export async function runDiagram(command: Extract<Command, { name: 'diagram' }>, io: Io): Promise<number> {
  const snapshot = await loadSnapshot(command);
  const findings = analyze(snapshot);
  // Loaded on demand: ELK is a large part of the bundle, and `check` never draws.
  const [{ layoutDiagram }, { renderSvg }, { renderHtml }, { renderMermaid }] = await Promise.all([
    import('../diagram/layout.js'),
    import('../diagram/svg.js'),
    import('../diagram/html.js'),
    import('../diagram/mermaid.js'),
  ]);
  const diagram = await layoutDiagram(snapshot, findings);
  const output = /\.svg$/i.test(command.out) ? renderSvg(diagram) : /\.mmd$/i.test(command.out) ? renderMermaid(diagram) : renderHtml(diagram, findings);
  try {
    await mkdir(dirname(command.out), { recursive: true });
    await writeFile(command.out, output);
  } catch (error) {
    throw new UsageError(`cannot write ${command.out}: ${(error as Error).message}`);
  }
  io.stderr(`wrote ${command.out} (${diagram.nodes.length} top-level boxes, ${findings.length} findings)\n`);
  // Drawing succeeds even when the network is broken: the picture is the product here.
  return 0;
}
