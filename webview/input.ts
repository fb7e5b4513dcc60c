// Mouse, trackpad and keyboard on the canvas. Wheel zooms at the pointer, a drag pans, a click
// selects; arrows pan, + and - zoom, 0 fits, / or Ctrl+F goes to search, Tab walks the boxes in
// drawing order (handled here so boxes culled off screen are still reached and brought into view).
import type { View } from './viewport';

/** Movement (px) after which a press is a drag, not a click. */
const DRAG_THRESHOLD = 4;
/** Screen pixels an arrow key pans by; Shift pans four times as far. */
const ARROW_STEP = 60;
export const BUTTON_ZOOM = 1.25;

export interface InputTarget {
  canvas: HTMLElement;
  details: HTMLElement;
  search: HTMLInputElement;
  view(): View | undefined;
  /** A view the user chose: ends auto-fit. */
  setView(view: View): void;
  /** A view during a wheel or pinch gesture: shown at once, drawn in full when the gesture settles. */
  previewView(view: View): void;
  zoomBy(factor: number, at?: { x: number; y: number }): void;
  /** Zoom at a screen point during a wheel or pinch gesture (previewed like previewView). */
  wheelZoom(factor: number, at: { x: number; y: number }): void;
  fit(): void;
  select(nodeId: string | undefined, announce: boolean): void;
  /** The node after (or before) this one in drawing order among those shown; undefined at the ends. */
  neighbour(nodeId: string, step: 1 | -1): string | undefined;
  /** Brings a node on screen at a readable size and focuses it. */
  focusNode(nodeId: string): void;
}

function nodeOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? target.closest<SVGGElement>('g.node') : null;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

export function wireInput(win: Window, t: InputTarget): void {
  const { canvas } = t;
  let press: { x: number; y: number; panX: number; panY: number; dragged: boolean } | undefined;
  canvas.addEventListener(
    'wheel',
    (event) => {
      if (!t.view()) return;
      event.preventDefault();
      const box = canvas.getBoundingClientRect();
      // A trackpad pinch arrives as a wheel event with ctrlKey; a two-finger scroll (no ctrlKey, deltaX) pans.
      if (!event.ctrlKey && Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        const view = t.view();
        if (view) t.previewView({ ...view, panX: view.panX - event.deltaX });
        return;
      }
      t.wheelZoom(Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015)), { x: event.clientX - box.left, y: event.clientY - box.top });
    },
    { passive: false },
  );
  canvas.addEventListener('pointerdown', (event) => {
    const view = t.view();
    if (event.button !== 0 || !view || t.details.contains(event.target as Node)) return;
    press = { x: event.clientX, y: event.clientY, panX: view.panX, panY: view.panY, dragged: false };
  });
  canvas.addEventListener('pointermove', (event) => {
    const view = t.view();
    if (!press || !view) return;
    const dx = event.clientX - press.x;
    const dy = event.clientY - press.y;
    if (!press.dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!press.dragged) {
      press.dragged = true;
      canvas.setPointerCapture(event.pointerId);
      canvas.classList.add('dragging');
    }
    t.setView({ zoom: view.zoom, panX: press.panX + dx, panY: press.panY + dy });
  });
  const release = (event: PointerEvent): void => {
    if (!press) return;
    const wasDrag = press.dragged;
    press = undefined;
    canvas.classList.remove('dragging');
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    if (wasDrag || event.type === 'pointercancel') return;
    t.select(nodeOf(event.target)?.dataset.nodeId, true);
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
  // Focusing an element can scroll even an overflow:hidden box; the view is ours to move, so undo it.
  canvas.addEventListener('scroll', () => {
    canvas.scrollTop = 0;
    canvas.scrollLeft = 0;
  });
  canvas.addEventListener('keydown', (event) => onCanvasKey(t, event));
  win.document.addEventListener('keydown', (event) => {
    const find = event.key === '/' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f');
    if (find && !isTyping(event.target)) {
      event.preventDefault();
      t.search.focus();
      t.search.select();
    }
  });
}

function onCanvasKey(t: InputTarget, event: KeyboardEvent): void {
  if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
  const node = nodeOf(event.target);
  const view = t.view();
  const step = event.shiftKey ? ARROW_STEP * 4 : ARROW_STEP;
  const pans: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const pan = pans[event.key];
  if (pan && view) {
    event.preventDefault();
    t.setView({ zoom: view.zoom, panX: view.panX + pan[0], panY: view.panY + pan[1] });
  } else if (event.key === '+' || event.key === '=') {
    event.preventDefault();
    t.zoomBy(BUTTON_ZOOM);
  } else if (event.key === '-' || event.key === '_') {
    event.preventDefault();
    t.zoomBy(1 / BUTTON_ZOOM);
  } else if (event.key === '0') {
    event.preventDefault();
    t.fit();
  } else if (event.key === 'Tab' && node?.dataset.nodeId !== undefined) {
    const next = t.neighbour(node.dataset.nodeId, event.shiftKey ? -1 : 1);
    // At either end Tab leaves the map as usual.
    if (next === undefined) return;
    event.preventDefault();
    t.focusNode(next);
  } else if (node && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    t.select(node.dataset.nodeId, true);
  } else if (event.key === 'Escape') {
    t.select(undefined, false);
  }
}
