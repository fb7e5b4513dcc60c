// dns-delegation-mismatch: the world is not sent to the hosted zone that holds a custom domain's
// records (or its certificate's validation CNAME): the registrar — or the parent hosted zone —
// lists other name servers than the zone's delegation set, or none. The zone's records are then
// invisible. Checked against live DNS when it was asked, else against a parent zone we hold; a
// failed lookup is no finding. Only zones on a domain chain are checked.
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/SOA-NSrecords.html
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-name-servers-glue-records.html
import type { Finding } from '../model/finding';
import type { HostedZone } from '../model/snapshot';
import { domainChain } from './domain-chain';
import { hopOf, link } from './dns-link';
import { zoneDelegation, zoneFor, zoneLabel, type ZoneDelegation } from './dns-zones';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';
import { listCapped, listWords } from './wording';

/** Zones a chain depends on, with the names that depend on them (for the message). */
function chainZones(index: SnapshotIndex): Map<HostedZone, Set<string>> {
  const zones = new Map<HostedZone, Set<string>>();
  const add = (zone: HostedZone | undefined, what: string) => {
    if (!zone) return;
    const set = zones.get(zone) ?? new Set<string>();
    set.add(what);
    zones.set(zone, set);
  };
  for (const domain of index.snapshot.resources.domainNames) {
    add(domainChain(index, domain).zone, `the record for ${normalizeDnsName(domain.domainName)}`);
    const cert = domain.certificateArn === undefined ? undefined : index.certificatesByArn.get(domain.certificateArn);
    if (!cert || cert.status !== 'PENDING_VALIDATION') continue;
    for (const v of cert.validations) if (v.record && v.status !== 'SUCCESS') add(zoneFor(index, v.record.name), `the ACM validation CNAME ${normalizeDnsName(v.record.name)}`);
  }
  return zones;
}

function fixFor(d: ZoneDelegation): string {
  const servers = listWords(d.zone.nameServers.map(normalizeDnsName));
  const name = normalizeDnsName(d.zone.zoneName);
  if (d.source === 'parent-zone' && d.parentZone) {
    return `set the NS record ${name} in ${zoneLabel(d.parentZone)} to exactly ${servers}`;
  }
  const other = d.delegatedZone ? `, or move the records into ${zoneLabel(d.delegatedZone)}, which is the zone the world sees` : '';
  return `at the registrar of ${name} (for a subdomain: in its parent zone), set the name servers of ${name} to exactly ${servers} (this zone's delegation set)${other}; resolvers keep the old NS set for its TTL (up to two days)`;
}

export function dnsDelegationMismatch(index: SnapshotIndex): Finding[] {
  return [...chainZones(index)].flatMap(([zone, names]) => {
    const d = zoneDelegation(index, zone);
    if (d.verdict.state !== 'broken') return [];
    const message =
      `${zoneLabel(zone)} is not the zone the world sees: ${d.verdict.reason}. So ${listCapped([...names], (n) => n)} in this zone ` +
      `${names.size === 1 ? 'is' : 'are'} invisible to clients (and to ACM). Fix: ${fixFor(d)}.`;
    const finding: Finding = {
      code: 'dns-delegation-mismatch',
      severity: d.verdict.severity,
      message,
      resource: zone.logicalId === undefined ? { kind: 'hosted-zone', id: zone.id } : { kind: 'hosted-zone', id: zone.id, logicalId: zone.logicalId },
      hops: [hopOf(link('dns-name', normalizeDnsName(zone.zoneName))), hopOf(link('delegation', normalizeDnsName(zone.zoneName), d.verdict)), hopOf(link('hosted-zone', zone.id))],
    };
    return [finding];
  });
}
