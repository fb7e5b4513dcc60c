// Protocols and port ranges as security groups and network ACLs write them, reduced to numbers
// so rules compare exactly: "tcp" and "6" are the same protocol, "-1" is every protocol (and
// then every port), and a TCP rule without ports covers all of them.
// https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
// https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html

export const TCP = 6;
export const ALL_PROTOCOLS = -1;

/**
 * Return traffic to a Lambda ENI arrives on the ephemeral port its connection used; Lambda uses
 * 1024–65535, so a network ACL must allow that whole range back in.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
 */
export const EPHEMERAL_PORTS: PortRange = { from: 1024, to: 65535 };
export const ALL_PORTS: PortRange = { from: 0, to: 65535 };
export const HTTPS = 443;

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** Sorted, disjoint, non-adjacent ranges. */
export type PortSet = readonly PortRange[];

const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, all: -1 };

/** A rule's protocol as a number, -1 for all; undefined for text that is neither a name nor a number. */
export function protocolNumber(text: string): number | undefined {
  const key = text.trim().toLowerCase();
  if (key in PROTOCOL_NUMBERS) return PROTOCOL_NUMBERS[key];
  const n = Number(key);
  return Number.isInteger(n) && n >= -1 && n <= 255 ? n : undefined;
}

export function protocolMatches(ruleProtocol: string, wanted: number): boolean {
  const n = protocolNumber(ruleProtocol);
  return n === ALL_PROTOCOLS || n === wanted;
}

/** The ports a rule covers for TCP/UDP: all of them for "-1" or when no range is given (or -1 in the API). */
export function rulePorts(protocol: string, fromPort: number | undefined, toPort: number | undefined): PortRange {
  const n = protocolNumber(protocol);
  if (n === ALL_PROTOCOLS || fromPort === undefined || toPort === undefined || fromPort < 0 || toPort < 0) return ALL_PORTS;
  return { from: Math.min(fromPort, toPort), to: Math.max(fromPort, toPort) };
}

export function portSet(...ranges: PortRange[]): PortSet {
  const sorted = ranges.filter((r) => r.from <= r.to).sort((a, b) => a.from - b.from);
  const merged: PortRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    else merged.push(r);
  }
  return merged;
}

export function intersectPorts(set: PortSet, range: PortRange): PortSet {
  return set.flatMap((r) => {
    const from = Math.max(r.from, range.from);
    const to = Math.min(r.to, range.to);
    return from <= to ? [{ from, to }] : [];
  });
}

export function subtractPorts(set: PortSet, range: PortRange): PortSet {
  return set.flatMap((r) => {
    if (range.to < r.from || range.from > r.to) return [r];
    const parts: PortRange[] = [];
    if (r.from < range.from) parts.push({ from: r.from, to: range.from - 1 });
    if (r.to > range.to) parts.push({ from: range.to + 1, to: r.to });
    return parts;
  });
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  return portSet(...a, ...b);
}

export function portCount(set: PortSet): number {
  return set.reduce((n, r) => n + r.to - r.from + 1, 0);
}

export function samePorts(a: PortSet, b: PortSet): boolean {
  return a.length === b.length && a.every((r, i) => r.from === b[i]?.from && r.to === b[i]?.to);
}

export function formatRange(range: PortRange): string {
  return range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`;
}

/** "443", "1024–32767", "1024–2047 and 3000–65535". */
export function formatPorts(set: PortSet): string {
  const parts = set.map(formatRange);
  return parts.length <= 1 ? (parts[0] ?? 'none') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
