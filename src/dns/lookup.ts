// One question through node:dns's Resolver, turned into an observation. NXDOMAIN and NODATA are
// answers (the name does not exist / has no such record); every other failure — timeout,
// SERVFAIL, REFUSED, an unreachable server — is "could not resolve" and proves nothing.
// https://nodejs.org/api/dns.html#error-codes
import type { Resolver } from 'node:dns/promises';
import type { DnsLookup } from '../model/snapshot';
import { dnsName, type DnsQuestion } from './questions';

const FAILURE_WORDS: Readonly<Record<string, string>> = {
  ETIMEOUT: 'timed out',
  ESERVFAIL: 'server failure (SERVFAIL)',
  EREFUSED: 'the server refused the query (REFUSED)',
  ECONNREFUSED: 'connection refused',
  EBADRESP: 'malformed reply',
  ECANCELLED: 'cancelled',
  EFORMERR: 'the server could not read the query (FORMERR)',
  ENOTIMP: 'the server does not implement the query (NOTIMP)',
  EBADNAME: 'not a valid name',
};

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** An observation from a thrown resolver error: NXDOMAIN, NODATA, or a failure with its words. */
export function lookupFromError(question: DnsQuestion, error: unknown): DnsLookup {
  const code = errorCode(error);
  if (code === 'ENOTFOUND') return { ...question, result: 'nx-domain', values: [] };
  if (code === 'ENODATA') return { ...question, result: 'no-data', values: [] };
  const words = code === undefined ? (error instanceof Error ? error.message : String(error)) : (FAILURE_WORDS[code] ?? code);
  return { ...question, result: 'failed', values: [], error: words };
}

async function ask(resolver: Resolver, question: DnsQuestion): Promise<string[]> {
  switch (question.type) {
    case 'NS':
      return (await resolver.resolveNs(question.name)).map(dnsName);
    case 'CNAME':
      return (await resolver.resolveCname(question.name)).map(dnsName);
    case 'A':
      return resolver.resolve4(question.name);
    case 'AAAA':
      return resolver.resolve6(question.name);
  }
}

/**
 * Resolves one question, never throwing: a reply with no records (an A query answered only by a
 * CNAME the server does not follow) is NODATA; `deadlineMs` bounds the wait whatever c-ares does.
 */
export async function lookup(resolver: Resolver, question: DnsQuestion, deadlineMs: number): Promise<DnsLookup> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DnsLookup>((resolve) => {
    timer = setTimeout(() => resolve({ ...question, result: 'failed', values: [], error: `timed out after ${deadlineMs} ms` }), deadlineMs);
  });
  const answer = ask(resolver, question).then(
    (values): DnsLookup => (values.length > 0 ? { ...question, result: 'answer', values: [...new Set(values)].sort() } : { ...question, result: 'no-data', values: [] }),
    (error: unknown) => lookupFromError(question, error),
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
