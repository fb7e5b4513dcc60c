// Which Route 53 hosted zone answers for a name, and whether the world is sent to it. Only the
// zone the parent delegates to is authoritative: the registrar (or the parent zone) must list
// exactly the zone's delegation set, or the zone's records are invisible — the classic case is a
// zone deleted and recreated, whose new name servers the registrar never learned.
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/SOA-NSrecords.html
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-name-servers-glue-records.html
import type { HostedZone, RecordSet } from '../model/snapshot';
import { broken, OK, unknown, type LinkVerdict } from './dns-link';
import { liveDelegation } from './dns-live';
import { isUnknownValue, nameSet, parentName, sameNames, sharesAName } from './dns-names';
import { route53Gap, describeGap } from './dns-gaps';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

export interface ZoneDelegation {
  readonly zone: HostedZone;
  readonly verdict: LinkVerdict;
  /** The NS set compared with the zone's own, when one was seen. */
  readonly seen?: readonly string[];
  /** Where `seen` came from: live DNS, or the NS record in a parent hosted zone of the snapshot. */
  readonly source?: 'public-dns' | 'parent-zone';
  readonly parentZone?: HostedZone;
  /** Another hosted zone of the same name whose name servers are the ones the world is sent to. */
  readonly delegatedZone?: HostedZone;
}

export function zoneLabel(zone: HostedZone): string {
  return `hosted zone ${zone.id} (${zone.zoneName})`;
}

const publicZonesCache = new WeakMap<SnapshotIndex, ReadonlyMap<string, readonly HostedZone[]>>();

/** Public zones by normalised name, each list by id: built once per analysis. */
function publicZonesByName(index: SnapshotIndex): ReadonlyMap<string, readonly HostedZone[]> {
  let byName = publicZonesCache.get(index);
  if (!byName) {
    const map = new Map<string, HostedZone[]>();
    for (const zone of index.snapshot.resources.hostedZones) {
      if (zone.private || isUnknownValue(zone.zoneName)) continue;
      const name = normalizeDnsName(zone.zoneName);
      const list = map.get(name);
      if (list) list.push(zone);
      else map.set(name, [zone]);
    }
    for (const list of map.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    byName = map;
    publicZonesCache.set(index, byName);
  }
  return byName;
}

/** Public zones of the longest name that contains `name` (strictly above `below`, when given): usually one; two when a zone was recreated. */
function candidateZones(index: SnapshotIndex, name: string, below?: string): readonly HostedZone[] {
  const byName = publicZonesByName(index);
  // Walk up the labels: the first name that is a zone is the longest match.
  for (let n: string | undefined = normalizeDnsName(name); n !== undefined; n = parentName(n)) {
    if (below !== undefined && n === normalizeDnsName(below)) continue;
    const zones = byName.get(n);
    if (zones) return zones;
  }
  return [];
}

/**
 * The public hosted zone that answers for `name`. Between zones of one name, the one public DNS
 * (or the parent zone) is delegated to; else the lowest id, so input order does not matter.
 */
export function zoneFor(index: SnapshotIndex, name: string): HostedZone | undefined {
  return pick(index, candidateZones(index, name));
}

/** Other public zones with exactly this zone's name (a zone deleted and recreated, or one per account). */
export function sameNameZones(index: SnapshotIndex, zone: HostedZone): HostedZone[] {
  return candidateZones(index, zone.zoneName).filter((z) => z.id !== zone.id && normalizeDnsName(z.zoneName) === normalizeDnsName(zone.zoneName));
}

function pick(index: SnapshotIndex, candidates: readonly HostedZone[]): HostedZone | undefined {
  if (candidates.length <= 1) return candidates[0];
  const delegated = candidates.filter((z) => zoneDelegation(index, z).verdict.state === 'ok');
  return delegated.length === 1 ? delegated[0] : candidates[0];
}

/** NS records a zone holds for a name below its apex: a delegation to a child zone. */
function nsRecordsFor(index: SnapshotIndex, zone: HostedZone, name: string): RecordSet[] {
  return (index.recordSetsByName.get(normalizeDnsName(name)) ?? []).filter((r) => r.zoneId === zone.id && r.type.toUpperCase() === 'NS');
}

function compare(index: SnapshotIndex, zone: HostedZone, seen: readonly string[], source: 'public-dns' | 'parent-zone', parentZone?: HostedZone): ZoneDelegation {
  const base = { zone, seen: nameSet(seen), source, ...(parentZone ? { parentZone } : {}) };
  if (sameNames(seen, zone.nameServers)) return { ...base, verdict: OK };
  const delegatedZone = candidateZones(index, zone.zoneName).find((z) => z.id !== zone.id && sameNames(z.nameServers, seen));
  const where = source === 'public-dns' ? 'public DNS' : `the NS record in ${parentZone ? zoneLabel(parentZone) : 'the parent zone'}`;
  const partial = sharesAName(seen, zone.nameServers);
  const reason = `${where} sends ${normalizeDnsName(zone.zoneName)} to ${listWords(nameSet(seen))}${delegatedZone ? ` (${zoneLabel(delegatedZone)})` : ''}, not to exactly this zone's name servers`;
  // Some shared servers: lookups succeed or fail depending on which server a resolver picks.
  return { ...base, ...(delegatedZone ? { delegatedZone } : {}), verdict: broken(reason, partial ? 'warning' : 'error') };
}

function checkDelegation(index: SnapshotIndex, zone: HostedZone): ZoneDelegation {
  if (zone.nameServers.length === 0) return { zone, verdict: unknown("the zone's name servers are not known (Route 53 assigns them when it creates the zone)", 'not-given') };
  const live = liveDelegation(index, zone.zoneName);
  if (live.kind === 'servers') return compare(index, zone, live.servers, 'public-dns');
  if (live.kind === 'absent' && live.how === 'nx-domain') {
    return { zone, source: 'public-dns', verdict: broken(`public DNS has no ${normalizeDnsName(zone.zoneName)} at all (NXDOMAIN): nothing delegates it to this zone`) };
  }
  // A parent zone of our own: its NS record for the child is the delegation, readable without DNS.
  const parent = route53Gap(index) ? undefined : pick(index, candidateZones(index, zone.zoneName, zone.zoneName));
  if (parent) {
    const ns = nsRecordsFor(index, parent, zone.zoneName);
    if (ns.length === 0) {
      return { zone, source: 'parent-zone', parentZone: parent, verdict: broken(`${zoneLabel(parent)} has no NS record for ${normalizeDnsName(zone.zoneName)}, so nothing delegates to this zone`) };
    }
    return compare(index, zone, ns.flatMap((r) => r.values), 'parent-zone', parent);
  }
  if (live.kind === 'failed') return { zone, verdict: unknown(live.reason, 'dns-failed') };
  if (live.kind === 'absent') return { zone, verdict: unknown(`public DNS returned no NS records for ${normalizeDnsName(zone.zoneName)} (is the configured resolver recursive?)`, 'dns-failed') };
  const gap = route53Gap(index);
  if (gap) return { zone, verdict: unknown(`the parent zone could not be checked (${describeGap(gap)})`, 'gap') };
  return { zone, verdict: unknown(`the registrar's NS records for ${normalizeDnsName(zone.zoneName)} were not looked up (live DNS off)`, 'not-observed') };
}

const cache = new WeakMap<SnapshotIndex, Map<string, ZoneDelegation>>();

/** Is the world sent to this zone? Live DNS first (what resolvers see), else a parent zone we hold. */
export function zoneDelegation(index: SnapshotIndex, zone: HostedZone): ZoneDelegation {
  let byZone = cache.get(index);
  if (!byZone) cache.set(index, (byZone = new Map()));
  let found = byZone.get(zone.id);
  if (!found) {
    found = checkDelegation(index, zone);
    byZone.set(zone.id, found);
  }
  return found;
}
