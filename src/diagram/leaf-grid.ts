// Packs the boxes of a subnet that has no arrows inside it into a grid, in model order. Done here
// rather than by ELK's rectpacking, which took over a second per subnet of a few dozen boxes; ELK
// is then told to keep these positions (algorithm "fixed").
import type { ElkNode } from 'elkjs/lib/elk-api';
import { CONTAINER_INSET, HEADER_HEIGHT } from './elk-options';

const GAP = 14;
/** Rows about twice as wide as the grid is tall: subnets sit side by side in a left-to-right map. */
const ASPECT = 2;

export interface Leaf {
  id: string;
  width: number;
  height: number;
}

/** The container as a fixed-size ELK node with its leaves already placed. */
export function packedContainer(id: string, leaves: readonly Leaf[], minWidth: number): ElkNode {
  const top = HEADER_HEIGHT + 4;
  // Uniform cells make a real grid: columns line up and the eye can count them.
  const cellWidth = Math.max(...leaves.map((l) => l.width));
  const cellHeight = Math.max(...leaves.map((l) => l.height));
  const columns = Math.max(1, Math.min(leaves.length, Math.round(Math.sqrt((leaves.length * ASPECT * (cellHeight + GAP)) / (cellWidth + GAP)))));
  const rows = Math.ceil(leaves.length / columns);
  const children: ElkNode[] = leaves.map((leaf, i) => ({
    id: leaf.id,
    x: CONTAINER_INSET + (i % columns) * (cellWidth + GAP),
    y: top + Math.floor(i / columns) * (cellHeight + GAP),
    width: leaf.width,
    height: leaf.height,
  }));
  return {
    id,
    width: Math.max(minWidth, columns * (cellWidth + GAP) - GAP + 2 * CONTAINER_INSET),
    height: top + rows * (cellHeight + GAP) - GAP + CONTAINER_INSET,
    layoutOptions: { 'elk.algorithm': 'fixed', 'elk.nodeSize.fixedGraphSize': 'true' },
    children,
  };
}
