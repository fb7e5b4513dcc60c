// npm run bench:diagram — the diagram at scale. (1) Layout of synthetic accounts of about 500,
// 2,000 and 5,000 boxes in Node (cold: first run; warm: the next), in-process and in the
// extension host's layout worker (dist/layout-worker.js, what the panel uses), with the longest
// stall of the calling thread's event loop while each runs; (2) the same ELK graphs laid out
// inside Chromium by elkjs (what a layout in the page would cost), (3) pan and zoom frame times
// in the real page at 10,000+ SVG elements: requestAnimationFrame intervals while a script wheels
// and drags, fitted (far: level of detail) and zoomed in (near: culling), and apart from those the
// longest frame after the gesture until the final view is drawn (the wheel gesture's settle).
// Targets: 2,000 boxes laid out in ≤ 1.5 s; pan/zoom ≥ 50 fps.
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { analyze } from '../src/analysis/analyze';
import { allNodes } from '../src/diagram/diagram-filter';
import { bundledElk, layoutDiagram } from '../src/diagram/layout';
import type { Diagram } from '../src/diagram/drawing';
import type { Finding } from '../src/model/finding';
import type { Snapshot } from '../src/model/snapshot';
import { OffThreadLayout } from '../src/vscode/diagram/off-thread-layout';
import { syntheticSnapshot } from '../test/unit/diagram/synthetic';
import { ensureBundle, launchChromium, openDiagramPage, servePage } from '../test/webview/harness';

const SIZES = [500, 2000, 5000];
const ms = (n: number): string => `${n.toFixed(0)} ms`;

/** An ELK that lays out with the bundled one and keeps every graph it was given. */
function recordingElk(graphs: ElkNode[]): () => ELK {
  const real = bundledElk();
  const recorder = Object.create(real) as ELK;
  recorder.layout = (graph, options) => {
    graphs.push(structuredClone(graph));
    return real.layout(graph, options);
  };
  return () => recorder;
}

/** Wall time of a layout and the longest the calling thread's event loop was blocked meanwhile. */
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; took: number; stall: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const result = await run();
  const took = performance.now() - started;
  delay.disable();
  return { result, took, stall: delay.max / 1e6 };
}

async function nodeLayouts(): Promise<Map<number, { diagram: Diagram; graphs: ElkNode[] }>> {
  const out = new Map<number, { diagram: Diagram; graphs: ElkNode[] }>();
  const inputs = new Map<number, { snapshot: Snapshot; findings: Finding[] }>();
  console.log('Layout in Node, in-process (the CLI; the extension host before the worker):');
  for (const size of SIZES) {
    const snapshot = syntheticSnapshot(size);
    const findings = analyze(snapshot);
    inputs.set(size, { snapshot, findings });
    const graphs: ElkNode[] = [];
    const cold = await timed(() => layoutDiagram(snapshot, findings, recordingElk(graphs)));
    const warm = await timed(() => layoutDiagram(snapshot, findings));
    const diagram = cold.result;
    const boxes = [...allNodes(diagram.nodes)].length;
    console.log(
      `  ${String(boxes).padStart(5)} boxes, ${String(diagram.edges.length).padStart(4)} arrows, ${graphs.length} ELK runs: cold ${ms(cold.took)}, warm ${ms(warm.took)}; event loop stalled up to ${ms(Math.max(cold.stall, warm.stall))}`,
    );
    out.set(size, { diagram, graphs });
  }
  console.log("\nLayout in the extension host's worker thread (dist/layout-worker.js; cold includes starting the thread):");
  for (const [size, { snapshot, findings }] of inputs) {
    // A fresh thread per size, as the panel's first layout gets.
    const layouts = new OffThreadLayout(join(__dirname, '../dist/layout-worker.js'), console, () => Promise.reject(new Error('the layout worker did not start')));
    try {
      const cold = await timed(() => layouts.layout(snapshot, findings));
      const warm = await timed(() => layouts.layout(snapshot, findings));
      console.log(`  ~${size} boxes: cold ${ms(cold.took)}, warm ${ms(warm.took)}; calling event loop stalled up to ${ms(Math.max(cold.stall, warm.stall))}`);
    } finally {
      layouts.dispose();
    }
  }
  return out;
}

interface Frames {
  fps: number;
  p95: number;
  worst: number;
  count: number;
  /** The longest frame after the last input event, until the page has drawn the final view (a wheel gesture settles then). */
  settle: number;
}

async function main(): Promise<void> {
  // Builds dist/ (the page and the layout worker) when the sources are newer.
  ensureBundle();
  const layouts = await nodeLayouts();
  const [browser, server] = await Promise.all([launchChromium(), servePage()]);
  try {
    console.log('\nLayout in Chromium (elkjs in the page, same graphs):');
    const blank = await browser.newPage();
    await blank.addScriptTag({ path: join(__dirname, '../node_modules/elkjs/lib/elk.bundled.js') });
    for (const [size, { graphs }] of layouts) {
      const took = await blank.evaluate(async (all) => {
        const Elk = (window as unknown as { ELK: new () => { layout(g: unknown): Promise<unknown> } }).ELK;
        const elk = new Elk();
        const started = performance.now();
        await Promise.all(all.map((g) => elk.layout(g)));
        return performance.now() - started;
      }, graphs);
      console.log(`  ~${size} boxes: ${ms(took)}`);
    }
    await blank.close();

    const { diagram } = layouts.get(2000) ?? { diagram: undefined };
    if (!diagram) throw new Error('no 2,000-box layout');
    const view = await openDiagramPage(browser, server.url);
    await view.show(diagram);
    const elements = await view.page.evaluate(() => document.querySelectorAll('svg.snm-diagram *').length);
    console.log(`\nPan/zoom in Chromium (software rendering, --disable-gpu) at ${elements} SVG elements:`);
    const measure = async (name: string, gesture: () => Promise<void>): Promise<Frames> => {
      // A string, not a function: tsx would wrap a named inner function in a __name() the page lacks.
      await view.page.evaluate(`window.__frames = []; window.__run = true;
        requestAnimationFrame(function tick(t) { window.__frames.push(t); if (window.__run) requestAnimationFrame(tick); });`);
      await gesture();
      const ended = await view.page.evaluate(() => performance.now());
      // A wheel gesture is drawn in full (and culled) once it settles: its cost is the settle frame, reported apart.
      await view.page.waitForFunction(() => document.querySelector<SVGSVGElement>('svg.snm-diagram')?.style.transform === '');
      await view.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const times = await view.page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __run: boolean };
        w.__run = false;
        return w.__frames;
      });
      const gapsAfter = (from: number, to: number): number[] =>
        times.slice(1).flatMap((t, i) => (t > from && t <= to ? [t - (times[i] ?? t)] : []));
      const gaps = gapsAfter(0, ended).sort((a, b) => a - b);
      const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
      const settle = Math.max(0, ...gapsAfter(ended, Infinity));
      const frames = { fps: 1000 / mean, p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0, worst: gaps.at(-1) ?? 0, count: gaps.length, settle };
      console.log(
        `  ${name.padEnd(34)} ${frames.fps.toFixed(0).padStart(3)} fps mean, p95 frame ${frames.p95.toFixed(1)} ms, worst ${frames.worst.toFixed(1)} ms (${frames.count} frames); settle frame ${settle.toFixed(1)} ms`,
      );
      return frames;
    };
    const wheel = async (): Promise<void> => {
      await view.page.mouse.move(700, 420);
      for (let i = 0; i < 30; i++) await view.page.mouse.wheel(0, i < 15 ? -60 : 60);
    };
    const drag = async (): Promise<void> => {
      await view.page.mouse.move(700, 420);
      await view.page.mouse.down();
      await view.page.mouse.move(300, 200, { steps: 60 });
      await view.page.mouse.up();
    };
    const results = [await measure('wheel zoom, whole map (far)', wheel), await measure('drag pan, whole map (far)', drag)];
    for (let i = 0; i < 12; i++) await view.page.mouse.wheel(0, -120);
    results.push(await measure('wheel zoom, zoomed in (culling)', wheel), await measure('drag pan, zoomed in (culling)', drag));
    const slowest = Math.min(...results.map((r) => r.fps));
    console.log(`\ntarget: pan/zoom ≥ 50 fps — ${slowest >= 50 ? 'met' : 'NOT met'} (slowest gesture ${slowest.toFixed(0)} fps)`);
    await view.page.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
