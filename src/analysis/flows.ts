// One TCP connection from a VPC function's ENI, filter by filter, in traffic order: the
// function's security groups (egress), its subnet's NACL out, the NACLs on the way (the NAT
// gateway's subnet, the target's subnet), the target's security groups (ingress), and the
// stateless NACLs again for the reply on Lambda's ephemeral ports. Routing is decided before
// this; here only the filters speak.
// https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html (SGs vs NACLs)
// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html (NACLs around a NAT gateway)
import type { FindingFix, Hop } from '../model/finding';
import type { NetworkAcl, SecurityGroup, Subnet } from '../model/snapshot';
import { hop } from './hops';
import { blocksKey, formatBlock, parseBlock, publicBlocks, type IpBlock } from './ip-space';
import { networkAclAllows } from './network-acls';
import { networkAclOf } from './network-acls';
import { EPHEMERAL_PORTS, formatPorts, TCP, type PortRange, type PortSet } from './ports';
import { lookupGroups, securityGroupsAllow, type Direction, type Peer } from './security-groups';
import type { SnapshotIndex } from './snapshot-index';
import { labelled, listWords, plural } from './wording';

export interface FlowSource {
  readonly subnet: Subnet;
  readonly securityGroupIds: readonly string[];
}

export type FlowDestination =
  /** An ENI inside the VPC: a database, a cache, an interface endpoint. `label` names it in sentences. */
  | {
      readonly kind: 'eni';
      readonly label: string;
      readonly subnet: Subnet;
      readonly blocks: readonly IpBlock[];
      readonly securityGroupIds: readonly string[];
    }
  /** Public addresses: through a NAT gateway in `natSubnet`, or a gateway endpoint's prefix list. */
  | {
      readonly kind: 'public';
      readonly label: string;
      readonly natSubnet?: Subnet;
      readonly prefixListId?: string;
      readonly unrelatedPrefixListIds?: ReadonlySet<string>;
    };

export interface FlowBlock {
  readonly layer: 'security-group' | 'network-acl';
  readonly resourceId: string;
  /** Completes "…, but <problem>". */
  readonly problem: string;
  readonly fix: string;
  readonly machineFix: FindingFix;
  readonly hop: Hop;
  /** Equal keys mean the same cause, so subnets that fail alike share one sentence. */
  readonly key: string;
}

export type FlowVerdict =
  | { readonly status: 'allow' }
  | { readonly status: 'blocked'; readonly blocks: readonly FlowBlock[] }
  | { readonly status: 'unknown'; readonly why: string };

const NONE: ReadonlySet<string> = new Set();

function groupLabel(group: SecurityGroup): string {
  return labelled(group.id, group.name ?? group.groupName);
}

function subnetBlocks(subnet: Subnet): IpBlock[] {
  const block = parseBlock(subnet.cidrBlock);
  return block ? [block] : [];
}

function remoteText(blocks: readonly IpBlock[], isPublic: boolean): string {
  return isPublic ? '0.0.0.0/0' : blocks.length === 1 && blocks[0] ? formatBlock(blocks[0]) : blocks.map(formatBlock).join(', ');
}

type Step = FlowBlock | { readonly unknown: string } | undefined;

function securityGroupStep(
  index: SnapshotIndex,
  groupIds: readonly string[],
  direction: Direction,
  peer: Peer,
  port: number,
  words: { readonly owner: string; readonly peerText: string; readonly fixPeer: Omit<Extract<FindingFix, { kind: 'add-security-group-rule' }>, 'kind' | 'securityGroupId' | 'direction' | 'protocol' | 'fromPort' | 'toPort'>; readonly fixPeerText: string },
): Step {
  const { groups, missing } = lookupGroups(index.securityGroups, groupIds);
  if (missing.length > 0) return { unknown: `security ${plural(missing.length, 'group', 'groups')} ${listWords(missing)} ${plural(missing.length, 'is', 'are')} not in the snapshot` };
  const verdict = securityGroupsAllow(groups, direction, peer, TCP, port, index.prefixListBlocks);
  if (verdict.status === 'allow') return undefined;
  if (verdict.status === 'unknown') return { unknown: verdict.why };
  const first = groups[0];
  if (!first) return { unknown: 'no security group to check' };
  const bound = direction === 'egress' ? 'outbound' : 'inbound';
  const toFrom = direction === 'egress' ? 'to' : 'from';
  const labels = listWords(groups.map(groupLabel));
  return {
    layer: 'security-group',
    resourceId: first.id,
    key: `sg|${direction}|${groups.map((g) => g.id).join(',')}|${words.peerText}|${port}`,
    problem: `${words.owner === 'the function' ? "the function's " : ''}security ${plural(groups.length, 'group', 'groups')} ${labels}${words.owner === 'the function' ? '' : ` of ${words.owner}`} ${plural(groups.length, 'allows', 'allow')} no ${bound} TCP ${port} ${toFrom} ${words.peerText}`,
    fix: `on ${first.id}, add an ${bound} rule TCP ${port} ${toFrom} ${words.fixPeerText}`,
    machineFix: { kind: 'add-security-group-rule', securityGroupId: first.id, direction, protocol: 'tcp', fromPort: port, toPort: port, ...words.fixPeer },
    hop: hop('security-group', first.id, false, `no ${bound} TCP ${port} ${toFrom} ${words.peerText}`),
  };
}

interface NaclLeg {
  readonly subnet: Subnet;
  readonly egress: boolean;
  readonly remote: readonly IpBlock[];
  readonly remoteText: string;
  readonly remoteCidr: string;
  readonly ports: PortRange;
  /** What this leg carries, for the sentence: "the request", "the reply". */
  readonly carries: string;
}

function naclStep(index: SnapshotIndex, leg: NaclLeg): Step {
  const acl: NetworkAcl | undefined = networkAclOf(index, leg.subnet);
  // No NACL in the snapshot for the subnet or its VPC: the default NACL, which allows everything unless changed.
  if (!acl) return undefined;
  const verdict = networkAclAllows(acl, leg.egress, leg.remote, TCP, leg.ports);
  if (verdict.status === 'allow') return undefined;
  if (verdict.status === 'unknown') return { unknown: verdict.why };
  const direction = leg.egress ? 'outbound' : 'inbound';
  const toFrom = leg.egress ? 'to' : 'from';
  const rule = verdict.ruleNumber === undefined ? 'its final * rule' : `rule ${verdict.ruleNumber}`;
  const all = verdict.ports.length === 1 && verdict.ports[0]?.from === leg.ports.from && verdict.ports[0]?.to === leg.ports.to;
  const ephemeral = leg.ports.from === EPHEMERAL_PORTS.from && leg.ports.to === EPHEMERAL_PORTS.to;
  const portsText = formatPorts(verdict.ports as PortSet);
  const partly = all ? '' : ephemeral ? ` (of ${formatPorts([leg.ports])}: connections whose ephemeral port falls there fail at random)` : '';
  const what = `${direction} TCP ${portsText} ${toFrom} ${leg.remoteText}`;
  return {
    layer: 'network-acl',
    resourceId: acl.id,
    key: `nacl|${acl.id}|${leg.egress}|${leg.remoteCidr}|${portsText}`,
    problem: `network ACL ${acl.id} of ${labelled(leg.subnet.id, leg.subnet.name)} denies ${leg.carries}: ${rule} blocks ${what}${partly}`,
    fix: `allow ${direction} TCP ${formatPorts([leg.ports])} ${toFrom} ${leg.remoteCidr} in ${acl.id}${verdict.ruleNumber === undefined ? '' : ` with a rule numbered below ${verdict.ruleNumber}`}`,
    machineFix: {
      kind: 'add-network-acl-entry',
      networkAclId: acl.id,
      egress: leg.egress,
      protocol: 'tcp',
      fromPort: leg.ports.from,
      toPort: leg.ports.to,
      cidr: leg.remoteCidr,
      ...(verdict.ruleNumber === undefined ? {} : { beforeRuleNumber: verdict.ruleNumber }),
    },
    hop: hop('network-acl', acl.id, false, `${rule} denies ${what}`),
  };
}

/** The NACL legs of the path, requests first, replies after; legs inside one subnet are skipped (NACLs filter only at subnet edges). */
function naclLegs(source: FlowSource, destination: FlowDestination, port: number): NaclLeg[] {
  const own = subnetBlocks(source.subnet);
  const ownCidr = own[0] ? formatBlock(own[0]) : source.subnet.cidrBlock;
  const ownText = `${labelled(source.subnet.id, source.subnet.name)} (${ownCidr})`;
  const request: PortRange = { from: port, to: port };
  const legs: NaclLeg[] = [];
  const between = (from: Subnet, to: Subnet, toBlocks: readonly IpBlock[], toText: string, toCidr: string): void => {
    if (from.id === to.id) return;
    legs.push(
      { subnet: from, egress: true, remote: toBlocks, remoteText: toText, remoteCidr: toCidr, ports: request, carries: 'the request' },
      { subnet: to, egress: false, remote: own, remoteText: ownText, remoteCidr: ownCidr, ports: request, carries: 'the request' },
      { subnet: to, egress: true, remote: own, remoteText: ownText, remoteCidr: ownCidr, ports: EPHEMERAL_PORTS, carries: 'the reply' },
      { subnet: from, egress: false, remote: toBlocks, remoteText: toText, remoteCidr: toCidr, ports: EPHEMERAL_PORTS, carries: 'the reply' },
    );
  };
  if (destination.kind === 'eni') {
    const text = remoteText(destination.blocks, false);
    between(source.subnet, destination.subnet, destination.blocks, `${destination.label} (${text})`, text);
    return legs;
  }
  const internet = publicBlocks('ipv4');
  const publicLeg = (subnet: Subnet, egress: boolean, ports: PortRange): NaclLeg => ({
    subnet,
    egress,
    remote: internet,
    remoteText: 'the internet',
    remoteCidr: '0.0.0.0/0',
    ports,
    carries: ports === request ? 'the request' : 'the reply',
  });
  const nat = destination.natSubnet;
  if (!nat || nat.id === source.subnet.id) return [publicLeg(source.subnet, true, request), publicLeg(source.subnet, false, EPHEMERAL_PORTS)];
  // Through the NAT: the packets keep the internet address as destination inside the VPC.
  return [
    publicLeg(source.subnet, true, request),
    { subnet: nat, egress: false, remote: own, remoteText: ownText, remoteCidr: ownCidr, ports: request, carries: 'the request on its way into the NAT gateway' },
    publicLeg(nat, true, request),
    publicLeg(nat, false, EPHEMERAL_PORTS),
    { subnet: nat, egress: true, remote: own, remoteText: ownText, remoteCidr: ownCidr, ports: EPHEMERAL_PORTS, carries: 'the reply on its way back from the NAT gateway' },
    publicLeg(source.subnet, false, EPHEMERAL_PORTS),
  ];
}

const flowCache = new WeakMap<SnapshotIndex, Map<string, FlowVerdict>>();

function flowKey(source: FlowSource, destination: FlowDestination, port: number): string {
  const from = `${source.subnet.id}|${[...source.securityGroupIds].sort().join(',')}|${port}`;
  if (destination.kind === 'eni') {
    return `${from}|eni|${destination.label}|${destination.subnet.id}|${blocksKey(destination.blocks)}|${destination.securityGroupIds.join(',')}`;
  }
  return `${from}|public|${destination.label}|${destination.natSubnet?.id ?? ''}|${destination.prefixListId ?? ''}|${[...(destination.unrelatedPrefixListIds ?? [])].sort().join(',')}`;
}

/** Every filter on the connection; all blocks are reported, so one fix round opens the whole path. */
export function checkFlow(index: SnapshotIndex, source: FlowSource, destination: FlowDestination, port: number): FlowVerdict {
  let byKey = flowCache.get(index);
  if (!byKey) {
    byKey = new Map();
    flowCache.set(index, byKey);
  }
  const key = flowKey(source, destination, port);
  let verdict = byKey.get(key);
  if (!verdict) {
    verdict = computeFlow(index, source, destination, port);
    byKey.set(key, verdict);
  }
  return verdict;
}

function computeFlow(index: SnapshotIndex, source: FlowSource, destination: FlowDestination, port: number): FlowVerdict {
  const blocks: FlowBlock[] = [];
  const unknowns: string[] = [];
  const add = (step: Step): void => {
    if (!step) return;
    if ('unknown' in step) unknowns.push(step.unknown);
    else blocks.push(step);
  };
  const own = subnetBlocks(source.subnet);
  const functionGroups = new Set(source.securityGroupIds);
  if (destination.kind === 'eni') {
    const peer: Peer = { family: 'ipv4', blocks: destination.blocks, securityGroupIds: new Set(destination.securityGroupIds), prefixListIds: NONE, unrelatedPrefixListIds: NONE };
    const target = destination.securityGroupIds[0];
    add(
      securityGroupStep(index, source.securityGroupIds, 'egress', peer, port, {
        owner: 'the function',
        peerText: destination.label,
        fixPeer: target ? { peerSecurityGroupId: target } : { cidr: remoteText(destination.blocks, false) },
        fixPeerText: target ?? remoteText(destination.blocks, false),
      }),
    );
  } else {
    const prefixListIds: ReadonlySet<string> = destination.prefixListId ? new Set([destination.prefixListId]) : NONE;
    // Through a gateway endpoint the addresses are the service's list, when the snapshot knows it.
    const listed = destination.prefixListId === undefined ? undefined : index.prefixListBlocks(destination.prefixListId)?.filter((b) => b.family === 'ipv4');
    const blocks = listed && listed.length > 0 ? listed : publicBlocks('ipv4');
    const peer: Peer = { family: 'ipv4', blocks, securityGroupIds: NONE, prefixListIds, unrelatedPrefixListIds: destination.unrelatedPrefixListIds ?? NONE };
    add(
      securityGroupStep(index, source.securityGroupIds, 'egress', peer, port, {
        owner: 'the function',
        peerText: destination.label,
        fixPeer: destination.prefixListId ? { prefixListId: destination.prefixListId } : { cidr: '0.0.0.0/0' },
        fixPeerText: destination.prefixListId ?? '0.0.0.0/0',
      }),
    );
  }
  for (const leg of naclLegs(source, destination, port)) add(naclStep(index, leg));
  if (destination.kind === 'eni' && destination.securityGroupIds.length > 0) {
    const peer: Peer = { family: 'ipv4', blocks: own, securityGroupIds: functionGroups, prefixListIds: NONE, unrelatedPrefixListIds: NONE };
    const fnGroup = source.securityGroupIds[0];
    add(
      securityGroupStep(index, destination.securityGroupIds, 'ingress', peer, port, {
        owner: destination.label,
        peerText: `the function's security ${plural(source.securityGroupIds.length, 'group', 'groups')} ${listWords([...source.securityGroupIds])}`,
        fixPeer: fnGroup ? { peerSecurityGroupId: fnGroup } : { cidr: source.subnet.cidrBlock },
        fixPeerText: fnGroup ?? source.subnet.cidrBlock,
      }),
    );
  }
  if (blocks.length > 0) return { status: 'blocked', blocks };
  if (unknowns.length > 0) return { status: 'unknown', why: unknowns.join('; ') };
  return { status: 'allow' };
}

/** Several destinations that must all work (an endpoint's ENIs in several subnets): any block blocks. */
export function combineFlows(verdicts: readonly FlowVerdict[]): FlowVerdict {
  const blocks = verdicts.flatMap((v) => (v.status === 'blocked' ? v.blocks : []));
  if (blocks.length > 0) {
    const unique = new Map(blocks.map((b) => [b.key, b]));
    return { status: 'blocked', blocks: [...unique.values()] };
  }
  const unknown = verdicts.find((v): v is Extract<FlowVerdict, { status: 'unknown' }> => v.status === 'unknown');
  return unknown ?? { status: 'allow' };
}
