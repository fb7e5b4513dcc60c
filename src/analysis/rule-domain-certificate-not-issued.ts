// domain-certificate-not-issued: the ACM certificate a custom domain uses is not ISSUED. Only
// ISSUED certificates serve; a DNS-validated one stays PENDING_VALIDATION until its validation
// CNAME is resolvable in the authoritative zone, and times out after 72 hours.
// https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html
// https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html
// https://docs.aws.amazon.com/acm/latest/APIReference/API_DomainValidation.html
import type { Finding, Hop } from '../model/finding';
import type { Certificate, DomainName } from '../model/snapshot';
import { domainChain, domainResource, hopsThrough } from './domain-chain';
import { certificateLabel } from './dns-certificates';
import { route53Gap } from './dns-gaps';
import { liveValidation } from './dns-live';
import { zoneDelegation, zoneFor } from './dns-zones';
import { hop, mergeHops } from './hops';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

const STATUS_FIX: Readonly<Record<Exclude<Certificate['status'], 'ISSUED' | 'PENDING_VALIDATION'>, string>> = {
  EXPIRED:
    'request a new certificate (keep its DNS validation CNAME in place so ACM can renew it) and switch the domain to it',
  VALIDATION_TIMED_OUT:
    'ACM gave up after 72 hours without seeing the validation CNAME: request a new certificate, create its validation CNAME right away, and switch the domain to it',
  FAILED: 'request a new certificate (ACM shows why this one failed) and switch the domain to it',
  REVOKED: 'request a new certificate and switch the domain to it',
  INACTIVE: 'request a new certificate and switch the domain to it',
};

interface ValidationAdvice {
  readonly text: string;
  readonly hops: Hop[];
}

type ValidationRecord = { name: string; type: string; value: string };

/** One pending validation: where its CNAME must be, whether it is there, and whether the world sees it. */
function adviceFor(index: SnapshotIndex, domainName: string, record: ValidationRecord): { text: string; hops: Hop[] } {
  const cname = `${record.type} ${record.name} → ${record.value}`;
  const live = liveValidation(index, record);
  if (live === 'resolves') {
    return { text: `the validation record ${cname} already resolves in public DNS, so ACM should issue within minutes (if it stays pending, request the certificate again)`, hops: [hop('record', record.name, true)] };
  }
  const zone = route53Gap(index) ? undefined : zoneFor(index, record.name);
  if (!zone) {
    const seen = live === 'absent' ? ' (public DNS does not have it)' : live === 'resolves-elsewhere' ? ' (public DNS has it with another value)' : '';
    return { text: `create ${cname} at the DNS provider that serves ${domainName}${seen}`, hops: [hop('record', record.name, false, 'validation record not found')] };
  }
  const present = (index.recordSetsByName.get(normalizeDnsName(record.name)) ?? []).some(
    (r) => r.zoneId === zone.id && r.type.toUpperCase() === record.type.toUpperCase() && r.values.some((v) => normalizeDnsName(v) === normalizeDnsName(record.value)),
  );
  if (!present) {
    return {
      text: `create ${cname} in hosted zone ${zone.id} (${zone.zoneName}), where it is missing`,
      hops: [hop('hosted-zone', zone.id, true), hop('record', record.name, false, 'validation CNAME missing')],
    };
  }
  const delegation = zoneDelegation(index, zone).verdict;
  const why =
    delegation.state === 'broken'
      ? `, but ${delegation.reason}, so ACM cannot see it — fix the delegation first (dns-delegation-mismatch)`
      : live === 'absent' && delegation.state === 'ok'
        ? `, but public DNS does not return it yet — resolvers may still cache an earlier "no such name" for the zone's negative-caching TTL`
        : live === 'absent'
          ? `, but public DNS does not return it: the registrar probably does not delegate ${zone.zoneName} to this zone's name servers — check its NS records`
          : `; if the certificate stays pending, the registrar probably does not delegate ${zone.zoneName} to this zone's name servers — check its NS records`;
  return {
    text: `the validation record ${cname} is already in hosted zone ${zone.id} (${zone.zoneName})${why}`,
    hops: [hop('hosted-zone', zone.id, delegation.state !== 'broken', delegation.state === 'broken' ? delegation.reason : undefined), hop('record', record.name, true)],
  };
}

/** What to do about each pending DNS validation: name the CNAME, and say whether the snapshot's zone (and public DNS) has it. */
function pendingValidationAdvice(index: SnapshotIndex, cert: Certificate): ValidationAdvice {
  const pending = cert.validations.filter((v) => v.status !== 'SUCCESS' && v.record);
  if (pending.length === 0) return { text: 'complete the validation ACM asks for (its console shows the record or e-mail)', hops: [] };
  // Names under one wildcard share one CNAME: advise once per record.
  const seen = new Set<string>();
  const parts: string[] = [];
  const hops: Hop[][] = [];
  for (const validation of pending) {
    const record = validation.record;
    if (!record || seen.has(normalizeDnsName(record.name))) continue;
    seen.add(normalizeDnsName(record.name));
    const advice = adviceFor(index, validation.domainName, record);
    parts.push(advice.text);
    hops.push(advice.hops);
  }
  return { text: `${parts.join('; ')} — ACM validates within minutes once the record resolves, and gives up 72 hours after the request`, hops: mergeHops(hops) };
}

function findingFor(index: SnapshotIndex, domain: DomainName): Finding[] {
  if (!domain.certificateArn) return [];
  const cert = index.certificatesByArn.get(domain.certificateArn);
  if (!cert || cert.status === 'ISSUED') return [];
  const advice = cert.status === 'PENDING_VALIDATION' ? pendingValidationAdvice(index, cert) : { text: STATUS_FIX[cert.status], hops: [] };
  const message =
    `${domain.domainName} uses ${certificateLabel(cert)}, which is ${cert.status}, not ISSUED, so API Gateway cannot serve HTTPS ` +
    `for the domain. Fix: ${advice.text}.`;
  const chain = domainChain(index, domain);
  return [
    {
      code: 'domain-certificate-not-issued',
      severity: 'error',
      message,
      resource: domainResource(domain),
      hops: mergeHops([hopsThrough(chain, 'domain-name'), [hop('certificate', cert.arn, false, `${cert.status}: only ISSUED certificates serve`)], advice.hops]),
    },
  ];
}

export function domainCertificateNotIssued(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => findingFor(index, domain));
}
