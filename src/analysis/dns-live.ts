// What live DNS said, as the rules read it. src/dns asked the questions before the analysis ran
// and put the answers in snapshot.dns; here they are looked up by name and type and turned into
// the few facts the rules need. A failed lookup is "could not resolve", never a broken link.
import type { DnsLookup } from '../model/snapshot';
import { nameSet } from './dns-names';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

const byIndex = new WeakMap<SnapshotIndex, ReadonlyMap<string, DnsLookup>>();

function key(name: string, type: DnsLookup['type']): string {
  return `${type} ${normalizeDnsName(name)}`;
}

/** The recorded answer for one question; undefined when live DNS was not asked (offline, or not observed). */
export function liveLookup(index: SnapshotIndex, name: string, type: DnsLookup['type']): DnsLookup | undefined {
  let lookups = byIndex.get(index);
  if (!lookups) {
    const map = new Map<string, DnsLookup>();
    for (const lookup of index.snapshot.dns?.lookups ?? []) if (!map.has(key(lookup.name, lookup.type))) map.set(key(lookup.name, lookup.type), lookup);
    lookups = map;
    byIndex.set(index, lookups);
  }
  return lookups.get(key(name, type));
}

/** "via 127.0.0.1:5353" / "via the system resolver", so a message says whose answer it reports. */
export function resolverLabel(index: SnapshotIndex): string {
  const servers = index.snapshot.dns?.servers ?? [];
  return servers.length === 0 ? 'the system resolver' : servers.join(', ');
}

export function couldNotResolve(lookup: DnsLookup, index: SnapshotIndex): string {
  return `could not resolve ${lookup.name} ${lookup.type} via ${resolverLabel(index)}${lookup.error ? ` (${lookup.error})` : ''}`;
}

/** What public DNS answers for a custom domain name: a CNAME, addresses, nothing, or unknown. */
export type LiveName =
  | { readonly kind: 'cname'; readonly target: string }
  | { readonly kind: 'addresses'; readonly values: readonly string[] }
  | { readonly kind: 'absent'; readonly how: 'nx-domain' | 'no-data' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'not-asked' };

export function liveName(index: SnapshotIndex, name: string): LiveName {
  const cname = liveLookup(index, name, 'CNAME');
  const a = liveLookup(index, name, 'A');
  if (!cname && !a) return { kind: 'not-asked' };
  if (cname?.result === 'answer' && cname.values[0] !== undefined) return { kind: 'cname', target: normalizeDnsName(cname.values[0]) };
  if (a?.result === 'answer' && a.values.length > 0) return { kind: 'addresses', values: a.values };
  const failed = [cname, a].find((l) => l?.result === 'failed');
  if (failed) return { kind: 'failed', reason: couldNotResolve(failed, index) };
  // NXDOMAIN on either question means the name does not exist; otherwise it exists with no address.
  const nx = [cname, a].some((l) => l?.result === 'nx-domain');
  return { kind: 'absent', how: nx ? 'nx-domain' : 'no-data' };
}

/** The NS set public DNS returns for a zone name, or why there is none. */
export type LiveDelegation =
  | { readonly kind: 'servers'; readonly servers: readonly string[] }
  | { readonly kind: 'absent'; readonly how: 'nx-domain' | 'no-data' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'not-asked' };

export function liveDelegation(index: SnapshotIndex, zoneName: string): LiveDelegation {
  const ns = liveLookup(index, zoneName, 'NS');
  if (!ns) return { kind: 'not-asked' };
  if (ns.result === 'answer' && ns.values.length > 0) return { kind: 'servers', servers: nameSet(ns.values) };
  if (ns.result === 'failed') return { kind: 'failed', reason: couldNotResolve(ns, index) };
  return { kind: 'absent', how: ns.result === 'nx-domain' ? 'nx-domain' : 'no-data' };
}

/** Whether a validation CNAME resolves publicly to the value ACM expects. */
export type LiveValidation = 'resolves' | 'resolves-elsewhere' | 'absent' | 'failed' | 'not-asked';

export function liveValidation(index: SnapshotIndex, record: { name: string; value: string }): LiveValidation {
  const lookup = liveLookup(index, record.name, 'CNAME');
  if (!lookup) return 'not-asked';
  if (lookup.result === 'failed') return 'failed';
  if (lookup.result !== 'answer') return 'absent';
  return lookup.values.some((v) => normalizeDnsName(v) === normalizeDnsName(record.value)) ? 'resolves' : 'resolves-elsewhere';
}
