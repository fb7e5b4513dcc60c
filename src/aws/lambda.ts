// The Lambda collector. ListFunctions carries everything the rules need — VpcConfig, role, timeout,
// environment — 50 functions a page (API_ListFunctions: MaxItems ≤ 50), so the default scan makes no
// per-function call. Resource policies (GetPolicy, one call per function, 15 rps shared with the
// control plane) are read only for functions an API Gateway integration targets.
import { GetPolicyCommand, LambdaClient, paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { LambdaFunction } from '../model/snapshot';
import { needsFromEnvironment } from '../model/env-references';
import { errorCodeOf } from './errors';
import { collectPages } from './paging';
import type { ScanContext } from './scan-context';

export const LAMBDA_PAGE_SIZE = 50;

function present<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null && value !== '';
}

export function toLambdaFunction(fn: FunctionConfiguration, scope: { accountId: string; region: string }, functionNames: ReadonlySet<string>): LambdaFunction {
  const subnetIds = (fn.VpcConfig?.SubnetIds ?? []).filter(present);
  const securityGroupIds = (fn.VpcConfig?.SecurityGroupIds ?? []).filter(present);
  return {
    id: fn.FunctionName ?? '',
    ...scope,
    name: fn.FunctionName ?? '',
    arn: fn.FunctionArn ?? '',
    ...(fn.Runtime ? { runtime: fn.Runtime } : {}),
    ...(fn.Role ? { roleArn: fn.Role } : {}),
    timeout: fn.Timeout ?? 3,
    ...(fn.MemorySize !== undefined ? { memorySize: fn.MemorySize } : {}),
    ...(fn.State ? { state: fn.State } : {}),
    // The VPC is not kept from VpcConfig.VpcId: the subnets decide it (and emulators report a made-up one).
    ...(subnetIds.length > 0 || securityGroupIds.length > 0
      ? { vpcConfig: { subnetIds, securityGroupIds, ipv6AllowedForDualStack: fn.VpcConfig?.Ipv6AllowedForDualStack ?? false } }
      : {}),
    needs: needsFromEnvironment(fn.Environment?.Variables, functionNames),
    // What applies to a deployed function is its role's policies (iamRoles[].statements), not a template's.
    permissions: [],
  };
}

export async function collectLambda(ctx: ScanContext, region: string): Promise<LambdaFunction[]> {
  const client = ctx.client('lambda', region, (config) => new LambdaClient(config));
  const functions = await collectPages(paginateListFunctions({ client, pageSize: LAMBDA_PAGE_SIZE }, {}, ctx.sendOptions), (p) => p.Functions);
  const names = new Set(functions.map((f) => f.FunctionName).filter(present));
  return functions.map((fn) => toLambdaFunction(fn, { accountId: ctx.accountId, region }, names));
}

interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  Principal?: string | Record<string, string | string[]>;
}

/** Principals a resource policy allows to invoke the function (docs: lambda/latest/dg/access-control-resource-based.html). */
export function invokePrincipalsOf(policyJson: string): string[] {
  let statements: PolicyStatement[] = [];
  try {
    const doc = JSON.parse(policyJson) as { Statement?: PolicyStatement | PolicyStatement[] };
    statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  } catch {
    return [];
  }
  const principals = new Set<string>();
  for (const statement of statements) {
    if (statement.Effect !== 'Allow') continue;
    const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action ?? ''];
    if (!actions.some((a) => /^(lambda:(InvokeFunction|Invoke\*|\*)|\*)$/i.test(a))) continue;
    const principal = statement.Principal;
    if (typeof principal === 'string') principals.add(principal);
    else for (const value of Object.values(principal ?? {})) for (const p of Array.isArray(value) ? value : [value]) principals.add(p);
  }
  return [...principals].sort();
}

/**
 * Reads the resource policy of each function an integration targets. A function with no policy
 * (ResourceNotFoundException) allows no one; any other failure leaves it unknown and names a gap.
 */
export async function collectInvokePrincipals(ctx: ScanContext, region: string, functionArns: readonly string[]): Promise<Map<string, string[]>> {
  const client = ctx.client('lambda-policies', region, (config) => new LambdaClient(config));
  const result = new Map<string, string[]>();
  await Promise.all(
    functionArns.map(async (arn) => {
      try {
        const out = await client.send(new GetPolicyCommand({ FunctionName: arn }), ctx.sendOptions);
        result.set(arn, invokePrincipalsOf(out.Policy ?? '{}'));
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        if (errorCodeOf(error) === 'ResourceNotFoundException') result.set(arn, []);
        else ctx.gap('lambda-policies', region, error, `the resource policy of ${arn}`);
      }
    }),
  );
  return result;
}
