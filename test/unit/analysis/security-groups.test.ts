import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBlock, type IpBlock } from '../../../src/analysis/ip-space';
import { TCP } from '../../../src/analysis/ports';
import { securityGroupsAllow, type Peer } from '../../../src/analysis/security-groups';
import type { SecurityGroup, SecurityGroupRule } from '../../../src/model/snapshot';
import { inCidr, ipv4, seeded, type Random } from '../../builders/random';
import { here } from '../../builders/snapshot';

function block(text: string): IpBlock {
  const b = parseBlock(text);
  assert.ok(b, text);
  return b;
}

function group(id: string, egress: SecurityGroupRule[], ingress: SecurityGroupRule[] = []): SecurityGroup {
  return { ...here, id, vpcId: 'vpc-1', groupName: id, ingress, egress };
}

function rule(protocol: string, ports: [number, number] | undefined, peer: Partial<SecurityGroupRule>): SecurityGroupRule {
  return { protocol, cidrs: [], ipv6Cidrs: [], securityGroupIds: [], prefixListIds: [], ...(ports ? { fromPort: ports[0], toPort: ports[1] } : {}), ...peer };
}

function peer(blocks: string[], groups: string[] = [], lists: string[] = [], unrelated: string[] = []): Peer {
  return { family: 'ipv4', blocks: blocks.map(block), securityGroupIds: new Set(groups), prefixListIds: new Set(lists), unrelatedPrefixListIds: new Set(unrelated) };
}

test('a new group allows all egress; a group with no egress rules allows none', () => {
  const open = group('sg-open', [rule('-1', undefined, { cidrs: ['0.0.0.0/0'] })]);
  const closed = group('sg-closed', []);
  assert.equal(securityGroupsAllow([open], 'egress', peer(['10.0.5.7']), TCP, 6379).status, 'allow');
  assert.equal(securityGroupsAllow([closed], 'egress', peer(['10.0.5.7']), TCP, 6379).status, 'deny');
  // Groups are a union: one that allows is enough.
  assert.equal(securityGroupsAllow([closed, open], 'egress', peer(['10.0.5.7']), TCP, 6379).status, 'allow');
});

test('port and protocol must match: 80 is not 443, udp is not tcp, "6" is tcp', () => {
  const web = group('sg-web', [], [rule('tcp', [80, 80], { securityGroupIds: ['sg-fn'] })]);
  const from = peer(['10.0.1.0/24'], ['sg-fn']);
  assert.equal(securityGroupsAllow([web], 'ingress', from, TCP, 443).status, 'deny');
  assert.equal(securityGroupsAllow([web], 'ingress', from, TCP, 80).status, 'allow');
  const udp = group('sg-udp', [], [rule('udp', [443, 443], { securityGroupIds: ['sg-fn'] })]);
  assert.equal(securityGroupsAllow([udp], 'ingress', from, TCP, 443).status, 'deny');
  const numeric = group('sg-num', [], [rule('6', [0, 65535], { cidrs: ['10.0.0.0/16'] })]);
  assert.equal(securityGroupsAllow([numeric], 'ingress', from, TCP, 443).status, 'allow');
});

test('a group reference matches the peer carrying that group, whatever its address', () => {
  const cache = group('sg-cache', [], [rule('tcp', [6379, 6379], { securityGroupIds: ['sg-worker'] })]);
  assert.equal(securityGroupsAllow([cache], 'ingress', peer(['10.0.1.0/24'], ['sg-worker']), TCP, 6379).status, 'allow');
  assert.equal(securityGroupsAllow([cache], 'ingress', peer(['10.0.1.0/24'], ['sg-other']), TCP, 6379).status, 'deny');
});

test('a CIDR must cover the whole subnet the function may use; part of it is not enough to say either way', () => {
  const db = group('sg-db', [], [rule('tcp', [5432, 5432], { cidrs: ['10.0.1.0/25'] })]);
  assert.equal(securityGroupsAllow([db], 'ingress', peer(['10.0.1.0/24']), TCP, 5432).status, 'unknown');
  const both = group('sg-db2', [], [rule('tcp', [5432, 5432], { cidrs: ['10.0.1.0/25', '10.0.1.128/25'] })]);
  assert.equal(securityGroupsAllow([both], 'ingress', peer(['10.0.1.0/24']), TCP, 5432).status, 'allow');
  // Non-canonical spellings are normalised.
  const odd = group('sg-odd', [], [rule('tcp', [5432, 5432], { cidrs: ['10.0.1.77/24'] })]);
  assert.equal(securityGroupsAllow([odd], 'ingress', peer(['10.0.1.0/24']), TCP, 5432).status, 'allow');
});

test('prefix lists: the peer\'s own list allows, another service\'s list does not, an unknown list leaves it open', () => {
  const s3Only = group('sg-s3', [rule('tcp', [443, 443], { prefixListIds: ['pl-s3'] })]);
  assert.equal(securityGroupsAllow([s3Only], 'egress', peer(['0.0.0.0/1'], [], ['pl-s3']), TCP, 443).status, 'allow');
  assert.equal(securityGroupsAllow([s3Only], 'egress', peer(['0.0.0.0/1'], [], [], ['pl-s3']), TCP, 443).status, 'deny');
  assert.equal(securityGroupsAllow([s3Only], 'egress', peer(['0.0.0.0/1']), TCP, 443).status, 'unknown');
});

// Property: against an oracle that checks every address of a small peer block one by one.
const GROUPS = ['sg-a', 'sg-b', 'sg-c'];
const PORTS = [22, 80, 443, 6379];

function randomRule(random: Random): SecurityGroupRule {
  const protocol = random.pick(['tcp', '6', '-1', 'udp']);
  const from = random.pick([0, 22, 80, 443, 1024, 6379]);
  const ports: [number, number] | undefined = random.chance(0.2) ? undefined : [from, from + random.pick([0, 0, 10, 6000])];
  const cidrs = random.chance(0.6) ? [random.chance(0.1) ? '0.0.0.0/0' : `10.0.0.${random.int(0, 255)}/${random.int(24, 32)}`] : [];
  const securityGroupIds = random.chance(0.3) ? [random.pick(GROUPS)] : [];
  const prefixListIds = random.chance(0.15) ? [random.pick(['pl-x', 'pl-y'])] : [];
  return rule(protocol, ports, { cidrs, securityGroupIds, prefixListIds });
}

function ruleMatches(r: SecurityGroupRule, port: number): boolean {
  const all = r.protocol === '-1';
  if (!all && r.protocol !== 'tcp' && r.protocol !== '6') return false;
  if (all || r.fromPort === undefined || r.toPort === undefined) return true;
  return r.fromPort <= port && port <= r.toPort;
}

test('securityGroupsAllow agrees with an address-by-address oracle (seeded)', () => {
  const outcomes = { allow: 0, deny: 0, unknown: 0 };
  for (let seed = 1; seed <= 500; seed++) {
    const random = seeded(seed);
    const groups = Array.from({ length: random.int(1, 3) }, (_, i) => group(`sg-${i}`, Array.from({ length: random.int(0, 4) }, () => randomRule(random))));
    const prefix = random.int(26, 32);
    const start = random.int(0, 255) & ~((1 << (32 - prefix)) - 1);
    const peerText = `10.0.0.${start}/${prefix}`;
    const peerGroups = GROUPS.filter(() => random.chance(0.3));
    const lists = random.chance(0.3) ? ['pl-x'] : [];
    const unrelated = random.chance(0.5) ? ['pl-y'] : [];
    const port = random.pick(PORTS);
    const rules = groups.flatMap((g) => g.egress).filter((r) => ruleMatches(r, port));
    const byReference = rules.some((r) => r.securityGroupIds.some((id) => peerGroups.includes(id)) || r.prefixListIds.some((id) => lists.includes(id)));
    const maybe = rules.some((r) => r.prefixListIds.some((id) => !lists.includes(id) && !unrelated.includes(id)));
    let allowed = 0;
    const size = 2 ** (32 - prefix);
    for (let i = 0; i < size; i++) {
      const address = (0x0a000000 + start + i) >>> 0;
      if (byReference || rules.some((r) => r.cidrs.some((c) => inCidr(address, c)))) allowed += 1;
    }
    const expected = allowed === size ? 'allow' : allowed === 0 && !maybe ? 'deny' : 'unknown';
    const actual = securityGroupsAllow(groups, 'egress', peer([peerText], peerGroups, lists, unrelated), TCP, port).status;
    outcomes[expected] += 1;
    assert.equal(actual, expected, `seed ${seed}: peer ${peerText} (${ipv4(0x0a000000 + start)}) port ${port} ${JSON.stringify(groups.map((g) => g.egress))}`);
  }
  // The generator must exercise every outcome, or the property proves little.
  for (const [outcome, count] of Object.entries(outcomes)) assert.ok(count >= 25, `only ${count} ${outcome} cases: ${JSON.stringify(outcomes)}`);
});
