// IAM roles of the template: AWS::IAM::Role with its inline and managed policies, policies attached
// by AWS::IAM::Policy / AWS::IAM::ManagedPolicy, and the role SAM generates for a function that
// names none (AWSLambdaBasicExecutionRole, plus AWSLambdaVPCAccessExecutionRole when it has a
// VpcConfig, plus its Policies). DOMAIN.md item 9.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html
import type { IamRole, Permission } from '../model/snapshot';
import { documentStatements, managedPolicyArn, managedPolicyStatements, type PolicyReading } from './read-policies';
import { deployedResource } from './deployed-stack';
import { generatedRoleArn, modelId, roleArn } from './resource-refs';
import { originOf, property, stamp } from './resource-common';
import type { Located, TemplateContext, TemplateResource } from './template-context';
import { isValueMap, valueText, type Value } from './values';

export function allowedActionsOf(statements: readonly Permission[]): string[] {
  return [...new Set(statements.flatMap((s) => s.actions))].sort();
}

/** Statements of template roles we could read, by ARN, even when the role's whole content is not known. */
const readable = new WeakMap<TemplateContext, Map<string, Permission[]>>();

/**
 * A role whose managed policies are not all known (a customer policy outside the template) is
 * given no statements, as a scan that cannot read a policy leaves it: the analysis then does not
 * claim a permission is missing. Functions using it still carry the statements we did read.
 */
function readRole(ctx: TemplateContext, resource: TemplateResource): void {
  const name = modelId(ctx, resource);
  const policies = property(ctx, resource, 'Policies');
  const managed = property(ctx, resource, 'ManagedPolicyArns');
  const statements: Permission[] = [];
  const inline = ctx.evaluate(policies?.node);
  for (const policy of Array.isArray(inline) ? (inline as Value[]) : []) {
    if (!isValueMap(policy)) continue;
    statements.push(...documentStatements(policy.PolicyDocument ?? null, `${resource.logicalId} policy ${valueText(policy.PolicyName) ?? ''}`.trim()));
  }
  const managedPolicyArns = ctx.list(managed?.node).map((arn) => managedPolicyArn(ctx, arn));
  let complete = true;
  for (const arn of managedPolicyArns) {
    const known = managedPolicyStatements(arn);
    const declared = templateManagedPolicy(ctx, arn);
    if (known) statements.push(known);
    else if (declared) statements.push(...declared);
    else complete = false;
  }
  const deployed = deployedResource(ctx, resource.type, resource.logicalId);
  const arn = deployed && 'arn' in deployed ? deployed.arn : roleArn(ctx, name, ctx.text(property(ctx, resource, 'Path')?.node));
  const role: IamRole = {
    id: name,
    ...stamp(ctx, resource, 'global'),
    arn,
    allowedActions: complete ? allowedActionsOf(statements) : [],
    managedPolicyArns,
    statements: complete ? statements : [],
  };
  ctx.model.add('iamRoles', role, originOf(resource, { policies, managedPolicyArns: managed }));
  rememberStatements(ctx, arn, statements);
}

function rememberStatements(ctx: TemplateContext, arn: string, statements: Permission[]): void {
  const map = readable.get(ctx) ?? new Map<string, Permission[]>();
  map.set(arn, statements);
  readable.set(ctx, map);
}

/** The statements we read for a template role (Role: !GetAtt MyRole.Arn); none for other roles. */
export function knownRoleStatements(ctx: TemplateContext, arn: string | undefined): Permission[] {
  return arn === undefined ? [] : (readable.get(ctx)?.get(arn) ?? []);
}

/** A customer managed policy declared in the template: its Ref (the ARN) stands for its document. */
function templateManagedPolicy(ctx: TemplateContext, arn: string): Permission[] | undefined {
  const policy = ctx.ofType('AWS::IAM::ManagedPolicy').find((r) => modelId(ctx, r) === arn);
  return policy ? documentStatements(ctx.evaluate(property(ctx, policy, 'PolicyDocument')?.node), policy.logicalId) : undefined;
}

/** AWS::IAM::Policy and ::ManagedPolicy name the roles they attach to. */
function readAttachedPolicies(ctx: TemplateContext): void {
  for (const policy of ctx.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
    const statements = documentStatements(ctx.evaluate(property(ctx, policy, 'PolicyDocument')?.node), policy.logicalId);
    for (const roleName of ctx.list(property(ctx, policy, 'Roles')?.node)) {
      const role = ctx.model.get('iamRoles', roleName);
      if (!role) continue;
      knownRoleStatements(ctx, role.arn).push(...statements);
      // A role of unknown content stays unknown; a known one gains the attached statements.
      if (role.statements.length > 0 || role.managedPolicyArns.every((arn) => managedPolicyStatements(arn) || templateManagedPolicy(ctx, arn))) {
        role.statements.push(...statements);
        role.allowedActions = allowedActionsOf(role.statements);
      }
    }
  }
}

export function readRoles(ctx: TemplateContext): void {
  ctx.ofType('AWS::IAM::Role').forEach((r) => readRole(ctx, r));
  readAttachedPolicies(ctx);
}

/** The role SAM creates for a function without `Role`, named <Function>Role. */
export function addGeneratedRole(ctx: TemplateContext, fn: TemplateResource, policies: PolicyReading, vpcAttached: boolean, tracing: boolean, spot: Located | undefined): IamRole {
  const logicalId = `${fn.logicalId}Role`;
  const name = deployedResource(ctx, 'AWS::IAM::Role', logicalId)?.id ?? logicalId;
  const generated = [
    managedPolicyArn(ctx, 'AWSLambdaBasicExecutionRole'),
    ...(tracing ? [managedPolicyArn(ctx, 'AWSXrayWriteOnlyAccess')] : []),
    ...(vpcAttached ? [managedPolicyArn(ctx, 'AWSLambdaVPCAccessExecutionRole')] : []),
  ];
  const statements: Permission[] = [...generated.flatMap((arn) => managedPolicyStatements(arn) ?? []), ...policies.permissions];
  const arn = generatedRoleArn(ctx, logicalId);
  const role: IamRole = {
    id: name,
    accountId: ctx.accountId,
    region: 'global',
    logicalId,
    arn,
    allowedActions: policies.complete ? allowedActionsOf(statements) : [],
    managedPolicyArns: [...generated, ...policies.managedPolicyArns],
    statements: policies.complete ? statements : [],
  };
  rememberStatements(ctx, arn, statements);
  return ctx.model.add('iamRoles', role, originOf(fn, { policies: spot }));
}
