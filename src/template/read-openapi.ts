// Lambda integrations an API declares in its OpenAPI definition (SAM DefinitionBody, CloudFormation
// Body): each operation's x-amazon-apigateway-integration whose uri names a function, with its
// timeoutInMillis. A definition the template does not give inline (AWS::Include, DefinitionUri,
// BodyS3Location) has routes nobody can read here: the API gets one integration with a symbolic
// route and no function, which marks it as not fully known without inventing a target.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
import type { Api, ApiIntegration } from '../model/snapshot';
import { modelId } from './resource-refs';
import { property } from './resource-common';
import type { TemplateContext, TemplateResource } from './template-context';
import type { TemplateNode } from './template-node';
import { symbolic, valueNumber } from './values';

/** Where each API type keeps its inline definition, and where it names one kept elsewhere. */
export const DEFINITION: Readonly<Record<string, { readonly inline: string; readonly elsewhere: string }>> = {
  'AWS::Serverless::Api': { inline: 'DefinitionBody', elsewhere: 'DefinitionUri' },
  'AWS::Serverless::HttpApi': { inline: 'DefinitionBody', elsewhere: 'DefinitionUri' },
  'AWS::ApiGateway::RestApi': { inline: 'Body', elsewhere: 'BodyS3Location' },
  'AWS::ApiGatewayV2::Api': { inline: 'Body', elsewhere: 'BodyS3Location' },
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);

/** The function ARN inside a Lambda integration URI (…/functions/<arn>/invocations), or an ARN given as is (HTTP APIs). */
export function functionArnIn(uri: string): string {
  return /\/functions\/(.+)\/invocations$/.exec(uri)?.[1] ?? uri;
}

/** Lambda URIs only: http(s) and other AWS service integrations call no function. */
function isLambdaUri(uri: string): boolean {
  return uri.includes(':lambda:path/') || /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(uri);
}

function operationIntegration(ctx: TemplateContext, api: Api, route: string, operation: TemplateNode, defaultTimeout: number): ApiIntegration | undefined {
  const integration = ctx.prop(operation, 'x-amazon-apigateway-integration')?.node;
  const uri = ctx.text(ctx.prop(integration, 'uri')?.node);
  const type = ctx.text(ctx.prop(integration, 'type')?.node)?.toLowerCase();
  if (uri === undefined || !isLambdaUri(uri) || (type !== undefined && type !== 'aws_proxy' && type !== 'aws')) return undefined;
  // With `credentials`, API Gateway invokes as that role and needs no resource policy; the model
  // cannot say so yet, so the integration is left out rather than reported as lacking a permission.
  if (ctx.prop(integration, 'credentials')) return undefined;
  const timeout = valueNumber(ctx.evaluate(ctx.prop(integration, 'timeoutInMillis')?.node));
  return { route: api.protocol === 'HTTP' && route === 'ANY $default' ? '$default' : route, functionArn: functionArnIn(uri), timeoutMs: timeout ?? defaultTimeout };
}

function definitionIntegrations(ctx: TemplateContext, api: Api, definition: TemplateNode, defaultTimeout: number): ApiIntegration[] {
  const found: ApiIntegration[] = [];
  for (const path of ctx.entries(ctx.prop(definition, 'paths')?.node)) {
    for (const operation of ctx.entries(path.node)) {
      const method = operation.key.toLowerCase();
      if (!METHODS.has(method)) continue;
      const verb = method === 'x-amazon-apigateway-any-method' ? 'ANY' : method.toUpperCase();
      const integration = operationIntegration(ctx, api, `${verb} ${path.key}`, operation.node, defaultTimeout);
      if (integration) found.push(integration);
    }
  }
  return found;
}

function addOnce(api: Api, integration: ApiIntegration): void {
  const same = api.integrations.some((i) => i.route === integration.route && i.functionArn === integration.functionArn);
  if (!same) api.integrations.push(integration);
}

function readDefinition(ctx: TemplateContext, resource: TemplateResource, defaultTimeout: number): void {
  const api = ctx.model.get('apis', modelId(ctx, resource));
  const where = DEFINITION[resource.type];
  if (!api || !where) return;
  const inline = property(ctx, resource, where.inline)?.node;
  // A definition that is not a literal mapping (Fn::Transform AWS::Include, a parameter) is not readable here.
  const readable = inline?.kind === 'map' ? inline : undefined;
  if (readable) {
    for (const integration of definitionIntegrations(ctx, api, readable, defaultTimeout)) addOnce(api, integration);
    return;
  }
  if (inline || property(ctx, resource, where.elsewhere)) {
    addOnce(api, { route: symbolic(`routes of ${resource.logicalId}'s ${inline ? where.inline : where.elsewhere}`) });
  }
}

/** Integrations from OpenAPI definitions, for the APIs the other readers already added. */
export function readOpenApiDefinitions(ctx: TemplateContext, restTimeoutMs: number, httpTimeoutMs: number): void {
  for (const resource of ctx.ofType(...Object.keys(DEFINITION))) {
    const api = ctx.model.get('apis', modelId(ctx, resource));
    readDefinition(ctx, resource, api?.protocol === 'HTTP' ? httpTimeoutMs : restTimeoutMs);
  }
}
