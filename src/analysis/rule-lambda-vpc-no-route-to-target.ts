// lambda-vpc-no-route-to-target: a VPC function needs a target in another VPC (a database behind
// a peering connection or a transit gateway), but the route tables of its subnets have no route
// that carries the target's private address there — only the local route, a default route to
// a NAT or internet gateway, which cannot, or a route to an active peering connection whose far
// VPC does not hold the address (peering is not transitive). The packets are dropped.
// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html
// https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
import type { Finding } from '../model/finding';
import { hop, mergeHops } from './hops';
import { subnetLabel } from './lambda-reach';
import { functionHop, functionLabel, functionResource, vpcFunctions, vpcTargetNeeds, type VpcAttachedFunction } from './lambda-vpc';
import { targetReach, type TargetVerdict } from './reach-target';
import type { SnapshotIndex } from './snapshot-index';
import { targetName } from './vpc-targets';
import { listCapped, listWords, plural } from './wording';

type NoRoute = Extract<TargetVerdict, { status: 'no-route' }>;

/** "route table rtb-1 of its subnet s-1 has no route that carries …", for verdicts failing alike. */
function clause(index: SnapshotIndex, verdicts: readonly NoRoute[], address: string, vpcId: string): string {
  const subnetIds = [...new Set(verdicts.map((v) => v.subnetId))];
  const tables = [...new Set(verdicts.map((v) => v.routeTable.id))];
  const whose = `route ${plural(tables.length, 'table', 'tables')} ${listWords(tables)} of its ${plural(subnetIds.length, 'subnet', 'subnets')} ${listCapped(subnetIds, (id) => subnetLabel(index, id))}`;
  const misdirected = verdicts[0]?.misdirected;
  if (misdirected) return `${whose} ${plural(tables.length, 'sends', 'send')} ${address} to ${misdirected.route.target}, which ${misdirected.problem}`;
  return `${whose} ${plural(tables.length, 'has', 'have')} no route that carries ${address} to ${vpcId}`;
}

function findingsFor(index: SnapshotIndex, fn: VpcAttachedFunction): Finding[] {
  const findings: Finding[] = [];
  for (const need of vpcTargetNeeds(index, fn)) {
    const verdicts = targetReach(index, fn, need).verdicts;
    const missing = verdicts.flatMap((v) => (v.status === 'no-route' ? [v] : []));
    const first = missing[0];
    if (!first) continue;
    // Tables with no such route, and tables whose route goes out to a peer that does not hold the address, say different things.
    const byCause = new Map<string, NoRoute[]>();
    for (const v of missing) {
      const key = v.misdirected ? `${v.misdirected.route.target}|${v.misdirected.problem}` : '';
      byCause.set(key, [...(byCause.get(key) ?? []), v]);
    }
    const tables = [...new Set(missing.map((v) => v.routeTable.id))];
    const address = first.eni.privateIpAddress ?? first.eni.subnetId;
    const misdirectedFix = missing.find((v) => v.misdirected)?.misdirected?.fix;
    const fix = misdirectedFix
      ? `${misdirectedFix}, with the matching route back in ${first.eni.vpcId}`
      : `route ${first.eni.vpcId}'s CIDR (or ${address}/32) through a VPC peering connection or transit gateway in ${listWords(tables)}, with the matching route back in ${first.eni.vpcId}`;
    const message =
      `${functionLabel(fn)} needs ${targetName(need)} on TCP ${need.port} (${need.via}), which is ${first.eni.id} (${address}) in ${first.eni.vpcId}, ` +
      `but ${[...byCause.values()].map((group) => clause(index, group, address, first.eni.vpcId)).join('; and ')}, ` +
      `so the connection is dropped and times out. Fix: ${fix}.`;
    findings.push({
      code: 'lambda-vpc-no-route-to-target',
      severity: 'error',
      message,
      resource: functionResource(fn),
      hops: mergeHops([[functionHop(fn)], ...missing.map((v) => v.hops), [hop('network-interface', first.eni.id, false, 'no route to it')]]),
    });
  }
  return findings;
}

export function lambdaVpcNoRouteToTarget(index: SnapshotIndex): Finding[] {
  return vpcFunctions(index).flatMap((fn) => findingsFor(index, fn));
}
