// Fn::ForEach (the AWS::LanguageExtensions transform) in the Resources section: one copy of the
// resource fragment per item of the collection, with the identifier replaced — every `${Id}` and
// `&{Id}` (non-alphanumerics dropped) in keys and values, and `Ref Id`.
// Loops nest. A collection the template does not give (a parameter with no value, an import)
// cannot be expanded: its resources stay unknown, and the block is reported as unexpanded.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
import type { Span } from './source-text';
import { mapNode, scalarText, type MapEntry, type MapNode, type TemplateNode } from './template-node';

/** The collection's items when the template gives them; undefined when they are unknown. */
export type CollectionResolver = (collection: TemplateNode) => readonly string[] | undefined;

export interface ExpandedResource {
  readonly logicalId: string;
  readonly node: TemplateNode;
  /** The outermost Fn::ForEach key: the whole block stands for each resource it makes. */
  readonly keySpan: Span;
}

/** A loop whose collection is unknown, so its resources could not be read. */
export interface UnexpandedLoop {
  /** The outermost Fn::ForEach key (where the user sees the block). */
  readonly keySpan: Span;
  /** The name the collection refers to (`Ref Name`), when it is one: the value that was missing. */
  readonly collectionRef?: string;
}

export interface ForEachExpansion {
  readonly resources: ExpandedResource[];
  readonly unexpanded: UnexpandedLoop[];
}

const LOOP_PREFIX = 'Fn::ForEach::';

/** Loops nest at most 5 deep in CloudFormation; deeper text is not expanded (and not a hang). */
const MAX_DEPTH = 5;

export function isForEachKey(key: string): boolean {
  return key.startsWith(LOOP_PREFIX);
}

/**
 * The entries of a Resources section or loop fragment. A mapping whose only key is a loop reads
 * like the long form of an intrinsic function (`{"Fn::…": …}`), so the parser made it an fn node.
 */
export function fragmentEntries(node: TemplateNode): readonly MapEntry[] | undefined {
  if (node.kind === 'map') return node.entries;
  const loop = loopEntry(node);
  return loop ? [loop] : undefined;
}

/** A resource piece holding only a loop, as the mapping it is (parsed alone, it read as a function). */
export function loopMap(node: TemplateNode | undefined): MapNode | undefined {
  const loop = loopEntry(node);
  return loop && node ? mapNode([loop], node.span) : undefined;
}

/** A lone `Fn::ForEach::Name:` key read as a function, back as the map entry it is (its key's range from the mapping's start). */
export function loopEntry(node: TemplateNode | undefined): MapEntry | undefined {
  if (node?.kind !== 'fn' || !isForEachKey(node.name)) return undefined;
  return { key: node.name, keySpan: { start: node.span.start, end: Math.min(node.span.end, node.span.start + node.name.length) }, value: node.arg };
}

type Bindings = ReadonlyMap<string, string>;

function substituteText(text: string, bindings: Bindings): string {
  return text.replace(/([$&])\{([^}]+)\}/g, (whole, sigil: string, name: string) => {
    const value = bindings.get(name.trim());
    if (value === undefined) return whole;
    return sigil === '&' ? value.replace(/[^A-Za-z0-9]/g, '') : value;
  });
}

/** The fragment with every identifier replaced; spans stay those of the text it came from. */
function substitute(node: TemplateNode, bindings: Bindings): TemplateNode {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' ? { ...node, value: substituteText(node.value, bindings) } : node;
    case 'invalid':
      return node;
    case 'seq':
      return { ...node, items: node.items.map((item) => substitute(item, bindings)) };
    case 'map':
      return mapNode(
        node.entries.map((entry): MapEntry => ({ key: substituteText(entry.key, bindings), keySpan: entry.keySpan, value: substitute(entry.value, bindings) })),
        node.span,
      );
    case 'fn': {
      const value = node.name === 'Ref' ? bindings.get(scalarText(node.arg) ?? '') : undefined;
      return value !== undefined ? { kind: 'scalar', value, span: node.span } : { ...node, arg: substitute(node.arg, bindings) };
    }
  }
}

function expandLoop(value: TemplateNode, keySpan: Span, resolve: CollectionResolver, bindings: Bindings, depth: number, out: ForEachExpansion): void {
  const [identifierNode, collectionNode, fragment] = value.kind === 'seq' ? value.items : [];
  const identifier = scalarText(identifierNode);
  const items = collectionNode && depth < MAX_DEPTH ? resolve(substitute(collectionNode, bindings)) : undefined;
  const entries = fragment ? fragmentEntries(fragment) : undefined;
  if (identifier === undefined || items === undefined || entries === undefined) {
    const named = collectionNode?.kind === 'fn' && collectionNode.name === 'Ref' ? scalarText(collectionNode.arg) : undefined;
    out.unexpanded.push(named !== undefined ? { keySpan, collectionRef: named } : { keySpan });
    return;
  }
  for (const item of items) {
    const inner = new Map(bindings).set(identifier, item);
    for (const entry of entries) {
      if (isForEachKey(entry.key)) {
        expandLoop(entry.value, keySpan, resolve, inner, depth + 1, out);
        continue;
      }
      out.resources.push({ logicalId: substituteText(entry.key, inner), node: substitute(entry.value, inner), keySpan });
    }
  }
}

/** The resources one `Fn::ForEach::Name` entry of the Resources section makes. */
export function expandForEach(value: TemplateNode, keySpan: Span, resolve: CollectionResolver): ForEachExpansion {
  const out: ForEachExpansion = { resources: [], unexpanded: [] };
  expandLoop(value, keySpan, resolve, new Map(), 0, out);
  return out;
}
