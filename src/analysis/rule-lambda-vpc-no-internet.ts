// lambda-vpc-no-internet: a VPC function needs the internet (an external API, a webhook), but
// from some of its subnets 0.0.0.0/0 does not lead through a working NAT gateway. VPC
// endpoints do not help here; only NAT (or IPv6 through an egress-only gateway) does.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html
import type { Finding } from '../model/finding';
import { hop, mergeHops } from './hops';
import { brokenVerdicts, internetReach, natFix, summarizeReach } from './lambda-reach';
import { describeInternetNeeds, functionHop, functionLabel, functionResource, internetNeeds, vpcFunctions, type VpcAttachedFunction } from './lambda-vpc';
import type { SnapshotIndex } from './snapshot-index';

function findingFor(index: SnapshotIndex, fn: VpcAttachedFunction): Finding[] {
  const needs = internetNeeds(index, fn);
  if (needs.length === 0) return [];
  const result = internetReach(index, fn);
  const broken = brokenVerdicts(result);
  if (broken.length === 0) return [];
  const summary = summarizeReach(index, result);
  const consequence = summary.intermittent
    ? `, so it reaches the internet only intermittently: invocations that land there hang until the function times out, while those in ${summary.working} get through`
    : `, so its outbound connections hang until the function times out`;
  const fix = natFix(index, fn, result, summary);
  const message =
    `${functionLabel(fn)} needs the internet (${describeInternetNeeds(needs)}), but ${summary.causes}${consequence}${summary.unchecked}. ` +
    `Fix: ${fix.text}.`;
  return [
    {
      code: 'lambda-vpc-no-internet',
      severity: 'error',
      message,
      resource: functionResource(fn),
      hops: mergeHops([[functionHop(fn)], ...broken.map((v) => v.hops), [hop('internet', 'internet', false, `unreachable from ${broken.map((v) => v.subnetId).join(', ')}`)]]),
      ...(fix.fix ? { fix: fix.fix } : {}),
    },
  ];
}

export function lambdaVpcNoInternet(index: SnapshotIndex): Finding[] {
  return vpcFunctions(index).flatMap((fn) => findingFor(index, fn));
}
