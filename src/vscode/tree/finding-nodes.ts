// Findings → severity → finding: the problems first, worst first, each leading to its resource.
import type { Finding, Severity } from '../../model/finding';
import type { Snapshot } from '../../model/snapshot';
import { plural, uniqueKeys, type ResourceTreeNode } from './tree-node';

const GROUPS: ReadonlyArray<{ severity: Severity; title: string; icon: string }> = [
  { severity: 'error', title: 'Errors', icon: 'error' },
  { severity: 'warning', title: 'Warnings', icon: 'warning' },
  { severity: 'info', title: 'Info', icon: 'info' },
];

export function findingsNode(snapshot: Snapshot, findings: readonly Finding[]): ResourceTreeNode {
  const id = 'findings';
  const names = resourceNames(snapshot);
  const groups = GROUPS.map((group) => ({ ...group, items: findings.filter((f) => f.severity === group.severity) })).filter((g) => g.items.length > 0);
  const children: ResourceTreeNode[] = groups.map((group) => ({
    id: `${id}/${group.severity}`,
    label: group.title,
    description: String(group.items.length),
    icon: group.icon,
    status: group.severity,
    kind: 'severity',
    expanded: true,
    tooltip: { title: `${plural(group.items.length, group.severity === 'info' ? 'note' : group.severity)}`, rows: [] },
    children: findingNodes(`${id}/${group.severity}`, group.items, names),
  }));
  if (children.length === 0) {
    children.push({
      id: `${id}/none`,
      label: 'No problems found',
      icon: 'pass',
      status: 'ok',
      kind: 'placeholder',
      expanded: false,
      tooltip: { title: 'No problems found', rows: [] },
      children: [],
    });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return {
    id,
    label: 'Findings',
    description: findings.length === 0 ? 'none' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    icon: 'checklist',
    status: 'ok',
    kind: 'group',
    expanded: true,
    tooltip: { title: 'Paths that cannot work, and why', rows: [['Errors', String(errors)], ['Warnings', String(warnings)]] },
    children,
  };
}

/** Ids are made of code and resource, not the position (see uniqueKeys). */
function findingNodes(parentId: string, findings: readonly Finding[], names: ReadonlyMap<string, string>): ResourceTreeNode[] {
  const keys = uniqueKeys(findings.map((f) => `${f.code}:${f.resource.id ?? f.resource.logicalId ?? ''}`));
  return findings.map((finding, i) => findingNode(`${parentId}/${keys[i]}`, finding, names));
}

function findingNode(id: string, finding: Finding, names: ReadonlyMap<string, string>): ResourceTreeNode {
  const target = finding.resource.id ?? finding.resource.logicalId;
  const targetName = (finding.resource.id && names.get(finding.resource.id)) ?? target;
  const broken = (finding.hops ?? []).filter((h) => !h.ok);
  return {
    id,
    label: finding.message,
    description: targetName ? `${targetName} · ${finding.code}` : finding.code,
    icon: finding.severity === 'info' ? 'info' : finding.severity,
    status: finding.severity,
    ...(finding.resource.id ? { resourceId: finding.resource.id } : {}),
    kind: 'finding',
    finding,
    ...(finding.resource.logicalId ? { logicalId: finding.resource.logicalId } : {}),
    expanded: false,
    tooltip: {
      title: finding.code,
      rows: [
        ['Resource', target ? `${finding.resource.kind} ${targetName ?? target}` : finding.resource.kind],
        ['Path', finding.hops?.map((h) => `${h.id}${h.ok ? '' : ' ✗'}`).join(' → ')],
        ['File', finding.file],
      ],
      notes: [finding.message, ...broken.map((h) => `${h.kind} ${h.id}: ${h.reason ?? 'blocked'}`)],
    },
    children: [],
  };
}

/** Display names by resource id, so a finding says "orders-fn", not "orders-fn-1a2b3c". */
function resourceNames(snapshot: Snapshot): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of Object.values(snapshot.resources)) {
    for (const resource of list as ReadonlyArray<{ id: string; name?: string }>) {
      if (resource.name) names.set(resource.id, resource.name);
    }
  }
  return names;
}
