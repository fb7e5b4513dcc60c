// Where a broken hop's reason is written: on its arrow's longest straight run, clear of boxes and of
// other labels. Placed after layout rather than given to ELK, because ELK reserves a whole layer per
// labelled edge, which made the map a third wider for a few words.
import type { Box, DiagramEdge, DiagramNode, Point } from './drawing';
import { EDGE_LABEL_HEIGHT, HEADER_HEIGHT, edgeLabelSize } from './elk-options';

/** A label may be cut to fit a run, but not below this share of itself: a stub like "public subnet:…" says nothing. */
const MIN_SHARE = 0.7;

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** What a label must not cover: every leaf box, and the title block of every container. */
function occupied(nodes: readonly DiagramNode[]): Box[] {
  return nodes.flatMap((n) => (n.children.length === 0 ? [n] : [{ x: n.x, y: n.y, width: n.width, height: HEADER_HEIGHT }, ...occupied(n.children)]));
}

/** Container borders: a label should rather not sit across one, but may when its arrow has no other room. */
function borders(nodes: readonly DiagramNode[]): Box[] {
  return nodes.flatMap((n) =>
    n.children.length === 0
      ? []
      : [
          { x: n.x - 1, y: n.y, width: 2, height: n.height },
          { x: n.x + n.width - 1, y: n.y, width: 2, height: n.height },
          { x: n.x, y: n.y + n.height - 1, width: n.width, height: 2 },
          ...borders(n.children),
        ],
  );
}

interface Run {
  from: Point;
  to: Point;
  length: number;
  horizontal: boolean;
}

function runs(points: readonly Point[]): Run[] {
  return points.slice(1).flatMap((to, i) => {
    const from = points[i];
    if (!from) return [];
    const horizontal = from.y === to.y;
    return [{ from, to, horizontal, length: horizontal ? Math.abs(to.x - from.x) : Math.abs(to.y - from.y) }];
  });
}

/** Candidate boxes along a run: centred first, then towards either end. */
function candidates(run: Run, width: number): Box[] {
  const spots = [0.5, 0.3, 0.7, 0.15, 0.85];
  return spots.flatMap((t) => {
    const x = run.from.x + (run.to.x - run.from.x) * t;
    const y = Math.round(run.from.y + (run.to.y - run.from.y) * t - EDGE_LABEL_HEIGHT / 2);
    // On a horizontal run the label sits on the line; beside a vertical one, right or left of it.
    return run.horizontal
      ? [{ x: Math.round(x - width / 2), y, width, height: EDGE_LABEL_HEIGHT }]
      : [
          { x: Math.round(x + 6), y, width, height: EDGE_LABEL_HEIGHT },
          { x: Math.round(x - 6 - width), y, width, height: EDGE_LABEL_HEIGHT },
        ];
  });
}

/** A run as a thin box, so a label placed across another arrow counts as a collision. */
function runBox(run: Run): Box {
  return {
    x: Math.min(run.from.x, run.to.x) - 2,
    y: Math.min(run.from.y, run.to.y) - 2,
    width: Math.abs(run.to.x - run.from.x) + 4,
    height: Math.abs(run.to.y - run.from.y) + 4,
  };
}

/** Gives each labelled edge a labelBox where one fits; an edge without room keeps its reason for the tooltip only. */
export function placeEdgeLabels(nodes: readonly DiagramNode[], edges: DiagramEdge[]): void {
  const taken: Box[] = occupied(nodes);
  const edgesOfContainers = borders(nodes);
  const lines = edges.map((edge) => ({ edge, boxes: runs(edge.points).map(runBox) }));
  /** Label texts already written per target: the same reason twice into one box is clutter. */
  const written = new Set<string>();
  // Errors first, so a warning never takes the spot an error needed.
  const labelled = edges.filter((e) => e.label !== undefined).sort((a, b) => (a.status === 'error' ? 0 : 1) - (b.status === 'error' ? 0 : 1));
  for (const edge of labelled) {
    delete edge.labelBox;
    const key = `${edge.target}\u0000${edge.label ?? ''}`;
    if (written.has(key)) continue;
    const wanted = edgeLabelSize(edge.label ?? '').width;
    const others = lines.filter((l) => l.edge !== edge).flatMap((l) => l.boxes);
    const free = (box: Box): boolean => !taken.some((t) => intersects(t, box)) && !others.some((o) => intersects(o, box));
    const clear = (box: Box): boolean => free(box) && !edgesOfContainers.some((b) => intersects(b, box));
    const ordered = runs(edge.points).sort((a, b) => Number(b.horizontal) - Number(a.horizontal) || b.length - a.length);
    const spots = ordered.flatMap((run) => {
      const width = run.horizontal ? Math.min(wanted, run.length - 24) : wanted;
      return width < wanted * MIN_SHARE ? [] : candidates(run, width);
    });
    const placed = spots.find(clear) ?? spots.find(free);
    if (placed) {
      edge.labelBox = placed;
      taken.push(placed);
      written.add(key);
    }
  }
}
