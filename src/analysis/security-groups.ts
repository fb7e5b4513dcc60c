// Security groups: allow-only and stateful, so a connection works when some egress rule of the
// source's groups and some ingress rule of the target's groups match it; the reply needs no rule.
// A rule names its peer by CIDR, by security group (every ENI carrying that group) or by prefix
// list — decided by the list's CIDRs when the snapshot holds them. A group with no egress rules
// allows no egress.
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
// https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
import type { SecurityGroup, SecurityGroupRule } from '../model/snapshot';
import { coverageOfAll, parseBlock, type Family, type IpBlock } from './ip-space';
import { protocolMatches, rulePorts } from './ports';

/** The other end of a connection, as a rule can match it. */
export interface Peer {
  readonly family: Family;
  /** Every address the peer may use (an ENI's address, a subnet, the public internet). */
  readonly blocks: readonly IpBlock[];
  /** Groups on the peer's ENIs, matched by rules that reference a group. */
  readonly securityGroupIds: ReadonlySet<string>;
  /** Prefix lists known to contain the peer (the S3 list for a gateway endpoint path). */
  readonly prefixListIds: ReadonlySet<string>;
  /** Prefix lists known NOT to contain the peer (another service's list); others count as "maybe". */
  readonly unrelatedPrefixListIds: ReadonlySet<string>;
}

export type SecurityGroupVerdict =
  | { readonly status: 'allow'; readonly groupId: string }
  | { readonly status: 'deny' }
  /** Some rule may or may not match (partial CIDR cover, a prefix list of unknown contents). */
  | { readonly status: 'unknown'; readonly why: string };

export type Direction = 'ingress' | 'egress';

/** A prefix list's CIDRs, parsed; undefined when the snapshot does not know them. */
export type PrefixListBlocks = (prefixListId: string) => readonly IpBlock[] | undefined;

const UNKNOWN_LISTS: PrefixListBlocks = () => undefined;

interface ParsedRule {
  readonly rule: SecurityGroupRule;
  readonly blocks: readonly IpBlock[];
}

const parsedGroups = new WeakMap<SecurityGroup, { ingress: ParsedRule[]; egress: ParsedRule[] }>();

function parsedRules(group: SecurityGroup, direction: Direction): readonly ParsedRule[] {
  let parsed = parsedGroups.get(group);
  if (!parsed) {
    const parse = (rules: readonly SecurityGroupRule[]): ParsedRule[] =>
      rules.map((rule) => ({
        rule,
        blocks: [...rule.cidrs, ...rule.ipv6Cidrs].flatMap((text) => {
          const block = parseBlock(text);
          return block ? [block] : [];
        }),
      }));
    parsed = { ingress: parse(group.ingress), egress: parse(group.egress) };
    parsedGroups.set(group, parsed);
  }
  return parsed[direction];
}

function ruleMatchesTraffic(rule: SecurityGroupRule, protocol: number, port: number): boolean {
  if (!protocolMatches(rule.protocol, protocol)) return false;
  const ports = rulePorts(rule.protocol, rule.fromPort, rule.toPort);
  return ports.from <= port && port <= ports.to;
}

/**
 * Whether the union of `groups`' rules in `direction` allows TCP/UDP `port` to or from `peer`.
 * "allow" names a group that does it; "deny" means no rule of any group can match; "unknown"
 * when the answer depends on addresses or prefix-list contents the snapshot does not give.
 * A rule on a prefix list counts as a rule on the list's CIDRs when `prefixLists` knows them.
 */
export function securityGroupsAllow(
  groups: readonly SecurityGroup[],
  direction: Direction,
  peer: Peer,
  protocol: number,
  port: number,
  prefixLists: PrefixListBlocks = UNKNOWN_LISTS,
): SecurityGroupVerdict {
  return evaluate(groups, direction, peer, protocol, port, prefixLists);
}

function evaluate(groups: readonly SecurityGroup[], direction: Direction, peer: Peer, protocol: number, port: number, prefixLists: PrefixListBlocks): SecurityGroupVerdict {
  const cidrBlocks: IpBlock[] = [];
  const cidrGroups: string[] = [];
  let maybe: string | undefined;
  for (const group of groups) {
    for (const { rule, blocks } of parsedRules(group, direction)) {
      if (!ruleMatchesTraffic(rule, protocol, port)) continue;
      if (rule.securityGroupIds.some((id) => peer.securityGroupIds.has(id))) return { status: 'allow', groupId: group.id };
      if (rule.prefixListIds.some((id) => peer.prefixListIds.has(id))) return { status: 'allow', groupId: group.id };
      let ruleBlocks = blocks;
      // Most rules name no prefix list: no extra array for them on this hot path.
      for (const id of rule.prefixListIds) {
        if (peer.unrelatedPrefixListIds.has(id)) continue;
        const known = prefixLists(id);
        if (known) ruleBlocks = [...ruleBlocks, ...known];
        else maybe ??= `${group.id} allows prefix list ${id}, whose addresses are not in the snapshot`;
      }
      const familyBlocks = ruleBlocks.filter((b) => b.family === peer.family);
      if (familyBlocks.length > 0) {
        cidrBlocks.push(...familyBlocks);
        cidrGroups.push(group.id);
      }
    }
  }
  const covered = coverageOfAll(peer.blocks, cidrBlocks);
  if (covered === 'full') return { status: 'allow', groupId: cidrGroups[0] ?? '' };
  if (covered === 'partial') return { status: 'unknown', why: `${listIds(cidrGroups)} allow only part of the addresses involved` };
  if (maybe !== undefined) return { status: 'unknown', why: maybe };
  return { status: 'deny' };
}

function listIds(ids: readonly string[]): string {
  return [...new Set(ids)].join(', ');
}

/** The groups of `ids` the snapshot holds, or the ids it lacks. */
export function lookupGroups(
  groupsById: ReadonlyMap<string, SecurityGroup>,
  ids: readonly string[],
): { readonly groups: readonly SecurityGroup[]; readonly missing: readonly string[] } {
  const groups: SecurityGroup[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const group = groupsById.get(id);
    if (group) groups.push(group);
    else missing.push(id);
  }
  return { groups, missing };
}
