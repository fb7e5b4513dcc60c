// dns-cname-at-apex: a CNAME record at a zone's apex. The apex must hold the zone's SOA and NS
// records, and no other record may sit beside a CNAME (RFC 1034 §3.6.2), so Route 53 refuses it
// (a template with one fails to deploy) and a provider that accepts it breaks the zone. For a
// custom domain at the apex, Route 53 uses an alias A record instead.
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html
import type { Finding } from '../model/finding';
import type { RecordSet } from '../model/snapshot';
import { domainChain, hopsThrough } from './domain-chain';
import { broken, hopOf, link } from './dns-link';
import { isApexCname, targetText } from './dns-records';
import { zoneLabel } from './dns-zones';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

export function dnsCnameAtApex(index: SnapshotIndex): Finding[] {
  const domains = new Map(index.snapshot.resources.domainNames.map((d) => [normalizeDnsName(d.domainName), d]));
  return index.snapshot.resources.recordSets.flatMap((record: RecordSet) => {
    const zone = index.hostedZones.get(record.zoneId);
    if (!zone || !isApexCname(record, zone)) return [];
    const apex = normalizeDnsName(zone.zoneName);
    const domain = domains.get(apex);
    const fix = domain
      ? `replace it with an alias A record ${apex} with ${targetText(domain)} (and an AAAA alias for IPv6 clients)`
      : `replace it with an alias A record to the same target (Route 53 aliases work at the apex), or move the CNAME to a name below ${apex}`;
    const reason = 'a CNAME at the zone apex';
    const chainHops = domain ? hopsThrough(domainChain(index, domain), 'hosted-zone') : [hopOf(link('hosted-zone', zone.id))];
    const finding: Finding = {
      code: 'dns-cname-at-apex',
      severity: 'error',
      message:
        `${zoneLabel(zone)} has a CNAME record at its apex ${apex} (→ ${record.values.join(', ') || 'no value'}): the apex must keep the zone's SOA and NS records and nothing may sit beside a CNAME, ` +
        `so Route 53 refuses it and resolvers that see it lose the zone's other records. Fix: ${fix}.`,
      resource: record.logicalId === undefined ? { kind: 'record', id: record.id } : { kind: 'record', id: record.id, logicalId: record.logicalId },
      hops: [...chainHops, hopOf(link('record', record.id, broken(reason)))],
    };
    return [finding];
  });
}
