// The template as a tree that remembers where every node came from. YAML short forms (!Ref x)
// and JSON long forms ({"Ref": "x"}) become the same `fn` node, so everything after the parser
// reads one shape whatever the file looked like.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
import type { Span } from './source-text';

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly span: Span;
}

export interface MapEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: TemplateNode;
}

export interface MapNode {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
  readonly byKey: ReadonlyMap<string, MapEntry>;
  readonly span: Span;
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly TemplateNode[];
  readonly span: Span;
}

/** An intrinsic function: `Ref`, `Condition` or `Fn::…`, with its one argument. */
export interface FnNode {
  readonly kind: 'fn';
  readonly name: string;
  readonly arg: TemplateNode;
  readonly span: Span;
}

/** Text that is syntactically there but means nothing CloudFormation knows (an unknown tag, a cyclic alias). */
export interface InvalidNode {
  readonly kind: 'invalid';
  readonly reason: string;
  readonly span: Span;
}

export type TemplateNode = ScalarNode | MapNode | SeqNode | FnNode | InvalidNode;

/**
 * Short-form tags CloudFormation's YAML reader accepts, by the function they stand for.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
 */
export const SHORT_FORM_TAGS: ReadonlyMap<string, string> = new Map(
  [
    'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
    'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length', 'Contains', 'EachMemberEquals', 'EachMemberIn',
    'RefAll', 'ValueOf', 'ValueOfAll',
  ]
    .map((name): [string, string] => [`!${name}`, `Fn::${name}`])
    .concat([['!Ref', 'Ref'], ['!Condition', 'Condition']]),
);

export function mapNode(entries: MapEntry[], span: Span): MapNode {
  const byKey = new Map<string, MapEntry>();
  // CloudFormation rejects duplicate keys; the parser reports them, and the first one is read.
  for (const entry of entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
  return { kind: 'map', entries, byKey, span };
}

/** A map with exactly one key `Ref` or `Fn::…` is the long form of an intrinsic function. */
export function longFormName(entries: readonly MapEntry[]): string | undefined {
  if (entries.length !== 1) return undefined;
  const key = entries[0]?.key ?? '';
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

export function entryOf(node: TemplateNode | undefined, key: string): MapEntry | undefined {
  return node?.kind === 'map' ? node.byKey.get(key) : undefined;
}

export function childOf(node: TemplateNode | undefined, key: string): TemplateNode | undefined {
  return entryOf(node, key)?.value;
}

/** The literal string of a scalar (numbers and booleans as written), else undefined. */
export function scalarText(node: TemplateNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** A short, readable rendering of an expression, used for values that stay unknown ("Ref PrivateSubnetA"). */
export function describeNode(node: TemplateNode, budget = 80): string {
  const text = render(node, 3);
  return text.length > budget ? `${text.slice(0, budget - 1)}…` : text;
}

function render(node: TemplateNode, depth: number): string {
  if (depth < 0) return '…';
  switch (node.kind) {
    case 'scalar':
      if (node.value === null) return "''";
      // Plain words as written; anything else quoted, so "[',', x]" does not read as "[,, x]".
      return typeof node.value === 'string' && !/^[\w.:/*-]+$/.test(node.value) ? `'${node.value}'` : String(node.value);
    case 'seq':
      return `[${node.items.map((item) => render(item, depth - 1)).join(', ')}]`;
    case 'map':
      return `{${node.entries.map((e) => `${e.key}: ${render(e.value, depth - 1)}`).join(', ')}}`;
    case 'fn': {
      const name = node.name.replace(/^Fn::/, '');
      if (name === 'GetAtt' && node.arg.kind === 'seq') return `GetAtt ${node.arg.items.map((i) => render(i, depth - 1)).join('.')}`;
      return `${name} ${render(node.arg, depth - 1)}`;
    }
    case 'invalid':
      return node.reason;
  }
}
