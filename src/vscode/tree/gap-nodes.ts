// Gaps → one row per service × region the scan could not read, with the error: the map is
// incomplete there, and a person must know before trusting "no problems found". Labels are plain
// text and tooltips pass through tooltipMarkdown, so the endpoint's error text stays literal.
import type { Gap, Snapshot } from '../../model/snapshot';
import { serviceInRegion } from '../scan/service-names';
import { plural, uniqueKeys, type ResourceTreeNode } from './tree-node';

/** The Gaps group, or undefined when the scan read everything. */
export function gapsNode(snapshot: Snapshot): ResourceTreeNode | undefined {
  if (snapshot.gaps.length === 0) return undefined;
  const id = 'gaps';
  return {
    id,
    label: 'Gaps',
    description: `${plural(snapshot.gaps.length, 'read')} failed · the map is incomplete`,
    icon: 'warning',
    status: 'warning',
    kind: 'group',
    expanded: true,
    tooltip: {
      title: 'What the scan could not read',
      rows: [['Failed reads', String(snapshot.gaps.length)]],
      notes: ['Everything else is shown. Fix the cause (permissions, endpoint) and scan again.'],
    },
    children: gapNodes(id, snapshot.gaps),
  };
}

/** Keyed by service and region, not position (see uniqueKeys). */
function gapNodes(parentId: string, gaps: readonly Gap[]): ResourceTreeNode[] {
  const keys = uniqueKeys(gaps.map((g) => `${g.service}:${g.region}`));
  return gaps.map((gap, i) => gapNode(`${parentId}/${keys[i]}`, gap));
}

function gapNode(id: string, gap: Gap): ResourceTreeNode {
  const what = serviceInRegion(gap.service, gap.region);
  return {
    id,
    label: what,
    description: gap.error,
    icon: 'circle-slash',
    status: 'warning',
    kind: 'gap',
    expanded: false,
    tooltip: { title: `Could not read ${what}`, rows: [['Service', gap.service], ['Region', gap.region], ['Error', gap.error]] },
    children: [],
  };
}
