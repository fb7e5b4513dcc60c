// The diagram page: draws what the host sends, lets the user search, filter, zoom, pan and select,
// and tells the host what was selected. It trusts nothing that arrives: messages pass
// isHostMessage (which checks the whole diagram) and every name is set as text.
import { allNodes, boundsOf, filterDiagram, isFiltering, searchNodes, type Shown } from '../src/diagram/diagram-filter';
import type { Diagram, DiagramNode } from '../src/diagram/drawing';
import { renderMermaid } from '../src/diagram/mermaid';
import { isHostMessage, type DiagramFilter, type HostMessage, type PageState } from '../src/diagram/protocol';
import { renderTree } from '../src/diagram/render-tree';
import { createCuller, LABEL_ZOOM, type Culler } from './culling';
import { showDetails } from './details';
import { exportSvg } from './export';
import { createHostRequests } from './host-requests';
import { createGesturePreview } from './gesture-preview';
import { svgToPngBase64 } from './export-png';
import { BUTTON_ZOOM, wireInput } from './input';
import { createMinimap, isLarge, type Minimap } from './minimap';
import { buildSvgDom } from './svg-dom';
import { buildChrome, fillFilters, readFilter } from './toolbar';
import { centreOn, fitBox, fitView, transformOf, visibleRect, zoomAt, type View } from './viewport';
import type { VsCodeApi } from './vscode-api';

interface Drawn {
  diagram: Diagram;
  svg: SVGSVGElement;
  viewport: SVGGElement;
  nodes: Map<string, DiagramNode>;
  elements: Map<string, SVGGElement>;
  culler: Culler;
  minimap?: Minimap;
}

export function startDiagramPage(api: VsCodeApi, win: Window = window): void {
  const doc = win.document;
  const state: PageState = { ...(api.getState() ?? {}) };
  let drawn: Drawn | undefined;
  let view: View | undefined;
  /** The view the picture is drawn at (its viewport transform); behind `view` only during a wheel gesture. */
  let drawnView: View | undefined;
  /** True while the picture is as Fit left it: a resize then fits again; a zoom or pan by the user ends it. */
  let autoFit = false;
  let frame: number | undefined;
  let shown: Shown | undefined;
  let matches: DiagramNode[] = [];
  let matchIndex = -1;

  const chrome = buildChrome(doc, {
    exportSvg: () => requestSvgExport(),
    exportPng: () => void requestPngExport(),
    exportMermaid: () => {
      if (drawn) host.save({ format: 'mermaid', text: renderMermaid(drawn.diagram) }, 'Mermaid');
    },
    zoomIn: () => zoomBy(BUTTON_ZOOM),
    zoomOut: () => zoomBy(1 / BUTTON_ZOOM),
    fit: () => fit(),
  });

  const say = (text: string): void => {
    chrome.status.textContent = text;
  };
  const host = createHostRequests(api, win, say);

  function requestSvgExport(): void {
    if (!drawn) return;
    say('Exporting…');
    host.request({ kind: 'exportSvg', svg: fileSvg(drawn) }, 'Exported');
  }

  /** The standalone SVG of the whole map: culling and level of detail are for the screen only. */
  function fileSvg(d: Drawn): string {
    // A half-finished gesture's CSS transform must not end up in the file.
    if (gesture.active) drawView();
    d.culler.reset();
    try {
      return exportSvg(d.svg, d.diagram);
    } finally {
      scheduleFrame();
    }
  }

  function goToTemplate(nodeId: string): void {
    say('Opening the template…');
    host.request({ kind: 'openInTemplate', nodeId }, 'Opened the template');
  }

  async function requestPngExport(): Promise<void> {
    if (!drawn) return;
    say('Drawing PNG…');
    try {
      host.save({ format: 'png', base64: await svgToPngBase64(doc, fileSvg(drawn), drawn.diagram.width, drawn.diagram.height) }, 'PNG');
    } catch (error) {
      say(`Could not make the PNG: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const canvasSize = () => ({ width: chrome.canvas.clientWidth, height: chrome.canvas.clientHeight });
  const gesture = createGesturePreview(win, () => drawView());

  /** Culling, level of detail and the overview follow the view once per frame, however many events came. */
  function scheduleFrame(): void {
    if (frame !== undefined) return;
    frame = win.requestAnimationFrame(() => {
      frame = undefined;
      if (!drawn || !view) return;
      // Mid-gesture the picture is a moved layer: culling now would only cost frames.
      if (!gesture.active) drawn.culler.update(view, canvasSize());
      drawn.minimap?.draw(view, canvasSize());
    });
  }

  function keepView(next: View): void {
    view = next;
    Object.assign(state, { zoom: next.zoom, panX: next.panX, panY: next.panY });
    api.setState(state);
  }

  /** Draws the picture at the current view, ending any gesture preview. */
  function drawView(): void {
    gesture.end();
    if (!view) return;
    drawnView = view;
    drawn?.viewport.setAttribute('transform', transformOf(view));
    scheduleFrame();
  }

  function applyView(next: View): void {
    keepView(next);
    drawView();
  }

  /** A view during a wheel or pinch gesture: shown at once as a moved layer, drawn when the gesture settles. */
  function previewView(next: View): void {
    autoFit = false;
    if (!drawn || !drawnView) {
      applyView(next);
      return;
    }
    keepView(next);
    gesture.show(drawn.svg, drawnView, next);
    scheduleFrame();
  }

  function setUserView(next: View): void {
    autoFit = false;
    applyView(next);
  }

  function fit(): void {
    if (!drawn) return;
    applyView(fitView(drawn.diagram, canvasSize()));
    autoFit = true;
  }

  function zoomBy(factor: number, at?: { x: number; y: number }): void {
    if (!view) return;
    const size = canvasSize();
    setUserView(zoomAt(view, factor, at?.x ?? size.width / 2, at?.y ?? size.height / 2));
  }

  function wheelZoom(factor: number, at: { x: number; y: number }): void {
    if (view) previewView(zoomAt(view, factor, at.x, at.y));
  }

  /** Highlights a box and its arrows and fills the details pane; `announce` tells the host. */
  function select(id: string | undefined, announce: boolean): void {
    const node = id === undefined ? undefined : drawn?.nodes.get(id);
    for (const element of drawn?.svg.querySelectorAll('.node.selected, .edge.related') ?? []) {
      element.classList.remove('selected', 'related');
      if (element.classList.contains('node')) element.setAttribute('aria-pressed', 'false');
    }
    if (node && drawn) {
      const element = drawn.elements.get(node.id);
      element?.classList.add('selected');
      element?.setAttribute('aria-pressed', 'true');
      for (const edge of drawn.svg.querySelectorAll<SVGGElement>('g.edge')) {
        if (edge.dataset.source === node.id || edge.dataset.target === node.id) edge.classList.add('related');
      }
    }
    showDetails(chrome.details, node, { goToTemplate });
    state.selectedNodeId = node?.id;
    api.setState(state);
    if (node && announce) api.postMessage({ type: 'select', nodeId: node.id });
  }

  const isShown = (id: string): boolean => shown === undefined || shown.nodes.has(id);

  /** Centres a node at a readable size (zooming in when labels would be hidden) and focuses it. */
  function focusNode(id: string): void {
    const node = drawn?.nodes.get(id);
    if (!drawn || !node || !view) return;
    const seen = visibleRect(view, canvasSize());
    const onScreen = node.x >= seen.x && node.y >= seen.y && node.x + node.width <= seen.x + seen.width && node.y + node.height <= seen.y + seen.height;
    if (view.zoom < LABEL_ZOOM) setUserView(centreOn({ ...view, zoom: 1 }, node.x + node.width / 2, node.y + node.height / 2, canvasSize()));
    else if (!onScreen) setUserView(centreOn(view, node.x + node.width / 2, node.y + node.height / 2, canvasSize()));
    drawn.culler.uncull(id);
    drawn.elements.get(id)?.focus({ preventScroll: true });
  }

  function applyFilter(filter: DiagramFilter): void {
    if (!drawn) return;
    state.filter = isFiltering(filter) ? filter : undefined;
    api.setState(state);
    shown = filterDiagram(drawn.diagram, filter);
    for (const [id, element] of drawn.elements) element.classList.toggle('filtered', !isShown(id));
    for (const element of drawn.svg.querySelectorAll<SVGGElement>('g.edge, g.edge-label')) {
      element.classList.toggle('filtered', shown !== undefined && !shown.edges.has(element.dataset.edgeId ?? ''));
    }
    if (state.selectedNodeId !== undefined && !isShown(state.selectedNodeId)) select(undefined, false);
    say(shown === undefined ? '' : `Showing ${shown.nodes.size} of ${drawn.nodes.size} boxes`);
    runSearch(chrome.search.value, false);
  }

  /** Marks the matches; `zoom` fits the view to them (typing does, restoring a page does not). */
  function runSearch(query: string, zoom: boolean): void {
    if (!drawn) return;
    state.query = query === '' ? undefined : query;
    api.setState(state);
    for (const element of drawn.svg.querySelectorAll('.node.match')) element.classList.remove('match', 'current-match');
    matches = searchNodes(drawn.diagram, query).filter((n) => isShown(n.id));
    matchIndex = -1;
    drawn.svg.classList.toggle('searching', query.trim() !== '');
    for (const node of matches) drawn.elements.get(node.id)?.classList.add('match');
    if (query.trim() === '') return;
    say(matches.length === 0 ? 'No box matches' : `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}; Enter goes through them`);
    const bounds = boundsOf(matches);
    if (zoom && bounds) setUserView(fitBox(bounds, canvasSize()));
  }

  function nextMatch(step: 1 | -1): void {
    if (!drawn || matches.length === 0) return;
    matchIndex = (matchIndex + step + matches.length) % matches.length;
    const node = matches[matchIndex];
    if (!node) return;
    for (const element of drawn.svg.querySelectorAll('.node.current-match')) element.classList.remove('current-match');
    drawn.elements.get(node.id)?.classList.add('current-match');
    setUserView(fitBox(node, canvasSize(), 1.25, 120));
    select(node.id, true);
    say(`${matchIndex + 1} of ${matches.length}: ${node.label}`);
  }

  function show(diagram: Diagram): void {
    chrome.title.textContent = diagram.title;
    gesture.end();
    const svg = buildSvgDom(renderTree(diagram, { interactive: true }), doc) as SVGSVGElement;
    // The page sizes the picture to the canvas and places it with the viewport transform.
    svg.removeAttribute('viewBox');
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    const viewport = svg.querySelector<SVGGElement>('g.viewport');
    if (!viewport) return;
    const nodes = new Map([...allNodes(diagram.nodes)].map((n) => [n.id, n]));
    const elements = new Map<string, SVGGElement>();
    for (const element of svg.querySelectorAll<SVGGElement>('g.node')) elements.set(element.dataset.nodeId ?? '', element);
    drawn = { diagram, svg, viewport, nodes, elements, culler: createCuller(svg, diagram) };
    const parts: Element[] = [svg, chrome.details];
    if (isLarge(diagram, nodes.size, canvasSize())) {
      drawn.minimap = createMinimap(doc, diagram, (x, y) => view && setUserView(centreOn(view, x, y, canvasSize())));
      parts.push(drawn.minimap.element);
    }
    chrome.canvas.replaceChildren(...parts);
    const restored = state.zoom !== undefined && state.panX !== undefined && state.panY !== undefined;
    if (restored) setUserView({ zoom: state.zoom ?? 1, panX: state.panX ?? 0, panY: state.panY ?? 0 });
    else fit();
    fillFilters(chrome, diagram, state.filter);
    chrome.search.value = state.query ?? '';
    applyFilter(readFilter(chrome));
    select(state.selectedNodeId !== undefined && nodes.has(state.selectedNodeId) ? state.selectedNodeId : undefined, false);
  }

  function receive(message: HostMessage): void {
    switch (message.type) {
      case 'showDiagram':
        show(message.diagram);
        return;
      case 'reveal': {
        const node = drawn?.nodes.get(message.nodeId);
        if (!node || !view) return;
        setUserView(centreOn(view, node.x + node.width / 2, node.y + node.height / 2, canvasSize()));
        // The host asked for this; telling it back would only echo.
        select(node.id, false);
        focusNode(node.id);
        return;
      }
      case 'search':
        chrome.search.value = message.query;
        runSearch(message.query, true);
        return;
      case 'filter':
        if (!drawn) return;
        fillFilters(chrome, drawn.diagram, message.filter);
        applyFilter(readFilter(chrome));
        return;
      case 'response':
        host.answered(message);
        return;
    }
  }

  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isHostMessage(event.data)) receive(event.data);
  });
  chrome.search.addEventListener('input', () => runSearch(chrome.search.value, true));
  chrome.search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      nextMatch(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      chrome.search.value = '';
      runSearch('', false);
      say('');
    }
  });
  for (const control of [chrome.vpc, chrome.finding, chrome.hideHealthy]) control.addEventListener('change', () => applyFilter(readFilter(chrome)));
  wireInput(win, {
    canvas: chrome.canvas,
    details: chrome.details,
    search: chrome.search,
    view: () => view,
    setView: setUserView,
    previewView,
    zoomBy,
    wheelZoom,
    fit,
    select,
    focusNode,
    neighbour(id, step) {
      const order = drawn ? [...drawn.nodes.keys()].filter(isShown) : [];
      const at = order.indexOf(id);
      return at < 0 ? undefined : order[at + step];
    },
  });
  win.addEventListener('resize', () => {
    if (autoFit) fit();
    else scheduleFrame();
  });
  api.postMessage({ type: 'ready' });
}
