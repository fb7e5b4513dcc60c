// What a function needs to reach: the needs the readers declared (environment variables, SAM
// metadata), plus the AWS APIs its permissions imply — its own policies (SAM policy templates
// such as LambdaInvokePolicy arrive as statements with via = the template name) and its execution
// role's statements, allowed actions and well-known managed policies — by action prefix.
// Actions Lambda performs itself with the role (ENIs, logs, event source polling) imply nothing.
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
import type { IamRole, LambdaFunction, Need, Permission } from '../model/snapshot';
import { endpointServiceKey } from './aws-services';
import { impliesApiCall, managedPolicyActions, managedPolicyName, serviceOfAction } from './iam-actions';
import { memo } from './memo';
import type { SnapshotIndex } from './snapshot-index';

export type AwsApiNeed = Extract<Need, { kind: 'aws-api' }>;

/**
 * Where a need comes from decides how sure a finding can be: a declared need or the function's
 * own policy is intent; a role shared by several functions allows what any of them calls.
 */
export type NeedOrigin = 'declared' | 'function-policy' | 'role' | 'shared-role';

export type EffectiveAwsApiNeed = AwsApiNeed & {
  readonly origin: NeedOrigin;
  /** The region the calls go to, when every resource the permission names is in one other region. */
  readonly region?: string;
};

export type EffectiveNeed = Exclude<Need, AwsApiNeed> | EffectiveAwsApiNeed;

/** Derived actions shown per service; more would only lengthen the message. */
const MAX_DERIVED_PER_SERVICE = 3;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** "arn:aws:sqs:us-east-1:…" → "us-east-1" when all resources agree; undefined for "*", mixed or regionless ARNs. */
function regionOfResources(resources: readonly string[]): string | undefined {
  let region: string | undefined;
  for (const resource of resources) {
    if (!resource.startsWith('arn:')) return undefined;
    const r = resource.split(':', 4)[3] ?? '';
    if (region !== undefined && r !== region) return undefined;
    region = r;
  }
  // Only a literal region: a template's unresolved "${AWS::Region}" means the function's own.
  return region && REGION.test(region) ? region : undefined;
}

interface Grant {
  readonly action: string;
  readonly via: string;
  readonly origin: NeedOrigin;
  readonly resources: readonly string[];
}

export function roleOf(index: SnapshotIndex, fn: LambdaFunction) {
  if (!fn.roleArn) return undefined;
  return index.iamRoles.get(fn.roleArn) ?? index.iamRoles.get(fn.roleArn.slice(fn.roleArn.lastIndexOf('/') + 1));
}

function fromStatements(statements: readonly Permission[], origin: NeedOrigin): Grant[] {
  return statements.flatMap((s) => s.actions.filter(impliesApiCall).map((action) => ({ action, via: s.via, origin, resources: s.resources })));
}

// A role serves many functions; what it implies is worked out once.
const roleGrants = memo<IamRole, readonly Grant[]>();

function grantsOfRole(index: SnapshotIndex, role: IamRole, origin: NeedOrigin): readonly Grant[] {
  return roleGrants(index, role, origin, () => {
    const roleName = `role ${role.name ?? role.id}`;
    const all = fromStatements(role.statements, origin);
    for (const action of role.allowedActions) if (impliesApiCall(action)) all.push({ action, via: roleName, origin, resources: ['*'] });
    for (const arn of role.managedPolicyArns) {
      for (const action of managedPolicyActions(arn) ?? []) if (impliesApiCall(action)) all.push({ action, via: managedPolicyName(arn), origin, resources: ['*'] });
    }
    return all;
  });
}

/** What the function's own policies and its role allow that implies an API call, its own first. */
function grantsOf(index: SnapshotIndex, fn: LambdaFunction): readonly Grant[] {
  const own = fromStatements(fn.permissions, 'function-policy');
  const role = roleOf(index, fn);
  if (!role) return own;
  const fromRole = grantsOfRole(index, role, (index.functionsByRoleArn.get(role.arn) ?? 0) > 1 ? 'shared-role' : 'role');
  return own.length === 0 ? fromRole : [...own, ...fromRole];
}

function derivedNeeds(index: SnapshotIndex, fn: LambdaFunction, declaredServices: ReadonlySet<string>): EffectiveAwsApiNeed[] {
  const needs: EffectiveAwsApiNeed[] = [];
  const seen = new Set<string>();
  const perService = new Map<string, number>();
  for (const grant of grantsOf(index, fn)) {
    const service = serviceOfAction(grant.action);
    if (!service) continue;
    const key = endpointServiceKey(service);
    // A declared need for the service already says it all; the permission would only repeat it.
    if (declaredServices.has(key)) continue;
    const actionKey = `${key}|${grant.action.toLowerCase()}`;
    if (seen.has(actionKey)) continue;
    seen.add(actionKey);
    const count = perService.get(key) ?? 0;
    if (count >= MAX_DERIVED_PER_SERVICE) continue;
    perService.set(key, count + 1);
    const region = regionOfResources(grant.resources);
    const need: EffectiveAwsApiNeed = { kind: 'aws-api', service, action: grant.action, via: grant.via, origin: grant.origin };
    needs.push(region !== undefined && region !== fn.region ? { ...need, region } : need);
  }
  return needs;
}

const cache = new WeakMap<SnapshotIndex, Map<LambdaFunction, readonly EffectiveNeed[]>>();

/** Every need of a function, declared first, each with where it was learned. */
export function functionNeeds(index: SnapshotIndex, fn: LambdaFunction): readonly EffectiveNeed[] {
  let byFunction = cache.get(index);
  if (!byFunction) {
    byFunction = new Map();
    cache.set(index, byFunction);
  }
  let needs = byFunction.get(fn);
  if (!needs) {
    const declared: EffectiveNeed[] = fn.needs.map((n) => (n.kind === 'aws-api' ? { ...n, origin: 'declared' as const } : n));
    const declaredServices = new Set(fn.needs.flatMap((n) => (n.kind === 'aws-api' ? [endpointServiceKey(n.service)] : [])));
    needs = [...declared, ...derivedNeeds(index, fn, declaredServices)];
    byFunction.set(fn, needs);
  }
  return needs;
}
