// dns-record-missing: nothing in DNS sends the custom domain's name to API Gateway — no alias
// A/AAAA or CNAME for it in the hosted zone that answers for it, or (for a name served by another
// DNS provider) public DNS answers NXDOMAIN or no address. Clients then never reach the API.
// Unread zones (a Route 53 gap) and failed lookups are no finding.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-alias-common.html
import type { Finding } from '../model/finding';
import { domainChain, domainResource, hopsThrough, type DomainChain } from './domain-chain';
import { liveName, resolverLabel } from './dns-live';
import { parentName } from './dns-names';
import { targetNameText, targetText } from './dns-records';
import { zoneLabel } from './dns-zones';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

function recordLinkBroken(chain: DomainChain): boolean {
  return chain.front.some((l) => l.kind === 'record' && l.verdict.state === 'broken');
}

function messageFor(index: SnapshotIndex, chain: DomainChain): string | undefined {
  const { domain, zone } = chain;
  const name = normalizeDnsName(domain.domainName);
  if (chain.recordSource === 'snapshot' && zone && chain.records.length === 0) {
    const sam = domain.apiVersion === 'v1' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi';
    return (
      `${name} has no A/AAAA alias or CNAME record in ${zoneLabel(zone)}, so the name does not resolve and clients never reach API Gateway. ` +
      `Fix: create an alias A record ${name} with ${targetText(domain)} in that zone (in SAM: Domain.Route53.HostedZoneId on the ${sam}, so SAM creates it); ` +
      `resolvers may keep the old "no such name" answer for the zone's negative-caching TTL (the SOA minimum).`
    );
  }
  const live = liveName(index, name);
  if (chain.recordSource === 'public-dns' && live.kind === 'absent') {
    const answer = live.how === 'nx-domain' ? 'NXDOMAIN: no such name' : 'the name exists but has no address record';
    return (
      `Public DNS (via ${resolverLabel(index)}) has no record for ${name} (${answer}), and no hosted zone in the snapshot serves it, so clients never reach API Gateway. ` +
      `Fix: at the DNS provider that serves ${parentName(name) ?? name}, create a CNAME ${name} → ${targetNameText(domain)} ` +
      `(at a zone apex, where no CNAME may sit, use the provider's ALIAS/ANAME or a Route 53 alias); resolvers may keep the old answer for the negative-caching TTL.`
    );
  }
  return undefined;
}

export function dnsRecordMissing(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => {
    const chain = domainChain(index, domain);
    if (!recordLinkBroken(chain)) return [];
    const message = messageFor(index, chain);
    if (message === undefined) return [];
    const finding: Finding = { code: 'dns-record-missing', severity: 'error', message, resource: domainResource(domain), hops: hopsThrough(chain, 'record') };
    return [finding];
  });
}
