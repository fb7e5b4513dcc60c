// Which links of a domain chain a scan gap leaves unknown. A service that could not be read in a
// region says nothing about what is there, so a rule must not call the missing piece absent
// (DESIGN.md: "never a false error"). The scanner names what it could not read ("could not read
// <what>: …"); a gap without a subject is the whole service in that region.
import type { Gap } from '../model/snapshot';
import type { SnapshotIndex } from './snapshot-index';

export type ChainService = 'apigateway' | 'apigatewayv2' | 'acm' | 'route53' | 'lambda' | 'lambda-policies';

/** What the gap says it could not read, or undefined for the whole service. */
function subjectOf(gap: Gap): string | undefined {
  return /could not read (.+?): /.exec(gap.error)?.[1];
}

function gapsOf(index: SnapshotIndex, services: readonly ChainService[], region: string): Gap[] {
  return index.snapshot.gaps.filter((g) => services.includes(g.service as ChainService) && g.region === region);
}

/** The first gap that leaves the whole service unread in the region. */
export function serviceGap(index: SnapshotIndex, services: readonly ChainService[], region: string): Gap | undefined {
  return gapsOf(index, services, region).find((g) => subjectOf(g) === undefined);
}

/** A gap that hides a custom domain's mappings: the service as a whole, or that domain's mappings. */
export function mappingGap(index: SnapshotIndex, domainName: string, region: string): Gap | undefined {
  const wanted = [`the base path mappings of ${domainName}`, `the API mappings of ${domainName}`];
  return gapsOf(index, ['apigateway', 'apigatewayv2'], region).find((g) => {
    const subject = subjectOf(g);
    return subject === undefined || wanted.includes(subject);
  });
}

/** A gap that hides a certificate: ACM in its region as a whole, or that certificate. */
export function certificateGap(index: SnapshotIndex, arn: string, region: string): Gap | undefined {
  return gapsOf(index, ['acm'], region).find((g) => {
    const subject = subjectOf(g);
    return subject === undefined || subject === `certificate ${arn}`;
  });
}

/** Route 53 is global: any gap there (a zone dropped, the listing failed) leaves zones and records incomplete. */
export function route53Gap(index: SnapshotIndex): Gap | undefined {
  return index.snapshot.gaps.find((g) => g.service === 'route53');
}

/** "apigateway ap-northeast-2: could not read …" — for messages that say what is missing. */
export function describeGap(gap: Gap): string {
  return `${gap.service} ${gap.region}: ${gap.error}`;
}
