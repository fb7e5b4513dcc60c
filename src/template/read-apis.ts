// REST, HTTP and WebSocket APIs with their stages and Lambda integrations: SAM APIs (explicit,
// and the implicit ServerlessRestApi / ServerlessHttpApi that Api / HttpApi events create), and
// the plain API Gateway resources. Each event also adds the invoke permission SAM generates for
// it (DOMAIN.md item 39).
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-httpapi.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (integration timeout 29 s REST, 30 s HTTP)
import type { Api, LambdaFunction } from '../model/snapshot';
import { functionArnIn, readOpenApiDefinitions } from './read-openapi';
import { modelId } from './resource-refs';
import { originOf, property, stamp } from './resource-common';
import type { TemplateContext, TemplateResource } from './template-context';
import { isValueMap, symbolic, textList, valueBoolean, valueNumber, valueText } from './values';

const REST_TIMEOUT_MS = 29_000;
const HTTP_TIMEOUT_MS = 30_000;

/** Principals SAM grants lambda:InvokeFunction for each event type. */
const EVENT_PRINCIPALS: Readonly<Record<string, string>> = {
  Api: 'apigateway.amazonaws.com',
  HttpApi: 'apigateway.amazonaws.com',
  S3: 's3.amazonaws.com',
  SNS: 'sns.amazonaws.com',
  Schedule: 'events.amazonaws.com',
  CloudWatchEvent: 'events.amazonaws.com',
  EventBridgeRule: 'events.amazonaws.com',
  CloudWatchLogs: 'logs.amazonaws.com',
  IoTRule: 'iot.amazonaws.com',
  AlexaSkill: 'alexa-appkit.amazon.com',
  Cognito: 'cognito-idp.amazonaws.com',
};

type EndpointType = NonNullable<Api['endpointType']>;

function endpointType(text: string | undefined): EndpointType | undefined {
  const upper = text?.toUpperCase();
  return upper === 'EDGE' || upper === 'REGIONAL' || upper === 'PRIVATE' ? upper : undefined;
}

/** SAM takes `EndpointConfiguration: REGIONAL` or `{Type: REGIONAL}`; CloudFormation `{Types: [REGIONAL]}`. */
export function endpointTypeOf(ctx: TemplateContext, resource: TemplateResource): EndpointType | undefined {
  const value = ctx.evaluate(property(ctx, resource, 'EndpointConfiguration')?.node);
  if (isValueMap(value)) return endpointType(valueText(value.Type) ?? textList(value.Types)[0]);
  return endpointType(valueText(value));
}

function addApi(ctx: TemplateContext, resource: TemplateResource, api: Omit<Api, 'id' | 'accountId' | 'region' | 'logicalId' | 'integrations'>): void {
  ctx.model.add(
    'apis',
    { id: modelId(ctx, resource), ...stamp(ctx, resource), ...api, integrations: [] },
    originOf(resource, { endpointConfiguration: property(ctx, resource, 'EndpointConfiguration'), stageName: property(ctx, resource, 'StageName') }),
  );
}

function readSamApis(ctx: TemplateContext): void {
  for (const resource of ctx.ofType('AWS::Serverless::Api')) {
    addApi(ctx, resource, {
      ...(ctx.text(property(ctx, resource, 'Name')?.node) ? { name: ctx.text(property(ctx, resource, 'Name')?.node) } : {}),
      protocol: 'REST',
      // REST APIs are edge-optimized unless configured otherwise.
      endpointType: endpointTypeOf(ctx, resource) ?? 'EDGE',
      disableExecuteApiEndpoint: valueBoolean(ctx.evaluate(property(ctx, resource, 'DisableExecuteApiEndpoint')?.node)) ?? false,
      stages: [ctx.text(property(ctx, resource, 'StageName')?.node) ?? symbolic(`StageName of ${resource.logicalId}`)],
    });
  }
  for (const resource of ctx.ofType('AWS::Serverless::HttpApi')) {
    addApi(ctx, resource, {
      ...(ctx.text(property(ctx, resource, 'Name')?.node) ? { name: ctx.text(property(ctx, resource, 'Name')?.node) } : {}),
      protocol: 'HTTP',
      endpointType: 'REGIONAL',
      disableExecuteApiEndpoint: valueBoolean(ctx.evaluate(property(ctx, resource, 'DisableExecuteApiEndpoint')?.node)) ?? false,
      stages: [ctx.text(property(ctx, resource, 'StageName')?.node) ?? '$default'],
    });
  }
}

function readCloudFormationApis(ctx: TemplateContext): void {
  for (const resource of ctx.ofType('AWS::ApiGateway::RestApi')) {
    addApi(ctx, resource, {
      ...(ctx.text(property(ctx, resource, 'Name')?.node) ? { name: ctx.text(property(ctx, resource, 'Name')?.node) } : {}),
      protocol: 'REST',
      endpointType: endpointTypeOf(ctx, resource) ?? 'EDGE',
      disableExecuteApiEndpoint: valueBoolean(ctx.evaluate(property(ctx, resource, 'DisableExecuteApiEndpoint')?.node)) ?? false,
      stages: [],
    });
  }
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::Api')) {
    const protocol = ctx.text(property(ctx, resource, 'ProtocolType')?.node) === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP';
    const target = ctx.text(property(ctx, resource, 'Target')?.node);
    addApi(ctx, resource, {
      ...(ctx.text(property(ctx, resource, 'Name')?.node) ? { name: ctx.text(property(ctx, resource, 'Name')?.node) } : {}),
      protocol,
      endpointType: 'REGIONAL',
      disableExecuteApiEndpoint: valueBoolean(ctx.evaluate(property(ctx, resource, 'DisableExecuteApiEndpoint')?.node)) ?? false,
      // Quick create (Target) makes a $default stage with a $default route to the target.
      stages: target ? ['$default'] : [],
    });
    if (target) ctx.model.get('apis', modelId(ctx, resource))?.integrations.push({ route: '$default', functionArn: functionArnIn(target), timeoutMs: HTTP_TIMEOUT_MS });
  }
  for (const resource of ctx.ofType('AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Stage')) {
    const api = ctx.model.get('apis', ctx.text(property(ctx, resource, resource.type.includes('V2') ? 'ApiId' : 'RestApiId')?.node) ?? '');
    const stage = ctx.text(property(ctx, resource, 'StageName')?.node);
    if (api && stage && !api.stages.includes(stage)) api.stages.push(stage);
  }
  readRestMethods(ctx);
  readV2Routes(ctx);
}

/** The path of an AWS::ApiGateway::Resource, built up through ParentId (the root is GetAtt Api.RootResourceId). */
function resourcePath(ctx: TemplateContext, resourceNode: string | undefined, depth = 0): string {
  const resource = resourceNode ? ctx.resources.get(resourceNode) : undefined;
  if (!resource || resource.type !== 'AWS::ApiGateway::Resource' || depth > 32) return '';
  const part = ctx.text(property(ctx, resource, 'PathPart')?.node) ?? '?';
  return `${resourcePath(ctx, ctx.referencedLogicalId(property(ctx, resource, 'ParentId')?.node), depth + 1)}/${part}`;
}

function readRestMethods(ctx: TemplateContext): void {
  for (const method of ctx.ofType('AWS::ApiGateway::Method')) {
    const api = ctx.model.get('apis', ctx.text(property(ctx, method, 'RestApiId')?.node) ?? '');
    const integration = ctx.evaluate(property(ctx, method, 'Integration')?.node);
    if (!api || !isValueMap(integration)) continue;
    const uri = valueText(integration.Uri) ?? '';
    if (!uri.includes(':lambda:path/')) continue;
    const path = resourcePath(ctx, ctx.referencedLogicalId(property(ctx, method, 'ResourceId')?.node)) || '/';
    api.integrations.push({
      route: `${ctx.text(property(ctx, method, 'HttpMethod')?.node) ?? 'ANY'} ${path}`,
      functionArn: functionArnIn(uri),
      timeoutMs: valueNumber(integration.TimeoutInMillis) ?? REST_TIMEOUT_MS,
    });
  }
}

function readV2Routes(ctx: TemplateContext): void {
  for (const route of ctx.ofType('AWS::ApiGatewayV2::Route')) {
    const api = ctx.model.get('apis', ctx.text(property(ctx, route, 'ApiId')?.node) ?? '');
    const target = ctx.text(property(ctx, route, 'Target')?.node) ?? '';
    if (!api) continue;
    const integration = [...ctx.resources.values()].find((r) => r.type === 'AWS::ApiGatewayV2::Integration' && target.endsWith(`/${modelId(ctx, r)}`));
    const uri = integration ? (ctx.text(property(ctx, integration, 'IntegrationUri')?.node) ?? '') : '';
    if (!uri.includes(':lambda:') && !uri.includes('function:')) continue;
    const timeout = valueNumber(ctx.evaluate(integration ? property(ctx, integration, 'TimeoutInMillis')?.node : undefined));
    api.integrations.push({
      route: ctx.text(property(ctx, route, 'RouteKey')?.node) ?? '$default',
      functionArn: functionArnIn(uri),
      timeoutMs: timeout ?? (api.protocol === 'WEBSOCKET' ? REST_TIMEOUT_MS : HTTP_TIMEOUT_MS),
    });
  }
}

function addPrincipal(fn: LambdaFunction, principal: string): void {
  if (!(fn.invokePrincipals ?? []).includes(principal)) fn.invokePrincipals = [...(fn.invokePrincipals ?? []), principal];
}

/** Api and HttpApi events of SAM functions: an integration on the API (implicit or named), and the invoke permission. */
function readEvents(ctx: TemplateContext): void {
  for (const resource of ctx.ofType('AWS::Serverless::Function')) {
    const fn = ctx.model.get('lambdaFunctions', modelId(ctx, resource));
    if (!fn) continue;
    for (const event of ctx.entries(property(ctx, resource, 'Events')?.node)) {
      const type = ctx.text(ctx.prop(event.node, 'Type')?.node) ?? '';
      const principal = EVENT_PRINCIPALS[type];
      if (principal) addPrincipal(fn, principal);
      if (type !== 'Api' && type !== 'HttpApi') continue;
      const props = ctx.prop(event.node, 'Properties')?.node;
      const apiId = ctx.text(ctx.prop(props, type === 'Api' ? 'RestApiId' : 'ApiId')?.node) ?? (type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi');
      const api = ctx.model.get('apis', apiId);
      if (!api) continue;
      const method = ctx.text(ctx.prop(props, 'Method')?.node);
      const path = ctx.text(ctx.prop(props, 'Path')?.node);
      const route = type === 'HttpApi' && !method && !path ? '$default' : `${(method ?? 'ANY').toUpperCase()} ${path ?? '/'}`;
      const timeout = valueNumber(ctx.evaluate(ctx.prop(props, 'TimeoutInMillis')?.node));
      api.integrations.push({ route, functionArn: fn.arn, timeoutMs: timeout ?? (type === 'Api' ? REST_TIMEOUT_MS : HTTP_TIMEOUT_MS) });
    }
  }
}

export function readApis(ctx: TemplateContext): void {
  readSamApis(ctx);
  readCloudFormationApis(ctx);
  readEvents(ctx);
  // After events: SAM merges an event's route into the definition, so the same route is read once.
  readOpenApiDefinitions(ctx, REST_TIMEOUT_MS, HTTP_TIMEOUT_MS);
}
