// The pieces in front of an API Gateway custom domain: the hosted zone and record that point
// at it, the certificate it serves. Rules use these to show the whole chain as hops.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-alias-common.html
import type { Finding, Hop } from '../model/finding';
import type { DomainName, HostedZone, RecordSet } from '../model/snapshot';
import { hop } from './hops';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

export function domainResource(domain: DomainName): Finding['resource'] {
  return domain.logicalId === undefined
    ? { kind: 'domain-name', id: domain.id }
    : { kind: 'domain-name', id: domain.id, logicalId: domain.logicalId };
}

/** The public hosted zone in the snapshot that is authoritative for `name`: the longest zone name it ends with. */
export function publicZoneFor(index: SnapshotIndex, name: string): HostedZone | undefined {
  const wanted = normalizeDnsName(name);
  let best: HostedZone | undefined;
  for (const zone of index.snapshot.resources.hostedZones) {
    if (zone.private) continue;
    const zoneName = normalizeDnsName(zone.zoneName);
    const inside = wanted === zoneName || wanted.endsWith(`.${zoneName}`);
    const bestLength = best ? normalizeDnsName(best.zoneName).length : -1;
    // Longest name wins; between two zones of one name, the lower id, so the input order does not matter.
    if (inside && (zoneName.length > bestLength || (zoneName.length === bestLength && best !== undefined && zone.id < best.id))) best = zone;
  }
  return best;
}

/** Records named `name` of one of `types`, in the given zone. */
export function recordsNamed(index: SnapshotIndex, zoneId: string, name: string, types: readonly string[]): RecordSet[] {
  return (index.recordSetsByName.get(normalizeDnsName(name)) ?? [])
    .filter((r) => r.zoneId === zoneId && types.includes(r.type.toUpperCase()))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Hosted zone → record hops for the name in front of a custom domain, when the snapshot holds
 * them; the record is ok when it points at the domain's API Gateway target name.
 */
export function dnsHopsTo(index: SnapshotIndex, domain: DomainName): Hop[] {
  const zone = publicZoneFor(index, domain.domainName);
  if (!zone) return [];
  const record = recordsNamed(index, zone.id, domain.domainName, ['A', 'AAAA', 'CNAME'])[0];
  if (!record) return [hop('hosted-zone', zone.id, true)];
  const pointsAt = record.alias?.dnsName ?? record.values[0];
  const target = domain.targetDomainName;
  const matches = pointsAt === undefined || target === undefined || normalizeDnsName(pointsAt) === normalizeDnsName(target);
  return [hop('hosted-zone', zone.id, true), hop('record', record.id, matches, matches ? undefined : `points at ${pointsAt}, not ${target}`)];
}
