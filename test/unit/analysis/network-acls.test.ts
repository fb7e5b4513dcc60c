import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBlock, publicBlocks, type IpBlock } from '../../../src/analysis/ip-space';
import { networkAclAllows } from '../../../src/analysis/network-acls';
import { EPHEMERAL_PORTS, TCP } from '../../../src/analysis/ports';
import type { NetworkAcl, NetworkAclEntry } from '../../../src/model/snapshot';
import { aclEntry, allowAllAcl, customAcl } from '../../builders/network';
import { inCidr, seeded, type Random } from '../../builders/random';
import { snapshotWith } from '../../builders/snapshot';

function block(text: string): IpBlock {
  const b = parseBlock(text);
  assert.ok(b, text);
  return b;
}

/** Through the schema, so defaults fill in as for a real snapshot. */
function acl(input: ReturnType<typeof customAcl>): NetworkAcl {
  const parsed = snapshotWith({ networkAcls: [input] }).resources.networkAcls[0];
  assert.ok(parsed);
  return parsed;
}

const https = { from: 443, to: 443 };

test('the default NACL allows everything both ways', () => {
  const open = acl(allowAllAcl('acl-1', true, []));
  assert.deepEqual(networkAclAllows(open, true, [block('10.0.5.0/24')], TCP, https), { status: 'allow' });
  assert.deepEqual(networkAclAllows(open, false, publicBlocks('ipv4'), TCP, EPHEMERAL_PORTS), { status: 'allow' });
});

test('a new custom NACL denies everything (the final * rule)', () => {
  const verdict = networkAclAllows(acl(customAcl('acl-new', [], [])), true, [block('10.0.5.0/24')], TCP, https);
  assert.deepEqual(verdict, { status: 'deny', ports: [https] });
});

test('lowest rule number first: a deny before an allow wins, whatever the listing order', () => {
  const entries = [aclEntry(200, true, 'allow', '0.0.0.0/0'), aclEntry(100, true, 'deny', '10.0.5.0/24', [443, 443])];
  const verdict = networkAclAllows(acl(customAcl('acl-x', [], entries)), true, [block('10.0.5.9')], TCP, https);
  assert.deepEqual(verdict, { status: 'deny', ports: [https], ruleNumber: 100 });
  const elsewhere = networkAclAllows(acl(customAcl('acl-x', [], entries)), true, [block('10.0.6.9')], TCP, https);
  assert.deepEqual(elsewhere, { status: 'allow' });
});

test('return traffic: allowing only 32768–65535 back in denies part of Lambda\'s 1024–65535', () => {
  const entries = [aclEntry(100, false, 'allow', '0.0.0.0/0', [32768, 65535])];
  const verdict = networkAclAllows(acl(customAcl('acl-ret', [], entries)), false, [block('10.0.20.0/24')], TCP, EPHEMERAL_PORTS);
  assert.deepEqual(verdict, { status: 'deny', ports: [{ from: 1024, to: 32767 }] });
});

test('a rule for part of the remote addresses makes the answer depend on the address', () => {
  const entries = [aclEntry(100, true, 'allow', '10.0.5.0/25')];
  const verdict = networkAclAllows(acl(customAcl('acl-half', [], entries)), true, [block('10.0.5.0/24')], TCP, https);
  assert.equal(verdict.status, 'unknown');
});

test('to the internet: a NACL that allows only the VPC range denies every public address', () => {
  const entries = [aclEntry(100, true, 'allow', '10.0.0.0/16'), aclEntry(110, false, 'allow', '10.0.0.0/16')];
  const verdict = networkAclAllows(acl(customAcl('acl-vpc', [], entries)), true, publicBlocks('ipv4'), TCP, https);
  assert.deepEqual(verdict, { status: 'deny', ports: [https] });
});

test('IPv6 entries do not apply to IPv4 traffic', () => {
  const entries: NetworkAclEntry[] = [{ ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', ipv6Cidr: '::/0' }];
  const verdict = networkAclAllows(acl(customAcl('acl-v6', [], entries)), true, [block('10.0.5.9')], TCP, https);
  assert.equal(verdict.status, 'deny');
});

// Property: against the documented first-match rule, one packet (address, port) at a time.
function randomEntry(random: Random, ruleNumber: number, egress: boolean, near: number): NetworkAclEntry {
  const protocol = random.pick(['-1', '6', '17', '6', '-1']);
  const from = random.int(400, 480);
  const ports: [number, number] | undefined = protocol === '-1' || random.chance(0.15) ? undefined : [from, from + random.int(0, 40)];
  const cidr = random.chance(0.2) ? '0.0.0.0/0' : `10.0.0.${Math.min(255, Math.max(0, near + random.int(-8, 40)))}/${random.int(26, 32)}`;
  return aclEntry(ruleNumber, random.chance(0.85) ? egress : !egress, random.chance(0.6) ? 'allow' : 'deny', cidr, ports, protocol);
}

function firstMatchAllows(entries: readonly NetworkAclEntry[], egress: boolean, address: number, port: number): boolean {
  const sorted = entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const e of sorted) {
    if (e.protocol !== '-1' && e.protocol !== '6') continue;
    if (e.protocol !== '-1' && e.fromPort !== undefined && e.toPort !== undefined && (port < e.fromPort || port > e.toPort)) continue;
    if (!e.cidr || !inCidr(address, e.cidr)) continue;
    return e.action === 'allow';
  }
  return false;
}

test('networkAclAllows agrees with a packet-by-packet first-match oracle (seeded)', () => {
  const outcomes = { allow: 0, deny: 0, unknown: 0 };
  for (let seed = 1; seed <= 600; seed++) {
    const random = seeded(seed);
    const numbers = new Set<number>();
    while (numbers.size < random.int(1, 10)) numbers.add(random.int(1, 300));
    const egress = random.chance(0.5);
    const prefix = random.int(26, 31);
    const start = random.int(0, 255) & ~((1 << (32 - prefix)) - 1);
    const entries = [...numbers].map((n) => randomEntry(random, n, egress, start));
    const subject = acl(customAcl(`acl-${seed}`, [], entries));
    const from = random.int(420, 460);
    const ports = { from, to: from + random.int(0, 30) };
    const perAddress: string[] = [];
    for (let i = 0; i < 2 ** (32 - prefix); i++) {
      const denied: number[] = [];
      for (let port = ports.from; port <= ports.to; port++) if (!firstMatchAllows(subject.entries, egress, 0x0a000000 + start + i, port)) denied.push(port);
      perAddress.push(denied.join(','));
    }
    const same = perAddress.every((d) => d === perAddress[0]);
    const expected = perAddress.every((d) => d === '') ? 'allow' : same ? 'deny' : 'unknown';
    outcomes[expected] += 1;
    const verdict = networkAclAllows(subject, egress, [block(`10.0.0.${start}/${prefix}`)], TCP, ports);
    const context = `seed ${seed}: ${egress ? 'egress' : 'ingress'} 10.0.0.${start}/${prefix} ports ${ports.from}-${ports.to} ${JSON.stringify(entries)}`;
    assert.equal(verdict.status, expected, context);
    if (verdict.status === 'deny') {
      const listed = verdict.ports.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, k) => r.from + k)).join(',');
      assert.equal(listed, perAddress[0], context);
    }
  }
  for (const [outcome, count] of Object.entries(outcomes)) assert.ok(count >= 20, `only ${count} ${outcome} cases: ${JSON.stringify(outcomes)}`);
});
