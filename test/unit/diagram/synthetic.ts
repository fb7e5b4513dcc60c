// A large synthetic account for the page tests and bench:diagram: VPCs of eight subnets (half
// with a default route to an internet gateway that does not exist, so some paths break), each
// subnet holding Lambda functions. About `nodes` boxes in all; deterministic.
import type { Snapshot } from '../../../src/model/snapshot';
import { inVpc, lambda, routeTable, snapshotOf, subnet, vpc } from './builders';

const SUBNETS_PER_VPC = 8;
const FUNCTIONS_PER_SUBNET = 20;
const BOXES_PER_VPC = 1 + SUBNETS_PER_VPC * (1 + FUNCTIONS_PER_SUBNET);

export function syntheticSnapshot(nodes: number): Snapshot {
  const vpcCount = Math.max(1, Math.round(nodes / BOXES_PER_VPC));
  const vpcs = [];
  const subnets = [];
  const routeTables = [];
  const functions = [];
  for (let v = 0; v < vpcCount; v++) {
    const vpcId = `vpc-${v}`;
    vpcs.push(vpc(vpcId, { name: `service-${v}`, cidrBlocks: [`10.${v}.0.0/16`] }));
    const publicIds: string[] = [];
    const privateIds: string[] = [];
    for (let s = 0; s < SUBNETS_PER_VPC; s++) {
      const subnetId = `subnet-${v}-${s}`;
      subnets.push(subnet(subnetId, vpcId, `10.${v}.${s}.0/24`, { name: `${s === 0 ? "public" : "private"}-${v}-${s}` }));
      (s === 0 ? publicIds : privateIds).push(subnetId);
      for (let f = 0; f < FUNCTIONS_PER_SUBNET; f++) functions.push(lambda(`fn-${v}-${s}-${f}`, { vpcConfig: inVpc([subnetId]) }));
    }
    routeTables.push(routeTable(`rtb-${v}-public`, vpcId, publicIds, `igw-${v}`), routeTable(`rtb-${v}-private`, vpcId, privateIds));
  }
  return snapshotOf({ vpcs, subnets, routeTables, lambdaFunctions: functions });
}
