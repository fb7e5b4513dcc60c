// domain-no-mapping: an API Gateway custom domain with no API mapping (base path mapping), or
// whose mappings all lead to a stage the API does not have. In the default API_MAPPING_ONLY
// routing mode such a domain routes to no API: every request gets 403 Forbidden (the 403 is what
// users report, not a documented promise). Mappings that could not be read are no finding.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-routing-mode.html
import type { Finding } from '../model/finding';
import type { Api, DomainName } from '../model/snapshot';
import { domainChain, domainResource, hopsThrough, type DomainChain } from './domain-chain';
import { hopOf, link } from './dns-link';
import { mappingPath } from './dns-routes';
import type { SnapshotIndex } from './snapshot-index';
import { listCapped } from './wording';

function sameAccountRegion(a: { accountId: string; region: string }, b: { accountId: string; region: string }): boolean {
  return a.accountId === b.accountId && a.region === b.region;
}

/** APIs this domain could serve that no domain maps yet; a single one is almost certainly the one meant. */
function unmappedApis(index: SnapshotIndex, domain: DomainName): Api[] {
  const mapped = new Set(index.snapshot.resources.apiMappings.map((m) => m.apiId));
  return index.snapshot.resources.apis.filter(
    (api) =>
      sameAccountRegion(api, domain) &&
      !mapped.has(api.id) &&
      api.stages.length > 0 &&
      // REST domains (v1) map REST APIs; the v2 mapping API can also map REST APIs.
      (domain.apiVersion === 'v2' || api.protocol === 'REST'),
  );
}

function fixFor(domain: DomainName, candidates: readonly Api[]): string {
  const only = candidates.length === 1 ? candidates[0] : undefined;
  const target = only ? `${only.name ?? only.id} (${only.id}), stage ${only.stages[0] ?? ''}` : 'the API and stage it should serve';
  const resource =
    domain.apiVersion === 'v1'
      ? `an AWS::ApiGateway::BasePathMapping (or a Domain with BasePath on the AWS::Serverless::Api, so SAM creates it)`
      : `an AWS::ApiGatewayV2::ApiMapping (or a Domain on the AWS::Serverless::HttpApi, so SAM creates it)`;
  return `map it to ${target} with ${resource}`;
}

function noMapping(index: SnapshotIndex, chain: DomainChain): Finding {
  const { domain } = chain;
  const candidates = unmappedApis(index, domain);
  const only = candidates.length === 1 ? candidates[0] : undefined;
  const message =
    `${domain.domainName} has no API mapping, so requests to it reach no API: API Gateway answers 403 Forbidden, ` +
    `even with a valid certificate and DNS. Fix: ${fixFor(domain, candidates)}.`;
  return {
    code: 'domain-no-mapping',
    severity: 'error',
    message,
    resource: domainResource(domain),
    hops: [...hopsThrough(chain, 'domain-name'), hopOf(link('api-mapping', domain.domainName, chain.mapping))],
    ...(only && only.stages[0] !== undefined
      ? { fix: { kind: 'add-api-mapping' as const, domainName: domain.domainName, apiId: only.id, stage: only.stages[0], apiVersion: domain.apiVersion } }
      : {}),
  };
}

/** Mappings exist, but some lead to a stage the API does not have: an error when none works. */
function brokenMappings(chain: DomainChain): Finding[] {
  const bad = chain.routes.filter((r) => r.verdict.state === 'broken');
  if (bad.length === 0) return [];
  const { domain } = chain;
  const none = bad.length === chain.routes.length;
  const reasons = listCapped(bad, (r) => (r.verdict.state === 'broken' ? r.verdict.reason : ''), 3);
  const message =
    `${domain.domainName}: ${reasons}, so ${none ? 'no request to the domain reaches an API (403 Forbidden)' : `requests under ${listCapped(bad, (r) => mappingPath(r.mapping.basePath))} reach no API`}. ` +
    `Fix: map ${none ? 'the domain' : 'those paths'} to a stage the API has (deploy the stage first), or delete the stale mapping.`;
  const first = bad[0];
  return [
    {
      code: 'domain-no-mapping',
      severity: none ? 'error' : 'warning',
      message,
      resource: domainResource(domain),
      hops: [...hopsThrough(chain, 'domain-name'), ...(first ? first.links.map(hopOf) : [])],
    },
  ];
}

export function domainNoMapping(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => {
    const chain = domainChain(index, domain);
    if (chain.mapping.state === 'broken') return [noMapping(index, chain)];
    return brokenMappings(chain);
  });
}
