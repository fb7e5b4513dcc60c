// What a function's VPC attachment and declared needs are, in the terms the rules use.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
import type { Finding, Hop } from '../model/finding';
import type { LambdaFunction, Need, Subnet } from '../model/snapshot';
import { endpointServiceKey } from './aws-services';
import { hop } from './hops';
import { defaultIpv6Route, routeTableOf, routeTargetKind } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

type VpcConfig = NonNullable<LambdaFunction['vpcConfig']>;
export type VpcAttachedFunction = LambdaFunction & { readonly vpcConfig: VpcConfig };
export type AwsApiNeed = Extract<Need, { kind: 'aws-api' }>;
export type InternetNeed = Extract<Need, { kind: 'internet' }>;

/**
 * Attached = at least one subnet. Lambda reports a function outside any VPC with an empty
 * VpcConfig (no subnets, no groups), so an empty config is "not in a VPC", not a broken one.
 */
export function isVpcAttached(fn: LambdaFunction): fn is VpcAttachedFunction {
  return (fn.vpcConfig?.subnetIds.length ?? 0) > 0;
}

/** The name people know the function by. */
export function functionLabel(fn: LambdaFunction): string {
  return fn.name ?? fn.id;
}

export function functionResource(fn: LambdaFunction): Finding['resource'] {
  return fn.logicalId === undefined ? { kind: 'lambda-function', id: fn.id } : { kind: 'lambda-function', id: fn.id, logicalId: fn.logicalId };
}

export function functionHop(fn: LambdaFunction): Hop {
  return hop('lambda-function', fn.id, true);
}

/** aws-api needs grouped by endpoint service, in first-seen order (one finding per function and service). */
export function awsApiNeedsByService(fn: LambdaFunction): Map<string, AwsApiNeed[]> {
  const byService = new Map<string, AwsApiNeed[]>();
  for (const need of fn.needs) {
    if (need.kind !== 'aws-api') continue;
    const key = endpointServiceKey(need.service);
    const list = byService.get(key) ?? [];
    list.push(need);
    byService.set(key, list);
  }
  return byService;
}

export function internetNeeds(fn: LambdaFunction): InternetNeed[] {
  return fn.needs.filter((n): n is InternetNeed => n.kind === 'internet');
}

export function hasVpcTargetNeed(fn: LambdaFunction): boolean {
  return fn.needs.some((n) => n.kind === 'vpc-target');
}

/** "lambda:InvokeFunction (LambdaInvokePolicy)", one entry per distinct action and source. */
export function describeAwsApiNeeds(needs: readonly AwsApiNeed[]): string {
  const parts = needs.map((n) => `${n.action ?? `the ${n.service} API`} (${n.via})`);
  return listWords([...new Set(parts)]);
}

/** "api.tosspayments.com (env PAYMENT_API_URL)", or just the source when no host is known. */
export function describeInternetNeeds(needs: readonly InternetNeed[]): string {
  const parts = needs.map((n) => (n.host ? `${n.host} (${n.via})` : n.via));
  return listWords([...new Set(parts)]);
}

/**
 * A dual-stack function may leave over IPv6 (::/0 → egress-only or internet gateway) where
 * IPv4 has no way out; whether a given call uses IPv6 depends on the target's DNS and the
 * client, so such a subnet is never reported as broken.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html (IPv6 for dual-stack functions)
 */
export function mayLeaveOverIpv6(index: SnapshotIndex, fn: LambdaFunction, subnet: Subnet): boolean {
  if (!fn.vpcConfig?.ipv6AllowedForDualStack || subnet.ipv6CidrBlocks.length === 0) return false;
  const routeTable = routeTableOf(index, subnet);
  const route = routeTable && defaultIpv6Route(routeTable);
  if (!route || route.state !== 'active') return false;
  const kind = routeTargetKind(route.target);
  return kind === 'egress-only-internet-gateway' || kind === 'internet-gateway';
}
