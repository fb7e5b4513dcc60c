// lambda-vpc-no-security-group: a VpcConfig with subnets but no security group, or security
// groups but no subnet. Lambda attaches a function to a VPC only with at least one of each,
// and rejects the configuration otherwise (the deploy fails).
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
// An empty VpcConfig (neither) is how Lambda describes a function outside any VPC: no finding.
import type { Finding } from '../model/finding';
import type { LambdaFunction } from '../model/snapshot';
import { hop } from './hops';
import { functionLabel, functionResource } from './lambda-vpc';
import type { SnapshotIndex } from './snapshot-index';
import { listWords, plural } from './wording';

function findingFor(fn: LambdaFunction): Finding[] {
  const subnets = fn.vpcConfig?.subnetIds ?? [];
  const groups = fn.vpcConfig?.securityGroupIds ?? [];
  if ((subnets.length === 0) === (groups.length === 0)) return [];
  const name = functionLabel(fn);
  const message =
    groups.length === 0
      ? `${name} has VpcConfig subnets ${listWords(subnets)} but no security group; Lambda attaches a function to a VPC only with at least one ` +
        `security group, so this deploy fails. Fix: add SecurityGroupIds to its VpcConfig (a group whose egress allows what the function calls).`
      : `${name} has VpcConfig security ${plural(groups.length, 'group', 'groups')} ${listWords(groups)} but no subnet; Lambda needs at least one ` +
        `subnet to attach a function to a VPC, so this deploy fails. Fix: add SubnetIds (private subnets, one per AZ) to its VpcConfig, ` +
        `or remove VpcConfig if the function needs nothing inside a VPC.`;
  return [
    {
      code: 'lambda-vpc-no-security-group',
      severity: 'error',
      message,
      resource: functionResource(fn),
      hops: [hop('lambda-function', fn.id, false, groups.length === 0 ? 'VpcConfig has no security group' : 'VpcConfig has no subnet')],
    },
  ];
}

export function lambdaVpcNoSecurityGroup(index: SnapshotIndex): Finding[] {
  return index.snapshot.resources.lambdaFunctions.flatMap(findingFor);
}
