// A small seeded generator for property tests: the same seed gives the same cases on every run
// and machine, so a failure names the seed that reproduces it.
export interface Random {
  /** 0 ≤ n < 1 */
  next(): number;
  /** lo ≤ n ≤ hi */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: 32-bit state, good enough spread for test data. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p: number) => next() < p,
  };
}

/** An IPv4 address as text from a 32-bit number. */
export function ipv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
}

/** A (possibly non-canonical) CIDR around `base`: a random address inside base's /16, with a random prefix. */
export function cidrNear(random: Random, base: number, minPrefix = 8, maxPrefix = 32): string {
  const address = (base & 0xffff0000) | random.int(0, 0xffff);
  return `${ipv4(address >>> 0)}/${random.int(minPrefix, maxPrefix)}`;
}

/** Whether the IPv4 address `n` lies in CIDR text (non-canonical allowed), computed plainly as the oracle. */
export function inCidr(n: number, cidr: string): boolean {
  const [address, prefix] = cidr.split('/');
  const bits = Number(prefix);
  const parts = (address ?? '').split('.').map(Number);
  const value = (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return ((value & mask) >>> 0) === ((n & mask) >>> 0);
}

export function parseIpv4(text: string): number {
  const parts = text.split('.').map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}
