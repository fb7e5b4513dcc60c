import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalCidr, cidrContains, parseCidr } from '../../../src/analysis/cidr';

function cidr(text: string) {
  const parsed = parseCidr(text);
  assert.ok(parsed, `${text} should parse`);
  return parsed;
}

test('canonicalCidr masks host bits off non-canonical CIDRs', () => {
  assert.equal(canonicalCidr('30.0.1.0/23'), '30.0.0.0/23');
  assert.equal(canonicalCidr('10.20.0.0/16'), '10.20.0.0/16');
  assert.equal(canonicalCidr('0.0.0.0/0'), '0.0.0.0/0');
  assert.equal(canonicalCidr('2406:da12:abc:100::1/56'), '2406:da12:abc:100::/56');
});

test('parseCidr treats a bare address as a host route and rejects non-CIDRs', () => {
  assert.equal(cidr('10.0.0.5').prefixLength, 32);
  assert.equal(cidr('::1').prefixLength, 128);
  assert.equal(parseCidr('pl-78a54011'), undefined);
  assert.equal(parseCidr('10/8'), undefined);
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
});

test('cidrContains compares networks, not text, and never across families', () => {
  assert.ok(cidrContains(cidr('0.0.0.0/0'), cidr('52.95.0.0/16')));
  assert.ok(cidrContains(cidr('30.0.1.0/23'), cidr('30.0.0.128/25')));
  assert.ok(!cidrContains(cidr('10.0.0.0/24'), cidr('10.0.0.0/16')));
  assert.ok(!cidrContains(cidr('::/0'), cidr('0.0.0.0/0')));
});
