// Where a quick fix writes into a template and how it indents, read from the file itself so an
// inserted resource looks like the ones around it. Uses the `yaml` library's ranges (JSON is
// flow YAML, so one reader serves both), never a hand-written scanner of the structure.
// Pure: no `vscode` import, so it is tested in plain Node.
import { isMap, isScalar, parseDocument, type Node, type YAMLMap } from 'yaml';

export interface TemplateLayout {
  /** JSON template: insertions are JSON, not YAML. */
  readonly json: boolean;
  /** Column of the resource logical ids under `Resources`. */
  readonly resourceColumn: number;
  /** One level of indentation as the file writes it (2, 4, …). */
  readonly unit: number;
  /** True when block sequences are indented under their key (`Key:\n  - x`), false for `Key:\n- x`. */
  readonly indentSequences: boolean;
  /** Offset at which a new resource is inserted (just after the last one). */
  readonly insertAt: number;
  /** Logical ids already declared: new ones must not collide. */
  readonly logicalIds: ReadonlySet<string>;
  /** Each declared resource's `Type`, where it is a plain string. */
  readonly types: ReadonlyMap<string, string>;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** End of a node's own text (its value end: without a trailing comment or line break). */
function endOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[1];
}

function resourcesMap(text: string): YAMLMap | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.value === 'Resources' && isMap(pair.value)) return pair.value;
  }
  return undefined;
}

/** The first place a file shows how it indents block sequences; undefined when it has none. */
function sequenceStyle(text: string, from: number): boolean | undefined {
  const match = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(text.slice(from));
  return match ? match[2]!.length > match[1]!.length : undefined;
}

/** How the template is laid out; undefined when it has no readable `Resources` mapping (nothing to insert into). */
export function templateLayout(text: string): TemplateLayout | undefined {
  const resources = resourcesMap(text);
  const items = resources?.items ?? [];
  const first = items[0];
  const last = items[items.length - 1];
  const firstKey = startOf(first?.key);
  const lastEnd = endOf(last?.value) ?? endOf(last?.key);
  if (!resources || firstKey === undefined || lastEnd === undefined) return undefined;
  const json = resources.flow === true;
  const resourceColumn = columnOf(text, firstKey);
  // The step from a logical id to its `Type`: the file's own unit; else the id's column, else 2.
  const inner = isMap(first?.value) ? startOf(first.value.items[0]?.key) : undefined;
  const step = inner !== undefined ? columnOf(text, inner) - resourceColumn : resourceColumn;
  const unit = step > 0 ? step : 2;
  let insertAt = lastEnd;
  if (!json) {
    // After the last resource's last line (its range may run on over blank lines), so a trailing
    // comment on that line stays where it was and blank lines before the next section stay after us.
    let contentEnd = lastEnd;
    while (contentEnd > 0 && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
    const lineEnd = text.indexOf('\n', contentEnd);
    insertAt = lineEnd === -1 ? text.length : lineEnd;
  }
  const logicalIds = new Set(items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')).filter((id) => id !== ''));
  const types = new Map<string, string>();
  for (const pair of items) {
    const type = isMap(pair.value) ? pair.value.get('Type') : undefined;
    if (isScalar(pair.key) && typeof type === 'string') types.set(String(pair.key.value), type);
  }
  return { json, resourceColumn, unit, indentSequences: sequenceStyle(text, firstKey) ?? true, insertAt, logicalIds, types };
}

/** `base`, or `base2`, `base3`, … — the first logical id the template does not use yet. */
export function freeLogicalId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9]/g, '') || 'Resource';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}${n}`)) return `${clean}${n}`;
}

