// Which rows the test expands: a path account → region → VPC → subnet → function (and the domains) taken from the
// demo snapshot itself, so the test follows the demo when it changes instead of copying its names.
import type { Snapshot } from '../../src/model/snapshot';

export interface DemoPath {
  account: string;
  region: string;
  vpc: string;
  subnet: string;
  fn: string;
  /** The custom domain names, shown under "Domains". */
  domains: string[];
}

export function demoPath(snapshot: Snapshot): DemoPath {
  const { lambdaFunctions, subnets, vpcs } = snapshot.resources;
  for (const fn of lambdaFunctions) {
    const subnet = subnets.find((s) => fn.vpcConfig?.subnetIds.includes(s.id));
    const vpc = subnet && vpcs.find((v) => v.id === subnet.vpcId);
    if (!subnet || !vpc) continue;
    const account = snapshot.accounts.find((a) => a.id === fn.accountId);
    return { account: account?.alias ?? fn.accountId, region: fn.region, vpc: vpc.name ?? vpc.id, subnet: subnet.name ?? subnet.id, fn: fn.name ?? fn.id, domains: snapshot.resources.domainNames.map((d) => d.domainName) };
  }
  throw new Error('the demo snapshot has no function in a VPC subnet: nothing for the tree test to expand');
}

/** A tree row's accessible name is "label description": match the label as a whole word at the start. */
export function labelPattern(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|,|$)`);
}
