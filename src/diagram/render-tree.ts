// The one drawing of a Diagram, as a small neutral element tree. Two sinks consume it: svg.ts
// serialises it with strict escaping (CLI export, static HTML) and the webview builds DOM from it
// with createElementNS/textContent. Neither sink ever sees markup made from names, only this tree,
// so hostile names from AWS or a template stay text.
import type { Diagram, DiagramEdge, DiagramNode, NodeKind, Point, Status } from './drawing';
import { BADGE_ROOM, TEXT_INSET } from './elk-options';
import { DETAIL_TEXT, EDGE_LABEL_TEXT, LABEL_TEXT, fitText } from './text-metrics';

/** `style` is only for the standalone SVG file; the webview's CSP forbids inline styles and its sink refuses it. */
export type RenderTag = 'svg' | 'g' | 'defs' | 'marker' | 'rect' | 'path' | 'circle' | 'text' | 'title' | 'style';

export interface RenderElement {
  tag: RenderTag;
  /** Attribute names are fixed by this module; values may carry untrusted text and must be escaped by the sink. */
  attrs: Record<string, string>;
  /** Untrusted text content, set as text by the sink. */
  text?: string;
  children: RenderElement[];
}

export interface RenderOptions {
  /** The webview makes nodes focusable buttons; a static export draws them as labelled images. */
  interactive?: boolean;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

const KIND_NAMES: Record<NodeKind, string> = {
  account: 'Account',
  region: 'Region',
  vpc: 'VPC',
  subnet: 'Subnet',
  eni: 'Network interface',
  function: 'Lambda function',
  'internet-gateway': 'Internet gateway',
  'nat-gateway': 'NAT gateway',
  'vpc-endpoint': 'VPC endpoint',
  internet: 'Internet',
  'aws-service': 'AWS service',
  'dns-name': 'DNS name',
  'hosted-zone': 'Hosted zone',
  record: 'DNS record',
  domain: 'Custom domain',
  certificate: 'Certificate',
  mapping: 'API mapping',
  api: 'API',
  group: 'Group',
};

const STATUS_WORDS: Record<Status, string> = { ok: 'ok', info: 'note', warning: 'warning', error: 'broken' };
const STATUSES: readonly Status[] = ['ok', 'info', 'warning', 'error'];

export function kindName(kind: NodeKind): string {
  return KIND_NAMES[kind];
}

function el(tag: RenderTag, attrs: Record<string, string>, children: RenderElement[] = [], text?: string): RenderElement {
  return text === undefined ? { tag, attrs, children } : { tag, attrs, text, children };
}

/** Numbers as short, locale-free attribute text. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function arrowMarker(status: Status): RenderElement {
  return el('marker', { id: `snm-arrow-${status}`, class: `arrow status-${status}`, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, [
    el('path', { d: 'M 0 0 L 10 5 L 0 10 z' }),
  ]);
}

function nodeTooltip(node: DiagramNode): string {
  return [`${kindName(node.kind)}: ${node.label}`, node.detail, ...node.findings.map((f) => `• ${f}`)].filter(Boolean).join('\n');
}

function isContainer(node: DiagramNode): boolean {
  return node.children.length > 0 || node.kind === 'vpc' || node.kind === 'subnet' || node.kind === 'hosted-zone';
}

const COUNT_NOUNS: Partial<Record<NodeKind, [string, string]>> = {
  function: ['function', 'functions'],
  eni: ['ENI', 'ENIs'],
  'nat-gateway': ['NAT gateway', 'NAT gateways'],
  'vpc-endpoint': ['endpoint', 'endpoints'],
  record: ['record', 'records'],
};

/** "12 functions, 3 ENIs": what a container holds, for its collapsed form. Only for containers of leaves. */
export function childCount(node: DiagramNode): string | undefined {
  if (node.children.length === 0 || node.children.some((c) => c.children.length > 0)) return undefined;
  const byKind = new Map<NodeKind, number>();
  for (const child of node.children) byKind.set(child.kind, (byKind.get(child.kind) ?? 0) + 1);
  return [...byKind]
    .map(([kind, n]) => {
      const [one, many] = COUNT_NOUNS[kind] ?? [kindName(kind).toLowerCase(), `${kindName(kind).toLowerCase()}s`];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

function renderNode(node: DiagramNode, options: RenderOptions): RenderElement {
  const container = isContainer(node);
  const classes = ['node', `kind-${node.kind}`, `status-${node.status}`, container ? 'container' : 'leaf', node.missing ? 'missing' : ''];
  const spoken = [kindName(node.kind), node.label, node.detail, STATUS_WORDS[node.status], ...node.findings].filter(Boolean).join(', ');
  const attrs: Record<string, string> = {
    class: classes.filter(Boolean).join(' '),
    'data-node-id': node.id,
    'aria-label': spoken,
  };
  if (options.interactive) Object.assign(attrs, { role: 'button', tabindex: '0', 'aria-pressed': 'false' });
  else attrs.role = container ? 'group' : 'img';
  const textWidth = node.width - 2 * TEXT_INSET - (node.status === 'ok' ? 0 : BADGE_ROOM);
  const children: RenderElement[] = [
    el('title', {}, [], nodeTooltip(node)),
    el('rect', { class: 'node-box', x: num(node.x), y: num(node.y), width: num(node.width), height: num(node.height), rx: container ? '8' : '6' }),
    el('rect', { class: 'node-stripe', x: num(node.x), y: num(node.y + 6), width: '3', height: num(Math.min(node.height, 46) - 12), rx: '1.5' }),
    el('text', { class: 'node-label', x: num(node.x + TEXT_INSET), y: num(node.y + 19) }, [], fitText(node.label, textWidth, LABEL_TEXT)),
  ];
  if (node.detail !== undefined) {
    children.push(el('text', { class: 'node-detail', x: num(node.x + TEXT_INSET), y: num(node.y + 35) }, [], fitText(node.detail, textWidth, DETAIL_TEXT)));
  }
  if (node.status !== 'ok') {
    // A badge as well as the colour, so the status survives colour blindness and greyscale prints.
    const cx = node.x + node.width - 13;
    const cy = node.y + 14;
    children.push(
      el('circle', { class: 'node-badge', cx: num(cx), cy: num(cy), r: '8' }),
      el('text', { class: 'node-badge-text', x: num(cx), y: num(cy + 4) }, [], node.status === 'info' ? 'i' : '!'),
    );
  }
  const count = childCount(node);
  if (count !== undefined) {
    // Shown only when the page zooms far out and hides the boxes inside (level of detail).
    children.push(el('text', { class: 'node-count', x: num(node.x + node.width / 2), y: num(node.y + node.height / 2), 'aria-hidden': 'true' }, [], count));
  }
  children.push(...node.children.map((child) => renderNode(child, options)));
  return el('g', attrs, children);
}

function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${num(p.x)} ${num(p.y)}`).join(' ');
}

function renderEdge(edge: DiagramEdge, labels: ReadonlyMap<string, string>): RenderElement {
  const from = labels.get(edge.source) ?? edge.source;
  const to = labels.get(edge.target) ?? edge.target;
  const said = [`${from} → ${to}`, edge.status === 'ok' ? undefined : STATUS_WORDS[edge.status], edge.reason].filter(Boolean);
  const children: RenderElement[] = [
    el('title', {}, [], said.join('\n')),
    el('path', { class: 'edge-line', d: pathData(edge.points), 'marker-end': `url(#snm-arrow-${edge.status})` }),
  ];
  return el('g', { class: `edge status-${edge.status}`, 'data-edge-id': edge.id, 'data-source': edge.source, 'data-target': edge.target, role: 'img', 'aria-label': said.join(', ') }, children);
}

/** Edge labels go above every box and line, so a broken hop's reason is never hidden. */
function renderEdgeLabel(edge: DiagramEdge): RenderElement | undefined {
  if (edge.label === undefined || edge.labelBox === undefined) return undefined;
  const box = edge.labelBox;
  return el('g', { class: `edge-label status-${edge.status}`, 'data-edge-id': edge.id, 'aria-hidden': 'true' }, [
    el('rect', { class: 'edge-label-box', x: num(box.x - 2), y: num(box.y), width: num(box.width + 4), height: num(box.height), rx: '3' }),
    el('text', { class: 'edge-label-text', x: num(box.x + 4), y: num(box.y + box.height - 4) }, [], fitText(edge.label, box.width - 4, EDGE_LABEL_TEXT)),
  ]);
}

function collectLabels(nodes: readonly DiagramNode[], into: Map<string, string>): Map<string, string> {
  for (const node of nodes) {
    into.set(node.id, node.label);
    collectLabels(node.children, into);
  }
  return into;
}

export function renderTree(diagram: Diagram, options: RenderOptions = {}): RenderElement {
  const labels = collectLabels(diagram.nodes, new Map());
  const width = Math.max(1, diagram.width);
  const height = Math.max(1, diagram.height);
  return el('svg', { xmlns: SVG_NS, class: 'snm-diagram', viewBox: `0 0 ${num(width)} ${num(height)}`, width: num(width), height: num(height), role: 'group', 'aria-label': diagram.title }, [
    el('title', {}, [], diagram.title),
    el('defs', {}, STATUSES.map(arrowMarker)),
    el('g', { class: 'viewport' }, [
      el('g', { class: 'nodes' }, diagram.nodes.map((n) => renderNode(n, options))),
      el('g', { class: 'edges' }, diagram.edges.map((e) => renderEdge(e, labels))),
      el('g', { class: 'edge-labels' }, diagram.edges.flatMap((e) => renderEdgeLabel(e) ?? [])),
    ]),
  ]);
}
