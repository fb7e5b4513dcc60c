// dns-private-zone-shadow: a private hosted zone whose name contains a custom domain's name, but
// which holds no record for it. Inside the VPCs associated with the zone, the Route 53 Resolver
// answers every name under the zone from the private zone alone, so the custom domain gets
// NXDOMAIN there while it works from the internet. VPCs with DNS support or DNS hostnames off do
// not use private zones. A warning; an error when a function in such a VPC is known to call it.
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-support
import type { Finding } from '../model/finding';
import type { DomainName, HostedZone } from '../model/snapshot';
import { route53Gap } from './dns-gaps';
import { hopOf, link, broken } from './dns-link';
import { isUnknownValue, isWithin } from './dns-names';
import { recordsAnswering } from './dns-records';
import { zoneLabel } from './dns-zones';
import { isVpcAttached } from './lambda-vpc';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';
import { listCapped, listWords } from './wording';

/** VPCs in which the private zone answers: associated, and not known to have VPC DNS switched off. */
function answeringVpcs(index: SnapshotIndex, zone: HostedZone): string[] {
  return zone.vpcIds.filter((id) => {
    const vpc = index.vpcs.get(id);
    return !vpc || (vpc.enableDnsSupport !== false && vpc.enableDnsHostnames !== false);
  });
}

/** VPC-attached functions in those VPCs that name the domain as a host they call. */
function callers(index: SnapshotIndex, vpcIds: readonly string[], name: string): string[] {
  return index.snapshot.resources.lambdaFunctions
    .filter(isVpcAttached)
    .filter((fn) => fn.vpcConfig.subnetIds.some((s) => vpcIds.includes(index.subnets.get(s)?.vpcId ?? '')))
    .filter((fn) => fn.needs.some((n) => n.kind === 'internet' && n.host !== undefined && normalizeDnsName(n.host) === name))
    .map((fn) => fn.name ?? fn.id);
}

function findingFor(index: SnapshotIndex, zone: HostedZone, domains: readonly DomainName[]): Finding[] {
  const vpcs = answeringVpcs(index, zone);
  if (vpcs.length === 0) return [];
  const shadowed = domains.filter((d) => recordsAnswering(index, zone, normalizeDnsName(d.domainName)).records.length === 0);
  if (shadowed.length === 0) return [];
  const names = shadowed.map((d) => normalizeDnsName(d.domainName));
  const calling = names.flatMap((n) => callers(index, vpcs, n));
  const who = calling.length > 0 ? `; ${listWords(calling)} ${calling.length === 1 ? 'calls' : 'call'} it from there and will fail` : '';
  const message =
    `${zoneLabel(zone)} is private to ${listCapped(vpcs, (v) => v)}, and inside ${vpcs.length === 1 ? 'that VPC' : 'those VPCs'} it answers every name under ${normalizeDnsName(zone.zoneName)} — ` +
    `but it has no record for ${listCapped(names, (n) => n)}, so ${names.length === 1 ? 'that custom domain gets' : 'those custom domains get'} NXDOMAIN there while ${names.length === 1 ? 'it works' : 'they work'} from the internet${who}. ` +
    `Fix: add the same alias record${names.length === 1 ? '' : 's'} to this private zone (or rename or disassociate the zone if it was not meant to cover ${names.length === 1 ? 'this name' : 'these names'}).`;
  const reason = `private zone without ${names[0] ?? ''}: NXDOMAIN inside ${vpcs[0] ?? ''}`;
  const finding: Finding = {
    code: 'dns-private-zone-shadow',
    severity: calling.length > 0 ? 'error' : 'warning',
    message,
    resource: zone.logicalId === undefined ? { kind: 'hosted-zone', id: zone.id } : { kind: 'hosted-zone', id: zone.id, logicalId: zone.logicalId },
    hops: [hopOf(link('dns-name', names[0] ?? '')), hopOf(link('hosted-zone', zone.id, broken(reason, 'warning')))],
  };
  return [finding];
}

export function dnsPrivateZoneShadow(index: SnapshotIndex): Finding[] {
  if (route53Gap(index)) return [];
  // Private custom domains are meant to resolve in a private zone; they are not shadowed by one.
  const domains = index.snapshot.resources.domainNames.filter((d) => d.endpointType !== 'PRIVATE' && !isUnknownValue(d.domainName));
  return index.snapshot.resources.hostedZones
    .filter((z) => z.private && !isUnknownValue(z.zoneName))
    .flatMap((zone) => findingFor(index, zone, domains.filter((d) => isWithin(d.domainName, zone.zoneName))));
}
