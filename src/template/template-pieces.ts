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

interface Line {
  readonly start: number;
  readonly end: number;
  /** Leading spaces. */
  readonly indent: number;
  /** Nothing but spaces and maybe a comment. */
  readonly blank: boolean;
}

/** One pass over the text: where each line starts, its indentation, whether it holds anything. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const first = i < end ? text.charCodeAt(i) : -1;
    // "#" starts a comment; "\r" alone is the end of a CRLF line.
    lines.push({ start, end, indent: i - start, blank: first === -1 || first === 35 || (first === 13 && i === end - 1) });
    start = end + 1;
  }
  return lines;
}

export function splitTemplate(text: string): Pieces | undefined {
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[') || /^(%|---|\.\.\.)/m.test(text) || ANCHOR_OR_ALIAS.test(text) || text.includes('\t')) return undefined;
  const lines = linesOf(text);
  const lineText = (line: Line) => text.slice(line.start, line.end);
  const tops: number[] = [];
  lines.forEach((line, i) => {
    if (line.indent === 0 && !line.blank && TOP_LEVEL_KEY.test(lineText(line))) tops.push(i);
  });
  const first = tops[0];
  // Anything before the first key but comments means the top level is not a plain block mapping.
  if (first === undefined || lines.slice(0, first).some((l) => !l.blank)) return undefined;
  const pieces: Piece[] = [];
  let resourcesKey: Span | undefined;
  const piece = (from: number, to: number, resource: boolean) => {
    const start = lines[from]?.start ?? text.length;
    const end = lines[to]?.start ?? text.length;
    pieces.push({ text: text.slice(start, end), offset: start, resource });
  };
  for (const [n, at] of tops.entries()) {
    const next = tops[n + 1] ?? lines.length;
    const header = lines[at];
    const body: number[] = [];
    for (let i = at + 1; i < next; i++) if (!lines[i]?.blank) body.push(i);
    const childIndent = body[0] === undefined ? 0 : (lines[body[0]]?.indent ?? 0);
    const cuttable =
      !resourcesKey && header !== undefined && /^Resources:\s*(#.*)?\r?$/.test(lineText(header)) && childIndent > 0 && body.every((i) => (lines[i]?.indent ?? 0) >= childIndent);
    if (!cuttable || !header) {
      piece(at, next, false);
      continue;
    }
    resourcesKey = { start: header.start, end: header.start + 'Resources'.length };
    const keys = body.filter((i) => lines[i]?.indent === childIndent && text.charCodeAt((lines[i]?.start ?? 0) + childIndent) !== 45);
    if (keys[0] !== body[0]) return undefined;
    keys.forEach((from, k) => piece(from, keys[k + 1] ?? next, true));
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
