// Zoom and pan as plain numbers: the picture is drawn at (x, y) * zoom + (panX, panY) on screen.
export interface View {
  zoom: number;
  panX: number;
  panY: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;

function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The whole picture centred in the canvas with a margin; never enlarged past 100 %, so small maps stay crisp. */
export function fitView(picture: Size, canvas: Size, margin = 16): View {
  const zoom = clampZoom(Math.min(1, (canvas.width - 2 * margin) / Math.max(1, picture.width), (canvas.height - 2 * margin) / Math.max(1, picture.height)));
  return { zoom, panX: (canvas.width - picture.width * zoom) / 2, panY: (canvas.height - picture.height * zoom) / 2 };
}

/** Zooms by `factor` keeping the picture point under the screen point (sx, sy) where it is. */
export function zoomAt(view: View, factor: number, sx: number, sy: number): View {
  const zoom = clampZoom(view.zoom * factor);
  const scale = zoom / view.zoom;
  return { zoom, panX: sx - (sx - view.panX) * scale, panY: sy - (sy - view.panY) * scale };
}

/** Pans so the picture point (x, y) sits in the middle of the canvas. */
export function centreOn(view: View, x: number, y: number, canvas: Size): View {
  return { zoom: view.zoom, panX: canvas.width / 2 - x * view.zoom, panY: canvas.height / 2 - y * view.zoom };
}

export function transformOf(view: View): string {
  const r = (n: number): number => Math.round(n * 100) / 100;
  return `translate(${r(view.panX)} ${r(view.panY)}) scale(${r(view.zoom * 1000) / 1000})`;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A part of the picture (search matches) centred and as large as fits, up to `maxZoom`. */
export function fitBox(box: Rect, canvas: Size, maxZoom = 1.5, margin = 40): View {
  const zoom = clampZoom(Math.min(maxZoom, (canvas.width - 2 * margin) / Math.max(1, box.width), (canvas.height - 2 * margin) / Math.max(1, box.height)));
  return { zoom, panX: canvas.width / 2 - (box.x + box.width / 2) * zoom, panY: canvas.height / 2 - (box.y + box.height / 2) * zoom };
}

/** The part of the picture on screen, in picture coordinates. */
export function visibleRect(view: View, canvas: Size): Rect {
  return { x: -view.panX / view.zoom, y: -view.panY / view.zoom, width: canvas.width / view.zoom, height: canvas.height / view.zoom };
}
