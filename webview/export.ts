// The picture as a standalone SVG file, as the user sees it: the page cannot read its stylesheet's
// text (it comes from another origin), so each element's computed colours and strokes are written
// onto the copy as presentation attributes, resolved in the current theme.
import type { Diagram } from '../src/diagram/drawing';
import { SVG_NS } from '../src/diagram/render-tree';

/** The style properties each kind of element uses; each becomes the SVG attribute of the same name. */
const SHAPE = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray'];
const PROPERTIES: Record<string, readonly string[]> = {
  rect: SHAPE,
  path: SHAPE,
  circle: SHAPE,
  text: ['fill', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor'],
};

/**
 * color-mix() computes to CSS Color 4 `color(srgb r g b / a)`, which SVG tools outside browsers do
 * not read; written as rgb()/rgba() the file opens anywhere.
 */
export function plainColour(value: string): string {
  return value.replace(/color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)/g, (_match, r: string, g: string, b: string, a?: string) => {
    const [R, G, B] = [r, g, b].map((c) => Math.round(Math.min(1, Math.max(0, Number(c))) * 255));
    return a === undefined ? `rgb(${R}, ${G}, ${B})` : `rgba(${R}, ${G}, ${B}, ${Number(a)})`;
  });
}

function copyComputedStyle(from: Element, to: Element): void {
  const style = getComputedStyle(from);
  for (const property of PROPERTIES[from.localName] ?? []) {
    const value = style.getPropertyValue(property);
    if (value !== '') to.setAttribute(property, plainColour(value));
  }
  // Hidden parts (a container's kind stripe) must stay hidden without the stylesheet.
  if (style.display === 'none') to.setAttribute('display', 'none');
  const fromChildren = [...from.children];
  [...to.children].forEach((child, i) => {
    const source = fromChildren[i];
    if (source) copyComputedStyle(source, child);
  });
}

export function exportSvg(drawn: SVGSVGElement, diagram: Diagram): string {
  const copy = drawn.cloneNode(true) as SVGSVGElement;
  copyComputedStyle(drawn, copy);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('viewBox', `0 0 ${diagram.width} ${diagram.height}`);
  copy.setAttribute('width', String(diagram.width));
  copy.setAttribute('height', String(diagram.height));
  copy.querySelector('g.viewport')?.removeAttribute('transform');
  for (const element of copy.querySelectorAll('.selected, .related')) element.classList.remove('selected', 'related');
  // The page background, so a dark theme's light text stays readable in the file.
  const background = copy.ownerDocument.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(drawn.ownerDocument.body).backgroundColor);
  copy.insertBefore(background, copy.firstChild);
  // XMLSerializer escapes text and attribute values; every name in the tree was set as text.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
