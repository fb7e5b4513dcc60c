// The comparison that lets a re-check reuse the last analysis: two models say the same exactly
// when their JSON texts would be the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash, sameContent } from '../../../src/template/same-content';

const model = () => ({ lambdaFunctions: [{ id: 'Fn', timeout: 10, vpcConfig: { subnetIds: ['subnet-a', 'subnet-b'], securityGroupIds: [] }, name: undefined, needs: [{ kind: 'internet' }] }], vpcs: [] });

test('equal content in different objects: same hash, same content; undefined properties do not count', () => {
  const a = model();
  const b = { ...model(), extra: undefined };
  assert.notEqual(a, b);
  assert.equal(contentHash(a), contentHash(b));
  assert.ok(sameContent(a, b));
  assert.equal(JSON.stringify(a), JSON.stringify(b));
});

test('any change the JSON text would show is a difference', () => {
  const base = model();
  const changes: ((m: ReturnType<typeof model>) => void)[] = [
    (m) => void (m.lambdaFunctions[0]!.timeout = 11),
    (m) => void (m.lambdaFunctions[0]!.vpcConfig.subnetIds = ['subnet-b', 'subnet-a']),
    (m) => void m.lambdaFunctions[0]!.vpcConfig.subnetIds.pop(),
    (m) => void (m.lambdaFunctions[0]!.name = 'fn' as unknown as undefined),
    (m) => void ((m.lambdaFunctions[0] as Record<string, unknown>).timeout = '10'),
    (m) => void ((m as Record<string, unknown>).vpcs = {}),
  ];
  for (const change of changes) {
    const changed = model();
    change(changed);
    assert.notEqual(JSON.stringify(changed), JSON.stringify(base));
    assert.ok(!sameContent(changed, base), JSON.stringify(changed));
    assert.notEqual(contentHash(changed), contentHash(base), JSON.stringify(changed));
  }
});

test('property order counts, as it does in JSON text', () => {
  assert.ok(!sameContent({ a: 1, b: 2 }, { b: 2, a: 1 }));
  assert.ok(sameContent({ a: 1, b: 2 }, { a: 1, b: 2 }));
});
