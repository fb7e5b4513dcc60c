// unverifiable-path (info): a path a VPC function needs depends on something the snapshot does
// not hold (a subnet given as a template parameter, a NAT gateway or security group outside the
// template, a database we cannot tie to an ENI) or goes through what the analysis does not
// evaluate (a transit gateway, peering, a firewall appliance, IPv6-only egress). Nothing is
// claimed broken; the finding says what could not be checked, so silence is never mistaken for "fine".
import type { Finding } from '../model/finding';
import { serviceDisplayName } from './aws-services';
import { hop } from './hops';
import { awsServiceReach, internetReach, subnetLabel, unknownVerdicts } from './lambda-reach';
import { awsApiNeedsByService, functionHop, functionLabel, functionResource, internetNeeds, vpcFunctions, vpcTargetNeeds, type VpcAttachedFunction } from './lambda-vpc';
import { targetReach } from './reach-target';
import type { SnapshotIndex } from './snapshot-index';
import { targetName } from './vpc-targets';
import { listCapped, listWords } from './wording';

interface Unknown {
  readonly what: string;
  readonly subnetId: string;
  readonly why: string;
}

function unknownsOf(index: SnapshotIndex, fn: VpcAttachedFunction): Unknown[] {
  const unknowns: Unknown[] = [];
  if (internetNeeds(index, fn).length > 0) {
    for (const v of unknownVerdicts(internetReach(index, fn))) unknowns.push({ what: 'the internet', subnetId: v.subnetId, why: v.why });
  }
  for (const { service, region } of awsApiNeedsByService(index, fn)) {
    const what = `the ${serviceDisplayName(service)} API`;
    for (const v of unknownVerdicts(awsServiceReach(index, fn, service, region))) unknowns.push({ what, subnetId: v.subnetId, why: v.why });
  }
  for (const need of vpcTargetNeeds(index, fn)) {
    const what = `${targetName(need)}:${need.port}`;
    for (const v of targetReach(index, fn, need).verdicts) if (v.status === 'unknown') unknowns.push({ what, subnetId: v.subnetId, why: v.why });
  }
  return unknowns;
}

function findingFor(index: SnapshotIndex, fn: VpcAttachedFunction): Finding[] {
  const unknowns = unknownsOf(index, fn);
  if (unknowns.length === 0) return [];
  const byWhy = new Map<string, { whats: Set<string>; subnets: Set<string> }>();
  for (const u of unknowns) {
    const entry = byWhy.get(u.why) ?? { whats: new Set<string>(), subnets: new Set<string>() };
    entry.whats.add(u.what);
    entry.subnets.add(u.subnetId);
    byWhy.set(u.why, entry);
  }
  const all = fn.vpcConfig.subnetIds.length;
  const items = [...byWhy].map(([why, { whats, subnets }]) => {
    const where = subnets.size === all ? '' : ` from ${listCapped([...subnets], (id) => subnetLabel(index, id))}`;
    return `${listWords([...whats])}${where}: ${why}`;
  });
  const missing = unknowns.some((u) => u.why.includes('not in the snapshot'));
  const fix = missing
    ? 'check again with the account (--profile or --snapshot) or with the parameter values (--parameter-overrides), so the missing pieces can be looked up'
    : 'check these hops by hand; the analysis does not evaluate them';
  return [
    {
      code: 'unverifiable-path',
      severity: 'info',
      message: `${functionLabel(fn)}: ${items.length === 1 ? 'a path it needs' : 'paths it needs'} could not be verified — ${listCapped(items, (i) => i)}. Fix: ${fix}.`,
      resource: functionResource(fn),
      hops: [functionHop(fn), ...[...new Set(unknowns.map((u) => u.subnetId))].map((id) => hop('subnet', id, true))],
    },
  ];
}

export function unverifiablePath(index: SnapshotIndex): Finding[] {
  return vpcFunctions(index).flatMap((fn) => findingFor(index, fn));
}
