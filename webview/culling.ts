// Level of detail and culling, so pan and zoom stay smooth with thousands of elements. Leaves and
// arrows wholly off screen are taken out of rendering (display: none by a class); zoomed far out,
// text too small to read is hidden and a subnet's boxes collapse into a count. Work per frame is
// one pass over plain boxes, and the DOM is touched only where an element's state changes.
import type { Diagram, DiagramNode } from '../src/diagram/drawing';
import { allNodes } from '../src/diagram/diagram-filter';
import { visibleRect, type Rect, type Size, type View } from './viewport';

/** Below this zoom 13 px labels are under ~6 px on screen: unreadable, so hidden. */
export const LABEL_ZOOM = 0.45;
/** Below this zoom a subnet shows "12 functions" instead of twelve unreadable boxes. */
export const COLLAPSE_ZOOM = 0.3;
/** Screen pixels kept around the visible area, so a small pan shows no gap before the next frame. */
const MARGIN_PX = 200;

interface Item {
  element: Element;
  box: Rect;
  culled: boolean;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function edgeBox(points: readonly { x: number; y: number }[]): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export interface Culler {
  /** Applies level of detail and culling for a view; cheap when little changed. */
  update(view: View, canvas: Size): void;
  /** Takes an element out of culling now (before focusing it), whatever the last view was. */
  uncull(nodeId: string): void;
  /** Shows everything at full detail (for export); the next update culls again. */
  reset(): void;
}

export function createCuller(svg: SVGSVGElement, diagram: Diagram): Culler {
  const items: Item[] = [];
  const byNode = new Map<string, Item>();
  const leaves = new Map<string, DiagramNode>();
  for (const node of allNodes(diagram.nodes)) if (node.children.length === 0) leaves.set(node.id, node);
  for (const element of svg.querySelectorAll<SVGGElement>('g.node.leaf')) {
    const node = leaves.get(element.dataset.nodeId ?? '');
    if (!node) continue;
    const item = { element, box: node, culled: false };
    items.push(item);
    byNode.set(node.id, item);
  }
  const edges = new Map(diagram.edges.map((e) => [e.id, e]));
  for (const element of svg.querySelectorAll<SVGGElement>('g.edge, g.edge-label')) {
    const edge = edges.get(element.dataset.edgeId ?? '');
    if (edge && edge.points.length > 0) items.push({ element, box: element.classList.contains('edge-label') && edge.labelBox ? edge.labelBox : edgeBox(edge.points), culled: false });
  }
  let level = '';

  return {
    update(view, canvas) {
      const seen = visibleRect(view, canvas);
      const margin = MARGIN_PX / view.zoom;
      const area = { x: seen.x - margin, y: seen.y - margin, width: seen.width + 2 * margin, height: seen.height + 2 * margin };
      for (const item of items) {
        const culled = !overlaps(item.box, area);
        if (culled === item.culled) continue;
        item.culled = culled;
        item.element.classList.toggle('culled', culled);
      }
      const next = view.zoom < COLLAPSE_ZOOM ? 'collapsed' : view.zoom < LABEL_ZOOM ? 'far' : 'near';
      if (next !== level) {
        level = next;
        svg.classList.toggle('lod-far', next !== 'near');
        svg.classList.toggle('lod-collapsed', next === 'collapsed');
      }
      // The collapsed count stays about 14 px on screen at any zoom (CSSOM, which the CSP allows).
      if (next === 'collapsed') svg.style.setProperty('--snm-count-size', `${Math.round(14 / view.zoom)}px`);
    },
    reset() {
      for (const item of items) {
        item.culled = false;
        item.element.classList.remove('culled');
      }
      level = '';
      svg.classList.remove('lod-far', 'lod-collapsed');
    },
    uncull(nodeId) {
      const item = byNode.get(nodeId);
      if (item?.culled) {
        item.culled = false;
        item.element.classList.remove('culled');
      }
    },
  };
}
