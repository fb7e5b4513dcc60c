// Setting one property of a declared resource to a literal, as a text edit in the file's own
// style: a plain value replaced in place, or a new `Key: value` line (a `"Key": value,` member in
// JSON) put before the first property, at its column. Found with the `yaml` library's ranges, as
// template-layout.ts finds where resources go. Pure: no `vscode` import.
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from './template-fixes';

function propertiesOf(text: string, logicalId: string): YAMLMap | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const resources = doc.contents.get('Resources', true);
  const resource = isMap(resources) ? resources.get(logicalId, true) : undefined;
  const properties = isMap(resource) ? resource.get('Properties', true) : undefined;
  return isMap(properties) ? properties : undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The edit that makes `Properties.key` of resource `logicalId` read `value`; undefined when the
 * resource has no readable Properties mapping, or the property is written as something other
 * than a plain value (an intrinsic, a parameter): that is the author's choice to change, not ours.
 */
export function setProperty(text: string, logicalId: string, key: string, value: boolean, json: boolean): TextEdit | undefined {
  const properties = propertiesOf(text, logicalId);
  if (!properties) return undefined;
  const pairs = properties.items as Pair<Node, Node>[];
  const existing = pairs.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (existing) {
    const node = existing.value;
    if (!isScalar(node) || node.tag !== undefined || !node.range) return undefined;
    return { start: node.range[0], end: node.range[1], text: String(value) };
  }
  const first = pairs[0]?.key?.range?.[0];
  if (first === undefined) return undefined;
  const name = json ? JSON.stringify(key) : key;
  const before = text.slice(lineStart(text, first), first);
  const ownLine = /^\s*$/.test(before);
  // On its own line: the new member gets a line of its own at the same column; in a one-line flow map, it goes inline.
  const separator = properties.flow ? (ownLine ? `,\n${before}` : ', ') : `\n${before}`;
  return { start: first, end: first, text: `${name}: ${value}${separator}` };
}
