// Address blocks as integer ranges, for the questions CIDR text cannot answer directly: does a
// set of rules cover every address a function may use (its whole subnet), does a rule cover only
// part of it, which public addresses remain once private ranges are set aside. Blocks are always
// CIDR-aligned, so two blocks are either nested or disjoint.
import ipaddr from 'ipaddr.js';
import { parseCidr, type Cidr } from './cidr';

export type Family = 'ipv4' | 'ipv6';

export interface IpBlock {
  readonly family: Family;
  readonly start: bigint;
  readonly end: bigint;
  readonly prefixLength: number;
}

export function familyBits(family: Family): number {
  return family === 'ipv4' ? 32 : 128;
}

function bytesToBigint(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

export function blockFromCidr(cidr: Cidr): IpBlock {
  const bits = familyBits(cidr.family);
  const start = bytesToBigint(cidr.network.toByteArray());
  const size = 1n << BigInt(bits - cidr.prefixLength);
  return { family: cidr.family, start, end: start + size - 1n, prefixLength: cidr.prefixLength };
}

// CIDR text repeats across thousands of rules and routes; parsing is the costly part.
const parsed = new Map<string, IpBlock | null>();

/** The block a CIDR (or a bare address) stands for, normalised ("30.0.1.0/23" → 30.0.0.0/23); undefined when the text is neither. */
export function parseBlock(text: string): IpBlock | undefined {
  let block = parsed.get(text);
  if (block === undefined) {
    const cidr = parseCidr(text);
    block = cidr ? blockFromCidr(cidr) : null;
    if (parsed.size < 100_000) parsed.set(text, block);
  }
  return block ?? undefined;
}

export function blockContains(outer: IpBlock, inner: IpBlock): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function blocksOverlap(a: IpBlock, b: IpBlock): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** The two halves of a block (a /n splits into two /n+1); undefined for a single address. */
export function halves(block: IpBlock): readonly [IpBlock, IpBlock] | undefined {
  if (block.prefixLength >= familyBits(block.family)) return undefined;
  const half = (block.end - block.start + 1n) / 2n;
  const prefixLength = block.prefixLength + 1;
  return [
    { family: block.family, start: block.start, end: block.start + half - 1n, prefixLength },
    { family: block.family, start: block.start + half, end: block.end, prefixLength },
  ];
}

export type Coverage = 'full' | 'partial' | 'none';

/** How much of `target` the union of `blocks` covers. */
export function coverage(target: IpBlock, blocks: readonly IpBlock[]): Coverage {
  // The common answers first, without building anything: one block holds it all, or none touches it.
  let touched = false;
  for (const b of blocks) {
    if (b.family !== target.family) continue;
    if (b.start <= target.start && target.end <= b.end) return 'full';
    if (b.start <= target.end && target.start <= b.end) touched = true;
  }
  if (!touched) return 'none';
  const inside = blocks
    .filter((b) => blocksOverlap(b, target))
    .map((b) => ({ start: b.start > target.start ? b.start : target.start, end: b.end < target.end ? b.end : target.end }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  if (inside.length === 0) return 'none';
  let next = target.start;
  for (const range of inside) {
    if (range.start > next) return 'partial';
    if (range.end + 1n > next) next = range.end + 1n;
    if (next > target.end) return 'full';
  }
  return next > target.end ? 'full' : 'partial';
}

/** How much of a set of targets the blocks cover: full only if each target is fully covered. */
export function coverageOfAll(targets: readonly IpBlock[], blocks: readonly IpBlock[]): Coverage {
  if (blocks.length === 0) return 'none';
  // Merge the covering blocks once; each target is then one scan of the merged ranges.
  const merged = blocks.length === 1 ? blocks : mergeRanges(blocks);
  let sawFull = false;
  let sawNone = false;
  for (const target of targets) {
    const c = coverage(target, merged);
    if (c === 'partial') return 'partial';
    if (c === 'full') sawFull = true;
    else sawNone = true;
  }
  if (sawFull && sawNone) return 'partial';
  return sawFull ? 'full' : 'none';
}

/** Overlapping or adjacent blocks of one family joined into ranges (as blocks with a nominal prefix). */
function mergeRanges(blocks: readonly IpBlock[]): IpBlock[] {
  const sorted = [...blocks].sort((a, b) => (a.family !== b.family ? (a.family < b.family ? -1 : 1) : a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: IpBlock[] = [];
  for (const block of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.family === block.family && block.start <= last.end + 1n) {
      if (block.end > last.end) merged[merged.length - 1] = { ...last, end: block.end };
    } else merged.push(block);
  }
  return merged;
}

// Blocks come from parseBlock's cache (one object per CIDR text) or publicBlocks (one list), so
// numbering them by identity makes a cheap cache key; printing bigints for every lookup was not.
const blockIds = new WeakMap<IpBlock, number>();
let nextBlockId = 0;

const listKeys = new WeakMap<readonly IpBlock[], string>();

/** A short key for a list of blocks, by identity (equal lists of the same block objects give equal keys). */
export function blocksKey(blocks: readonly IpBlock[]): string {
  // Long lists (the internet's blocks) are the same array every time: key them once.
  if (blocks.length > 2) {
    let cached = listKeys.get(blocks);
    if (cached === undefined) {
      cached = idsOf(blocks);
      listKeys.set(blocks, cached);
    }
    return cached;
  }
  return idsOf(blocks);
}

function idsOf(blocks: readonly IpBlock[]): string {
  let key = '';
  for (const block of blocks) {
    let id = blockIds.get(block);
    if (id === undefined) {
      id = nextBlockId++;
      blockIds.set(block, id);
    }
    key += `${id},`;
  }
  return key;
}

function bigintToBytes(value: bigint, count: number): number[] {
  const bytes: number[] = [];
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return bytes;
}

export function formatBlock(block: IpBlock): string {
  const address = ipaddr.fromByteArray(bigintToBytes(block.start, block.family === 'ipv4' ? 4 : 16)).toString();
  return `${address}/${block.prefixLength}`;
}

// Not reachable on the internet: RFC 1918, shared (CGNAT), loopback, link-local, multicast and
// reserved space. https://www.iana.org/assignments/iana-ipv4-special-registry
const NON_PUBLIC_IPV4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3'];
// Global unicast is 2000::/3; everything else (ULA fc00::/7, link-local, multicast) stays local.
const PUBLIC_IPV6 = ['2000::/3'];

function complement(universe: IpBlock, holes: readonly IpBlock[]): IpBlock[] {
  if (!holes.some((h) => blocksOverlap(h, universe))) return [universe];
  if (holes.some((h) => blockContains(h, universe))) return [];
  const parts = halves(universe);
  return parts ? [...complement(parts[0], holes), ...complement(parts[1], holes)] : [];
}

const publicSpace: Record<Family, IpBlock[]> = {
  ipv4: complement(parseBlock('0.0.0.0/0') as IpBlock, NON_PUBLIC_IPV4.map((c) => parseBlock(c) as IpBlock)),
  ipv6: PUBLIC_IPV6.map((c) => parseBlock(c) as IpBlock),
};

/** The internet's addresses as aligned blocks: where NAT and public AWS endpoints send traffic. */
export function publicBlocks(family: Family): readonly IpBlock[] {
  return publicSpace[family];
}

export function isPublicBlock(block: IpBlock): boolean {
  return publicSpace[block.family].some((p) => blockContains(p, block));
}
