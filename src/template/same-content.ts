// Whether two plain JSON-like values (a template model's resource lists) say the same, as their
// JSON texts would — properties in order, undefined ones left out — without writing those texts:
// the editor asks on every edit, and the text of a large template's model is half a megabyte.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function mixString(hash: number, text: string): number {
  let h = mix(hash, 0x22);
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return mix(h, 0x22);
}

/** A 32-bit FNV-1a hash of the value's content: equal content, equal hash (not the reverse). */
export function contentHash(value: unknown, hash: number = FNV_OFFSET): number {
  switch (typeof value) {
    case 'string':
      return mixString(hash, value);
    case 'number':
      return mixString(mix(hash, 0x23), String(value));
    case 'boolean':
      return mix(hash, value ? 0x74 : 0x66);
    case 'object': {
      if (value === null) return mix(hash, 0x6e);
      let h = hash;
      if (Array.isArray(value)) {
        h = mix(h, 0x5b);
        for (const item of value as unknown[]) h = contentHash(item, mix(h, 0x2c));
        return mix(h, 0x5d);
      }
      h = mix(h, 0x7b);
      const object = value as Record<string, unknown>;
      for (const key in object) {
        const item = object[key];
        if (item === undefined) continue;
        h = contentHash(item, mix(mixString(h, key), 0x3a));
      }
      return mix(h, 0x7d);
    }
    default:
      // undefined and functions: JSON leaves them out.
      return mix(hash, 0x75);
  }
}

function definedKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined);
}

/** True when the two values would be written as the same JSON text. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = definedKeys(left);
  const otherKeys = definedKeys(right);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== otherKeys[i] || !sameContent(left[key], right[key])) return false;
  }
  return true;
}
