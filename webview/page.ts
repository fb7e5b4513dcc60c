// The diagram page: draws what the host sends, lets the user zoom, pan and select, and tells the
// host what was selected. It trusts nothing that arrives: messages pass isHostMessage (which checks
// the whole diagram) and every name is set as text.
import type { Diagram, DiagramNode } from '../src/diagram/drawing';
import { isHostMessage, type HostMessage, type PageState } from '../src/diagram/protocol';
import { renderTree } from '../src/diagram/render-tree';
import { showDetails } from './details';
import { exportSvg } from './export';
import { buildSvgDom } from './svg-dom';
import { centreOn, fitView, transformOf, zoomAt, type View } from './viewport';
import type { VsCodeApi } from './vscode-api';

/** Movement (px) after which a press is a drag, not a click. */
const DRAG_THRESHOLD = 4;
const BUTTON_ZOOM = 1.25;

interface Chrome {
  title: HTMLElement;
  status: HTMLElement;
  canvas: HTMLElement;
  details: HTMLElement;
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

function* walk(nodes: readonly DiagramNode[]): Generator<DiagramNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

export function startDiagramPage(api: VsCodeApi, win: Window = window): void {
  const doc = win.document;
  const state: PageState = { ...(api.getState() ?? {}) };
  let diagram: Diagram | undefined;
  let svg: SVGSVGElement | undefined;
  let viewport: SVGGElement | undefined;
  let view: View | undefined;
  /** True while the picture is as Fit left it: a resize then fits again; a zoom or pan by the user ends it. */
  let autoFit = false;
  let nextRequestId = 1;
  /** Requests sent to the host, by id, with what to say when the answer comes. */
  const pending = new Map<number, string>();

  const chrome = buildChrome();

  function buildChrome(): Chrome {
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
    toolbar.append(
      title,
      status,
      button(doc, 'Export SVG', 'Export the diagram as an SVG file', () => requestExport()),
      button(doc, '−', 'Zoom out', () => zoomBy(1 / BUTTON_ZOOM)),
      button(doc, '+', 'Zoom in', () => zoomBy(BUTTON_ZOOM)),
      button(doc, 'Fit', 'Fit the whole diagram', () => fit()),
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
    return { title, status, canvas, details };
  }

  function requestExport(): void {
    if (!svg || !diagram) return;
    const requestId = nextRequestId++;
    pending.set(requestId, 'Exported');
    chrome.status.textContent = 'Exporting…';
    api.postMessage({ type: 'request', requestId, request: { kind: 'exportSvg', svg: exportSvg(svg, diagram) } });
  }

  function canvasSize(): { width: number; height: number } {
    return { width: chrome.canvas.clientWidth, height: chrome.canvas.clientHeight };
  }

  function applyView(next: View): void {
    view = next;
    viewport?.setAttribute('transform', transformOf(next));
    state.zoom = next.zoom;
    state.panX = next.panX;
    state.panY = next.panY;
    api.setState(state);
  }

  function fit(): void {
    if (!diagram) return;
    applyView(fitView(diagram, canvasSize()));
    autoFit = true;
  }

  function zoomBy(factor: number, at?: { x: number; y: number }): void {
    if (!view) return;
    autoFit = false;
    const size = canvasSize();
    applyView(zoomAt(view, factor, at?.x ?? size.width / 2, at?.y ?? size.height / 2));
  }

  function findNode(id: string): DiagramNode | undefined {
    return diagram ? [...walk(diagram.nodes)].find((n) => n.id === id) : undefined;
  }

  function nodeElement(id: string): SVGGElement | undefined {
    if (!svg) return undefined;
    for (const element of svg.querySelectorAll<SVGGElement>('g.node')) if (element.dataset.nodeId === id) return element;
    return undefined;
  }

  /** Highlights a box and its arrows and fills the details pane; `announce` tells the host. */
  function select(id: string | undefined, announce: boolean): void {
    const node = id === undefined ? undefined : findNode(id);
    for (const element of svg?.querySelectorAll('.node.selected, .edge.related') ?? []) {
      element.classList.remove('selected', 'related');
      if (element.classList.contains('node')) element.setAttribute('aria-pressed', 'false');
    }
    if (node) {
      const element = nodeElement(node.id);
      element?.classList.add('selected');
      element?.setAttribute('aria-pressed', 'true');
      for (const edge of svg?.querySelectorAll<SVGGElement>('g.edge') ?? []) {
        if (edge.dataset.source === node.id || edge.dataset.target === node.id) edge.classList.add('related');
      }
    }
    showDetails(chrome.details, node);
    state.selectedNodeId = node?.id;
    api.setState(state);
    if (node && announce) api.postMessage({ type: 'select', nodeId: node.id });
  }

  function show(next: Diagram): void {
    diagram = next;
    chrome.title.textContent = next.title;
    svg = buildSvgDom(renderTree(next, { interactive: true }), doc) as SVGSVGElement;
    // The page sizes the picture to the canvas and places it with the viewport transform.
    svg.removeAttribute('viewBox');
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    viewport = svg.querySelector<SVGGElement>('g.viewport') ?? undefined;
    chrome.canvas.replaceChildren(svg, chrome.details);
    const restored = state.zoom !== undefined && state.panX !== undefined && state.panY !== undefined;
    if (restored) {
      applyView({ zoom: state.zoom ?? 1, panX: state.panX ?? 0, panY: state.panY ?? 0 });
      autoFit = false;
    } else {
      fit();
    }
    select(state.selectedNodeId !== undefined && findNode(state.selectedNodeId) ? state.selectedNodeId : undefined, false);
  }

  function reveal(nodeId: string): void {
    const node = findNode(nodeId);
    if (!node || !view) return;
    autoFit = false;
    applyView(centreOn(view, node.x + node.width / 2, node.y + node.height / 2, canvasSize()));
    // The host asked for this; telling it back would only echo.
    select(node.id, false);
    nodeElement(node.id)?.focus({ preventScroll: true });
  }

  function receive(message: HostMessage): void {
    switch (message.type) {
      case 'showDiagram':
        show(message.diagram);
        return;
      case 'reveal':
        reveal(message.nodeId);
        return;
      case 'response': {
        const done = pending.get(message.requestId);
        if (done === undefined) return;
        pending.delete(message.requestId);
        chrome.status.textContent = message.ok ? `${done}: ${message.result}` : message.error;
        return;
      }
    }
  }

  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isHostMessage(event.data)) receive(event.data);
  });
  wireInput();
  api.postMessage({ type: 'ready' });

  function wireInput(): void {
    const canvas = chrome.canvas;
    let press: { x: number; y: number; panX: number; panY: number; dragged: boolean } | undefined;
    canvas.addEventListener(
      'wheel',
      (event) => {
        if (!view) return;
        event.preventDefault();
        const box = canvas.getBoundingClientRect();
        zoomBy(Math.exp(-event.deltaY * 0.0015), { x: event.clientX - box.left, y: event.clientY - box.top });
      },
      { passive: false },
    );
    canvas.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || !view || chrome.details.contains(event.target as Node)) return;
      press = { x: event.clientX, y: event.clientY, panX: view.panX, panY: view.panY, dragged: false };
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!press || !view) return;
      const dx = event.clientX - press.x;
      const dy = event.clientY - press.y;
      if (!press.dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!press.dragged) {
        press.dragged = true;
        autoFit = false;
        canvas.setPointerCapture(event.pointerId);
        canvas.classList.add('dragging');
      }
      applyView({ zoom: view.zoom, panX: press.panX + dx, panY: press.panY + dy });
    });
    const release = (event: PointerEvent): void => {
      if (!press) return;
      const wasDrag = press.dragged;
      press = undefined;
      canvas.classList.remove('dragging');
      if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
      if (wasDrag || event.type === 'pointercancel') return;
      const target = (event.target as Element | null)?.closest<SVGGElement>('g.node');
      select(target?.dataset.nodeId, true);
    };
    canvas.addEventListener('pointerup', release);
    canvas.addEventListener('pointercancel', release);
    canvas.addEventListener('keydown', (event) => {
      const target = (event.target as Element | null)?.closest<SVGGElement>('g.node');
      if (target && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        select(target.dataset.nodeId, true);
      } else if (event.key === 'Escape') {
        select(undefined, false);
      }
    });
    win.addEventListener('resize', () => {
      if (autoFit) fit();
    });
  }
}
