// API Gateway custom domains are one namespace for REST and HTTP APIs: the v1 and v2 APIs list the
// same domain, and a v2 API mapping may point at a REST API (DOMAIN.md 20-23). The two collectors'
// results are merged so each domain and each mapping appears once.
import type { ApiMapping, DomainName } from '../model/snapshot';
import type { ApiGatewayResources } from './apigateway';

/** The root mapping is "(none)" in v1 and "" in v2. */
function mappingKey(m: ApiMapping): string {
  return `${m.accountId}|${m.region}|${m.domainName}|${m.basePath === '(none)' ? '' : m.basePath}`;
}

function domainKey(d: DomainName): string {
  return `${d.accountId}|${d.region}|${d.domainName}`;
}

function firstBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const kept = new Map<string, T>();
  for (const item of items) if (!kept.has(key(item))) kept.set(key(item), item);
  return [...kept.values()];
}

/** v1 first: its record of a domain knows EDGE endpoints, which v2 cannot describe. */
export function mergeCustomDomains(...parts: readonly (ApiGatewayResources | undefined)[]): ApiGatewayResources {
  const present = parts.filter((p): p is ApiGatewayResources => p !== undefined);
  return {
    apis: present.flatMap((p) => p.apis),
    domainNames: firstBy(present.flatMap((p) => p.domainNames), domainKey),
    apiMappings: firstBy(present.flatMap((p) => p.apiMappings), mappingKey),
  };
}
