// domain-certificate-mismatch: the custom domain's certificate does not cover its name. A
// certificate covers its DomainName and SubjectAlternativeNames; a wildcard covers exactly one
// leftmost label (*.example.com covers api.example.com, not example.com, not a.b.example.com).
// Clients then reject the TLS handshake. Only when the certificate itself was read.
// https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate-characteristics.html
import type { Finding } from '../model/finding';
import { domainChain, domainResource, hopsThrough } from './domain-chain';
import { certificateLabel, certificateNames, coverageVerdict } from './dns-certificates';
import { hopOf, link } from './dns-link';
import { parentName } from './dns-names';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

export function domainCertificateMismatch(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => {
    const cert = domain.certificateArn === undefined ? undefined : index.certificatesByArn.get(domain.certificateArn);
    if (!cert) return [];
    const verdict = coverageVerdict(cert, domain);
    if (verdict.state !== 'broken') return [];
    const name = normalizeDnsName(domain.domainName);
    const names = certificateNames(cert);
    const wildcardNear = names.find((n) => n.startsWith('*.') && (name === n.slice(2) || name.endsWith(`.${n.slice(2)}`)));
    const why = wildcardNear
      ? name === wildcardNear.slice(2)
        ? ` — a wildcard does not cover the bare name ${name}`
        : ` — a wildcard covers exactly one label, and ${name} is more than one label below ${wildcardNear.slice(2)}`
      : '';
    const suggestion = wildcardNear && name !== wildcardNear.slice(2) ? `${name} (or *.${parentName(name) ?? name})` : name;
    const message =
      `${domain.domainName} uses ${certificateLabel(cert)}, which covers ${listWords(names)} but not ${name}${why}, ` +
      `so clients reject the TLS handshake for the custom domain. Fix: request a certificate whose DomainName or SubjectAlternativeNames ` +
      `include ${suggestion}, validate it, and switch the domain to it.`;
    const chain = domainChain(index, domain);
    const finding: Finding = {
      code: 'domain-certificate-mismatch',
      severity: 'error',
      message,
      resource: domainResource(domain),
      hops: [...hopsThrough(chain, 'domain-name'), hopOf(link('certificate', cert.arn, verdict))],
    };
    return [finding];
  });
}
