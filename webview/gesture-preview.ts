// A wheel or pinch gesture fires dozens of events a second. Re-drawing 10,000 SVG elements at a
// new viewport transform for each one ran at 13–30 fps, so during a gesture the already-drawn
// picture is moved as one compositor layer (a CSS transform on the <svg>, which has
// `will-change: transform`), and culling and level of detail wait. When no event has come for
// SETTLE_MS the gesture is over: the page draws the final view once and culls again.
import type { View } from './viewport';

/** Quiet time after the last wheel event that ends a gesture: longer than the gap between a trackpad's events. */
export const SETTLE_MS = 120;

export interface GesturePreview {
  /** True between the first previewed view and the end of the gesture. */
  readonly active: boolean;
  /** Shows `next` at once by transforming the picture drawn at `drawnAt`; settles after SETTLE_MS without another call. */
  show(svg: SVGSVGElement, drawnAt: View, next: View): void;
  /** Ends the gesture now: the CSS transform goes, and the caller draws the view it last previewed. */
  end(): void;
}

export function createGesturePreview(win: Window, settle: () => void): GesturePreview {
  let timer: number | undefined;
  let moved: SVGSVGElement | undefined;
  const preview: GesturePreview = {
    get active() {
      return moved !== undefined;
    },
    show(svg, drawnAt, next) {
      // A screen point p of the drawn picture must land on scale·p + shift, where the new view
      // draws it: picture point x is at zoom·x + pan before and next.zoom·x + next.pan after.
      const scale = next.zoom / drawnAt.zoom;
      const shiftX = next.panX - scale * drawnAt.panX;
      const shiftY = next.panY - scale * drawnAt.panY;
      // CSSOM, not a style attribute: the page's CSP allows no inline styles, and needs none for this.
      svg.style.transform = `translate(${shiftX}px, ${shiftY}px) scale(${scale})`;
      moved = svg;
      if (timer !== undefined) win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        timer = undefined;
        settle();
      }, SETTLE_MS);
    },
    end() {
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
      moved?.style.removeProperty('transform');
      moved = undefined;
    },
  };
  return preview;
}
