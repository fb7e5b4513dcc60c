// Which ENIs stand behind an in-VPC need (a Redis host, a database address), so its subnet and
// security groups can be checked. By id when the reader resolved one; by private IP; and for
// ElastiCache by the cluster id in the host name, which AWS writes into the ENI's description
// ("ElastiCache smartorder-cache", "ElastiCache smartorder-cache-001"). A name we cannot tie to
// an ENI (an RDS endpoint: its ENIs' descriptions carry no name) stays unknown.
// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Endpoints.html
import type { Need, NetworkInterface } from '../model/snapshot';
import type { SnapshotIndex } from './snapshot-index';

export type VpcTargetNeed = Extract<Need, { kind: 'vpc-target' }>;

export type TargetResolution =
  | { readonly status: 'found'; readonly interfaces: readonly NetworkInterface[] }
  | { readonly status: 'unknown'; readonly why: string };

/** How a need names its target in a sentence: the host, else the id. */
export function targetName(need: VpcTargetNeed): string {
  return need.host ?? need.targetId ?? 'an in-VPC target';
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// Endpoint prefixes ElastiCache puts before the cluster or replication group id.
const ELASTICACHE_ROLES = new Set(['master', 'replica', 'clustercfg', 'primary', 'reader']);

function elastiCacheId(host: string): string | undefined {
  if (!host.endsWith('.cache.amazonaws.com')) return undefined;
  const labels = host.toLowerCase().split('.');
  const first = labels[0];
  return first !== undefined && ELASTICACHE_ROLES.has(first) ? labels[1] : first;
}

const elastiCacheInterfaces = new WeakMap<SnapshotIndex, ReadonlyMap<string, NetworkInterface[]>>();

/** ElastiCache ENIs by the cluster id in their description (nodes "<id>-001" count for "<id>"). */
function elastiCacheIndex(index: SnapshotIndex): ReadonlyMap<string, NetworkInterface[]> {
  let byId = elastiCacheInterfaces.get(index);
  if (!byId) {
    const map = new Map<string, NetworkInterface[]>();
    for (const eni of index.snapshot.resources.networkInterfaces) {
      const match = /^ElastiCache\s+(\S+)/i.exec(eni.description);
      if (!match?.[1]) continue;
      const id = match[1].toLowerCase();
      for (const key of new Set([id, id.replace(/(-\d{3,4})+$/, '')])) map.set(key, [...(map.get(key) ?? []), eni]);
    }
    byId = map;
    elastiCacheInterfaces.set(index, byId);
  }
  return byId;
}

export function resolveVpcTarget(index: SnapshotIndex, need: VpcTargetNeed): TargetResolution {
  const enis = index.snapshot.resources.networkInterfaces;
  if (need.targetId !== undefined) {
    const direct = index.networkInterfaces.get(need.targetId);
    if (direct) return { status: 'found', interfaces: [direct] };
    const byLogicalId = enis.filter((e) => e.logicalId === need.targetId);
    if (byLogicalId.length > 0) return { status: 'found', interfaces: byLogicalId };
  }
  const host = need.host?.trim().toLowerCase();
  if (host !== undefined && IPV4.test(host)) {
    const byIp = enis.filter((e) => e.privateIpAddress === host);
    if (byIp.length > 0) return { status: 'found', interfaces: byIp };
  }
  const cacheId = host === undefined ? undefined : elastiCacheId(host);
  const byCache = cacheId === undefined ? undefined : elastiCacheIndex(index).get(cacheId);
  if (byCache && byCache.length > 0) return { status: 'found', interfaces: byCache };
  return { status: 'unknown', why: `no network interface of ${targetName(need)} is in the snapshot, so its subnet and security groups are unknown` };
}
