// unverifiable-path (info) for a custom domain: a link of its chain could not be checked because
// the scan could not read a service (a gap) or a live DNS lookup failed or said nothing usable.
// Nothing is claimed broken; the finding names what was not verified, so silence is not taken for
// "fine". Values a template simply cannot know before deploy are not reported.
import type { Finding } from '../model/finding';
import { chainPath, domainChain, domainResource } from './domain-chain';
import type { ChainLink } from './dns-link';
import type { SnapshotIndex } from './snapshot-index';
import { listCapped } from './wording';

const LINK_NAMES: Readonly<Record<string, string>> = {
  delegation: 'the delegation',
  'hosted-zone': 'the hosted zone',
  record: 'the DNS record',
  certificate: 'the certificate',
  'api-mapping': 'the API mappings',
  api: 'the API',
};

function reported(l: ChainLink): l is ChainLink & { verdict: { state: 'unknown'; reason: string } } {
  return l.verdict.state === 'unknown' && (l.verdict.cause === 'gap' || l.verdict.cause === 'dns-failed' || l.verdict.cause === 'opaque');
}

export function domainUnverifiable(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => {
    const chain = domainChain(index, domain);
    const links: ChainLink[] = [...chain.front, { kind: 'api-mapping', id: domain.domainName, verdict: chain.mapping }, ...chain.routes.flatMap((r) => r.links)];
    const unknowns = links.filter(reported);
    if (unknowns.length === 0) return [];
    const items = [...new Map(unknowns.map((l) => [`${LINK_NAMES[l.kind] ?? l.kind}: ${l.verdict.reason}`, l])).keys()];
    const causes = new Set(unknowns.map((l) => l.verdict.cause));
    const fix = [
      causes.has('gap') ? 'scan again with permission to read the named service (or when it answers)' : undefined,
      causes.has('dns-failed') ? 'check the DNS resolver setting, or check again when DNS answers' : undefined,
      causes.has('opaque') ? "check by hand that those addresses are API Gateway's, or use a CNAME to the custom domain's target, which can be checked" : undefined,
    ].filter((f): f is string => f !== undefined);
    const finding: Finding = {
      code: 'unverifiable-path',
      severity: 'info',
      message: `${domain.domainName}: part of its chain could not be verified — ${listCapped(items, (i) => i, 3)}. Fix: ${fix.join('; ')}.`,
      resource: domainResource(domain),
      hops: chainPath(chain),
    };
    return [finding];
  });
}
