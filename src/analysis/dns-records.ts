// The records that answer for a custom domain's name in a hosted zone, and whether each points at
// the domain's API Gateway target. Route 53 alias: DNSName = the regional (or distribution) name
// and HostedZoneId = its zone id — a wrong pair breaks resolution. Another DNS provider uses a
// CNAME to the same name; a CNAME may not sit at a zone apex. Wildcards answer only for names
// that do not exist otherwise (RFC 4592).
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-alias-common.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html
import type { DomainName, HostedZone, RecordSet } from '../model/snapshot';
import { apiLabel } from './api-integrations';
import { broken, OK, unknown, type LinkVerdict } from './dns-link';
import { executeApiIdOf, isUnknownValue, parentName } from './dns-names';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

export const ADDRESS_TYPES = ['A', 'AAAA', 'CNAME'] as const;

const byZoneCache = new WeakMap<SnapshotIndex, ReadonlyMap<string, readonly RecordSet[]>>();

function recordsOfZone(index: SnapshotIndex, zoneId: string): readonly RecordSet[] {
  let byZone = byZoneCache.get(index);
  if (!byZone) {
    const map = new Map<string, RecordSet[]>();
    for (const record of index.snapshot.resources.recordSets) {
      const list = map.get(record.zoneId);
      if (list) list.push(record);
      else map.set(record.zoneId, [record]);
    }
    byZone = map;
    byZoneCache.set(index, byZone);
  }
  return byZone.get(zoneId) ?? [];
}

/** Every name that exists in a zone: record names and the empty non-terminals above them. */
const zoneNamesCache = new WeakMap<SnapshotIndex, Map<string, ReadonlySet<string>>>();

function zoneNames(index: SnapshotIndex, zone: HostedZone): ReadonlySet<string> {
  let byZone = zoneNamesCache.get(index);
  if (!byZone) zoneNamesCache.set(index, (byZone = new Map()));
  let names = byZone.get(zone.id);
  if (!names) {
    const apex = normalizeDnsName(zone.zoneName);
    const set = new Set<string>([apex]);
    for (const record of recordsOfZone(index, zone.id)) {
      for (let n: string | undefined = normalizeDnsName(record.recordName); n !== undefined && n !== apex && n.endsWith(apex); n = parentName(n)) set.add(n);
    }
    names = set;
    byZone.set(zone.id, names);
  }
  return names;
}

function recordsAt(index: SnapshotIndex, zone: HostedZone, name: string): RecordSet[] {
  return (index.recordSetsByName.get(normalizeDnsName(name)) ?? [])
    .filter((r) => r.zoneId === zone.id && (ADDRESS_TYPES as readonly string[]).includes(r.type.toUpperCase()))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface AnsweringRecords {
  readonly records: readonly RecordSet[];
  /** Set when a wildcard record answers, e.g. "*.example.com". */
  readonly wildcard?: string;
}

/** The A/AAAA/CNAME records that answer for `name` in `zone`: its own, or the closest wildcard's. */
export function recordsAnswering(index: SnapshotIndex, zone: HostedZone, name: string): AnsweringRecords {
  const own = recordsAt(index, zone, name);
  const names = zoneNames(index, zone);
  if (own.length > 0 || names.has(normalizeDnsName(name))) return { records: own };
  // The closest encloser is the nearest existing ancestor; only its wildcard can answer.
  let encloser = parentName(name);
  while (encloser !== undefined && !names.has(encloser)) encloser = parentName(encloser);
  if (encloser === undefined) return { records: [] };
  const wildcard = `*.${encloser}`;
  const records = recordsAt(index, zone, wildcard);
  return records.length > 0 ? { records, wildcard } : { records: [] };
}

export function isApexCname(record: RecordSet, zone: HostedZone): boolean {
  return record.type.toUpperCase() === 'CNAME' && normalizeDnsName(record.recordName) === normalizeDnsName(zone.zoneName);
}

/** "<GetAtt ApiDomain.RegionalDomainName>" → owner and attribute, for comparing two template stand-ins. */
function getAttOf(value: string): { owner: string; attribute: string } | undefined {
  const match = /^<GetAtt (.+)\.([A-Za-z]+)>\.?$/.exec(value.trim());
  return match?.[1] && match[2] ? { owner: match[1], attribute: match[2] } : undefined;
}

function otherDomainWithTarget(index: SnapshotIndex, domain: DomainName, pointsAt: string): DomainName | undefined {
  return index.snapshot.resources.domainNames.find(
    (d) => d !== domain && d.targetDomainName !== undefined && !isUnknownValue(d.targetDomainName) && normalizeDnsName(d.targetDomainName) === pointsAt,
  );
}

/** Does a record's target name (alias DNSName or CNAME value) lead to this custom domain? */
export function targetVerdict(index: SnapshotIndex, domain: DomainName, rawPointsAt: string): LinkVerdict {
  const target = domain.targetDomainName;
  if (target !== undefined && rawPointsAt.trim() === target.trim()) return OK;
  if (isUnknownValue(rawPointsAt)) {
    const mine = target === undefined ? undefined : getAttOf(target);
    const theirs = getAttOf(rawPointsAt);
    // Two custom domains never share a target name: another domain's GetAtt is a wrong target.
    if (mine && theirs && (mine.owner !== theirs.owner || mine.attribute !== theirs.attribute)) {
      return broken(`points at ${theirs.owner}'s ${theirs.attribute}, not at ${mine.owner}'s ${mine.attribute}`);
    }
    return unknown(`the record's target is not known until deploy (${rawPointsAt})`, 'not-given');
  }
  const pointsAt = normalizeDnsName(rawPointsAt);
  const want = target === undefined || isUnknownValue(target) ? undefined : normalizeDnsName(target);
  if (want === pointsAt) return OK;
  const apiId = executeApiIdOf(pointsAt);
  if (apiId !== undefined) {
    const api = index.snapshot.resources.apis.find((a) => a.id === apiId);
    return broken(
      `points at ${pointsAt}, the default endpoint of ${api ? apiLabel(api) : `API ${apiId}`}, not at the custom domain's ` +
        `target${want ? ` ${want}` : ''}: that endpoint serves the *.execute-api certificate and no custom domain, so TLS for ${normalizeDnsName(domain.domainName)} fails`,
    );
  }
  const other = otherDomainWithTarget(index, domain, pointsAt);
  if (other) return broken(`points at ${pointsAt}, the target of the custom domain ${other.domainName}, not at this domain's target${want ? ` ${want}` : ''}`);
  if (want === undefined) return unknown(`the custom domain's API Gateway target name is not in the snapshot, so ${pointsAt} cannot be checked`, 'not-given');
  return broken(`points at ${pointsAt}, not at the custom domain's target ${want}`);
}

/** One record answering for the domain: is it the right kind of record, at the right target? */
export function recordVerdict(index: SnapshotIndex, domain: DomainName, record: RecordSet): LinkVerdict {
  if (record.alias) {
    const name = targetVerdict(index, domain, record.alias.dnsName);
    if (name.state !== 'ok') return name;
    const want = domain.targetHostedZoneId;
    const have = record.alias.hostedZoneId;
    if (want === undefined || isUnknownValue(want) || isUnknownValue(have) || want.trim() === have.trim()) return OK;
    return broken(`aliases the right name but with hosted zone id ${have}, while the target's is ${want}: Route 53 resolves an alias only with its matching pair (and refuses to create one without it)`);
  }
  const type = record.type.toUpperCase();
  if (type === 'CNAME') {
    const value = record.values[0];
    return value === undefined ? broken('a CNAME with no value') : targetVerdict(index, domain, value);
  }
  // Plain A/AAAA values: API Gateway's addresses change without notice, so these break some day.
  const values = record.values.filter((v) => !isUnknownValue(v));
  if (values.length === 0) return unknown('the record has no values the input shows', 'not-given');
  return broken(`fixed ${type} addresses (${values.join(', ')}); API Gateway's addresses change without notice — use an alias`, 'warning');
}

/** A template stand-in "<GetAtt ApiDomain.RegionalDomainName>" as the template would write it. */
function asGetAtt(value: string): string | undefined {
  const att = getAttOf(value);
  return att ? `!GetAtt ${att.owner}.${att.attribute}` : undefined;
}

/** The name a record for the domain must point at, for Fix sentences: the value, the template's GetAtt, or where to find it. */
export function targetNameText(domain: DomainName): string {
  const name = domain.targetDomainName;
  const attribute = domain.endpointType === 'EDGE' ? 'DistributionDomainName' : 'RegionalDomainName';
  if (name !== undefined && !isUnknownValue(name)) return normalizeDnsName(name);
  return (name !== undefined ? asGetAtt(name) : undefined) ?? `the custom domain's ${attribute} (its API Gateway console page shows it)`;
}

/** The alias target pair, "DNSName … and HostedZoneId …". */
export function targetText(domain: DomainName): string {
  const zone = domain.targetHostedZoneId;
  const zoneAttribute = domain.endpointType === 'EDGE' ? 'DistributionHostedZoneId' : 'RegionalHostedZoneId';
  const zoneText = zone !== undefined && !isUnknownValue(zone) ? zone : ((zone !== undefined ? asGetAtt(zone) : undefined) ?? `the domain's ${zoneAttribute}`);
  return `DNSName ${targetNameText(domain)} and HostedZoneId ${zoneText}`;
}

/** True when the domain's target is only known as a template stand-in (the fix then names the GetAtt). */
export function targetIsTemplateValue(domain: DomainName): boolean {
  return domain.targetDomainName !== undefined && getAttOf(domain.targetDomainName) !== undefined;
}
