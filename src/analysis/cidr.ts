// CIDR arithmetic for route lookup. AWS stores CIDRs as written, and people write
// non-canonical ones (30.0.1.0/23 means 30.0.0.0/23), so every comparison goes through the
// network address, never through the text.
import ipaddr from 'ipaddr.js';
import type { IPv4, IPv6 } from 'ipaddr.js';

export interface Cidr {
  readonly family: 'ipv4' | 'ipv6';
  readonly network: IPv4 | IPv6;
  readonly prefixLength: number;
}

/** Parses "a.b.c.d/n" or an IPv6 CIDR; a bare address counts as a host route (/32, /128). Undefined when it is neither. */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  const withPrefix = trimmed.includes('/') ? trimmed : `${trimmed}/${trimmed.includes(':') ? 128 : 32}`;
  if (withPrefix.includes(':')) {
    if (!ipaddr.IPv6.isValidCIDR(withPrefix)) return undefined;
    const [, prefixLength] = ipaddr.IPv6.parseCIDR(withPrefix);
    return { family: 'ipv6', network: ipaddr.IPv6.networkAddressFromCIDR(withPrefix), prefixLength };
  }
  // Four-part decimal only: ipaddr.js would otherwise accept forms like "10/8" or hex octets that AWS never returns.
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(withPrefix)) return undefined;
  const [, prefixLength] = ipaddr.IPv4.parseCIDR(withPrefix);
  return { family: 'ipv4', network: ipaddr.IPv4.networkAddressFromCIDR(withPrefix), prefixLength };
}

/** The canonical spelling ("30.0.1.0/23" → "30.0.0.0/23"), or undefined for text that is not a CIDR. */
export function canonicalCidr(text: string): string | undefined {
  const cidr = parseCidr(text);
  return cidr && `${cidr.network.toString()}/${cidr.prefixLength}`;
}

/** True when every address of `inner` lies inside `outer` (same family only). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefixLength > inner.prefixLength) return false;
  return inner.network.match(outer.network, outer.prefixLength);
}
