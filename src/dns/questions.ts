// Which questions to put to live DNS for a snapshot: for every custom domain, what its name
// resolves to (CNAME, A); for every public hosted zone those names and their certificates'
// validation CNAMEs live in, the NS set the world is sent to; and those validation CNAMEs.
// Pure, so the set of lookups is known (and bounded) before any packet is sent.
import type { DnsLookup, HostedZone, Snapshot } from '../model/snapshot';

export interface DnsQuestion {
  /** Lower case, no trailing dot. */
  readonly name: string;
  readonly type: DnsLookup['type'];
}

export function dnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** A name worth asking about: concrete (no template stand-ins), no wildcard, LDH labels (and ACM's leading underscores). */
export function isAskable(name: string): boolean {
  const n = dnsName(name);
  return n.length > 0 && n.length <= 253 && n.split('.').every((label) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?$/.test(label));
}

function within(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

/** Public zones of the longest name containing `name` (all of them when one name has several zones). */
function zonesFor(zones: readonly HostedZone[], name: string): HostedZone[] {
  const inside = zones.filter((z) => !z.private && within(name, dnsName(z.zoneName)));
  const longest = Math.max(-1, ...inside.map((z) => dnsName(z.zoneName).length));
  return inside.filter((z) => dnsName(z.zoneName).length === longest);
}

export function dnsQuestions(snapshot: Snapshot): DnsQuestion[] {
  const r = snapshot.resources;
  const questions = new Map<string, DnsQuestion>();
  const ask = (name: string, type: DnsLookup['type']) => {
    if (!isAskable(name)) return;
    const q = { name: dnsName(name), type };
    questions.set(`${type} ${q.name}`, q);
  };
  const certificates = new Map(r.certificates.map((c) => [c.arn, c]));
  const zoneNames: string[] = [];
  for (const domain of r.domainNames) {
    // Private custom domains resolve only inside their VPCs; public DNS knows nothing of them.
    if (domain.endpointType === 'PRIVATE' || !isAskable(domain.domainName)) continue;
    ask(domain.domainName, 'CNAME');
    ask(domain.domainName, 'A');
    zoneNames.push(dnsName(domain.domainName));
    const cert = domain.certificateArn === undefined ? undefined : certificates.get(domain.certificateArn);
    if (!cert || cert.status === 'ISSUED') continue;
    for (const v of cert.validations) {
      if (!v.record || v.status === 'SUCCESS') continue;
      ask(v.record.name, 'CNAME');
      zoneNames.push(dnsName(v.record.name));
    }
  }
  for (const name of zoneNames) for (const zone of zonesFor(r.hostedZones, name)) ask(zone.zoneName, 'NS');
  return [...questions.values()].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
}
