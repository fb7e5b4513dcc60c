// The API Gateway v2 (HTTP and WebSocket) collector: APIs with stages, routes and Lambda
// integrations, custom domains and API mappings. The v2 SDK has no paginators, so its NextToken
// lists are paged with pagesByToken; 500 a page, the same ceiling as the REST API's `limit`.
import {
  ApiGatewayV2Client,
  GetApiMappingsCommand,
  GetApisCommand,
  GetDomainNamesCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStagesCommand,
  type Api as SdkApi,
  type DomainName as SdkDomainName,
} from '@aws-sdk/client-apigatewayv2';
import type { Api, ApiIntegration, ApiMapping, DomainName } from '../model/snapshot';
import { functionArnOfIntegrationUri, type ApiGatewayResources } from './apigateway';
import { collectPages, pagesByToken } from './paging';
import type { ScanContext } from './scan-context';

export const APIGATEWAYV2_PAGE_SIZE = '500';

type Scope = { accountId: string; region: string };

function listAll<Item>(fetch: (token: string | undefined) => Promise<{ Items?: Item[]; NextToken?: string }>): Promise<Item[]> {
  return collectPages(
    pagesByToken(fetch, (page) => page.NextToken),
    (page) => page.Items,
  );
}

async function toApi(ctx: ScanContext, client: ApiGatewayV2Client, api: SdkApi, scope: Scope): Promise<Api> {
  const ApiId = api.ApiId ?? '';
  const send = ctx.sendOptions;
  const [stages, integrations, routes] = await Promise.all([
    listAll((NextToken) => client.send(new GetStagesCommand({ ApiId, NextToken, MaxResults: APIGATEWAYV2_PAGE_SIZE }), send)),
    listAll((NextToken) => client.send(new GetIntegrationsCommand({ ApiId, NextToken, MaxResults: APIGATEWAYV2_PAGE_SIZE }), send)),
    listAll((NextToken) => client.send(new GetRoutesCommand({ ApiId, NextToken, MaxResults: APIGATEWAYV2_PAGE_SIZE }), send)),
  ]);
  const byId = new Map(integrations.map((i) => [i.IntegrationId ?? '', i]));
  const entries: ApiIntegration[] = [];
  for (const route of routes) {
    // A route's target reads "integrations/<IntegrationId>" (API_Route).
    const integrationId = /^integrations\/(.+)$/.exec(route.Target ?? '')?.[1];
    const integration = integrationId ? byId.get(integrationId) : undefined;
    if (!integration || !integrationId) continue;
    const functionArn = functionArnOfIntegrationUri(integration.IntegrationUri);
    entries.push({
      route: route.RouteKey ?? '',
      ...(functionArn ? { functionArn } : {}),
      ...(integration.TimeoutInMillis !== undefined ? { timeoutMs: integration.TimeoutInMillis } : {}),
    });
  }
  const protocol = api.ProtocolType === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP';
  return {
    id: ApiId,
    ...scope,
    ...(api.Name ? { name: api.Name } : {}),
    ...(api.Tags && Object.keys(api.Tags).length > 0 ? { tags: api.Tags } : {}),
    protocol,
    // HTTP and WebSocket APIs are regional only (DOMAIN.md 21).
    endpointType: 'REGIONAL',
    disableExecuteApiEndpoint: api.DisableExecuteApiEndpoint ?? false,
    stages: stages.map((s) => s.StageName ?? '').filter(Boolean).sort(),
    integrations: entries.sort((a, b) => a.route.localeCompare(b.route)),
  };
}

export function toDomainNameV2(domain: SdkDomainName, scope: Scope): DomainName {
  const config = domain.DomainNameConfigurations?.[0];
  const type = config?.EndpointType;
  const name = domain.DomainName ?? '';
  return {
    id: name,
    ...scope,
    ...(domain.Tags && Object.keys(domain.Tags).length > 0 ? { tags: domain.Tags } : {}),
    domainName: name,
    apiVersion: 'v2',
    endpointType: type === 'EDGE' ? 'EDGE' : 'REGIONAL',
    ...(config?.CertificateArn ? { certificateArn: config.CertificateArn } : {}),
    ...(config?.ApiGatewayDomainName ? { targetDomainName: config.ApiGatewayDomainName } : {}),
    ...(config?.HostedZoneId ? { targetHostedZoneId: config.HostedZoneId } : {}),
    status: config?.DomainNameStatus ?? 'AVAILABLE',
  };
}

async function mappingsOf(ctx: ScanContext, client: ApiGatewayV2Client, DomainName: string, scope: Scope): Promise<ApiMapping[]> {
  try {
    const items = await listAll((NextToken) =>
      client.send(new GetApiMappingsCommand({ DomainName, NextToken, MaxResults: APIGATEWAYV2_PAGE_SIZE }), ctx.sendOptions),
    );
    return items.map((m) => ({
      id: m.ApiMappingId ?? `${DomainName}/${m.ApiMappingKey ?? ''}`,
      ...scope,
      domainName: DomainName,
      apiId: m.ApiId ?? '',
      stage: m.Stage ?? '',
      basePath: m.ApiMappingKey ?? '',
    }));
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    ctx.gap('apigatewayv2', scope.region, error, `the API mappings of ${DomainName}`);
    return [];
  }
}

export async function collectApiGatewayV2(ctx: ScanContext, region: string): Promise<ApiGatewayResources> {
  const client = ctx.client('apigatewayv2', region, (config) => new ApiGatewayV2Client(config));
  const scope: Scope = { accountId: ctx.accountId, region };
  const send = ctx.sendOptions;
  const [apis, domains] = await Promise.all([
    listAll((NextToken) => client.send(new GetApisCommand({ NextToken, MaxResults: APIGATEWAYV2_PAGE_SIZE }), send)),
    listAll((NextToken) => client.send(new GetDomainNamesCommand({ NextToken, MaxResults: APIGATEWAYV2_PAGE_SIZE }), send)),
  ]);
  const [models, mappings] = await Promise.all([
    Promise.all(
      apis.map((api) =>
        toApi(ctx, client, api, scope).catch((error: unknown) => {
          if (ctx.signal.aborted) throw error;
          ctx.gap('apigatewayv2', region, error, `API ${api.ApiId ?? ''} (${api.Name ?? ''})`);
          return undefined;
        }),
      ),
    ).then((list) => list.filter((api) => api !== undefined)),
    Promise.all(domains.map((d) => mappingsOf(ctx, client, d.DomainName ?? '', scope))),
  ]);
  return { apis: models, domainNames: domains.map((d) => toDomainNameV2(d, scope)), apiMappings: mappings.flat() };
}
