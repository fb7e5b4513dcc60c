// SAM connectors (AWS::Serverless::Connector, and the `Connectors:` attribute embedded in a source
// resource): SAM turns each into the IAM policy or resource policy the pair needs. A function
// source gets statements like a policy template's, so the analysis derives the same AWS API needs
// from them; an API, topic, rule or bucket source adds an invoke principal to a function
// destination, as an event would. Pairs SAM does not support grant nothing here.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-connector.html
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/reference-sam-connector.html
import { endpointServiceKey } from '../analysis/aws-services';
import type { LambdaFunction, Permission } from '../model/snapshot';
import { modelId } from './resource-refs';
import type { Span } from './source-text';
import type { Located, TemplateContext, TemplateResource } from './template-context';
import type { TemplateNode } from './template-node';
import { symbolic, valueText } from './values';

type Access = 'Read' | 'Write';

/**
 * Actions SAM's connector profiles grant a Lambda function source, per destination type. Only the
 * service matters to the analysis, so each list is the profile's data-plane actions (abridged for S3).
 */
const FUNCTION_ACCESS: Readonly<Record<string, Partial<Record<Access, readonly string[]>>>> = {
  'AWS::DynamoDB::Table': {
    Read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PartiQLSelect'],
    Write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLDelete', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'],
  },
  'AWS::SQS::Queue': {
    Read: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'],
    Write: ['sqs:DeleteMessage', 'sqs:SendMessage', 'sqs:ChangeMessageVisibility', 'sqs:PurgeQueue'],
  },
  'AWS::SNS::Topic': { Write: ['sns:Publish'] },
  'AWS::S3::Bucket': {
    Read: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:ListBucketVersions'],
    Write: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:AbortMultipartUpload'],
  },
  'AWS::Lambda::Function': { Write: ['lambda:InvokeAsync', 'lambda:InvokeFunction'] },
  'AWS::Events::EventBus': { Write: ['events:PutEvents'] },
  'AWS::StepFunctions::StateMachine': {
    Read: ['states:DescribeStateMachine', 'states:ListExecutions'],
    Write: ['states:StartExecution', 'states:StartSyncExecution', 'states:StopExecution'],
  },
};

/** SAM resource types that connectors treat as the CloudFormation type they become. */
const SAME_AS: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
};

/** Sources that invoke a function destination through its resource policy (Write), by the principal SAM allows. */
const INVOKING_SOURCES: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::RestApi': 'apigateway.amazonaws.com',
  'AWS::ApiGatewayV2::Api': 'apigateway.amazonaws.com',
  'AWS::SNS::Topic': 'sns.amazonaws.com',
  'AWS::Events::Rule': 'events.amazonaws.com',
  'AWS::S3::Bucket': 's3.amazonaws.com',
};

interface Endpoint {
  /** The CloudFormation type (SAM types mapped to what they become); undefined when not given. */
  readonly type: string | undefined;
  readonly logicalId?: string;
  /** The ARN the statement names: the resource's, or the one the reference gives. */
  readonly arn: string;
}

function templateEndpoint(ctx: TemplateContext, logicalId: string): Endpoint | undefined {
  const resource = ctx.resources.get(logicalId);
  if (!resource) return undefined;
  const type = SAME_AS[resource.type] ?? resource.type;
  // A topic's Ref is its ARN; the others have an Arn attribute.
  const arn = type === 'AWS::SNS::Topic' ? ctx.scope.resourceRef(logicalId) : ctx.scope.resourceAttribute(logicalId, 'Arn');
  return { type, logicalId, arn: valueText(arn) ?? symbolic(`GetAtt ${logicalId}.Arn`) };
}

/** A ResourceReference: `Id` of a template resource, or `Type` with `Arn` (or other id fields) for one outside it. */
function endpointOf(ctx: TemplateContext, reference: TemplateNode | undefined): Endpoint | undefined {
  const id = ctx.text(ctx.prop(reference, 'Id')?.node);
  if (id !== undefined) return templateEndpoint(ctx, id);
  const typeText = ctx.text(ctx.prop(reference, 'Type')?.node);
  const type = typeText === undefined ? undefined : (SAME_AS[typeText] ?? typeText);
  return { type, arn: ctx.text(ctx.prop(reference, 'Arn')?.node) ?? symbolic('Arn of a connector destination') };
}

function accessOf(ctx: TemplateContext, permissions: TemplateNode | undefined): Access[] {
  return ctx.list(permissions).filter((p): p is Access => p === 'Read' || p === 'Write');
}

interface Connector {
  readonly name: string;
  readonly source: Endpoint | undefined;
  /** The connector's properties: Destination (one or a list) and Permissions. */
  readonly properties: TemplateNode | undefined;
}

function functionOf(ctx: TemplateContext, endpoint: Endpoint | undefined): LambdaFunction | undefined {
  if (endpoint?.type !== 'AWS::Lambda::Function') return undefined;
  const resource = endpoint.logicalId ? ctx.resources.get(endpoint.logicalId) : undefined;
  const id = resource ? modelId(ctx, resource) : undefined;
  return ctx.model.resources.lambdaFunctions.find((f) => (id !== undefined && f.id === id) || f.arn === endpoint.arn);
}

function addPrincipal(fn: LambdaFunction, principal: string): void {
  if (!(fn.invokePrincipals ?? []).includes(principal)) fn.invokePrincipals = [...(fn.invokePrincipals ?? []), principal];
}

/** Findings about a need a connector gives land on its Destination: the reason the function calls that service. */
function markNeed(ctx: TemplateContext, fn: LambdaFunction, actions: readonly string[], at: Span): void {
  const anchors = ctx.model.origin('lambdaFunctions', fn.id)?.anchors;
  for (const action of actions) {
    // Named as the finding's aws-service hop names the service (place-findings reads it back).
    const anchor = `aws-api:${endpointServiceKey(action.slice(0, action.indexOf(':')))}`;
    if (anchors && !anchors.has(anchor)) anchors.set(anchor, at);
  }
}

/** Where one destination is named: the Destination key, or in a list the item's first key (Id, Type). */
function destinationSpan(spot: Located, item: TemplateNode, inList: boolean): Span {
  return inList && item.kind === 'map' ? (item.entries[0]?.keySpan ?? item.span) : spot.keySpan;
}

function readConnector(ctx: TemplateContext, connector: Connector): void {
  const destinationSpot = ctx.prop(connector.properties, 'Destination');
  const access = accessOf(ctx, ctx.prop(connector.properties, 'Permissions')?.node);
  if (!destinationSpot || access.length === 0) return;
  const list = ctx.items(destinationSpot.node);
  const destinations = list ?? [destinationSpot.node];
  const sourceFunction = functionOf(ctx, connector.source);
  for (const node of destinations) {
    const destination = endpointOf(ctx, node);
    if (!destination?.type) continue;
    if (sourceFunction) {
      const profile = FUNCTION_ACCESS[destination.type];
      const actions = access.flatMap((a) => profile?.[a] ?? []);
      if (actions.length === 0) continue;
      const permission: Permission = { actions, resources: [destination.arn], via: `connector ${connector.name}` };
      sourceFunction.permissions.push(permission);
      markNeed(ctx, sourceFunction, actions, destinationSpan(destinationSpot, node, list !== undefined));
      continue;
    }
    const principal = INVOKING_SOURCES[connector.source?.type ?? ''];
    const target = functionOf(ctx, destination);
    if (principal && target && access.includes('Write')) addPrincipal(target, principal);
  }
}

/** Connectors of both syntaxes: the resource type, and `Connectors:` on a source resource (beside Properties). */
function connectorsOf(ctx: TemplateContext): Connector[] {
  const standalone = ctx.ofType('AWS::Serverless::Connector').map((resource: TemplateResource): Connector => ({
    name: resource.logicalId,
    source: endpointOf(ctx, ctx.prop(resource.properties, 'Source')?.node),
    properties: resource.properties,
  }));
  const embedded = [...ctx.resources.values()].flatMap((resource) =>
    ctx.entries(ctx.prop(resource.node, 'Connectors')?.node).map((entry): Connector => ({
      name: entry.key,
      source: templateEndpoint(ctx, resource.logicalId),
      properties: ctx.prop(entry.node, 'Properties')?.node,
    })),
  );
  return [...standalone, ...embedded];
}

export function readConnectors(ctx: TemplateContext): void {
  for (const connector of connectorsOf(ctx)) readConnector(ctx, connector);
}
