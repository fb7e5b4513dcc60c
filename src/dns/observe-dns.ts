// Live DNS for the domain chains: asks the questions a snapshot raises (questions.ts) through a
// node:dns Resolver — the system's servers, or the ones configured — with a bounded wait per
// lookup, a few at a time, each answer cached for the run; the observations go into the snapshot
// so the analysis stays pure. Offline skips every lookup.
//
// The NS question is asked of a recursive resolver, which follows the registrar's delegation and
// returns the NS set of the zone it lands on: our hosted zone's set when the delegation is right,
// another provider's (or an old zone's) when it is not. node:dns cannot read a referral's authority
// section, so the parent's NS records are not read directly.
import { Resolver } from 'node:dns/promises';
import type { DnsLookup, DnsObservations, Snapshot } from '../model/snapshot';
import { lookup } from './lookup';
import { dnsQuestions, type DnsQuestion } from './questions';

export const DEFAULT_DNS_TIMEOUT_MS = 2_000;
const DEFAULT_CONCURRENCY = 8;

/** Answers by server set and question; pass one cache to several calls in one run to ask each question once. */
export type DnsCache = Map<string, Promise<DnsLookup>>;

export function createDnsCache(): DnsCache {
  return new Map();
}

export interface ObserveDnsOptions {
  /** Resolvers as "ip" or "ip:port" (IPv6 as "[ip]:port"); default: the system's. */
  servers?: readonly string[];
  /** Wait per lookup before it counts as "could not resolve"; default 2 s. */
  timeoutMs?: number;
  /** Skip live DNS altogether (no packets); the observations say so. */
  offline?: boolean;
  signal?: AbortSignal;
  cache?: DnsCache;
  /** Lookups in flight at once; default 8. */
  concurrency?: number;
  /** The observations' clock (tests pin it). */
  now?: () => Date;
}

/** A server setting node:dns cannot use: said in words, with the value, before any lookup. */
export class DnsServerError extends Error {
  constructor(readonly server: string) {
    super(`"${server}" is not a DNS server address: give an IP address, optionally with a port (1.1.1.1, 127.0.0.1:5353, [2606:4700::1111]:53)`);
    this.name = 'DnsServerError';
  }
}

function makeResolver(servers: readonly string[] | undefined, timeoutMs: number): Resolver {
  // One try per server: the deadline below bounds the whole lookup anyway.
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (servers && servers.length > 0) {
    for (const server of servers) {
      try {
        new Resolver().setServers([server]);
      } catch {
        throw new DnsServerError(server);
      }
    }
    resolver.setServers([...servers]);
  }
  return resolver;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('DNS lookups cancelled', 'AbortError');
}

async function inPool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/** Asks live DNS what the snapshot's domain chains need; never throws for a DNS failure, only for bad options or cancellation. */
export async function observeDns(snapshot: Snapshot, options: ObserveDnsOptions = {}): Promise<DnsObservations> {
  const observedAt = (options.now ?? (() => new Date()))().toISOString();
  if (options.offline) return { observedAt, servers: [], offline: true, lookups: [] };
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  const timeoutMs = Math.max(1, options.timeoutMs ?? DEFAULT_DNS_TIMEOUT_MS);
  const resolver = makeResolver(options.servers, timeoutMs);
  const servers = resolver.getServers();
  // c-ares tries each server in turn: the deadline allows one timeout per server, plus a margin.
  const deadlineMs = timeoutMs * Math.max(1, servers.length) + 250;
  const cache = options.cache ?? createDnsCache();
  const keyOf = (q: DnsQuestion) => `${servers.join(',')}|${q.type} ${q.name}`;
  const asked: string[] = [];
  const onAbort = () => {
    // Cancelled lookups are not answers: keep them out of a cache other runs read.
    for (const key of asked) cache.delete(key);
    resolver.cancel();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const lookups = await inPool(dnsQuestions(snapshot), options.concurrency ?? DEFAULT_CONCURRENCY, (q) => {
      if (signal?.aborted) throw abortError(signal);
      let pending = cache.get(keyOf(q));
      if (!pending) {
        pending = lookup(resolver, q, deadlineMs);
        cache.set(keyOf(q), pending);
        asked.push(keyOf(q));
      }
      return pending;
    });
    if (signal?.aborted) throw abortError(signal);
    return { observedAt, servers: options.servers ? [...options.servers] : servers, offline: false, lookups };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Lookups abandoned at their deadline are still queued in c-ares: drop them.
    resolver.cancel();
  }
}

/** The snapshot with these observations in it (replacing older ones); the input is not changed. */
export function withDnsObservations(snapshot: Snapshot, observations: DnsObservations): Snapshot {
  return { ...snapshot, dns: observations };
}

/** observeDns, then withDnsObservations: the snapshot the analysis should read when live DNS is on. */
export async function withLiveDns(snapshot: Snapshot, options: ObserveDnsOptions = {}): Promise<Snapshot> {
  return withDnsObservations(snapshot, await observeDns(snapshot, options));
}
