// One link of a domain chain and what is known about it. A link is ok, broken (with the reason a
// person reads and how bad it is) or unknown — and unknown says why, because only some unknowns
// are worth telling the user about (a scan gap, a failed DNS lookup), while others are simply not
// knowable from the input (a template's value that exists only after deploy).
import type { Hop, Severity } from '../model/finding';
import type { HopKind } from './hops';

/**
 * gap: the scan could not read the service; dns-failed: a live lookup failed; opaque: looked, but
 * the answer cannot be tied to the chain (an A record at another DNS provider); not-observed: live
 * DNS was not asked; not-given: the input does not hold the value (template, other account).
 */
export type UnknownCause = 'gap' | 'dns-failed' | 'opaque' | 'not-observed' | 'not-given';

export type LinkVerdict =
  | { readonly state: 'ok' }
  | { readonly state: 'broken'; readonly reason: string; readonly severity: Exclude<Severity, 'info'> }
  | { readonly state: 'unknown'; readonly reason: string; readonly cause: UnknownCause };

/** Hop kinds of the chain: the analysis' shared ones plus the links only a domain chain has. */
export type ChainHopKind = HopKind | 'dns-name' | 'delegation' | 'stage' | 'integration';

export interface ChainLink {
  readonly kind: ChainHopKind;
  readonly id: string;
  readonly verdict: LinkVerdict;
}

export const OK: LinkVerdict = { state: 'ok' };

export function broken(reason: string, severity: 'error' | 'warning' = 'error'): LinkVerdict {
  return { state: 'broken', reason, severity };
}

export function unknown(reason: string, cause: UnknownCause): LinkVerdict {
  return { state: 'unknown', reason, cause };
}

export function link(kind: ChainHopKind, id: string, verdict: LinkVerdict = OK): ChainLink {
  return { kind, id, verdict };
}

/** The worse of two verdicts: broken beats unknown beats ok; an error beats a warning. */
export function worse(a: LinkVerdict, b: LinkVerdict): LinkVerdict {
  if (a.state === 'broken' && b.state === 'broken') return a.severity === 'error' || b.severity === 'warning' ? a : b;
  if (a.state === 'broken') return a;
  if (b.state === 'broken') return b;
  return a.state === 'unknown' ? a : b;
}

/**
 * The hop the Finding contract carries: broken links are ok=false with their reason; an unknown
 * link is not claimed broken (ok=true) but keeps its "not verified" reason for hovers.
 */
export function hopOf(l: ChainLink): Hop {
  const { verdict } = l;
  if (verdict.state === 'broken') return { kind: l.kind, id: l.id, ok: false, reason: verdict.reason };
  if (verdict.state === 'unknown') return { kind: l.kind, id: l.id, ok: true, reason: `not verified: ${verdict.reason}` };
  return { kind: l.kind, id: l.id, ok: true };
}
