// lambda-vpc-no-route-to-target: a VPC function needs a target in another VPC (a database behind
// a peering connection or a transit gateway), but the route tables of its subnets have no route
// that carries the target's private address there — only the local route, or a default route to
// a NAT or internet gateway, which cannot. The VPC router drops the packets.
// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html
// https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
import type { Finding } from '../model/finding';
import { hop, mergeHops } from './hops';
import { subnetLabel } from './lambda-reach';
import { functionHop, functionLabel, functionResource, vpcFunctions, vpcTargetNeeds, type VpcAttachedFunction } from './lambda-vpc';
import { targetReach } from './reach-target';
import type { SnapshotIndex } from './snapshot-index';
import { targetName } from './vpc-targets';
import { listCapped, listWords, plural } from './wording';

function findingsFor(index: SnapshotIndex, fn: VpcAttachedFunction): Finding[] {
  const findings: Finding[] = [];
  for (const need of vpcTargetNeeds(index, fn)) {
    const verdicts = targetReach(index, fn, need).verdicts;
    const missing = verdicts.flatMap((v) => (v.status === 'no-route' ? [v] : []));
    const first = missing[0];
    if (!first) continue;
    const subnetIds = [...new Set(missing.map((v) => v.subnetId))];
    const tables = [...new Set(missing.map((v) => v.routeTable.id))];
    const address = first.eni.privateIpAddress ?? first.eni.subnetId;
    const message =
      `${functionLabel(fn)} needs ${targetName(need)} on TCP ${need.port} (${need.via}), which is ${first.eni.id} (${address}) in ${first.eni.vpcId}, ` +
      `but route ${plural(tables.length, 'table', 'tables')} ${listWords(tables)} of its ${plural(subnetIds.length, 'subnet', 'subnets')} ` +
      `${listCapped(subnetIds, (id) => subnetLabel(index, id))} ${plural(tables.length, 'has', 'have')} no route that carries ${address} to ${first.eni.vpcId}, ` +
      `so the connection is dropped and times out. Fix: route ${first.eni.vpcId}'s CIDR (or ${address}/32) through a VPC peering connection or transit gateway ` +
      `in ${listWords(tables)}, with the matching route back in ${first.eni.vpcId}.`;
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
