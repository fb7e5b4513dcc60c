// The DOM sink of the render tree: elements by createElementNS, names and reasons by textContent,
// attributes by setAttribute from an allowlist. No markup is ever parsed, so a resource named
// `<img src=x onerror=…>` can only ever be text.
import { SVG_NS, type RenderElement, type RenderTag } from '../src/diagram/render-tree';

/** `style` is absent on purpose: the page's CSP allows no inline styles (the stylesheet is a file). */
const TAGS: ReadonlySet<RenderTag> = new Set<RenderTag>(['svg', 'g', 'defs', 'marker', 'rect', 'path', 'circle', 'text', 'title']);

/** No event handlers, no href: nothing here can load or run anything. */
const ATTRIBUTES: ReadonlySet<string> = new Set([
  'class', 'id', 'role', 'tabindex', 'aria-label', 'aria-hidden', 'aria-pressed',
  'data-node-id', 'data-edge-id', 'data-source', 'data-target',
  'viewBox', 'width', 'height', 'x', 'y', 'rx', 'cx', 'cy', 'r', 'd',
  'refX', 'refY', 'markerWidth', 'markerHeight', 'orient', 'marker-end',
]);

export function buildSvgDom(element: RenderElement, doc: Document): SVGElement {
  if (!TAGS.has(element.tag)) throw new Error(`the diagram page does not draw <${element.tag}>`);
  const node = doc.createElementNS(SVG_NS, element.tag);
  for (const [name, value] of Object.entries(element.attrs)) {
    // xmlns is implied by createElementNS; setting it as an attribute is meaningless.
    if (name === 'xmlns') continue;
    if (!ATTRIBUTES.has(name)) throw new Error(`the diagram page does not set the attribute ${name}`);
    node.setAttribute(name, value);
  }
  if (element.text !== undefined) node.textContent = element.text;
  for (const child of element.children) node.appendChild(buildSvgDom(child, doc));
  return node;
}
