// Fn::Cidr: `count` consecutive blocks of `cidrBits` host bits carved from the start of a block,
// as CloudFormation computes them (templates use it for subnet CidrBlocks).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-cidr.html

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

function formatIpv6(value: bigint): string {
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => ((value >> shift) & 0xffffn).toString(16));
  // Compress the longest run of zero groups, as addresses are usually written.
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { at: i, length: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

/** The blocks, or undefined when the input is not a valid block or the request does not fit. */
export function cidrSplit(block: string, count: number, cidrBits: number): string[] | undefined {
  const [address, prefixText] = block.split('/');
  if (address === undefined || prefixText === undefined || !/^\d+$/.test(prefixText)) return undefined;
  const ipv6 = address.includes(':');
  const width = ipv6 ? 128 : 32;
  const base = ipv6 ? parseIpv6(address) : parseIpv4(address);
  const prefix = Number(prefixText);
  const newPrefix = width - cidrBits;
  if (base === undefined || prefix > width || !Number.isInteger(count) || count < 1 || count > 256 || cidrBits < 1 || newPrefix < prefix) return undefined;
  if (BigInt(count) > 1n << BigInt(newPrefix - prefix)) return undefined;
  const hostBits = BigInt(width - prefix);
  const network = (base >> hostBits) << hostBits;
  const size = 1n << BigInt(cidrBits);
  return Array.from({ length: count }, (_, i) => {
    const start = network + size * BigInt(i);
    return `${ipv6 ? formatIpv6(start) : formatIpv4(start)}/${newPrefix}`;
  });
}
