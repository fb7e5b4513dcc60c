import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverage, formatBlock, isPublicBlock, parseBlock, publicBlocks, type IpBlock } from '../../../src/analysis/ip-space';
import { formatPorts, portSet, subtractPorts } from '../../../src/analysis/ports';

function block(text: string): IpBlock {
  const b = parseBlock(text);
  assert.ok(b, text);
  return b;
}

test('blocks normalise non-canonical CIDRs and bare addresses', () => {
  assert.equal(formatBlock(block('30.0.1.0/23')), '30.0.0.0/23');
  assert.equal(formatBlock(block('10.0.0.7')), '10.0.0.7/32');
  assert.equal(formatBlock(block('2001:db8::1/32')), '2001:db8::/32');
  assert.equal(parseBlock('10/8'), undefined);
  assert.equal(parseBlock('not a cidr'), undefined);
});

test('coverage: full, partial or none, across several blocks and both halves', () => {
  const subnet = block('10.0.1.0/24');
  assert.equal(coverage(subnet, [block('10.0.0.0/16')]), 'full');
  assert.equal(coverage(subnet, [block('10.0.1.0/25'), block('10.0.1.128/25')]), 'full');
  assert.equal(coverage(subnet, [block('10.0.1.0/25')]), 'partial');
  assert.equal(coverage(subnet, [block('10.0.2.0/24'), block('2001:db8::/32')]), 'none');
});

test('public space leaves out private, shared, loopback, link-local and multicast ranges', () => {
  assert.ok(isPublicBlock(block('8.8.8.8')));
  assert.ok(isPublicBlock(block('52.95.0.0/16')));
  for (const text of ['10.1.2.3', '172.16.5.5', '192.168.1.1', '100.64.0.1', '169.254.169.254', '224.0.0.1']) assert.ok(!isPublicBlock(block(text)), text);
  assert.ok(!isPublicBlock(block('0.0.0.0/0')), 'the whole space is not all public');
  assert.equal(coverage(block('8.8.8.8'), publicBlocks('ipv4')), 'full');
  assert.ok(isPublicBlock(block('2600:1f18::1')));
  assert.ok(!isPublicBlock(block('fd00::1')));
});

test('port sets merge, subtract and read as text', () => {
  assert.deepEqual(portSet({ from: 10, to: 20 }, { from: 21, to: 30 }, { from: 5, to: 6 }), [{ from: 5, to: 6 }, { from: 10, to: 30 }]);
  assert.deepEqual(subtractPorts([{ from: 1024, to: 65535 }], { from: 32768, to: 65535 }), [{ from: 1024, to: 32767 }]);
  assert.equal(formatPorts([{ from: 443, to: 443 }]), '443');
  assert.equal(formatPorts([{ from: 1024, to: 2047 }, { from: 3000, to: 65535 }]), '1024–2047 and 3000–65535');
});
