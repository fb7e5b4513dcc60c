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

/** Actions permissions add per service; more would only lengthen the message. */
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
  /** regionOfResources of the statement's resources, worked out once per statement, not per action. */
  readonly region: string | undefined;
}

export function roleOf(index: SnapshotIndex, fn: LambdaFunction) {
  if (!fn.roleArn) return undefined;
  return index.iamRoles.get(fn.roleArn) ?? index.iamRoles.get(fn.roleArn.slice(fn.roleArn.lastIndexOf('/') + 1));
}

function fromStatements(statements: readonly Permission[], origin: NeedOrigin, into: Grant[] = []): Grant[] {
  // Plain loops: this runs for every function on every re-check, and a policy template lists many actions.
  for (const s of statements) {
    let region: string | undefined | null = null;
    for (const action of s.actions) {
      if (!impliesApiCall(action)) continue;
      if (region === null) region = regionOfResources(s.resources);
      into.push({ action, via: s.via, origin, region });
    }
  }
  return into;
}

// A role serves many functions; what it implies is worked out once.
const roleGrants = memo<IamRole, readonly Grant[]>();

function grantsOfRole(index: SnapshotIndex, role: IamRole, origin: NeedOrigin): readonly Grant[] {
  return roleGrants(index, role, origin, () => {
    const roleName = `role ${role.name ?? role.id}`;
    const all = fromStatements(role.statements, origin);
    for (const action of role.allowedActions) if (impliesApiCall(action)) all.push({ action, via: roleName, origin, region: undefined });
    for (const arn of role.managedPolicyArns) {
      for (const action of managedPolicyActions(arn) ?? []) if (impliesApiCall(action)) all.push({ action, via: managedPolicyName(arn), origin, region: undefined });
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
  if (own.length === 0) return fromRole;
  for (const grant of fromRole) own.push(grant);
  return own;
}

function needFromGrant(fn: LambdaFunction, grant: Grant, service: string): EffectiveAwsApiNeed {
  const region = grant.region;
  return region !== undefined && region !== fn.region
    ? { kind: 'aws-api', service, action: grant.action, via: grant.via, origin: grant.origin, region }
    : { kind: 'aws-api', service, action: grant.action, via: grant.via, origin: grant.origin };
}

/**
 * In order of how directly they speak for the function: its own policies (a SAM policy template
 * names the action and its source best), then what readers declared (an environment variable),
 * then its role — which only adds services nothing else mentioned, a few actions each. The same
 * action is listed once, under its first source.
 */
function collectNeeds(index: SnapshotIndex, fn: LambdaFunction): EffectiveNeed[] {
  const needs: EffectiveNeed[] = [];
  const seen = new Set<string>();
  const services = new Set<string>();
  const perService = new Map<string, number>();
  // The key is built before the need: most derived actions repeat one already listed.
  const isNew = (key: string, action: string | undefined, region: string | undefined): boolean => {
    const actionKey = `${key}|${action === undefined ? '' : action.toLowerCase()}|${region ?? ''}`;
    if (seen.has(actionKey)) return false;
    seen.add(actionKey);
    services.add(key);
    return true;
  };
  const grants = grantsOf(index, fn);
  const capped = (grant: Grant, service: string): void => {
    const key = endpointServiceKey(service);
    const count = perService.get(key) ?? 0;
    if (count >= MAX_DERIVED_PER_SERVICE) return;
    const region = grant.region !== undefined && grant.region !== fn.region ? grant.region : undefined;
    if (!isNew(key, grant.action, region)) return;
    needs.push(needFromGrant(fn, grant, service));
    perService.set(key, count + 1);
  };
  for (const grant of grants) {
    const service = grant.origin === 'function-policy' ? serviceOf(grant.action) : undefined;
    if (service) capped(grant, service);
  }
  for (const need of fn.needs) {
    if (need.kind !== 'aws-api') needs.push(need);
    else if (isNew(endpointServiceKey(need.service), need.action, undefined)) needs.push({ ...need, origin: 'declared' });
  }
  const explicit = new Set(services);
  for (const grant of grants) {
    if (grant.origin === 'function-policy') continue;
    const service = serviceOf(grant.action);
    if (!service) continue;
    if (!explicit.has(endpointServiceKey(service))) capped(grant, service);
  }
  return needs;
}

// serviceOfAction, remembered: every function's grants repeat the same few actions.
const services = new Map<string, string | undefined>();

function serviceOf(action: string): string | undefined {
  if (services.has(action)) return services.get(action);
  const service = serviceOfAction(action);
  if (services.size < 10_000) services.set(action, service);
  return service;
}

const cache = new WeakMap<SnapshotIndex, Map<LambdaFunction, readonly EffectiveNeed[]>>();

/** Every need of a function, each with where it was learned. */
export function functionNeeds(index: SnapshotIndex, fn: LambdaFunction): readonly EffectiveNeed[] {
  let byFunction = cache.get(index);
  if (!byFunction) {
    byFunction = new Map();
    cache.set(index, byFunction);
  }
  let needs = byFunction.get(fn);
  if (!needs) {
    needs = collectNeeds(index, fn);
    byFunction.set(fn, needs);
  }
  return needs;
}
