// lambda-vpc-public-subnet: a VPC function placed in subnets whose 0.0.0.0/0 goes to an
// internet gateway. Lambda ENIs never get public IPs, so a "public" subnet gives the function
// no internet and no AWS API access — the trap behind "why couldn't my Lambda call my Lambda".
// An error when the function needs something outside the VPC that cannot be had from there,
// a warning otherwise (nothing breaks yet, but the placement buys nothing).
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html
// https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html
import type { Finding } from '../model/finding';
import { mergeHops } from './hops';
import { awsServiceReach, brokenVerdicts, internetReach, natSubnetsInVpc, onePerZone, otherNatSubnets, subnetLabel, type SuggestedFix } from './lambda-reach';
import {
  awsApiNeedsByService,
  describeAwsApiNeeds,
  describeInternetNeeds,
  functionHop,
  functionLabel,
  functionResource,
  internetNeeds,
  vpcFunctions,
  mayLeaveOverIpv6,
  type VpcAttachedFunction,
} from './lambda-vpc';
import type { SnapshotIndex } from './snapshot-index';
import { lambdaSubnetIpv4Egress, type SubnetEgress } from './subnet-egress';
import { listWords, plural } from './wording';

type PublicEgress = Extract<SubnetEgress, { kind: 'internet-gateway' }>;

/** The needs of the function that fail in at least one of the given subnets. */
function unmetNeeds(index: SnapshotIndex, fn: VpcAttachedFunction, publicSubnetIds: ReadonlySet<string>): string[] {
  const unmet: string[] = [];
  const failsHere = (verdicts: ReturnType<typeof brokenVerdicts>): boolean => verdicts.some((v) => publicSubnetIds.has(v.subnetId));
  const internet = internetNeeds(index, fn);
  if (internet.length > 0 && failsHere(brokenVerdicts(internetReach(index, fn)))) unmet.push(`the internet (${describeInternetNeeds(internet)})`);
  for (const { service, region, needs } of awsApiNeedsByService(index, fn)) {
    if (failsHere(brokenVerdicts(awsServiceReach(index, fn, service, region)))) unmet.push(describeAwsApiNeeds(needs));
  }
  return unmet;
}

function privateSubnetFix(index: SnapshotIndex, fn: VpcAttachedFunction, vpcId: string): SuggestedFix {
  const candidates = natSubnetsInVpc(index, vpcId);
  const others = otherNatSubnets(index, fn, candidates);
  if (!others) return { text: `move it to private subnets whose 0.0.0.0/0 goes to a NAT gateway in a public subnet` };
  const own = new Set(fn.vpcConfig.subnetIds);
  return {
    text: `set its VpcConfig.SubnetIds to ${others}`,
    fix: { kind: 'move-to-subnets', functionId: fn.id, subnetIds: onePerZone(index, candidates.subnetIds.filter((id) => !own.has(id))) },
  };
}

function findingFor(index: SnapshotIndex, fn: VpcAttachedFunction): Finding[] {
  const publics = fn.vpcConfig.subnetIds
    .map((id) => lambdaSubnetIpv4Egress(index, id))
    .filter((e): e is PublicEgress => e.kind === 'internet-gateway' && !mayLeaveOverIpv6(index, fn, e.subnet));
  const first = publics[0];
  if (!first) return [];
  const total = fn.vpcConfig.subnetIds.length;
  const labels = publics.map((e) => subnetLabel(index, e.subnet.id));
  const tables = [...new Set(publics.map((e) => e.routeTable.id))];
  const gateways = [...new Set(publics.map((e) => e.gatewayId))];
  const unmet = unmetNeeds(index, fn, new Set(publics.map((e) => e.subnet.id)));
  const where =
    publics.length === total
      ? `runs in public ${plural(total, 'subnet', 'subnets')} ${listWords(labels)}`
      : `runs partly in public subnets: ${publics.length} of its ${total} subnets (${listWords(labels)}) ${plural(publics.length, 'is', 'are')} public`;
  const route = `route ${plural(tables.length, 'table', 'tables')} ${listWords(tables)} ${plural(tables.length, 'sends', 'send')} 0.0.0.0/0 to internet gateway ${listWords(gateways)}`;
  const consequence =
    unmet.length > 0
      ? ` — yet it needs ${listWords(unmet)}, so those calls hang until the function times out`
      : '. That is harmless while everything it calls is inside the VPC or behind a VPC endpoint, but any other call out would hang';
  const suggested = privateSubnetFix(index, fn, first.subnet.vpcId);
  const fix = `${suggested.text}, or add VPC endpoints for the AWS services it calls`;
  const message =
    `${functionLabel(fn)} ${where}: ${route}, and Lambda ENIs never get public IPs, so from there the function has no route to the internet or to public AWS API endpoints` +
    `${consequence}. Fix: ${fix}.`;
  return [
    {
      code: 'lambda-vpc-public-subnet',
      severity: unmet.length > 0 ? 'error' : 'warning',
      message,
      resource: functionResource(fn),
      hops: mergeHops([[functionHop(fn)], ...publics.map((e) => e.hops)]),
      ...(suggested.fix ? { fix: suggested.fix } : {}),
    },
  ];
}

export function lambdaVpcPublicSubnet(index: SnapshotIndex): Finding[] {
  return vpcFunctions(index).flatMap((fn) => findingFor(index, fn));
}
