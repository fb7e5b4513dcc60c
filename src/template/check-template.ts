// The template check the CLI and the editor share: text in, findings placed on the template's
// nodes out, plus the snapshot they were found in. Synchronous, pure apart from the clock for a
// template-only snapshot's createdAt, and it never throws: a template that does not parse is a
// template-parse-error finding where the parser stopped, and an unexpected failure is reported
// as a finding too, so an editor calling this on every keystroke never sees an exception.
import { analyze, compareFindings } from '../analysis/analyze';
import type { Finding, Range } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import { snapshotOf } from './merge-account';
import { parseParameterOverrides, type ParameterBinding } from './parameters';
import { FindingPlacer } from './place-findings';
import { readTemplate, type TemplateReading } from './read-template';
import { readSamconfig, type SamconfigFile } from './samconfig';
import { LineIndex } from './source-text';
import type { Environment } from './template-context';
import { TemplateModel } from './template-model';
import { childOf, type MapEntry, type TemplateNode } from './template-node';

export interface CheckTemplateOptions {
  /** The file name findings carry (as the user knows it: relative to the workspace or as typed). */
  readonly fileName: string;
  /** The region the template deploys to (`--region`, the editor setting); wins over samconfig's. */
  readonly region?: string;
  /** Used when neither `region` nor samconfig gives one (the CLI passes AWS_REGION, as SAM CLI would use). */
  readonly fallbackRegion?: string;
  /** `Key=Value` strings as SAM CLI takes them, or already split into a map. Replace samconfig's overrides when given. */
  readonly parameterOverrides?: readonly string[] | Readonly<Record<string, string>>;
  /** samconfig.toml (or .yaml) beside the template. */
  readonly samconfig?: SamconfigFile;
  /** samconfig environment; "default" as in SAM CLI. */
  readonly configEnvironment?: string;
  /** The account to check against: literal ids in the template resolve to its resources. */
  readonly snapshot?: Snapshot;
  /** The stack the template deploys as (else samconfig's stack_name): its deployed resources are matched by logical id. */
  readonly stackName?: string;
}

export interface TemplateCheck {
  /** Findings about the template, each with `file` and `range` on the node to change, worst first by resource. */
  readonly findings: Finding[];
  /** The template's resources (merged with the account when one was given): what the findings were found in. */
  readonly snapshot: Snapshot;
  /** Parameters as bound (override, samconfig, Default, or none). */
  readonly parameters: ReadonlyMap<string, ParameterBinding>;
  /** Notes for the person (unreadable samconfig lines, rejected overrides); not findings. */
  readonly notes: readonly string[];
  /**
   * The range of a resource's logical id, or of a property under it, by path as written in the
   * text (no Globals merging): rangeOf('Fn', ['Properties', 'VpcConfig', 'SubnetIds']) is the
   * `SubnetIds` key; a numeric step indexes a list and gives the item's range.
   */
  rangeOf(logicalId: string, path?: readonly (string | number)[]): Range | undefined;
}

function overridesMap(given: CheckTemplateOptions['parameterOverrides'], notes: string[]): Record<string, string> | undefined {
  if (given === undefined) return undefined;
  if (!Array.isArray(given)) return { ...(given as Record<string, string>) };
  const parsed = parseParameterOverrides(given as readonly string[]);
  for (const text of parsed.rejected) notes.push(`--parameter-overrides: cannot read "${text}" as Key=Value`);
  return { ...parsed.values };
}

function problemFindings(reading: TemplateReading, fileName: string): Finding[] {
  const problems = reading.problems.map((problem): Finding => ({
    code: 'template-parse-error',
    severity: problem.severity,
    message: problem.message,
    resource: { kind: 'template', id: fileName },
    file: fileName,
    range: reading.lines.range(problem.span),
  }));
  // What the reader had to leave unknown is about the template's text, not the network: said
  // here, where it was read, as info — no path through it can be checked, nor shown broken.
  const unread = reading.unread.map((part): Finding => ({
    code: 'unverifiable-path',
    severity: 'info',
    message: part.message,
    resource: { kind: 'template', id: fileName },
    file: fileName,
    range: reading.lines.range(part.span),
  }));
  return [...problems, ...unread];
}

function rangeFinder(reading: TemplateReading): TemplateCheck['rangeOf'] {
  return (logicalId, path = []) => {
    const resources = childOf(reading.root, 'Resources');
    const entry = resources?.kind === 'map' ? resources.byKey.get(logicalId) : undefined;
    if (!entry) return undefined;
    let span = entry.keySpan;
    let node: TemplateNode | undefined = entry.value;
    for (const step of path) {
      if (typeof step === 'number') {
        const item: TemplateNode | undefined = node?.kind === 'seq' ? node.items[step] : undefined;
        if (!item) return undefined;
        node = item;
        span = item.span;
      } else {
        const child: MapEntry | undefined = node?.kind === 'map' ? node.byKey.get(step) : undefined;
        if (!child) return undefined;
        node = child.value;
        span = child.keySpan;
      }
    }
    return reading.lines.range(span);
  };
}

const emptyModel = (): TemplateModel => new TemplateModel();

/**
 * The analysis of the last few models, by their content: an edit that changes nothing the
 * analysis reads (a comment, a description, a handler name) reuses the findings, which are then
 * placed anew. The content is the model's JSON text (JSON.stringify is native and fast), compared
 * with === against the few remembered ones rather than used as a map key, which would hash the
 * whole half-megabyte text of a large template on every edit. The account snapshot is compared
 * by identity: a new scan is a new object.
 */
interface RememberedAnalysis {
  readonly content: string;
  readonly account: Snapshot | undefined;
  readonly findings: Finding[];
}
const analyses: RememberedAnalysis[] = [];
const MAX_REMEMBERED_ANALYSES = 8;

function analyzeRemembered(model: TemplateModel, env: Environment, snapshot: Snapshot): Finding[] {
  const content = JSON.stringify([env.region, env.accountId, model.resources]);
  const remembered = analyses.find((a) => a.account === env.account && a.content === content);
  if (remembered) return remembered.findings;
  const findings = analyze(snapshot);
  analyses.push({ content, account: env.account, findings });
  if (analyses.length > MAX_REMEMBERED_ANALYSES) analyses.shift();
  return findings;
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const finding of findings) {
    const key = [finding.code, finding.resource.kind, finding.resource.id, finding.range?.start.line, finding.range?.start.character].join('\u0000');
    if (!seen.has(key)) seen.set(key, finding);
  }
  return [...seen.values()];
}

function check(text: string, options: CheckTemplateOptions): TemplateCheck {
  const notes: string[] = [];
  const samconfig = options.samconfig ? readSamconfig(options.samconfig, options.configEnvironment) : undefined;
  notes.push(...(samconfig?.problems ?? []));
  const region = options.region ?? samconfig?.region ?? options.fallbackRegion;
  const reading = readTemplate(text, {
    ...(region ? { region } : {}),
    ...(options.parameterOverrides !== undefined ? { parameterOverrides: overridesMap(options.parameterOverrides, notes) } : {}),
    ...(samconfig?.parameterOverrides && options.parameterOverrides === undefined ? { samconfigOverrides: samconfig.parameterOverrides } : {}),
    ...((options.stackName ?? samconfig?.stackName) ? { stackName: options.stackName ?? samconfig?.stackName } : {}),
    ...(options.snapshot ? { account: options.snapshot } : {}),
  });
  const createdAt = new Date().toISOString();
  const placed: Finding[] = [];
  let snapshot: Snapshot | undefined;
  for (const world of reading.worlds) {
    const worldSnapshot = snapshotOf(world.model, reading.environment, options.fileName, createdAt);
    snapshot ??= worldSnapshot;
    const placer = new FindingPlacer(world.model, reading.lines, options.fileName);
    let found: Finding[];
    try {
      found = analyzeRemembered(world.model, reading.environment, worldSnapshot);
    } catch (error) {
      // The template was read; a failing rule must not hide the rest (the snapshot, parse errors).
      placed.push(internalError(options.fileName, reading.lines, error));
      continue;
    }
    for (const finding of found) {
      const onTemplate = placer.place(finding);
      if (onTemplate) placed.push(onTemplate);
    }
  }
  return {
    findings: [...problemFindings(reading, options.fileName), ...dedupe(placed).sort(compareFindings)],
    snapshot: snapshot ?? snapshotOf(emptyModel(), reading.environment, options.fileName, createdAt),
    parameters: reading.parameters,
    notes,
    rangeOf: rangeFinder(reading),
  };
}

/** A bug of ours must not take the editor down with it: say so where the user looks. */
function internalError(fileName: string, lines: LineIndex, error: unknown): Finding {
  return {
    code: 'template-parse-error',
    severity: 'warning',
    message: `could not check this template (internal error: ${(error as Error).message}); please report it with the template`,
    resource: { kind: 'template', id: fileName },
    file: fileName,
    range: lines.range({ start: 0, end: 0 }),
  };
}

export function checkTemplate(text: string, options: CheckTemplateOptions): TemplateCheck {
  try {
    return check(text, options);
  } catch (error) {
    return {
      findings: [internalError(options.fileName, new LineIndex(text), error)],
      snapshot: snapshotOf(emptyModel(), { region: options.region ?? '<region>', accountId: '<account-id>', partition: 'aws' }, options.fileName, new Date().toISOString()),
      parameters: new Map(),
      notes: [],
      rangeOf: () => undefined,
    };
  }
}
