// domain-no-mapping: an API Gateway custom domain with no API mapping (base path mapping).
// In the default API_MAPPING_ONLY routing mode such a domain routes to no API: every request
// gets 403 Forbidden (the 403 is what users report, not a documented promise).
// https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-routing-mode.html
import type { Finding } from '../model/finding';
import type { Api, DomainName } from '../model/snapshot';
import { dnsHopsTo, domainResource } from './domain-chain';
import { hop } from './hops';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';

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

function findingFor(index: SnapshotIndex, domain: DomainName): Finding[] {
  const mappings = (index.apiMappingsByDomain.get(normalizeDnsName(domain.domainName)) ?? []).filter((m) => sameAccountRegion(m, domain));
  if (mappings.length > 0) return [];
  const message =
    `${domain.domainName} has no API mapping, so requests to it reach no API: API Gateway answers 403 Forbidden, ` +
    `even with a valid certificate and DNS. Fix: ${fixFor(domain, unmappedApis(index, domain))}.`;
  return [
    {
      code: 'domain-no-mapping',
      severity: 'error',
      message,
      resource: domainResource(domain),
      hops: [
        ...dnsHopsTo(index, domain),
        hop('domain-name', domain.id, true),
        hop('api-mapping', domain.domainName, false, 'no API mapping: requests reach no API'),
      ],
    },
  ];
}

export function domainNoMapping(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.domainNames.flatMap((domain) => findingFor(index, domain));
}
