// The string sink of the render tree: standalone SVG files and the SVG inlined in the static HTML.
// Every text and attribute value is escaped here and nowhere else; names come from AWS and
// templates and are hostile until proven otherwise.
import type { Diagram } from './drawing';
import { DIAGRAM_CSS } from './css-text';
import { renderTree, type RenderElement } from './render-tree';

/**
 * Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) would make the
 * whole file unreadable, so they become U+FFFD rather than failing the export.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: safe in XML and in HTML's foreign (SVG) content alike. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values are always double-quoted; both quote kinds are escaped anyway, and newlines kept as references. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

export function serializeElement(element: RenderElement, indent = ''): string {
  const attrs = Object.entries(element.attrs)
    .map(([name, value]) => {
      // Names are ours, never data; a bad one is a programming error, not something to escape.
      if (!ATTRIBUTE_NAME.test(name)) throw new Error(`render tree has an invalid attribute name: ${JSON.stringify(name)}`);
      return ` ${name}="${escapeAttribute(value)}"`;
    })
    .join('');
  const open = `${indent}<${element.tag}${attrs}`;
  if (element.children.length === 0) {
    return element.text === undefined ? `${open}/>` : `${open}>${escapeText(element.text)}</${element.tag}>`;
  }
  const inner = element.children.map((child) => serializeElement(child, `${indent}  `)).join('\n');
  const text = element.text === undefined ? '' : escapeText(element.text);
  return `${open}>${text}\n${inner}\n${indent}</${element.tag}>`;
}

/** The diagram's SVG element as markup, for inlining in a page that brings its own styles. */
export function renderSvgElement(diagram: Diagram): string {
  return serializeElement(renderTree(diagram));
}

/** A standalone SVG file: the same drawing with the diagram's stylesheet inside it. */
export function renderSvg(diagram: Diagram): string {
  const tree = renderTree(diagram);
  const style: RenderElement = { tag: 'style', attrs: {}, text: DIAGRAM_CSS, children: [] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeElement({ ...tree, children: [style, ...tree.children] })}\n`;
}
