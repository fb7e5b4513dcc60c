// Behind a custom domain: its API mappings, each to an API and stage, and the Lambda functions the
// API's integrations invoke. A domain with no mapping (routing mode API_MAPPING_ONLY, the default)
// routes to no API; a mapping's stage must exist; the function's resource policy must let
// apigateway.amazonaws.com invoke it.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-routing-mode.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html
import type { Api, ApiMapping, DomainName } from '../model/snapshot';
import { apiLabel, unqualifiedFunctionArn } from './api-integrations';
import { describeGap, mappingGap, serviceGap } from './dns-gaps';
import { broken, link, OK, unknown, type ChainLink, type LinkVerdict } from './dns-link';
import { isUnknownValue } from './dns-names';
import { normalizeDnsName, type SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

export interface ChainIntegration {
  readonly integration: ChainLink;
  readonly fn?: ChainLink;
}

/** One branch behind the domain: mapping → API → stage → integrations (→ function). */
export interface ChainRoute {
  readonly mapping: ApiMapping;
  readonly links: readonly ChainLink[];
  readonly integrations: readonly ChainIntegration[];
  /** The worst of the mapping, API and stage links: does this mapping reach a deployed stage? */
  readonly verdict: LinkVerdict;
}

export interface DomainRoutes {
  /** No mapping at all (broken), mappings unreadable (unknown), or ok. */
  readonly verdict: LinkVerdict;
  readonly routes: readonly ChainRoute[];
}

export function mappingPath(basePath: string): string {
  return basePath === '' || basePath === '(none)' ? '/ (root)' : `/${basePath.replace(/^\//, '')}`;
}

export function mappingsOf(index: SnapshotIndex, domain: DomainName): ApiMapping[] {
  return (index.apiMappingsByDomain.get(normalizeDnsName(domain.domainName)) ?? []).filter(
    (m) => m.accountId === domain.accountId && m.region === domain.region,
  );
}

function apiOf(index: SnapshotIndex, mapping: ApiMapping): Api | undefined {
  return index.snapshot.resources.apis.find((a) => a.id === mapping.apiId && a.accountId === mapping.accountId && a.region === mapping.region);
}

function integrationsOf(index: SnapshotIndex, api: Api): ChainIntegration[] {
  const functions = new Map(index.snapshot.resources.lambdaFunctions.map((fn) => [unqualifiedFunctionArn(fn.arn), fn]));
  return api.integrations.map((integration) => {
    const integrationLink = link('integration', `${api.id} ${integration.route}`);
    const arn = integration.functionArn;
    if (arn === undefined || isUnknownValue(arn)) return { integration: integrationLink };
    const fn = functions.get(unqualifiedFunctionArn(arn));
    if (!fn) return { integration: integrationLink, fn: link('lambda-function', arn, unknown('the function is not in the snapshot', 'not-given')) };
    const principals = fn.invokePrincipals;
    const allowed = principals === undefined || principals.some((p) => p === '*' || p.toLowerCase() === 'apigateway.amazonaws.com');
    return { integration: integrationLink, fn: link('lambda-function', fn.id, allowed ? OK : broken('resource policy does not allow apigateway.amazonaws.com')) };
  });
}

function routeOf(index: SnapshotIndex, mapping: ApiMapping): ChainRoute {
  const api = apiOf(index, mapping);
  const mappingLink = link('api-mapping', mapping.id);
  if (!api) {
    const gap = serviceGap(index, ['apigateway', 'apigatewayv2'], mapping.region) ?? index.snapshot.gaps.find((g) => g.service.startsWith('apigateway') && g.region === mapping.region);
    const verdict = gap
      ? unknown(`API ${mapping.apiId} could not be read (${describeGap(gap)})`, 'gap')
      : unknown(`API ${mapping.apiId} is not in the snapshot`, 'not-given');
    return { mapping, links: [mappingLink, link('api', mapping.apiId, verdict)], integrations: [], verdict };
  }
  const stageId = `${api.id}/${mapping.stage}`;
  let stage: LinkVerdict = OK;
  if (isUnknownValue(mapping.stage) || mapping.stage === '') stage = unknown('the stage is not known until deploy', 'not-given');
  else if (!api.stages.includes(mapping.stage)) {
    const has = api.stages.length === 0 ? 'has no stages' : `has ${listWords(api.stages)}`;
    stage = broken(`${mappingPath(mapping.basePath)} maps to stage ${mapping.stage}, which ${apiLabel(api)} does not have (it ${has})`);
  }
  return { mapping, links: [mappingLink, link('api', api.id), link('stage', stageId, stage)], integrations: integrationsOf(index, api), verdict: stage };
}

export function domainRoutes(index: SnapshotIndex, domain: DomainName): DomainRoutes {
  const mappings = mappingsOf(index, domain);
  const routes = mappings.map((m) => routeOf(index, m));
  if (mappings.length > 0) return { verdict: OK, routes };
  const gap = mappingGap(index, domain.domainName, domain.region);
  if (gap) return { verdict: unknown(`the API mappings could not be read (${describeGap(gap)})`, 'gap'), routes };
  return { verdict: broken('no API mapping: requests reach no API'), routes };
}
