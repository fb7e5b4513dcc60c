// A function's permissions as the template grants them: SAM's Policies property (policy templates,
// inline documents, managed policies by name or ARN) and IAM policy documents of template roles.
// Each becomes Allow statements with where they came from (`via` = the policy template's name,
// "Policies", or the managed policy's name); the analysis reads from them which AWS APIs the
// function calls (DOMAIN.md item 38).
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies
import type { Permission } from '../model/snapshot';
import { POLICY_TEMPLATES } from './policy-templates';
import type { TemplateContext } from './template-context';
import type { TemplateNode } from './template-node';
import { isSymbolic, isValueMap, symbolic, textList, valueText, type Value, type ValueMap } from './values';

/** Actions of AWS managed policies that functions commonly carry; others are unknown, not empty. */
const MANAGED_POLICY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  AWSLambdaBasicExecutionRole: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaVPCAccessExecutionRole.html
  AWSLambdaVPCAccessExecutionRole: [
    'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
  ],
  AWSLambdaENIManagementAccess: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
  AWSXrayWriteOnlyAccess: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'],
  AdministratorAccess: ['*'],
  AWSLambdaRole: ['lambda:InvokeFunction'],
  AWSLambda_FullAccess: ['lambda:*'],
  AmazonDynamoDBFullAccess: ['dynamodb:*'],
  AmazonS3FullAccess: ['s3:*'],
  AmazonSQSFullAccess: ['sqs:*'],
  AmazonSNSFullAccess: ['sns:*'],
  SecretsManagerReadWrite: ['secretsmanager:*'],
};

/** Managed policies SAM's generated roles use live under service-role/. */
const SERVICE_ROLE_POLICIES = new Set(['AWSLambdaBasicExecutionRole', 'AWSLambdaVPCAccessExecutionRole', 'AWSLambdaENIManagementAccess', 'AWSLambdaRole', 'AWSLambdaSQSQueueExecutionRole', 'AWSLambdaKinesisExecutionRole', 'AWSLambdaDynamoDBExecutionRole']);

export function managedPolicyArn(ctx: TemplateContext, nameOrArn: string): string {
  if (nameOrArn.startsWith('arn:') || isSymbolic(nameOrArn)) return nameOrArn;
  const path = SERVICE_ROLE_POLICIES.has(nameOrArn) ? 'service-role/' : '';
  return `arn:${ctx.env.partition}:iam::aws:policy/${path}${nameOrArn}`;
}

/** Statements of an AWS managed policy we know, by ARN; undefined when its content is unknown. */
export function managedPolicyStatements(arn: string): Permission | undefined {
  const name = arn.split('/').pop() ?? arn;
  const actions = arn.includes(':iam::aws:policy/') ? MANAGED_POLICY_ACTIONS[name] : undefined;
  return actions ? { actions: [...actions], resources: ['*'], via: name } : undefined;
}

/** Allow statements of an IAM policy document (Deny and NotAction statements grant nothing to list). */
export function documentStatements(document: Value, via: string): Permission[] {
  if (!isValueMap(document)) return [];
  const statements: readonly (Value | undefined)[] = Array.isArray(document.Statement) ? (document.Statement as Value[]) : [document.Statement];
  return statements.filter(isValueMap).flatMap((statement: ValueMap): Permission[] => {
    if (valueText(statement.Effect) !== 'Allow' || statement.Action === undefined) return [];
    const actions = textList(statement.Action).map(normalizeAction);
    const resources = statement.Resource === undefined ? ['*'] : textList(statement.Resource);
    return actions.length > 0 ? [{ actions, resources, via }] : [];
  });
}

/** IAM compares the service prefix case-insensitively; keep it lower-case as the scanner does. */
function normalizeAction(action: string): string {
  const colon = action.indexOf(':');
  return colon > 0 ? `${action.slice(0, colon).toLowerCase()}${action.slice(colon)}` : action;
}

export interface PolicyReading {
  readonly permissions: Permission[];
  readonly managedPolicyArns: string[];
  /** False when a managed policy's content is not known (a customer policy outside the template). */
  readonly complete: boolean;
}

/** Expands a SAM policy template with its parameter values, as Fn::Sub would. */
function expandTemplate(ctx: TemplateContext, name: string, parameters: Value): Permission[] {
  const statements = POLICY_TEMPLATES[name];
  if (!statements) return [];
  const values = isValueMap(parameters) ? parameters : {};
  const substitute = (pattern: string): string =>
    pattern.replace(/\$\{([^}]+)\}/g, (_whole, key: string) => {
      const pseudo = ctx.scope.pseudo[key];
      const value = pseudo ?? values[key];
      return valueText(value) ?? symbolic(`${name} ${key}`);
    });
  return statements.map((statement) => ({ actions: [...statement.actions], resources: statement.resources.map(substitute), via: name }));
}

/** SAM's Policies property: a string, or a list of strings, policy templates, inline documents. */
export function readSamPolicies(ctx: TemplateContext, node: TemplateNode | undefined): PolicyReading {
  const permissions: Permission[] = [];
  const managedPolicyArns: string[] = [];
  let complete = true;
  const value = ctx.evaluate(node);
  const items: readonly Value[] = Array.isArray(value) ? (value as Value[]) : [value];
  for (const item of items) {
    const text = valueText(item);
    if (text !== undefined) {
      const arn = managedPolicyArn(ctx, text);
      managedPolicyArns.push(arn);
      const known = managedPolicyStatements(arn);
      if (known) permissions.push(known);
      else complete = false;
      continue;
    }
    if (!isValueMap(item)) continue;
    if ('Statement' in item) {
      permissions.push(...documentStatements(item, 'Policies'));
      continue;
    }
    for (const [name, parameters] of Object.entries(item)) {
      if (!POLICY_TEMPLATES[name]) complete = false;
      permissions.push(...expandTemplate(ctx, name, parameters));
    }
  }
  return { permissions, managedPolicyArns, complete };
}
