// The API Gateway (REST, v1) collector: APIs with stages and Lambda integrations, custom domains and
// base path mappings. GetResources with embed=methods returns each method's integration inline, so
// integrations cost one paged call per API, not one per method (API_GetResources). Lists use the
// service's largest page, limit=500 (API_GetRestApis, API_GetDomainNames, API_GetBasePathMappings).
import {
  APIGatewayClient,
  GetStagesCommand,
  paginateGetBasePathMappings,
  paginateGetDomainNames,
  paginateGetResources,
  paginateGetRestApis,
  type DomainName as SdkDomainName,
  type Resource,
  type RestApi,
} from '@aws-sdk/client-api-gateway';
import type { Api, ApiIntegration, ApiMapping, DomainName } from '../model/snapshot';
import { collectPages } from './paging';
import type { ScanContext } from './scan-context';

export const APIGATEWAY_PAGE_SIZE = 500;

export interface ApiGatewayResources {
  apis: Api[];
  domainNames: DomainName[];
  apiMappings: ApiMapping[];
}

type Scope = { accountId: string; region: string };
type EndpointType = DomainName['endpointType'];

function endpointTypeOf(types: readonly string[] | undefined): EndpointType | undefined {
  const type = types?.[0];
  return type === 'EDGE' || type === 'REGIONAL' || type === 'PRIVATE' ? type : undefined;
}

/** The function a Lambda integration invokes: arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<functionArn>/invocations. */
export function functionArnOfIntegrationUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const match = /:lambda:path\/[^/]+\/functions\/(arn:[^/]+)\/invocations$/.exec(uri);
  if (match?.[1]) return match[1];
  // HTTP APIs may name the function ARN directly.
  return /^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:[^/]+$/.test(uri) ? uri : undefined;
}

function integrationsOf(resources: readonly Resource[]): ApiIntegration[] {
  const integrations: ApiIntegration[] = [];
  for (const resource of resources) {
    for (const [method, detail] of Object.entries(resource.resourceMethods ?? {})) {
      const integration = detail.methodIntegration;
      if (!integration) continue;
      const functionArn = functionArnOfIntegrationUri(integration.uri);
      integrations.push({
        route: `${method} ${resource.path ?? '/'}`,
        ...(functionArn ? { functionArn } : {}),
        ...(integration.timeoutInMillis !== undefined ? { timeoutMs: integration.timeoutInMillis } : {}),
      });
    }
  }
  return integrations.sort((a, b) => a.route.localeCompare(b.route));
}

async function toApi(ctx: ScanContext, client: APIGatewayClient, api: RestApi, scope: Scope): Promise<Api> {
  const id = api.id ?? '';
  const [stages, resources] = await Promise.all([
    client.send(new GetStagesCommand({ restApiId: id }), ctx.sendOptions),
    collectPages(paginateGetResources({ client, pageSize: APIGATEWAY_PAGE_SIZE }, { restApiId: id, embed: ['methods'] }, ctx.sendOptions), (p) => p.items),
  ]);
  const endpointType = endpointTypeOf(api.endpointConfiguration?.types);
  return {
    id,
    ...scope,
    ...(api.name ? { name: api.name } : {}),
    ...(api.tags && Object.keys(api.tags).length > 0 ? { tags: api.tags } : {}),
    protocol: 'REST',
    ...(endpointType ? { endpointType } : {}),
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint ?? false,
    stages: (stages.item ?? []).map((s) => s.stageName ?? '').filter(Boolean).sort(),
    integrations: integrationsOf(resources),
  };
}

/** EDGE domains are served by CloudFront with a us-east-1 certificate; the others by the regional name (DOMAIN.md 20). */
export function toDomainName(domain: SdkDomainName, scope: Scope): DomainName {
  const endpointType = endpointTypeOf(domain.endpointConfiguration?.types) ?? 'EDGE';
  const edge = endpointType === 'EDGE';
  const certificateArn = edge ? domain.certificateArn : domain.regionalCertificateArn;
  const targetDomainName = edge ? domain.distributionDomainName : domain.regionalDomainName;
  const targetHostedZoneId = edge ? domain.distributionHostedZoneId : domain.regionalHostedZoneId;
  const name = domain.domainName ?? '';
  return {
    id: name,
    ...scope,
    ...(domain.tags && Object.keys(domain.tags).length > 0 ? { tags: domain.tags } : {}),
    domainName: name,
    apiVersion: 'v1',
    endpointType,
    ...(certificateArn ? { certificateArn } : {}),
    ...(targetDomainName ? { targetDomainName } : {}),
    ...(targetHostedZoneId ? { targetHostedZoneId } : {}),
    status: domain.domainNameStatus ?? 'AVAILABLE',
  };
}

async function mappingsOf(ctx: ScanContext, client: APIGatewayClient, domainName: string, scope: Scope): Promise<ApiMapping[]> {
  try {
    const items = await collectPages(
      paginateGetBasePathMappings({ client, pageSize: APIGATEWAY_PAGE_SIZE }, { domainName }, ctx.sendOptions),
      (p) => p.items,
    );
    return items.map((m) => ({
      id: `${domainName}/${m.basePath ?? '(none)'}`,
      ...scope,
      domainName,
      apiId: m.restApiId ?? '',
      stage: m.stage ?? '',
      basePath: m.basePath ?? '(none)',
    }));
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    // A 5xx says nothing about the mappings: it is "could not read", never "no mappings" —
    // otherwise a flaky read would report a working domain as unmapped (domain-no-mapping).
    ctx.gap('apigateway', scope.region, error, `the base path mappings of ${domainName}`);
    return [];
  }
}

export async function collectApiGateway(ctx: ScanContext, region: string): Promise<ApiGatewayResources> {
  const client = ctx.client('apigateway', region, (config) => new APIGatewayClient(config));
  const scope: Scope = { accountId: ctx.accountId, region };
  const paging = { client, pageSize: APIGATEWAY_PAGE_SIZE };
  const [restApis, domains] = await Promise.all([
    collectPages(paginateGetRestApis(paging, {}, ctx.sendOptions), (p) => p.items),
    collectPages(paginateGetDomainNames(paging, {}, ctx.sendOptions), (p) => p.items),
  ]);
  const [apis, mappings] = await Promise.all([
    Promise.all(
      restApis.map((api) =>
        toApi(ctx, client, api, scope).catch((error: unknown) => {
          if (ctx.signal.aborted) throw error;
          // Without its stages and integrations an API would mislead the rules: leave it out, name it.
          ctx.gap('apigateway', region, error, `REST API ${api.id ?? ''} (${api.name ?? ''})`);
          return undefined;
        }),
      ),
    ).then((list) => list.filter((api) => api !== undefined)),
    Promise.all(domains.map((d) => mappingsOf(ctx, client, d.domainName ?? '', scope))),
  ]);
  return { apis, domainNames: domains.map((d) => toDomainName(d, scope)), apiMappings: mappings.flat() };
}
