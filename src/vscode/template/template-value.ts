// A template fragment as a plain value, written out as YAML (with CloudFormation's short-form
// tags) or as JSON, indented the way the file indents. Only the shapes quick fixes produce:
// strings, numbers, booleans, lists, mappings and the intrinsics Ref / Fn::Sub / Fn::GetAtt.
// Pure: no `vscode` import.
import type { TemplateLayout } from './template-layout';

export type TemplateValue = string | number | boolean | readonly TemplateValue[] | { readonly [key: string]: TemplateValue };

export const ref = (logicalId: string): TemplateValue => ({ Ref: logicalId });
export const sub = (text: string): TemplateValue => ({ 'Fn::Sub': text });

/** Short-form YAML for an intrinsic, or undefined when the value is not one. */
function shortForm(value: TemplateValue): string | undefined {
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const inner = (value as Record<string, TemplateValue>)[keys[0]!]!;
  if (keys[0] === 'Ref' && typeof inner === 'string') return `!Ref ${scalar(inner)}`;
  if (keys[0] === 'Fn::Sub' && typeof inner === 'string') return `!Sub ${scalar(inner)}`;
  if (keys[0] === 'Fn::GetAtt' && Array.isArray(inner) && inner.every((part) => typeof part === 'string')) return `!GetAtt ${inner.join('.')}`;
  return undefined;
}

/** A plain scalar where YAML reads it back as the same string, else a double-quoted (JSON) one. */
function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // Letters, digits and `. / : - _` and inner spaces, with no `: ` or ` #` (which would start a mapping or a comment).
  const plain =
    /^[A-Za-z_/][\w./: -]*[\w./-]$|^[A-Za-z_]$/.test(value) && !/: | #/.test(value) && !/^(true|false|yes|no|on|off|y|n|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function isCollection(value: TemplateValue): value is readonly TemplateValue[] | { readonly [key: string]: TemplateValue } {
  return typeof value === 'object' && shortForm(value) === undefined;
}

function inline(value: TemplateValue): string | undefined {
  if (!isCollection(value)) return shortForm(value) ?? scalar(value as string | number | boolean);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (!Array.isArray(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

/** YAML lines of a mapping's entries at `column`. */
function mappingLines(value: { readonly [key: string]: TemplateValue }, column: number, layout: TemplateLayout): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(column);
  for (const [key, item] of Object.entries(value)) {
    const short = inline(item);
    if (short !== undefined) lines.push(`${pad}${scalar(key)}: ${short}`);
    else if (Array.isArray(item)) lines.push(`${pad}${scalar(key)}:`, ...sequenceLines(item, column + (layout.indentSequences ? layout.unit : 0), layout));
    else lines.push(`${pad}${scalar(key)}:`, ...mappingLines(item as { readonly [key: string]: TemplateValue }, column + layout.unit, layout));
  }
  return lines;
}

/** YAML lines of a sequence's items, each `- ` at `column`; a mapping item starts on the dash's line. */
function sequenceLines(value: readonly TemplateValue[], column: number, layout: TemplateLayout): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(column);
  for (const item of value) {
    const short = inline(item);
    if (short !== undefined) {
      lines.push(`${pad}- ${short}`);
      continue;
    }
    const nested = Array.isArray(item) ? sequenceLines(item, column + 2, layout) : mappingLines(item as { readonly [key: string]: TemplateValue }, column + 2, layout);
    lines.push(`${pad}- ${nested[0]!.trimStart()}`, ...nested.slice(1));
  }
  return lines;
}

/** One resource `logicalId: {...}` as YAML lines at the layout's resource column. */
export function yamlResource(logicalId: string, resource: { readonly [key: string]: TemplateValue }, layout: TemplateLayout): string[] {
  return [`${' '.repeat(layout.resourceColumn)}${scalar(logicalId)}:`, ...mappingLines(resource, layout.resourceColumn + layout.unit, layout)];
}

/** One resource `"logicalId": {...}` as JSON lines at the layout's resource column. */
export function jsonResource(logicalId: string, resource: { readonly [key: string]: TemplateValue }, layout: TemplateLayout): string[] {
  const pad = ' '.repeat(layout.resourceColumn);
  const body = JSON.stringify(resource, null, layout.unit).split('\n');
  return [`${pad}${JSON.stringify(logicalId)}: ${body[0]}`, ...body.slice(1).map((line) => pad + line)];
}

/** A value written inline (for replacing a list's items in place): short-form YAML or JSON. */
export function inlineValue(value: TemplateValue, json: boolean): string {
  if (json) return JSON.stringify(value);
  return inline(value) ?? JSON.stringify(value);
}
