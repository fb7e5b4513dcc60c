// What a function's VPC attachment and declared needs are, in the terms the rules use.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
import type { Finding, Hop } from '../model/finding';
import type { LambdaFunction, Need, Subnet } from '../model/snapshot';
import { endpointServiceKey } from './aws-services';
import { memo } from './memo';
import { functionNeeds, type EffectiveAwsApiNeed } from './needs';
import { hop } from './hops';
import { defaultIpv6Route, routeTableOf, routeTargetKind } from './routing';
import type { SnapshotIndex } from './snapshot-index';
import { listWords } from './wording';

type VpcConfig = NonNullable<LambdaFunction['vpcConfig']>;
export type VpcAttachedFunction = LambdaFunction & { readonly vpcConfig: VpcConfig };
export type AwsApiNeed = Extract<Need, { kind: 'aws-api' }>;
export type InternetNeed = Extract<Need, { kind: 'internet' }>;
export type VpcTargetNeed = Extract<Need, { kind: 'vpc-target' }>;

/** The AWS API needs of one endpoint service (in one region), reported together. */
export interface ServiceNeeds {
  readonly service: string;
  /** The region the calls go to: the function's own unless every permission names another. */
  readonly region: string;
  readonly needs: readonly EffectiveAwsApiNeed[];
}

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

/** aws-api needs (declared and derived) grouped by endpoint service and region, in first-seen order: one finding per function and service. */
const byServiceMemo = memo<LambdaFunction, ServiceNeeds[]>();

export function awsApiNeedsByService(index: SnapshotIndex, fn: LambdaFunction): ServiceNeeds[] {
  return byServiceMemo(index, fn, '', () => groupByService(index, fn));
}

function groupByService(index: SnapshotIndex, fn: LambdaFunction): ServiceNeeds[] {
  const byKey = new Map<string, { service: string; region: string; needs: EffectiveAwsApiNeed[] }>();
  for (const need of functionNeeds(index, fn)) {
    if (need.kind !== 'aws-api') continue;
    const service = endpointServiceKey(need.service);
    const region = need.region ?? fn.region;
    const key = `${service}|${region}`;
    const entry = byKey.get(key) ?? { service, region, needs: [] };
    entry.needs.push(need);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

const internetMemo = memo<LambdaFunction, InternetNeed[]>();
const targetMemo = memo<LambdaFunction, VpcTargetNeed[]>();

export function internetNeeds(index: SnapshotIndex, fn: LambdaFunction): InternetNeed[] {
  return internetMemo(index, fn, '', () => functionNeeds(index, fn).filter((n): n is InternetNeed => n.kind === 'internet'));
}

export function vpcTargetNeeds(index: SnapshotIndex, fn: LambdaFunction): VpcTargetNeed[] {
  return targetMemo(index, fn, '', () => functionNeeds(index, fn).filter((n): n is VpcTargetNeed => n.kind === 'vpc-target'));
}

const attachedMemo = new WeakMap<SnapshotIndex, readonly VpcAttachedFunction[]>();

/** The snapshot's VPC-attached functions, listed once per analysis for the rules that walk them. */
export function vpcFunctions(index: SnapshotIndex): readonly VpcAttachedFunction[] {
  let found = attachedMemo.get(index);
  if (!found) {
    found = index.snapshot.resources.lambdaFunctions.filter(isVpcAttached);
    attachedMemo.set(index, found);
  }
  return found;
}

export function hasVpcTargetNeed(fn: LambdaFunction): boolean {
  return fn.needs.some((n) => n.kind === 'vpc-target');
}

/** "lambda:InvokeFunction (LambdaInvokePolicy)", "dynamodb:GetItem and dynamodb:PutItem (DynamoDBCrudPolicy)": actions grouped by source. */
export function describeAwsApiNeeds(needs: readonly AwsApiNeed[]): string {
  const byVia = new Map<string, string[]>();
  for (const n of needs) {
    const action = n.action ?? `the ${n.service} API`;
    const list = byVia.get(n.via) ?? [];
    if (!list.includes(action)) list.push(action);
    byVia.set(n.via, list);
  }
  return listWords([...byVia].map(([via, actions]) => `${listWords(actions)} (${via})`));
}

/** "api.tosspayments.com (env PAYMENT_API_URL)", or just the source when no host is known. */
export function describeInternetNeeds(needs: readonly InternetNeed[]): string {
  const parts = needs.map((n) => (n.host ? `${n.host} (${n.via})` : n.via));
  return listWords([...new Set(parts)]);
}

/**
 * A dual-stack function may leave over IPv6 (::/0 → an egress-only or internet gateway attached
 * to the VPC) where IPv4 has no way out. Whether a given call uses IPv6 depends on the target's
 * DNS (an AAAA record) and, for AWS APIs, on the SDK using dual-stack endpoints, so such a path
 * is neither confirmed nor reported broken. Returns the gateway, or undefined.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html (IPv6 for dual-stack functions)
 * https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html
 */
export function ipv6EgressGateway(index: SnapshotIndex, fn: LambdaFunction, subnet: Subnet): string | undefined {
  if (!fn.vpcConfig?.ipv6AllowedForDualStack || subnet.ipv6CidrBlocks.length === 0) return undefined;
  const routeTable = routeTableOf(index, subnet);
  const route = routeTable && defaultIpv6Route(routeTable, index.prefixListCidrs);
  if (!route || route.state !== 'active') return undefined;
  const kind = routeTargetKind(route.target);
  const gateway =
    kind === 'egress-only-internet-gateway' ? index.egressOnlyInternetGateways.get(route.target) : kind === 'internet-gateway' ? index.internetGateways.get(route.target) : undefined;
  if (kind !== 'egress-only-internet-gateway' && kind !== 'internet-gateway') return undefined;
  // A gateway the snapshot holds must be attached to the subnet's VPC; one it lacks is given the benefit of the doubt.
  if (gateway && !gateway.attachedVpcIds.includes(subnet.vpcId)) return undefined;
  return route.target;
}

export function mayLeaveOverIpv6(index: SnapshotIndex, fn: LambdaFunction, subnet: Subnet): boolean {
  return ipv6EgressGateway(index, fn, subnet) !== undefined;
}
