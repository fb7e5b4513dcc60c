// DNS names as the domain-chain rules compare them, and the values a template cannot give yet.
// Names compare case-insensitively, with or without the root's trailing dot (RFC 4343).
import { normalizeDnsName } from './snapshot-index';

/**
 * True for a value not known until deploy or run time: the template reader's `<GetAtt X.Y>`
 * stand-ins, `${…}` substitutions, stage variables. Such a value is never judged wrong.
 */
export function isUnknownValue(value: string | undefined): boolean {
  return value === undefined || value.trim() === '' || /<[^<>]*>/.test(value) || value.includes('${');
}

/** True when `name` is `zone` itself or a name below it. */
export function isWithin(name: string, zone: string): boolean {
  const n = normalizeDnsName(name);
  const z = normalizeDnsName(zone);
  return n === z || n.endsWith(`.${z}`);
}

/** "a.b.example.com" → "b.example.com"; undefined for a single label. */
export function parentName(name: string): string | undefined {
  const n = normalizeDnsName(name);
  const dot = n.indexOf('.');
  return dot < 0 ? undefined : n.slice(dot + 1);
}

/** Sorted, normalised, without duplicates: name-server sets compare as sets. */
export function nameSet(names: readonly string[]): string[] {
  return [...new Set(names.map(normalizeDnsName).filter((n) => n !== ''))].sort();
}

export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const x = nameSet(a);
  const y = nameSet(b);
  return x.length === y.length && x.every((n, i) => n === y[i]);
}

export function sharesAName(a: readonly string[], b: readonly string[]): boolean {
  const y = new Set(nameSet(b));
  return nameSet(a).some((n) => y.has(n));
}

/**
 * An API's own endpoint, `<api-id>.execute-api.<region>.amazonaws.com`: API ids are ten
 * lower-case letters and digits, while a custom domain's regional target is `d-<id>.execute-api…`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html
 */
export function executeApiIdOf(name: string): string | undefined {
  return /^([a-z0-9]{10})\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.exec(normalizeDnsName(name))?.[1];
}

/** "arn:aws:acm:us-east-1:…" → "us-east-1"; undefined when the text is not a concrete ARN. */
export function arnRegion(arn: string): string | undefined {
  if (isUnknownValue(arn)) return undefined;
  return /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]+):/.exec(arn)?.[1] || undefined;
}

export function arnPartition(arn: string): string | undefined {
  return /^arn:(aws[a-z-]*):/.exec(arn)?.[1];
}
