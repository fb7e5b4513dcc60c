// A YAML template cut into pieces the yaml library parses one by one — each top-level section,
// and each resource of the Resources section — so that after an edit only the edited piece is
// parsed again (parse-template.ts keeps parsed pieces by their text). The cut is made only where
// YAML's own rules put a boundary: a key at the section's indentation starts a new entry, since
// any continuation of the previous value must be indented further. Text the cut cannot be sure
// about (JSON or flow style at the top, directives, several documents, anchors and aliases that
// could cross pieces, uneven indentation) is parsed whole instead.
// https://yaml.org/spec/1.2.2/#81-block-collection-styles
import { loopMap } from './for-each';
import type { ParsedPiece } from './parse-template';
import type { Span } from './source-text';
import { mapNode, type MapEntry } from './template-node';

export interface Piece {
  readonly text: string;
  readonly offset: number;
  /** True for a resource of the Resources section (its key sits one level in). */
  readonly resource: boolean;
}

export interface Pieces {
  readonly pieces: readonly Piece[];
  /** The `Resources:` key, when the section was cut into resources. */
  readonly resourcesKey?: Span;
}

const TOP_LEVEL_KEY = /^[^\s#\-?:[{"'!&*|>%@`][^\n]*?:(?:\s|$)/;
// Where YAML allows an anchor or alias: starting a value (after `: ` or `- `, at a line's start, in a flow collection).
const ANCHOR_OR_ALIAS = /(?:^\s*(?:-\s+)?|:\s+|[[{,]\s*)[&*][^\s,[\]{}]/m;

/**
 * Where each line starts and ends, its indentation (leading spaces), and whether it holds nothing
 * but spaces and maybe a comment — in typed arrays, as this runs on every edit of the file and a
 * large template has thousands of lines.
 */
interface Lines {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly indent: Int32Array;
  readonly blank: Uint8Array;
}

/** One pass over the text (after counting its lines). */
function linesOf(text: string): Lines {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const lines: Lines = { count, start: new Int32Array(count), end: new Int32Array(count), indent: new Int32Array(count), blank: new Uint8Array(count) };
  let start = 0;
  for (let n = 0; n < count; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const first = i < end ? text.charCodeAt(i) : -1;
    lines.start[n] = start;
    lines.end[n] = end;
    lines.indent[n] = i - start;
    // "#" starts a comment; "\r" alone is the end of a CRLF line.
    lines.blank[n] = first === -1 || first === 35 || (first === 13 && i === end - 1) ? 1 : 0;
    start = end + 1;
  }
  return lines;
}

export function splitTemplate(text: string): Pieces | undefined {
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[') || /^(%|---|\.\.\.)/m.test(text) || ANCHOR_OR_ALIAS.test(text) || text.includes('\t')) return undefined;
  const lines = linesOf(text);
  const lineText = (n: number) => text.slice(lines.start[n], lines.end[n]);
  const tops: number[] = [];
  for (let n = 0; n < lines.count; n++) {
    // The regular expression only for lines that can be top-level keys (unindented, not blank).
    if (lines.indent[n] === 0 && !lines.blank[n] && TOP_LEVEL_KEY.test(lineText(n))) tops.push(n);
  }
  const first = tops[0];
  if (first === undefined) return undefined;
  // Anything before the first key but comments means the top level is not a plain block mapping.
  for (let n = 0; n < first; n++) if (!lines.blank[n]) return undefined;
  const pieces: Piece[] = [];
  let resourcesKey: Span | undefined;
  const startOf = (n: number) => (n < lines.count ? lines.start[n]! : text.length);
  const piece = (from: number, to: number, resource: boolean) => {
    const start = startOf(from);
    pieces.push({ text: text.slice(start, startOf(to)), offset: start, resource });
  };
  for (const [k, at] of tops.entries()) {
    const next = tops[k + 1] ?? lines.count;
    let firstBody = -1;
    for (let n = at + 1; n < next && firstBody < 0; n++) if (!lines.blank[n]) firstBody = n;
    const childIndent = firstBody < 0 ? 0 : lines.indent[firstBody]!;
    let cuttable = !resourcesKey && childIndent > 0 && /^Resources:\s*(#.*)?\r?$/.test(lineText(at));
    for (let n = firstBody; cuttable && n < next; n++) if (!lines.blank[n] && lines.indent[n]! < childIndent) cuttable = false;
    if (!cuttable) {
      piece(at, next, false);
      continue;
    }
    const header = lines.start[at]!;
    resourcesKey = { start: header, end: header + 'Resources'.length };
    const keys: number[] = [];
    for (let n = firstBody; n < next; n++) {
      if (!lines.blank[n] && lines.indent[n] === childIndent && text.charCodeAt(lines.start[n]! + childIndent) !== 45) keys.push(n);
    }
    if (keys[0] !== firstBody) return undefined;
    keys.forEach((from, j) => piece(from, keys[j + 1] ?? next, true));
  }
  return pieces.length > 0 && resourcesKey ? { pieces, resourcesKey } : undefined;
}

function duplicate(span: Span): ParsedPiece['problems'][number] {
  return { message: 'Map keys must be unique', span, severity: 'error' };
}

/** Parses every piece and puts the root mapping back together, Resources and all. */
export function assemblePieces(split: Pieces, parse: (text: string, offset: number) => ParsedPiece): ParsedPiece {
  const problems: ParsedPiece['problems'] = [];
  const top: MapEntry[] = [];
  const resources: MapEntry[] = [];
  let resourcesAt = -1;
  for (const piece of split.pieces) {
    const parsed = parse(piece.text, piece.offset);
    problems.push(...parsed.problems);
    const node = piece.resource ? (loopMap(parsed.node) ?? parsed.node) : parsed.node;
    if (node?.kind !== 'map') continue;
    if (piece.resource && resourcesAt < 0) {
      resourcesAt = top.length;
      top.push({ key: 'Resources', keySpan: split.resourcesKey ?? node.span, value: node });
    }
    (piece.resource ? resources : top).push(...node.entries);
  }
  const seen = new Set<string>();
  for (const entry of [...top, ...resources]) {
    const key = `${resources.includes(entry) ? 'R' : 'T'}:${entry.key}`;
    if (seen.has(key)) problems.push(duplicate(entry.keySpan));
    seen.add(key);
  }
  const first = resources[0];
  const last = resources.at(-1);
  if (resourcesAt >= 0 && first && last) {
    const section = top[resourcesAt];
    if (section) top[resourcesAt] = { ...section, value: mapNode(resources, { start: first.keySpan.start, end: last.value.span.end }) };
  }
  const start = top[0]?.keySpan.start ?? 0;
  const end = top.at(-1)?.value.span.end ?? start;
  return { node: mapNode(top, { start, end }), problems };
}
