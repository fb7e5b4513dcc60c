// Longest-prefix match against a brute-force oracle: every route that contains the address, the
// longest prefix, then static < prefix list < propagated, then the first listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeFor } from '../../../src/analysis/routing';
import type { Route, RouteTable } from '../../../src/model/snapshot';
import { cidrNear, inCidr, ipv4, seeded, type Random } from '../../builders/random';
import { here } from '../../builders/snapshot';

const BASE = 0x0a000000; // 10.0.0.0
const TARGETS = ['local', 'nat-1', 'igw-1', 'pcx-1', 'tgw-1', 'vpce-s3', 'eni-1'];

function randomRoute(random: Random, lists: ReadonlyMap<string, string[]>): Route {
  const state = random.chance(0.15) ? 'blackhole' : 'active';
  const target = random.pick(TARGETS);
  const kind = random.int(0, 9);
  if (kind === 0) return { destinationIpv6Cidr: random.pick(['::/0', '2001:db8::/32']), target, state, origin: 'static' };
  if (kind === 1) return { destinationPrefixListId: random.pick([...lists.keys()]), target, state, origin: 'static' };
  const destinationCidr = random.chance(0.1) ? '0.0.0.0/0' : cidrNear(random, BASE, 8, 32);
  return { destinationCidr, target, state, origin: random.chance(0.3) ? 'propagated' : 'static' };
}

function rank(route: Route): number {
  if (route.destinationPrefixListId !== undefined) return 1;
  return route.origin === 'propagated' ? 2 : 0;
}

function oracle(routes: readonly Route[], address: number, lists: ReadonlyMap<string, string[]>): Route | undefined {
  let best: { route: Route; prefix: number; rank: number } | undefined;
  for (const route of routes) {
    const cidrs = route.destinationCidr !== undefined ? [route.destinationCidr] : route.destinationPrefixListId !== undefined ? (lists.get(route.destinationPrefixListId) ?? []) : [];
    for (const cidr of cidrs) {
      if (!inCidr(address, cidr)) continue;
      const prefix = Number(cidr.split('/')[1]);
      if (!best || prefix > best.prefix || (prefix === best.prefix && rank(route) < best.rank)) best = { route, prefix, rank: rank(route) };
    }
  }
  return best?.route;
}

test('routeFor agrees with a brute-force longest-prefix oracle (IPv4, prefix lists, ties, blackholes)', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const random = seeded(seed);
    const lists = new Map([
      ['pl-a', [cidrNear(random, BASE, 12, 28), cidrNear(random, BASE, 12, 28)]],
      ['pl-b', [cidrNear(random, BASE, 8, 24)]],
    ]);
    const routes = Array.from({ length: random.int(1, 12) }, () => randomRoute(random, lists));
    const table: RouteTable = { ...here, id: `rtb-${seed}`, vpcId: 'vpc-1', main: false, subnetIds: [], routes };
    for (let i = 0; i < 40; i++) {
      const address = ((BASE & 0xff000000) | random.int(0, 0xffffff)) >>> 0;
      const expected = oracle(routes, address, lists);
      const actual = routeFor(table, ipv4(address), (id) => lists.get(id));
      assert.equal(actual, expected, `seed ${seed}, address ${ipv4(address)}: ${JSON.stringify({ routes, lists: [...lists] })}`);
    }
  }
});

test('IPv4 and IPv6 are looked up separately', () => {
  const table: RouteTable = {
    ...here,
    id: 'rtb-dual',
    vpcId: 'vpc-1',
    main: false,
    subnetIds: [],
    routes: [
      { destinationIpv6Cidr: '::/0', target: 'eigw-1', state: 'active', origin: 'static' },
      { destinationCidr: '10.0.0.0/16', target: 'local', state: 'active', origin: 'table' },
    ],
  };
  assert.equal(routeFor(table, '8.8.8.8'), undefined);
  assert.equal(routeFor(table, '2600:1f18::1')?.target, 'eigw-1');
  assert.equal(routeFor(table, '::/0')?.target, 'eigw-1');
});
