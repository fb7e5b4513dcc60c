// What a template expression evaluates to. A value the template does not give (a parameter with
// no value, an attribute known only after deploy, an import) is never guessed: it becomes a
// *symbolic* string, `<Ref PrivateSubnetA>`, that names the expression. Two equal symbolic strings
// stand for the same value (the same GetAtt of the same resource), so relations still compare;
// a symbolic string never equals a real id, so the analysis sees "not in the snapshot" and can
// say the path is unverifiable instead of broken.

/** `Ref AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export type Value = string | number | boolean | null | readonly Value[] | ValueMap | typeof NO_VALUE;
export interface ValueMap {
  readonly [key: string]: Value;
}

const SYMBOLIC = /<[^<>]*>/;

/** The symbolic stand-in for a value the template does not give. */
export function symbolic(description: string): string {
  return `<${description.replace(/[<>]/g, '')}>`;
}

/** True when the text is or contains a value the template does not give. */
export function isSymbolic(text: string): boolean {
  return SYMBOLIC.test(text);
}

export function isValueMap(value: Value | undefined): value is ValueMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text (numbers and booleans as CloudFormation would pass them), else undefined. */
export function valueText(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A known, non-symbolic text, else undefined. */
export function knownText(value: Value | undefined): string | undefined {
  const text = valueText(value);
  return text !== undefined && !isSymbolic(text) ? text : undefined;
}

/**
 * A list as its items. A symbolic string where a list belongs (a List parameter with no value)
 * stands for "some unknown items" and is kept as one symbolic item.
 */
export function valueList(value: Value | undefined): readonly Value[] {
  if (value === undefined || value === null || value === NO_VALUE) return [];
  if (Array.isArray(value)) return value as readonly Value[];
  if (typeof value === 'string' && isSymbolic(value)) return [value];
  return [value];
}

/** A list of texts; items that are not text become symbolic so they are never dropped silently. */
export function textList(value: Value | undefined): string[] {
  return valueList(value).map((item) => valueText(item) ?? symbolic('not a string'));
}

export function valueNumber(value: Value | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

export function valueBoolean(value: Value | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/** Deep equality of evaluated values (conditions compare lists too). */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i] as Value));
  if (isValueMap(a) && isValueMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k] as Value, b[k] as Value));
  }
  const ta = valueText(a);
  return ta !== undefined && ta === valueText(b);
}
