// Reads template text (YAML, or JSON, which YAML 1.2 reads too) into the ranged tree, with the
// yaml library's own parser: short-form tags are registered as custom tags so they keep their
// node and range. Problems come back as data with their position, never as exceptions.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
import { isAlias, isMap, isScalar, isSeq, parseDocument, Schema, type Document, type Node, type Pair, type ParsedNode } from 'yaml';
import type { Span } from './source-text';
import { assemblePieces, splitTemplate } from './template-pieces';
import { longFormName, mapNode, SHORT_FORM_TAGS, type MapEntry, type MapNode, type TemplateNode } from './template-node';

export interface TemplateProblem {
  readonly message: string;
  readonly span: Span;
  readonly severity: 'error' | 'warning';
}

export interface ParsedText {
  /** Undefined when the text is not a YAML/JSON mapping at all. */
  readonly root?: MapNode;
  readonly problems: readonly TemplateProblem[];
}

// Each tag in all three shapes it may take (!Sub 'x', !Sub [x, {…}], !Base64 {…}); resolve keeps the node.
const CUSTOM_TAGS = [...SHORT_FORM_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (text: string) => text },
  { tag, collection: 'seq' as const, resolve: (node: unknown) => node },
  { tag, collection: 'map' as const, resolve: (node: unknown) => node },
]);

/** Beyond this many nodes (aliases counted each time they expand) a template is refused as too large. */
const NODE_BUDGET = 500_000;
const MAX_PROBLEMS = 20;

class Converter {
  private nodes = 0;
  private readonly done = new Map<Node, TemplateNode>();
  private readonly inProgress = new Set<Node>();
  readonly problems: TemplateProblem[] = [];

  /** `base` is where `text` starts in the whole template: spans are the whole template's. */
  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly base = 0,
  ) {}

  convert(node: ParsedNode | Node | null | undefined, fallback: Span): TemplateNode {
    if (node === null || node === undefined) return { kind: 'scalar', value: null, span: fallback };
    if (++this.nodes > NODE_BUDGET) return { kind: 'invalid', reason: 'template too large', span: fallback };
    if (isAlias(node)) return this.alias(node, fallback);
    const cached = this.done.get(node);
    if (cached) return cached;
    const converted = this.fresh(node, fallback);
    this.done.set(node, converted);
    return converted;
  }

  private alias(node: Node, fallback: Span): TemplateNode {
    const span = this.spanOf(node, fallback);
    const target = isAlias(node) ? node.resolve(this.doc) : undefined;
    if (!target) return this.invalid(`alias ${String((node as { source?: string }).source)} has no anchor`, span);
    if (this.inProgress.has(target)) return this.invalid('alias refers to a node that contains it', span);
    return this.convert(target, span);
  }

  private fresh(node: Node, fallback: Span): TemplateNode {
    const span = this.spanOf(node, fallback);
    const tag = node.tag;
    const shortForm = tag !== undefined ? SHORT_FORM_TAGS.get(tag) : undefined;
    if (tag !== undefined && tag.startsWith('!') && !shortForm) {
      this.problems.push({ message: `unknown tag ${tag}: CloudFormation rejects the template`, span, severity: 'error' });
      return { kind: 'invalid', reason: `unknown tag ${tag}`, span };
    }
    const plain = this.untagged(node, span);
    return shortForm ? { kind: 'fn', name: shortForm, arg: plain, span } : plain;
  }

  private untagged(node: Node, span: Span): TemplateNode {
    if (isScalar(node)) {
      const value = node.value;
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value);
      return { kind: 'scalar', value: scalar, span: this.valueSpan(node, span) };
    }
    this.inProgress.add(node);
    try {
      if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => this.convert(item as Node, { start: span.end, end: span.end })), span };
      if (isMap(node)) {
        const entries = node.items.map((pair) => this.entry(pair as Pair<Node, Node>, span));
        const name = longFormName(entries);
        const only = entries[0];
        return name && only ? { kind: 'fn', name, arg: only.value, span } : mapNode(entries, span);
      }
    } finally {
      this.inProgress.delete(node);
    }
    return this.invalid('unreadable node', span);
  }

  private entry(pair: Pair<Node, Node>, parent: Span): MapEntry {
    const keyNode = pair.key;
    const keySpan = keyNode ? this.spanOf(keyNode, parent) : parent;
    const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
    // `Key:` with nothing after it is null; its range is the end of the key.
    const value = this.convert(pair.value, { start: keySpan.end, end: keySpan.end });
    return { key, keySpan, value };
  }

  /** The node's range, widened to take in its tag (`!Ref x` rather than `x`). */
  private spanOf(node: Node, fallback: Span): Span {
    const range = node.range;
    if (!range) return fallback;
    let start = range[0];
    const tag = node.tag;
    if (tag?.startsWith('!')) {
      const at = this.text.lastIndexOf(tag, start);
      if (at >= 0 && /^\s*$/.test(this.text.slice(at + tag.length, start))) start = at;
    }
    return { start: start + this.base, end: range[1] + this.base };
  }

  private valueSpan(node: Node, span: Span): Span {
    // Block scalars (| and >) report their end past the trailing newline; keep ranges on their lines.
    let end = span.end;
    while (end > span.start && /\s/.test(this.text[end - 1 - this.base] ?? '')) end--;
    return { start: span.start, end: end > span.start ? end : span.end };
  }

  private invalid(reason: string, span: Span): TemplateNode {
    return { kind: 'invalid', reason, span };
  }
}

// One schema for every document: building it (core tags plus ours) per document costs more than
// parsing a small piece.
const SCHEMA = new Schema({ schema: 'core', resolveKnownTags: true, customTags: CUSTOM_TAGS });
const OPTIONS = { schema: SCHEMA, prettyErrors: false, uniqueKeys: true, strict: true } as const;

interface CachedPiece {
  readonly doc: Document.Parsed;
  /** The last conversion, at the offset it was made for. */
  converted?: ParsedPiece & { readonly base: number };
}

/**
 * Pieces by their text: the parsed document and its last conversion. The editor re-checks on
 * every edit, and an edit changes one piece of the template: the others are reused — as they are
 * when they did not move, shifted when the edit moved them. Bounded: the oldest go first.
 */
const pieces = new Map<string, CachedPiece>();
const MAX_CACHED_PIECES = 5_000;

function cachedPiece(text: string): CachedPiece {
  const cached = pieces.get(text);
  if (cached) {
    pieces.delete(text);
    pieces.set(text, cached);
    return cached;
  }
  const fresh: CachedPiece = { doc: parseDocument(text, OPTIONS) };
  pieces.set(text, fresh);
  if (pieces.size > MAX_CACHED_PIECES) pieces.delete(pieces.keys().next().value as string);
  return fresh;
}

export interface ParsedPiece {
  /** Undefined when the piece holds no node at all (empty text). */
  readonly node?: TemplateNode;
  readonly problems: TemplateProblem[];
}

function shift(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** The same tree `delta` characters further on: pieces hold no aliases, so it is a tree, not a graph. */
function relocate(node: TemplateNode, delta: number): TemplateNode {
  switch (node.kind) {
    case 'scalar':
    case 'invalid':
      return { ...node, span: shift(node.span, delta) };
    case 'seq':
      return { kind: 'seq', items: node.items.map((item) => relocate(item, delta)), span: shift(node.span, delta) };
    case 'fn':
      return { kind: 'fn', name: node.name, arg: relocate(node.arg, delta), span: shift(node.span, delta) };
    case 'map':
      return mapNode(
        node.entries.map((e) => ({ key: e.key, keySpan: shift(e.keySpan, delta), value: relocate(e.value, delta) })),
        shift(node.span, delta),
      );
  }
}

function convert(text: string, doc: Document.Parsed, base: number): ParsedPiece {
  const problems: TemplateProblem[] = doc.errors.slice(0, MAX_PROBLEMS).map((error) => ({
    message: firstLine(error.message),
    span: { start: error.pos[0] + base, end: Math.max(error.pos[1], error.pos[0]) + base },
    severity: 'error' as const,
  }));
  if (doc.contents === null) return { problems };
  const converter = new Converter(text, doc, base);
  const node = converter.convert(doc.contents, { start: base, end: base });
  problems.push(...converter.problems.slice(0, MAX_PROBLEMS));
  return { node, problems };
}

/** Parses `text`, which starts at offset `base` of the template, with ranges in the template's offsets. */
export function parseYamlPiece(text: string, base: number): ParsedPiece {
  const cached = cachedPiece(text);
  const last = cached.converted;
  if (last?.base === base) return last;
  if (last && !cached.doc.errors.length && last.problems.length === 0 && last.node) {
    const moved = { base, node: relocate(last.node, base - last.base), problems: [] };
    cached.converted = moved;
    return moved;
  }
  const fresh = { base, ...convert(text, cached.doc, base) };
  cached.converted = fresh;
  return fresh;
}

export function parseTemplateText(text: string): ParsedText {
  const start: Span = { start: 0, end: Math.min(text.length, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length) };
  const pieces = splitTemplate(text);
  const assembled = pieces ? assemblePieces(pieces, parseYamlPiece) : undefined;
  // Any problem in the pieces (or across them): the whole text tells it as the yaml library does.
  const parsed = assembled && assembled.problems.length === 0 ? assembled : parseYamlPiece(text, 0);
  // A copy: the parsed piece is cached and shared with later checks.
  const { node } = parsed;
  const problems = [...parsed.problems];
  if (node === undefined) {
    if (problems.length === 0) problems.push({ message: 'the template is empty', span: start, severity: 'error' });
    return { problems };
  }
  if (node.kind !== 'map') {
    problems.push({ message: 'not a template: the top level must be a mapping (AWSTemplateFormatVersion, Resources, …)', span: node.span, severity: 'error' });
    return { problems };
  }
  return { root: node, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
