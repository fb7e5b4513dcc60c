// The certificate link of a domain chain: in the right region, covering the name, ISSUED.
// EDGE domains are served by CloudFront, which takes ACM certificates from us-east-1 only;
// REGIONAL (and PRIVATE) domains take one from the API's own region. A certificate covers its
// DomainName and SubjectAlternativeNames; a wildcard covers exactly one leftmost label.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
// https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate-characteristics.html
import type { Certificate, DomainName } from '../model/snapshot';
import { certificateGap, describeGap } from './dns-gaps';
import { broken, OK, unknown, worse, type LinkVerdict } from './dns-link';
import { arnPartition, arnRegion, isUnknownValue } from './dns-names';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

export const EDGE_CERTIFICATE_REGION = 'us-east-1';

/** "certificate 1f2e3d4c-… (api.example.com)": the ARN's last part is what the ACM console shows. */
export function certificateLabel(cert: Certificate): string {
  return `certificate ${cert.arn.split('/').pop() ?? cert.arn} (${cert.domainName})`;
}

export function certificateNames(cert: Certificate): string[] {
  return [...new Set([cert.domainName, ...cert.subjectAlternativeNames].map(normalizeDnsName))];
}

/** `*.example.com` covers `api.example.com`; not `example.com`, not `a.b.example.com`. */
export function nameCovers(certName: string, name: string): boolean {
  const c = normalizeDnsName(certName);
  const n = normalizeDnsName(name);
  if (c === n) return true;
  if (!c.startsWith('*.')) return false;
  const dot = n.indexOf('.');
  return dot > 0 && n.slice(dot + 1) === c.slice(2);
}

export function certificateCovers(cert: Certificate, name: string): boolean {
  return certificateNames(cert).some((c) => nameCovers(c, name));
}

export interface RegionCheck {
  readonly verdict: LinkVerdict;
  readonly expected?: string;
  readonly actual?: string;
}

export function certificateRegionCheck(domain: DomainName): RegionCheck {
  const arn = domain.certificateArn;
  const actual = arn === undefined ? undefined : arnRegion(arn);
  if (arn === undefined || actual === undefined) return { verdict: unknown('the certificate ARN is not known', 'not-given') };
  // CloudFront's us-east-1 rule is the commercial partition's; other partitions are not judged.
  if (domain.endpointType === 'EDGE' && arnPartition(arn) !== 'aws') return { verdict: unknown('edge certificates outside the aws partition are not checked', 'not-given'), actual };
  // A template checked without a region has a stand-in for it: nothing to compare with.
  if (domain.endpointType !== 'EDGE' && isUnknownValue(domain.region)) return { verdict: unknown('the region the template deploys to is not known', 'not-given'), actual };
  const expected = domain.endpointType === 'EDGE' ? EDGE_CERTIFICATE_REGION : domain.region;
  if (actual === expected) return { verdict: OK, expected, actual };
  const why =
    domain.endpointType === 'EDGE'
      ? `an edge-optimized domain is served by CloudFront, which uses ACM certificates from ${EDGE_CERTIFICATE_REGION} only`
      : `a ${domain.endpointType.toLowerCase()} domain uses a certificate from its own region, ${expected}`;
  return { verdict: broken(`certificate from ${actual}: ${why}`), expected, actual };
}

export function coverageVerdict(cert: Certificate, domain: DomainName): LinkVerdict {
  if (isUnknownValue(domain.domainName) || isUnknownValue(cert.domainName)) return unknown('the names are not known until deploy', 'not-given');
  if (certificateCovers(cert, domain.domainName)) return OK;
  return broken(`does not cover ${normalizeDnsName(domain.domainName)} (it covers ${listWords(certificateNames(cert))})`);
}

export function statusVerdict(cert: Certificate): LinkVerdict {
  return cert.status === 'ISSUED' ? OK : broken(`${cert.status}: only ISSUED certificates serve`);
}

/** The whole certificate link: region, then status, then coverage; the worst decides. */
export function certificateVerdict(index: SnapshotIndex, domain: DomainName): LinkVerdict {
  const region = certificateRegionCheck(domain).verdict;
  const cert = domain.certificateArn === undefined ? undefined : index.certificatesByArn.get(domain.certificateArn);
  if (!cert) {
    const gap = domain.certificateArn === undefined ? undefined : certificateGap(index, domain.certificateArn, arnRegion(domain.certificateArn) ?? domain.region);
    const missing = gap
      ? unknown(`the certificate could not be read (${describeGap(gap)})`, 'gap')
      : unknown(domain.certificateArn === undefined ? 'no certificate ARN in the input' : 'the certificate is not in the snapshot (not read, or another account)', 'not-given');
    return region.state === 'broken' ? region : missing;
  }
  return [statusVerdict(cert), coverageVerdict(cert, domain)].reduce(worse, region);
}
