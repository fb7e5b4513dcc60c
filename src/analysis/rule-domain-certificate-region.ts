// domain-certificate-region: an edge-optimized custom domain whose certificate is not in
// us-east-1 (CloudFront takes certificates from there only), or a regional/private one whose
// certificate is from another region than the domain's (and its API's). API Gateway refuses to
// create or update such a domain, so a template with it fails to deploy.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
import type { Finding } from '../model/finding';
import { domainChain, domainResource, hopsThrough } from './domain-chain';
import { certificateRegionCheck, EDGE_CERTIFICATE_REGION } from './dns-certificates';
import { hopOf, link } from './dns-link';
import type { SnapshotIndex } from './snapshot-index';

export function domainCertificateRegion(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => {
    const check = certificateRegionCheck(domain);
    if (check.verdict.state !== 'broken' || !domain.certificateArn || !check.expected) return [];
    const edge = domain.endpointType === 'EDGE';
    const what = edge
      ? `an edge-optimized domain, served by CloudFront, which uses ACM certificates from ${EDGE_CERTIFICATE_REGION} only`
      : `a ${domain.endpointType.toLowerCase()} domain in ${domain.region}, which needs a certificate from ${domain.region}`;
    const property = edge ? 'CertificateArn' : 'RegionalCertificateArn (in SAM: Domain.CertificateArn)';
    const alternative = edge ? `, or make the domain REGIONAL, which uses certificates from ${domain.region}` : '';
    const message =
      `${domain.domainName} is ${what}, but its certificate ${domain.certificateArn} is in ${check.actual}: API Gateway will not serve (or even create) ` +
      `the domain with it. Fix: request or import a certificate for ${domain.domainName} in ${check.expected} (ACM certificates cannot be moved between regions) ` +
      `and set the domain's ${property} to it${alternative}.`;
    const chain = domainChain(index, domain);
    const finding: Finding = {
      code: 'domain-certificate-region',
      severity: 'error',
      message,
      resource: domainResource(domain),
      hops: [...hopsThrough(chain, 'domain-name'), hopOf(link('certificate', domain.certificateArn, check.verdict))],
    };
    return [finding];
  });
}
