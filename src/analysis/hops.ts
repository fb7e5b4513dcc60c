// Hops are the path a finding is about, in traffic order, so the diagram can colour each link
// and the hover can read the path out. Kinds are the fixed vocabulary the diagram knows.
import type { Hop } from '../model/finding';

export type HopKind =
  | 'lambda-function'
  | 'subnet'
  | 'route-table'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'vpc-endpoint'
  | 'security-group'
  | 'network-acl'
  | 'network-interface'
  | 'internet'
  | 'iam-role'
  | 'aws-service'
  | 'domain-name'
  | 'certificate'
  | 'api-mapping'
  | 'api'
  | 'hosted-zone'
  | 'record';

export function hop(kind: HopKind, id: string, ok: boolean, reason?: string): Hop {
  return reason === undefined ? { kind, id, ok } : { kind, id, ok, reason };
}

/**
 * Joins several partial paths (one per subnet) into one list: a resource shared by several
 * paths (one route table serving two subnets) appears once, and is broken if any path says so.
 */
export function mergeHops(paths: readonly (readonly Hop[])[]): Hop[] {
  const merged: Hop[] = [];
  const byKey = new Map<string, Hop>();
  for (const path of paths) {
    for (const h of path) {
      const key = `${h.kind}\u0000${h.id}`;
      const seen = byKey.get(key);
      if (!seen) {
        const copy = { ...h };
        byKey.set(key, copy);
        merged.push(copy);
      } else if (seen.ok && !h.ok) {
        seen.ok = false;
        if (h.reason !== undefined) seen.reason = h.reason;
      }
    }
  }
  return merged;
}
