// The page's chrome: a toolbar (title, search, filters, export, zoom) above the canvas, and the
// details pane. Built with createElement and textContent only; the VPC and finding choices are
// names from AWS and are set as option text, never as markup.
import type { Diagram } from '../src/diagram/drawing';
import type { DiagramFilter } from '../src/diagram/protocol';

export interface Chrome {
  title: HTMLElement;
  status: HTMLElement;
  search: HTMLInputElement;
  vpc: HTMLSelectElement;
  finding: HTMLSelectElement;
  hideHealthy: HTMLInputElement;
  canvas: HTMLElement;
  details: HTMLElement;
}

export interface ChromeActions {
  exportSvg(): void;
  exportPng(): void;
  exportMermaid(): void;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
}

function button(doc: Document, label: string, title: string, onClick: () => void): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.title = title;
  element.setAttribute('aria-label', title);
  element.addEventListener('click', onClick);
  return element;
}

function select(doc: Document, label: string): HTMLSelectElement {
  const element = doc.createElement('select');
  element.setAttribute('aria-label', label);
  element.title = label;
  return element;
}

function option(doc: Document, value: string, text: string): HTMLOptionElement {
  const element = doc.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

export function buildChrome(doc: Document, actions: ChromeActions): Chrome {
  doc.body.classList.add('snm-page');
  const toolbar = doc.createElement('div');
  toolbar.className = 'snm-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Diagram');
  const title = doc.createElement('span');
  title.className = 'snm-title';
  const status = doc.createElement('span');
  status.className = 'snm-status';
  status.setAttribute('role', 'status');
  const search = doc.createElement('input');
  search.type = 'search';
  search.className = 'snm-search';
  search.placeholder = 'Search ( / )';
  search.setAttribute('aria-label', 'Search boxes by name or id; Enter goes to the next match');
  const vpc = select(doc, 'Show one VPC');
  const finding = select(doc, 'Show one kind of finding');
  const hideHealthy = doc.createElement('input');
  hideHealthy.type = 'checkbox';
  const healthyLabel = doc.createElement('label');
  healthyLabel.className = 'snm-check';
  healthyLabel.append(hideHealthy, doc.createTextNode('Hide healthy'));
  toolbar.append(
    title,
    status,
    search,
    vpc,
    finding,
    healthyLabel,
    button(doc, 'SVG', 'Export the diagram as an SVG file', actions.exportSvg),
    button(doc, 'PNG', 'Export the diagram as a PNG image', actions.exportPng),
    button(doc, 'Mermaid', 'Export the diagram as a Mermaid flowchart', actions.exportMermaid),
    button(doc, '−', 'Zoom out', actions.zoomOut),
    button(doc, '+', 'Zoom in', actions.zoomIn),
    button(doc, 'Fit', 'Fit the whole diagram', actions.fit),
  );
  const canvas = doc.createElement('div');
  canvas.className = 'snm-canvas';
  const empty = doc.createElement('p');
  empty.className = 'snm-empty';
  empty.textContent = 'Waiting for the diagram…';
  const details = doc.createElement('aside');
  details.className = 'snm-details';
  details.setAttribute('aria-live', 'polite');
  details.hidden = true;
  canvas.append(empty, details);
  doc.body.replaceChildren(toolbar, canvas);
  return { title, status, search, vpc, finding, hideHealthy, canvas, details };
}

/** Fills the filter choices from a diagram and sets them to `filter`. */
export function fillFilters(chrome: Chrome, diagram: Diagram, filter: DiagramFilter | undefined): void {
  const doc = chrome.vpc.ownerDocument;
  const vpcs = diagram.nodes.flatMap(function vpcsIn(n): { id: string; label: string }[] {
    return n.kind === 'vpc' ? [{ id: n.id, label: n.label === n.id ? n.id : `${n.label} (${n.id})` }] : n.children.flatMap(vpcsIn);
  });
  chrome.vpc.replaceChildren(option(doc, '', 'All VPCs'), ...vpcs.map((v) => option(doc, v.id, v.label)));
  chrome.vpc.hidden = vpcs.length < 2;
  const codes = new Map<string, number>();
  for (const f of diagram.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  chrome.finding.replaceChildren(option(doc, '', 'All findings'), ...[...codes].map(([code, n]) => option(doc, code, `${code} (${n})`)));
  chrome.finding.hidden = codes.size === 0;
  chrome.vpc.value = filter?.vpcId !== undefined && vpcs.some((v) => v.id === filter.vpcId) ? filter.vpcId : '';
  chrome.finding.value = filter?.findingCode !== undefined && codes.has(filter.findingCode) ? filter.findingCode : '';
  chrome.hideHealthy.checked = filter?.hideHealthy === true;
}

/** The filter the controls show now. */
export function readFilter(chrome: Chrome): DiagramFilter {
  const filter: DiagramFilter = {};
  if (chrome.vpc.value !== '') filter.vpcId = chrome.vpc.value;
  if (chrome.finding.value !== '') filter.findingCode = chrome.finding.value;
  if (chrome.hideHealthy.checked) filter.hideHealthy = true;
  return filter;
}
