// The domain chain as one model path, from the name a user types to the function that answers:
// name → delegation → hosted zone → record → custom domain → certificate → mapping → API → stage
// → integration → function. Each link is ok, broken (with its reason) or unknown (with why), so
// the rules, the diagram and the tree read the same verdicts. DOMAIN.md items 20–34.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
import type { Finding, Hop } from '../model/finding';
import type { DomainName, HostedZone, RecordSet, Snapshot } from '../model/snapshot';
import { certificateVerdict } from './dns-certificates';
import { route53Gap, describeGap } from './dns-gaps';
import { broken, hopOf, link, OK, unknown, worse, type ChainHopKind, type ChainLink, type LinkVerdict } from './dns-link';
import { liveName } from './dns-live';
import { isUnknownValue } from './dns-names';
import { ADDRESS_TYPES, isApexCname, recordsAnswering, recordVerdict, targetVerdict } from './dns-records';
import { domainRoutes, type ChainIntegration, type ChainRoute } from './dns-routes';
import { sameNameZones, zoneDelegation, zoneFor, zoneLabel, type ZoneDelegation } from './dns-zones';
import { indexSnapshot, normalizeDnsName, type SnapshotIndex } from './snapshot-index';

export interface RecordVerdict {
  readonly record: RecordSet;
  readonly verdict: LinkVerdict;
}

export interface DomainChain {
  readonly domain: DomainName;
  /** The public hosted zone that answers for the name, when the snapshot holds one. */
  readonly zone?: HostedZone;
  readonly delegation?: ZoneDelegation;
  /** The records answering for the name (in `zone`: its own or a wildcard's), each judged. */
  readonly records: readonly RecordVerdict[];
  /**
   * How the record link was judged: from the snapshot's records (the zone's, or a template's
   * records into a zone it does not declare), from live DNS, or not at all.
   */
  readonly recordSource: 'snapshot' | 'public-dns' | 'none';
  /** name → delegation → hosted zone → record → custom domain → certificate (links that do not apply are left out). */
  readonly front: readonly ChainLink[];
  /** Whether the domain has mappings at all. */
  readonly mapping: LinkVerdict;
  /** One branch per mapping: mapping → API → stage, then its integrations and functions. */
  readonly routes: readonly ChainRoute[];
}

export function domainResource(domain: DomainName): Finding['resource'] {
  return domain.logicalId === undefined ? { kind: 'domain-name', id: domain.id } : { kind: 'domain-name', id: domain.id, logicalId: domain.logicalId };
}

/**
 * AVAILABLE serves; UPDATING/PENDING are passing states; the PENDING_* verification states need
 * the owner to act. https://docs.aws.amazon.com/apigateway/latest/api/API_DomainName.html
 */
function statusVerdict(domain: DomainName): LinkVerdict {
  const status = domain.status.toUpperCase();
  if (status === 'AVAILABLE') return OK;
  if (status === 'PENDING_CERTIFICATE_REIMPORT' || status === 'PENDING_OWNERSHIP_VERIFICATION') return broken(`${status}: API Gateway does not serve the domain until this is resolved`);
  return broken(`${status}: not AVAILABLE yet, so API Gateway does not serve it`, 'warning');
}

function fromPublicDns(index: SnapshotIndex, domain: DomainName, fallback: LinkVerdict): LinkVerdict {
  const live = liveName(index, domain.domainName);
  const name = normalizeDnsName(domain.domainName);
  switch (live.kind) {
    case 'cname':
      return targetVerdict(index, domain, live.target);
    case 'addresses':
      return unknown(`public DNS answers ${name} with addresses (${live.values.join(', ')}), which cannot be tied to API Gateway's target name`, 'opaque');
    case 'absent':
      return broken(`public DNS has no record for ${name} (${live.how === 'nx-domain' ? 'NXDOMAIN' : 'no address records'})`);
    case 'failed':
      return unknown(live.reason, 'dns-failed');
    case 'not-asked':
      return fallback;
  }
}

function recordsWithoutZone(index: SnapshotIndex, name: string): RecordSet[] {
  return (index.recordSetsByName.get(name) ?? []).filter((r) => !index.hostedZones.has(r.zoneId) && (ADDRESS_TYPES as readonly string[]).includes(r.type.toUpperCase()));
}

function judged(records: readonly RecordVerdict[]): RecordLink {
  const worst = records.map((r) => r.verdict).reduce(worse);
  const shown = records.find((r) => r.verdict === worst) ?? records[0];
  return { link: link('record', shown?.record.id ?? '', worst), records, source: 'snapshot' };
}

interface RecordLink {
  readonly link: ChainLink;
  readonly records: readonly RecordVerdict[];
  readonly source: DomainChain['recordSource'];
}

function recordLink(index: SnapshotIndex, domain: DomainName, zone: HostedZone | undefined): RecordLink {
  const name = normalizeDnsName(domain.domainName);
  if (domain.endpointType === 'PRIVATE') {
    return { link: link('record', name, unknown('a private custom domain resolves through a private hosted zone inside its VPCs', 'not-given')), records: [], source: 'none' };
  }
  const gap = route53Gap(index);
  if (zone && !gap) {
    const answering = recordsAnswering(index, zone, name);
    const records = answering.records.map((record) => ({
      record,
      verdict: isApexCname(record, zone)
        ? broken(`a CNAME at the apex of ${zone.zoneName}: the apex must keep its SOA and NS records, and nothing may sit beside a CNAME — use an alias A record`)
        : recordVerdict(index, domain, record),
    }));
    if (records.length === 0) {
      // Two zones of one name and no telling which is delegated: the other one may be the real one.
      const twin = zoneDelegation(index, zone).verdict.state === 'ok' ? undefined : sameNameZones(index, zone).find((z) => recordsAnswering(index, z, name).records.length > 0);
      const verdict = twin
        ? unknown(`${zoneLabel(zone)} has no record for ${name}, but ${zoneLabel(twin)} of the same name has one, and which of them is delegated is not known`, 'not-observed')
        : broken(`no A, AAAA or CNAME record for ${name} in ${zoneLabel(zone)}`);
      return { link: link('record', name, verdict), records, source: 'snapshot' };
    }
    return judged(records);
  }
  // A template's record into a zone it does not declare (HostedZoneId given as a parameter): where it points is still checkable.
  const orphans = recordsWithoutZone(index, name);
  if (orphans.length > 0) return judged(orphans.map((record) => ({ record, verdict: recordVerdict(index, domain, record) })));
  const fallback = gap
    ? unknown(`Route 53 could not be read completely (${describeGap(gap)})`, 'gap')
    : unknown(`no hosted zone for ${name} in the snapshot, and live DNS was not asked`, 'not-observed');
  const verdict = fromPublicDns(index, domain, fallback);
  return { link: link('record', name, verdict), records: [], source: verdict === fallback ? 'none' : 'public-dns' };
}

function buildChain(index: SnapshotIndex, domain: DomainName): DomainChain {
  const name = normalizeDnsName(domain.domainName);
  const known = !isUnknownValue(domain.domainName);
  const zone = known && domain.endpointType !== 'PRIVATE' ? zoneFor(index, name) : undefined;
  const delegation = zone ? zoneDelegation(index, zone) : undefined;
  const record: RecordLink = known
    ? recordLink(index, domain, zone)
    : { link: link('record', domain.domainName, unknown('the domain name is not known until deploy', 'not-given')), records: [], source: 'none' };
  const routes = domainRoutes(index, domain);
  const front: ChainLink[] = [
    link('dns-name', name),
    ...(zone && delegation ? [link('delegation', normalizeDnsName(zone.zoneName), delegation.verdict), link('hosted-zone', zone.id)] : []),
    record.link,
    link('domain-name', domain.id, statusVerdict(domain)),
    link('certificate', domain.certificateArn ?? '(none)', certificateVerdict(index, domain)),
  ];
  return {
    domain,
    ...(zone ? { zone } : {}),
    ...(delegation ? { delegation } : {}),
    records: record.records,
    recordSource: record.source,
    front,
    mapping: routes.verdict,
    routes: routes.routes,
  };
}

const cache = new WeakMap<SnapshotIndex, Map<DomainName, DomainChain>>();

export function domainChain(index: SnapshotIndex, domain: DomainName): DomainChain {
  let byDomain = cache.get(index);
  if (!byDomain) cache.set(index, (byDomain = new Map()));
  let chain = byDomain.get(domain);
  if (!chain) {
    chain = buildChain(index, domain);
    byDomain.set(domain, chain);
  }
  return chain;
}

/** Every custom domain's chain, for surfaces that show chains rather than findings (tree, diagram). */
export function domainChains(snapshot: Snapshot): DomainChain[] {
  const index = indexSnapshot(snapshot);
  return snapshot.resources.domainNames.map((d) => domainChain(index, d));
}

/** The front of the chain up to and including the first link of `kind`, as hops. */
export function hopsThrough(chain: DomainChain, kind: ChainHopKind): Hop[] {
  const end = chain.front.findIndex((l) => l.kind === kind);
  return (end < 0 ? chain.front : chain.front.slice(0, end + 1)).map(hopOf);
}

/**
 * One request's whole path: name … certificate, then (for a mapping) mapping → API → stage, then
 * (for one of its integrations) integration → function. One branch at a time, so consecutive hops
 * are always consecutive links.
 */
export function chainPath(chain: DomainChain, route?: ChainRoute, integration?: ChainIntegration): Hop[] {
  const links = [...chain.front, ...(route ? route.links : []), ...(route && integration ? [integration.integration, ...(integration.fn ? [integration.fn] : [])] : [])];
  return links.map(hopOf);
}
