// Separate parts of the map (the VPC network, a domain chain, a lone function) are laid out one by
// one and then packed in rows. ELK cannot do this itself for a graph laid out across its hierarchy
// (INCLUDE_CHILDREN ignores component packing), and without it unrelated chains share layers and
// the picture grows into a thin strip too wide to read when fitted.
import type { DiagramEdge, DiagramNode } from './drawing';
import type { Scene } from './scene';

/** A laid-out part, in its own coordinates from (0, 0). */
export interface Part {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
}

/** Width over height the packing aims for: a little wider than a typical editor panel. */
const TARGET_ASPECT = 1.6;
const GAP = 8;

/** Top-level node ids grouped by connection (an edge anywhere inside joins the top-level boxes it leaves). */
export function connectedComponents(scene: Scene): string[][] {
  const leader = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (leader.get(root) !== root) root = leader.get(root) ?? root;
    leader.set(id, root);
    return root;
  };
  const tops = scene.childrenOf(undefined).map((n) => n.id);
  const order = new Map(tops.map((id, i) => [id, i]));
  for (const id of tops) leader.set(id, id);
  for (const edge of scene.edges()) {
    const a = find(scene.topOf(edge.source));
    const b = find(scene.topOf(edge.target));
    if (a === b) continue;
    // The earlier box leads, so components keep the scene's order.
    const [first, second] = (order.get(a) ?? 0) < (order.get(b) ?? 0) ? [a, b] : [b, a];
    leader.set(second, first);
  }
  const groups = new Map<string, string[]>();
  for (const id of tops) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}

/** Sums of two-decimal values, kept at two decimals (no float noise in the JSON). */
const add = (a: number, b: number): number => Math.round((a + b) * 100) / 100;

function shift(node: DiagramNode, dx: number, dy: number): DiagramNode {
  return { ...node, x: add(node.x, dx), y: add(node.y, dy), children: node.children.map((c) => shift(c, dx, dy)) };
}

function shiftEdge(edge: DiagramEdge, dx: number, dy: number): DiagramEdge {
  return { ...edge, points: edge.points.map((p) => ({ x: add(p.x, dx), y: add(p.y, dy) })) };
}

/**
 * Shelf packing: biggest parts first, left to right in rows no wider than the widest part or the
 * width that would give the target aspect, whichever is more. Deterministic for a given input.
 */
export function packParts(parts: readonly Part[]): Part {
  if (parts.length === 1 && parts[0]) return parts[0];
  const order = parts.map((part, index) => ({ part, index })).sort((a, b) => b.part.width * b.part.height - a.part.width * a.part.height || a.index - b.index);
  const area = parts.reduce((sum, p) => sum + p.width * p.height, 0);
  const rowWidth = Math.max(...parts.map((p) => p.width), Math.sqrt(area * TARGET_ASPECT));
  const packed: Part = { nodes: [], edges: [], width: 0, height: 0 };
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const { part } of order) {
    if (x > 0 && x + part.width > rowWidth) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    packed.nodes.push(...part.nodes.map((n) => shift(n, x, y)));
    packed.edges.push(...part.edges.map((e) => shiftEdge(e, x, y)));
    packed.width = Math.max(packed.width, x + part.width);
    rowHeight = Math.max(rowHeight, part.height);
    x += part.width + GAP;
  }
  packed.height = y + rowHeight;
  return packed;
}
