// DNS → hosted zone → record: the last links of a custom domain's chain, where a missing alias or
// a wrong target leaves the domain answering nothing.
import type { HostedZone, RecordSet, Snapshot } from '../../model/snapshot';
import { partitionOfRegion, type Partition } from './aws-links';
import { plural, resourceNode, type FindingIndex, type ResourceTreeNode } from './tree-node';

export function dnsNode(snapshot: Snapshot, findings: FindingIndex): ResourceTreeNode {
  const zones = snapshot.resources.hostedZones;
  const id = 'dns';
  // Route 53 is global: its console and ARNs are in the partition of the regions the account was scanned in.
  const partition = partitionOfRegion(snapshot.regions[0] ?? 'us-east-1');
  return {
    id,
    label: 'DNS',
    description: zones.length === 0 ? 'no hosted zones' : plural(zones.length, 'hosted zone'),
    icon: 'symbol-namespace',
    status: 'ok',
    kind: 'group',
    expanded: false,
    tooltip: { title: 'Route 53 hosted zones', rows: [['Count', String(zones.length)]] },
    children: zones.map((zone) => zoneNode(snapshot, findings, id, zone, partition)),
  };
}

function zoneNode(snapshot: Snapshot, findings: FindingIndex, parentId: string, zone: HostedZone, partition: Partition): ResourceTreeNode {
  const records = snapshot.resources.recordSets.filter((r) => r.zoneId === zone.id);
  const node = resourceNode(
    parentId,
    zone,
    {
      label: zone.zoneName,
      description: `${zone.private ? 'private' : 'public'} · ${plural(records.length, 'record')}`,
      icon: 'symbol-namespace',
      kind: 'hosted-zone',
      expanded: false,
      tooltip: {
        title: `Hosted zone ${zone.zoneName}`,
        rows: [['ID', zone.id], ['Visibility', zone.private ? `private (${zone.vpcIds.join(', ')})` : 'public'], ['Name servers', zone.nameServers.join(', ')]],
      },
      children: [],
    },
    findings,
    { partition },
  );
  node.children = records.map((record) => recordNode(findings, node.id, record, partition));
  return node;
}

function recordNode(findings: FindingIndex, parentId: string, record: RecordSet, partition: Partition): ResourceTreeNode {
  const target = record.alias ? `alias → ${record.alias.dnsName}` : record.values.join(', ');
  return resourceNode(
    parentId,
    record,
    {
      label: record.recordName,
      description: `${record.type} ${target}`,
      icon: 'symbol-string',
      kind: 'record',
      expanded: false,
      tooltip: {
        title: `${record.type} record ${record.recordName}`,
        rows: [['Type', record.type], ['Alias target', record.alias?.dnsName], ['Values', record.values.join(', ')], ['TTL', record.ttl === undefined ? undefined : `${record.ttl} s`]],
      },
      children: [],
    },
    findings,
    { partition, name: record.zoneId },
  );
}
