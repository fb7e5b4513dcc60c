// domain-not-available: the custom domain's own status is not AVAILABLE. UPDATING and PENDING
// pass by themselves (an edge-optimized domain takes up to 40 minutes), so they are warnings;
// PENDING_CERTIFICATE_REIMPORT and PENDING_OWNERSHIP_VERIFICATION wait for the owner.
// https://docs.aws.amazon.com/apigateway/latest/api/API_DomainName.html
// https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames-domainname.html
import type { Finding } from '../model/finding';
import { domainChain, domainResource, hopsThrough } from './domain-chain';
import type { SnapshotIndex } from './snapshot-index';

const FIX: Readonly<Record<string, string>> = {
  PENDING_CERTIFICATE_REIMPORT: 'reimport the certificate into ACM (or switch the domain to an ACM-issued one)',
  PENDING_OWNERSHIP_VERIFICATION:
    'complete the ownership verification: give the domain an ISSUED ownership verification certificate (OwnershipVerificationCertificateArn) for the name',
  UPDATING: 'wait for the update to finish (edge-optimized domains take up to 40 minutes), then check again',
  PENDING: 'wait for API Gateway to finish creating the domain, then check again',
};

export function domainNotAvailable(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => {
    const chain = domainChain(index, domain);
    const own = chain.front.find((l) => l.kind === 'domain-name');
    if (!own || own.verdict.state !== 'broken') return [];
    const status = domain.status.toUpperCase();
    const message =
      `${domain.domainName} is ${status}, not AVAILABLE, so API Gateway does not serve it yet, whatever its mappings and DNS. ` +
      `Fix: ${FIX[status] ?? 'see the domain in the API Gateway console for what it waits for'}.`;
    const finding: Finding = {
      code: 'domain-not-available',
      severity: own.verdict.severity,
      message,
      resource: domainResource(domain),
      hops: hopsThrough(chain, 'domain-name'),
    };
    return [finding];
  });
}
