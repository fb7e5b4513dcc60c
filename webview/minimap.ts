// An overview of a large map in a corner: the VPC and subnet outlines, broken boxes as marks, and
// the part on screen as a rectangle; a click or drag there moves the view. Drawn on a canvas, so it
// costs one draw per view change however many boxes the map has. Colours come from the stylesheet
// (the canvas's computed color / caret-color / outline-color), so it follows the theme.
import type { Diagram, DiagramNode } from '../src/diagram/drawing';
import { visibleRect, type Size, type View } from './viewport';

/** A map with more boxes than this, or one that fits only below this zoom, gets an overview. */
const LARGE_NODES = 120;
const LARGE_FIT_ZOOM = 0.5;
const WIDTH = 200;

export interface Minimap {
  element: HTMLCanvasElement;
  draw(view: View, canvas: Size): void;
}

export function isLarge(diagram: Diagram, nodeCount: number, canvas: Size): boolean {
  const fitZoom = Math.min(canvas.width / Math.max(1, diagram.width), canvas.height / Math.max(1, diagram.height));
  return nodeCount > LARGE_NODES || fitZoom < LARGE_FIT_ZOOM;
}

export function createMinimap(doc: Document, diagram: Diagram, onMove: (x: number, y: number) => void): Minimap {
  const element = doc.createElement('canvas');
  element.className = 'snm-minimap';
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', 'Overview of the whole map; click to move the view there');
  const scale = WIDTH / Math.max(1, diagram.width);
  const height = Math.max(40, Math.min(200, Math.round(diagram.height * scale)));
  const ratio = Math.min(WIDTH / Math.max(1, diagram.width), height / Math.max(1, diagram.height));
  element.width = WIDTH;
  element.height = height;
  const boxes: DiagramNode[] = [];
  const broken: DiagramNode[] = [];
  const visit = (nodes: readonly DiagramNode[], depth: number): void => {
    for (const node of nodes) {
      if (depth < 2 || node.children.length > 0) boxes.push(node);
      if (node.status === 'error' && node.children.length === 0) broken.push(node);
      visit(node.children, depth + 1);
    }
  };
  visit(diagram.nodes, 0);

  const toPicture = (event: PointerEvent): void => {
    const box = element.getBoundingClientRect();
    onMove(((event.clientX - box.left) * (element.width / box.width)) / ratio, ((event.clientY - box.top) * (element.height / box.height)) / ratio);
  };
  let dragging = false;
  element.addEventListener('pointerdown', (event) => {
    event.stopPropagation();
    dragging = true;
    element.setPointerCapture(event.pointerId);
    toPicture(event);
  });
  element.addEventListener('pointermove', (event) => {
    if (dragging) toPicture(event);
  });
  const stop = (event: PointerEvent): void => {
    event.stopPropagation();
    dragging = false;
  };
  element.addEventListener('pointerup', stop);
  element.addEventListener('pointercancel', stop);

  return {
    element,
    draw(view, canvas) {
      const context = element.getContext('2d');
      if (!context) return;
      const style = getComputedStyle(element);
      context.clearRect(0, 0, element.width, element.height);
      context.lineWidth = 1;
      context.strokeStyle = style.color;
      for (const node of boxes) context.strokeRect(node.x * ratio + 0.5, node.y * ratio + 0.5, Math.max(1, node.width * ratio), Math.max(1, node.height * ratio));
      context.fillStyle = style.caretColor;
      for (const node of broken) context.fillRect(node.x * ratio, node.y * ratio, Math.max(2, node.width * ratio), Math.max(2, node.height * ratio));
      const seen = visibleRect(view, canvas);
      context.strokeStyle = style.outlineColor;
      context.lineWidth = 2;
      context.strokeRect(seen.x * ratio, seen.y * ratio, seen.width * ratio, seen.height * ratio);
    },
  };
}
