// The `Condition` a quick fix's new resources must carry. CloudFormation rejects a template whose
// resource refers (Ref/GetAtt) to a resource that, for some parameter values, is not created — so
// a new resource referring to conditional ones must be under their condition. `Condition` names
// one condition only: several different ones are combined into a new `Fn::And` condition, written
// into the template's `Conditions` (where the conditions combined are declared, so it exists).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
// Pure: no `vscode` import.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TemplateLayout } from './template-layout';
import { freeLogicalId } from './template-layout';
import { jsonResource, yamlResource, type TemplateValue } from './template-value';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Sections {
  readonly top: YAMLMap;
  readonly resources: Pair | undefined;
  readonly conditions: Pair | undefined;
}

function sections(text: string): Sections | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const top = doc.contents;
  const find = (name: string): Pair | undefined => top.items.find((pair) => isScalar(pair.key) && pair.key.value === name) as Pair | undefined;
  return { top, resources: find('Resources'), conditions: find('Conditions') };
}

function entry(map: unknown, key: string): unknown {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value;
}

function plainString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** `!Ref AWS::NoValue` or `{ "Ref": "AWS::NoValue" }`. */
function isNoValue(node: unknown): boolean {
  if (isScalar(node)) return node.tag === '!Ref' && node.value === 'AWS::NoValue';
  return isMap(node) && node.items.length === 1 && plainString(entry(node, 'Ref')) === 'AWS::NoValue';
}

/** The arguments of `!If [...]` or `{ "Fn::If": [...] }`; undefined when the node is not one. */
function ifArguments(node: unknown): readonly unknown[] | undefined {
  if (isSeq(node) && node.tag === '!If') return node.items;
  if (isMap(node) && node.items.length === 1) {
    const inner = entry(node, 'Fn::If');
    if (isSeq(inner)) return inner.items;
  }
  return undefined;
}

/**
 * The conditions under which the resource exists with the property at `path`: its own `Condition`,
 * and — when the property is `Fn::If [C, value, AWS::NoValue]` — C, since the fix is for the value.
 * (Any other `Fn::If` shape adds nothing: the resource's own condition is what keeps the template
 * deployable; the property's is only so the new resources are not made when they are not needed.)
 */
export function conditionsOf(text: string, logicalId: string, path: readonly string[] = []): string[] {
  const resource = entry(sections(text)?.resources?.value, logicalId);
  const found: string[] = [];
  const own = plainString(entry(resource, 'Condition'));
  if (own !== undefined) found.push(own);
  let node: unknown = resource;
  for (const key of path) node = entry(node, key);
  const args = ifArguments(node);
  const name = plainString(args?.[0]);
  if (args?.length === 3 && name !== undefined && isMap(args[1]) && isNoValue(args[2])) found.push(name);
  return found;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

function endOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[1];
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The new condition written in after the last one in `Conditions`. */
function conditionEdit(text: string, found: Pick<Sections, 'conditions'>, name: string, body: { readonly [key: string]: TemplateValue }, layout: TemplateLayout): Edit | undefined {
  const section = found.conditions?.value;
  if (isMap(section) && section.items.length > 0) {
    const last = section.items[section.items.length - 1]!;
    const lastEnd = endOf(last.value) ?? endOf(last.key);
    const column = startOf(section.items[0]!.key);
    if (lastEnd === undefined || column === undefined) return undefined;
    const at: TemplateLayout = { ...layout, resourceColumn: columnOf(text, column) };
    if (layout.json) return { start: lastEnd, end: lastEnd, text: `,\n${jsonResource(name, body, at).join('\n')}` };
    // After the last condition's last line, as resources are inserted (see templateLayout).
    let contentEnd = lastEnd;
    while (contentEnd > 0 && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
    const lineEnd = text.indexOf('\n', contentEnd);
    const insertAt = lineEnd === -1 ? text.length : lineEnd;
    return { start: insertAt, end: insertAt, text: `\n${yamlResource(name, body, at).join('\n')}` };
  }
  // No `Conditions` to append to: unreachable for conditions the template declares (they live
  // there), so a fix naming one that is not declared is left unwritten rather than guessed at.
  return undefined;
}

export interface NewResourceCondition {
  /** The condition the new resources carry; undefined when they need none. */
  readonly condition: string | undefined;
  /** The combined condition written into the template, when one is needed. */
  readonly edits: readonly Edit[];
}

/** The one condition for new resources needing all of `conditions`; undefined when it cannot be written into this template. */
export function conditionFor(text: string, conditions: readonly string[], layout: TemplateLayout): NewResourceCondition | undefined {
  const distinct = [...new Set(conditions)];
  if (distinct.length === 0) return { condition: undefined, edits: [] };
  if (distinct.length === 1) return { condition: distinct[0], edits: [] };
  // Fn::And takes 2 to 10 conditions; more than 10 distinct ones on one fix is not written.
  if (distinct.length > 10) return undefined;
  const found = sections(text);
  if (!found) return undefined;
  const section = found.conditions?.value;
  const declared = isMap(section) ? section.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')) : [];
  const name = freeLogicalId(distinct.join('And'), new Set([...declared, ...layout.logicalIds]));
  const edit = conditionEdit(text, found, name, { 'Fn::And': distinct.map((condition) => ({ Condition: condition })) }, layout);
  return edit ? { condition: name, edits: [edit] } : undefined;
}
