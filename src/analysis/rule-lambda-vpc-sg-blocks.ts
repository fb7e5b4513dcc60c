// lambda-vpc-sg-blocks: the route to something a VPC function needs exists, but a security
// group or a network ACL on the path drops the connection: the function's group egress, the
// target's group ingress (a database, a cache, an interface endpoint on 443), or a NACL either
// way — including the reply on Lambda's ephemeral ports 1024–65535. Inbound rules of the
// function's own group never matter: invocations arrive through the Lambda service.
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
import type { Finding, FindingFix, Hop } from '../model/finding';
import { endpointServiceName, serviceDisplayName } from './aws-services';
import type { FlowBlock } from './flows';
import { hop, mergeHops } from './hops';
import { awsServiceReach, blockedVerdicts, internetReach, subnetLabel, type ReachResult } from './lambda-reach';
import {
  awsApiNeedsByService,
  describeAwsApiNeeds,
  describeInternetNeeds,
  functionHop,
  functionLabel,
  functionResource,
  internetNeeds,
  vpcFunctions,
  vpcTargetNeeds,
  type VpcAttachedFunction,
} from './lambda-vpc';
import { targetReach } from './reach-target';
import type { SnapshotIndex } from './snapshot-index';
import { targetName } from './vpc-targets';
import { listCapped } from './wording';

interface Blocked {
  readonly subnetId: string;
  readonly blocks: readonly FlowBlock[];
  readonly hops: readonly Hop[];
}

interface Case {
  /** "needs X (via)" or the shared-role variant. */
  readonly needText: string;
  readonly blocked: readonly Blocked[];
  readonly okSubnetIds: readonly string[];
  readonly targetHop: Hop;
  readonly severity: Finding['severity'];
}

function findingFor(index: SnapshotIndex, fn: VpcAttachedFunction, c: Case): Finding {
  const blockedIds = [...new Set(c.blocked.map((b) => b.subnetId))];
  const byKey = new Map<string, { block: FlowBlock; subnetIds: Set<string> }>();
  for (const b of c.blocked) {
    for (const block of b.blocks) {
      const entry = byKey.get(block.key) ?? { block, subnetIds: new Set<string>() };
      entry.subnetIds.add(b.subnetId);
      byKey.set(block.key, entry);
    }
  }
  // Which subnets fail is said once, in the consequence; NACL sentences name their own subnet.
  const causes = [...byKey.values()].map(({ block }) => block.problem);
  const consequence =
    c.okSubnetIds.length > 0
      ? `so it fails intermittently: connections from ${listCapped(blockedIds, (id) => subnetLabel(index, id))} time out, while those from ${listCapped([...c.okSubnetIds], (id) => subnetLabel(index, id))} get through`
      : 'so its connections time out and the function hangs until its own timeout';
  const blocks = [...byKey.values()].map((e) => e.block);
  const fixes = [...new Set(blocks.map((b) => b.fix))];
  const fix: FindingFix | undefined = blocks[0]?.machineFix;
  return {
    code: 'lambda-vpc-sg-blocks',
    severity: c.severity,
    message: `${functionLabel(fn)} ${c.needText}, but ${causes.join('; and ')}, ${consequence}. Fix: ${fixes.join('; and ')}.`,
    resource: functionResource(fn),
    hops: mergeHops([[functionHop(fn)], ...c.blocked.map((b) => b.hops), [c.targetHop]]),
    ...(fix ? { fix } : {}),
  };
}

function okIds(result: ReachResult): string[] {
  return result.verdicts.filter((v) => v.status === 'ok').map((v) => v.subnetId);
}

function casesFor(index: SnapshotIndex, fn: VpcAttachedFunction): Case[] {
  const cases: Case[] = [];
  for (const need of vpcTargetNeeds(index, fn)) {
    const reach = targetReach(index, fn, need);
    const blocked = reach.verdicts.flatMap((v) => (v.status === 'blocked' ? [v] : []));
    if (blocked.length === 0) continue;
    const failing = new Set(reach.verdicts.filter((v) => v.status !== 'ok').map((v) => v.subnetId));
    const eniIds = [...new Set(blocked.map((b) => b.eni.id))];
    cases.push({
      needText: `needs ${targetName(need)} on TCP ${need.port} (${need.via})`,
      blocked,
      okSubnetIds: fn.vpcConfig.subnetIds.filter((id) => !failing.has(id)),
      targetHop: hop('network-interface', eniIds[0] ?? targetName(need), false, `TCP ${need.port} blocked`),
      severity: 'error',
    });
  }
  const internet = internetNeeds(index, fn);
  if (internet.length > 0) {
    const result = internetReach(index, fn);
    const blocked = blockedVerdicts(result);
    if (blocked.length > 0) {
      cases.push({
        needText: `needs the internet (${describeInternetNeeds(internet)})`,
        blocked,
        okSubnetIds: okIds(result),
        targetHop: hop('internet', 'internet', false, 'TCP 443 blocked'),
        severity: 'error',
      });
    }
  }
  for (const { service, region, needs } of awsApiNeedsByService(index, fn)) {
    const result = awsServiceReach(index, fn, service, region);
    const blocked = blockedVerdicts(result);
    if (blocked.length === 0) continue;
    const guess = needs.every((n) => n.origin === 'shared-role');
    const api = `the ${serviceDisplayName(service)} API`;
    cases.push({
      needText: guess
        ? `may call ${api}: its execution role (shared with other functions) allows ${describeAwsApiNeeds(needs)}`
        : `needs ${describeAwsApiNeeds(needs)}, which calls ${api} on TCP 443`,
      blocked,
      okSubnetIds: okIds(result),
      targetHop: hop('aws-service', endpointServiceName(region, service), false, 'TCP 443 blocked'),
      severity: guess ? 'warning' : 'error',
    });
  }
  return cases;
}

export function lambdaVpcSgBlocks(index: SnapshotIndex): Finding[] {
  return vpcFunctions(index).flatMap((fn) => casesFor(index, fn).map((c) => findingFor(index, fn, c)));
}
