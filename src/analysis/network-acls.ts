// Network ACLs: stateless subnet filters. Each direction is evaluated on its own, lowest rule
// number first, the first rule that matches decides, and the final "*" rule denies. A subnet
// without an explicit association uses its VPC's default NACL (allow-all unless changed); a new
// custom NACL denies everything. Traffic within one subnet is not filtered.
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
// https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
import type { NetworkAcl, NetworkAclEntry, Subnet } from '../model/snapshot';
import { blockContains, blocksKey, blocksOverlap, halves, parseBlock, type Family, type IpBlock } from './ip-space';
import { ALL_PROTOCOLS, intersectPorts, protocolNumber, rulePorts, samePorts, subtractPorts, unionPorts, type PortRange, type PortSet } from './ports';
import type { SnapshotIndex } from './snapshot-index';

/** The NACL filtering a subnet's traffic; undefined when the snapshot holds neither an association nor the VPC's default NACL. */
export function networkAclOf(index: SnapshotIndex, subnet: Subnet): NetworkAcl | undefined {
  return index.networkAclBySubnet.get(subnet.id) ?? index.defaultNetworkAclByVpc.get(subnet.vpcId);
}

interface ParsedEntry {
  readonly entry: NetworkAclEntry;
  readonly block: IpBlock;
  readonly ports: PortRange;
  /** The entry's protocol as a number, -1 for all; undefined for one we cannot read (never matches). */
  readonly protocol: number | undefined;
}

const parsedAcls = new WeakMap<NetworkAcl, Map<string, readonly ParsedEntry[]>>();

/** One direction's entries for one address family, in evaluation order. */
function entriesOf(acl: NetworkAcl, egress: boolean, family: Family): readonly ParsedEntry[] {
  let byKey = parsedAcls.get(acl);
  if (!byKey) {
    byKey = new Map();
    parsedAcls.set(acl, byKey);
  }
  const key = `${egress}|${family}`;
  let entries = byKey.get(key);
  if (!entries) {
    entries = acl.entries
      .filter((e) => e.egress === egress)
      .flatMap((entry) => {
        const text = family === 'ipv4' ? entry.cidr : entry.ipv6Cidr;
        const block = text === undefined ? undefined : parseBlock(text);
        return block && block.family === family ? [{ entry, block, ports: rulePorts(entry.protocol, entry.fromPort, entry.toPort), protocol: protocolNumber(entry.protocol) }] : [];
      })
      .sort((a, b) => a.entry.ruleNumber - b.entry.ruleNumber);
    byKey.set(key, entries);
  }
  return entries;
}

/** Splits `block` until every entry's block either contains a piece or misses it. */
function partition(block: IpBlock, entryBlocks: readonly IpBlock[]): IpBlock[] {
  const straddles = entryBlocks.some((b) => blocksOverlap(b, block) && !blockContains(b, block));
  if (!straddles) return [block];
  const parts = halves(block);
  return parts ? [...partition(parts[0], entryBlocks), ...partition(parts[1], entryBlocks)] : [block];
}

/** The verdict for one piece of address space that every entry treats alike. */
interface PieceVerdict {
  readonly block: IpBlock;
  readonly denied: PortSet;
  /** The rule that denied the first denied port; undefined for the implicit final "*" rule. */
  readonly denyingRule?: number;
}

function evaluatePiece(entries: readonly ParsedEntry[], piece: IpBlock, protocol: number, ports: PortRange): PieceVerdict {
  let open: PortSet = [ports];
  let denied: PortSet = [];
  let denyingRule: number | undefined;
  for (const { entry, block, ports: entryPorts, protocol: entryProtocol } of entries) {
    if (open.length === 0) break;
    if (!blockContains(block, piece) || (entryProtocol !== ALL_PROTOCOLS && entryProtocol !== protocol)) continue;
    const hit = intersectPorts(open, entryPorts);
    if (hit.length === 0) continue;
    if (entry.action === 'deny') {
      if (denied.length === 0) denyingRule = entry.ruleNumber;
      denied = unionPorts(denied, hit);
    }
    for (const range of hit) open = subtractPorts(open, range);
  }
  // Whatever no numbered rule decided falls to the final "*" deny.
  if (open.length > 0) denied = unionPorts(denied, open);
  return denyingRule === undefined ? { block: piece, denied } : { block: piece, denied, denyingRule };
}

export type NaclVerdict =
  | { readonly status: 'allow' }
  /** Every address of the remote side is denied `ports` (all or part of the range asked). */
  | { readonly status: 'deny'; readonly ports: PortSet; readonly ruleNumber?: number }
  /** Some addresses are denied and others not: depends on which address is used. */
  | { readonly status: 'unknown'; readonly why: string };

/**
 * Whether `acl` lets TCP/UDP traffic on `ports` pass in one direction, for every address in
 * `remote` (the destination for egress entries, the source for ingress entries).
 */
export function networkAclAllows(acl: NetworkAcl, egress: boolean, remote: readonly IpBlock[], protocol: number, ports: PortRange): NaclVerdict {
  // Many flows cross the same NACL the same way (every function of a subnet to the internet).
  let byKey = verdicts.get(acl);
  if (!byKey) {
    byKey = new Map();
    verdicts.set(acl, byKey);
  }
  const key = `${egress}|${protocol}|${ports.from}-${ports.to}|${blocksKey(remote)}`;
  let verdict = byKey.get(key);
  if (!verdict) {
    verdict = evaluate(acl, egress, remote, protocol, ports);
    byKey.set(key, verdict);
  }
  return verdict;
}

const verdicts = new WeakMap<NetworkAcl, Map<string, NaclVerdict>>();
function evaluate(acl: NetworkAcl, egress: boolean, remote: readonly IpBlock[], protocol: number, ports: PortRange): NaclVerdict {
  const family = remote[0]?.family ?? 'ipv4';
  const entries = entriesOf(acl, egress, family);
  const entryBlocks = entries.map((e) => e.block);
  // Pieces that the same entries contain get the same verdict: evaluate each such group once
  // (the internet is two dozen blocks, and most NACLs treat them all alike).
  const bySignature = new Map<string, PieceVerdict>();
  const pieces = remote
    .flatMap((block) => partition(block, entryBlocks))
    .map((piece) => {
      let signature = '';
      for (const e of entries) signature += blockContains(e.block, piece) ? '1' : '0';
      let verdict = bySignature.get(signature);
      if (!verdict) {
        verdict = evaluatePiece(entries, piece, protocol, ports);
        bySignature.set(signature, verdict);
      }
      return verdict;
    });
  const deniedPieces = pieces.filter((p) => p.denied.length > 0);
  if (deniedPieces.length === 0) return { status: 'allow' };
  const first = deniedPieces[0] as PieceVerdict;
  if (deniedPieces.length === pieces.length && deniedPieces.every((p) => samePorts(p.denied, first.denied))) {
    const ruleNumber = deniedPieces.find((p) => p.denyingRule !== undefined)?.denyingRule;
    return ruleNumber === undefined ? { status: 'deny', ports: first.denied } : { status: 'deny', ports: first.denied, ruleNumber };
  }
  return { status: 'unknown', why: `${acl.id} treats different addresses differently` };
}
