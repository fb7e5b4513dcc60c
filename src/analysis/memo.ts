// Answers memoised per analysis: several rules ask the same question of the same function (can it
// reach SQS from these subnets?), and a large account asks thousands. Keyed by the snapshot index,
// so nothing outlives the analysis that computed it. Owners sit in plain Maps under the index's
// WeakMap entry: thousands of WeakMap keys would make every garbage collection walk them.
import type { SnapshotIndex } from './snapshot-index';

export type Memo<K extends object, V> = (index: SnapshotIndex, owner: K, key: unknown, compute: () => V) => V;

/**
 * A cache per index and owner object (a function, a subnet), then by any key (a string, a need
 * object). The empty key — "the answer for this owner" — needs no Map of its own per owner.
 */
export function memo<K extends object, V>(): Memo<K, V> {
  const byIndex = new WeakMap<SnapshotIndex, { readonly single: Map<K, V>; readonly byOwner: Map<K, Map<unknown, V>> }>();
  return (index, owner, key, compute) => {
    let caches = byIndex.get(index);
    if (!caches) {
      caches = { single: new Map(), byOwner: new Map() };
      byIndex.set(index, caches);
    }
    if (key === '') {
      const found = caches.single.get(owner);
      if (found !== undefined || caches.single.has(owner)) return found as V;
      const value = compute();
      caches.single.set(owner, value);
      return value;
    }
    let byKey = caches.byOwner.get(owner);
    if (!byKey) {
      byKey = new Map();
      caches.byOwner.set(owner, byKey);
    }
    const found = byKey.get(key);
    if (found !== undefined || byKey.has(key)) return found as V;
    const value = compute();
    byKey.set(key, value);
    return value;
  };
}
