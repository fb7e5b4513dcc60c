// domain-certificate-not-issued: the ACM certificate a custom domain uses is not ISSUED. Only
// ISSUED certificates serve; a DNS-validated one stays PENDING_VALIDATION until its validation
// CNAME is resolvable in the authoritative zone, and times out after 72 hours.
// https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html
// https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html
// https://docs.aws.amazon.com/acm/latest/APIReference/API_DomainValidation.html
import type { Finding, Hop } from '../model/finding';
import type { Certificate, DomainName } from '../model/snapshot';
import { dnsHopsTo, domainResource, publicZoneFor, recordsNamed } from './domain-chain';
import { hop, mergeHops } from './hops';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

/** "certificate 1f2e3d4c-… (api.example.com)": the ARN's last part is what the ACM console shows. */
function certificateLabel(cert: Certificate): string {
  return `certificate ${cert.arn.split('/').pop() ?? cert.arn} (${cert.domainName})`;
}

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

/** What to do about each pending DNS validation: name the CNAME, and say whether the snapshot's zone has it. */
function pendingValidationAdvice(index: SnapshotIndex, cert: Certificate): ValidationAdvice {
  const pending = cert.validations.filter((v) => v.status !== 'SUCCESS' && v.record);
  if (pending.length === 0) return { text: 'complete the validation ACM asks for (its console shows the record or e-mail)', hops: [] };
  const parts: string[] = [];
  const hops: Hop[] = [];
  for (const validation of pending) {
    const record = validation.record;
    if (!record) continue;
    const cname = `${record.type} ${record.name} → ${record.value}`;
    const zone = publicZoneFor(index, record.name);
    if (!zone) {
      parts.push(`create ${cname} at the DNS provider that serves ${validation.domainName}`);
      hops.push(hop('record', record.name, false, 'validation record not found'));
      continue;
    }
    const present = recordsNamed(index, zone.id, record.name, [record.type.toUpperCase()]).some((r) =>
      r.values.some((v) => normalizeDnsName(v) === normalizeDnsName(record.value)),
    );
    if (present) {
      parts.push(
        `the validation record ${cname} is already in hosted zone ${zone.id} (${zone.zoneName}); if the certificate stays pending, ` +
          `the registrar probably does not delegate ${zone.zoneName} to this zone's name servers — check its NS records`,
      );
      hops.push(hop('hosted-zone', zone.id, true), hop('record', record.name, true));
    } else {
      parts.push(`create ${cname} in hosted zone ${zone.id} (${zone.zoneName}), where it is missing`);
      hops.push(hop('hosted-zone', zone.id, true), hop('record', record.name, false, 'validation CNAME missing'));
    }
  }
  return { text: `${parts.join('; ')} — ACM validates within minutes once the record resolves, and gives up 72 hours after the request`, hops };
}

function findingFor(index: SnapshotIndex, domain: DomainName): Finding[] {
  if (!domain.certificateArn) return [];
  const cert = index.certificatesByArn.get(domain.certificateArn);
  if (!cert || cert.status === 'ISSUED') return [];
  const advice = cert.status === 'PENDING_VALIDATION' ? pendingValidationAdvice(index, cert) : { text: STATUS_FIX[cert.status], hops: [] };
  const message =
    `${domain.domainName} uses ${certificateLabel(cert)}, which is ${cert.status}, not ISSUED, so API Gateway cannot serve HTTPS ` +
    `for the domain. Fix: ${advice.text}.`;
  return [
    {
      code: 'domain-certificate-not-issued',
      severity: 'error',
      message,
      resource: domainResource(domain),
      hops: mergeHops([
        dnsHopsTo(index, domain),
        [hop('domain-name', domain.id, true), hop('certificate', cert.arn, false, `${cert.status}: only ISSUED certificates serve`)],
        advice.hops,
      ]),
    },
  ];
}

export function domainCertificateNotIssued(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => findingFor(index, domain));
}
