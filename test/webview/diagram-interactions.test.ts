// The page's interactions in real Chromium: search, filters, keyboard, level of detail and
// culling on a large synthetic account, PNG and Mermaid export, going to the template, state
// kept across a reload.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { analyze } from '../../src/analysis/analyze';
import { demoSnapshot } from '../../src/demo/demo-account';
import type { Diagram } from '../../src/diagram/drawing';
import { allNodes } from '../../src/diagram/diagram-filter';
import { layoutDiagram } from '../../src/diagram/layout';
import { inVpc, lambda, routeTable, snapshotOf, subnet, vpc } from '../unit/diagram/builders';
import { syntheticSnapshot } from '../unit/diagram/synthetic';
import { ensureBundle, launchChromium, openDiagramPage, servePage, type DiagramPage, type PageServer } from './harness';

const XSS = '<img src=x onerror=alert(1)>';

async function assertQuiet(view: DiagramPage, server: PageServer): Promise<void> {
  assert.deepEqual(view.problems, []);
  assert.deepEqual(await view.violations(), []);
  assert.deepEqual(view.dialogs, []);
  assert.deepEqual(server.misses, []);
}

describe('diagram page interactions in Chromium', () => {
  let browser: Browser;
  let server: PageServer;
  let demo: Diagram;
  let hostile: Diagram;
  let large: Diagram;

  before(async () => {
    ensureBundle();
    const snapshot = demoSnapshot();
    const big = syntheticSnapshot(1000);
    const hostileSnapshot = snapshotOf({
      vpcs: [vpc('vpc-1', { name: XSS }), vpc('vpc-2', { name: 'quiet' })],
      subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24', { name: `${XSS} subnet` }), subnet('subnet-b', 'vpc-2', '10.1.1.0/24')],
      routeTables: [routeTable('rtb-1', 'vpc-1', []), routeTable('rtb-2', 'vpc-2', [])],
      lambdaFunctions: [lambda('fn', { name: `${XSS} fn`, vpcConfig: inVpc(['subnet-a']) }), lambda('calm', { vpcConfig: inVpc(['subnet-b']) })],
    });
    [browser, server, demo, large, hostile] = await Promise.all([
      launchChromium(),
      servePage(),
      layoutDiagram(snapshot, analyze(snapshot)),
      layoutDiagram(big, analyze(big)),
      layoutDiagram(hostileSnapshot, [{ code: 'lambda-vpc-no-internet', severity: 'error', message: XSS, resource: { kind: 'lambda-function', id: 'fn' } }]),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches with / and Enter: highlights, zooms to, and cycles through matches; hostile names stay text', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(hostile);
    const transform = () => view.page.locator('g.viewport').getAttribute('transform');
    const fitted = await transform();
    await view.page.locator('svg.snm-diagram').click({ position: { x: 5, y: 5 } });
    await view.page.keyboard.press('/');
    assert.equal(await view.page.evaluate(() => document.activeElement?.className), 'snm-search', '/ focuses search');
    await view.page.keyboard.type('<img');
    assert.deepEqual(await view.page.$$eval('g.node.match', (els) => els.map((e) => (e as SVGGElement).dataset.nodeId)), ['vpc-1', 'subnet-a', 'fn@subnet-a']);
    assert.notEqual(await transform(), fitted, 'the view moves to the matches');
    await view.page.keyboard.press('Enter');
    await view.page.keyboard.press('Enter');
    assert.equal(await view.page.locator('g.node.current-match').getAttribute('data-node-id'), 'subnet-a');
    assert.equal(await view.page.locator('.snm-status').textContent(), `2 of 3: ${XSS} subnet`, 'the match is named as text');
    assert.equal(await view.page.locator('.snm-details h2').textContent(), `${XSS} subnet`);
    assert.equal((await view.state())?.query, '<img');
    assert.equal(await view.page.locator('img').count(), 0);
    await view.page.keyboard.press('Escape');
    assert.equal(await view.page.locator('g.node.match').count(), 0);
    await view.page.keyboard.press('Control+f');
    assert.equal(await view.page.evaluate(() => document.activeElement?.className), 'snm-search', 'Ctrl+F too');
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('filters by VPC, by finding and to broken paths only, and keeps the filter across a reload', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(hostile);
    const shownIds = () => view.page.$$eval('g.node:not(.filtered)', (els) => els.filter((e) => !e.closest('.filtered')).map((e) => (e as SVGGElement).dataset.nodeId).sort());
    const vpcOptions = await view.page.locator('select[aria-label="Show one VPC"] option').allTextContents();
    assert.deepEqual(vpcOptions, ['All VPCs', `${XSS} (vpc-1)`, 'quiet (vpc-2)'], 'VPC names are option text');
    await view.page.selectOption('select[aria-label="Show one VPC"]', 'vpc-2');
    assert.deepEqual(await shownIds(), ['calm@subnet-b', 'subnet-b', 'vpc-2']);
    await view.page.selectOption('select[aria-label="Show one VPC"]', '');
    await view.page.getByLabel('Hide healthy').check();
    assert.deepEqual(await shownIds(), ['fn@subnet-a', 'subnet-a', 'vpc-1'], 'only the broken function and the boxes around it');
    assert.deepEqual((await view.state())?.filter, { hideHealthy: true });
    await view.page.getByLabel('Hide healthy').uncheck();
    await view.page.selectOption('select[aria-label="Show one kind of finding"]', 'lambda-vpc-no-internet');
    assert.deepEqual(await shownIds(), ['fn@subnet-a', 'subnet-a', 'vpc-1']);
    // A reloaded page gets its state back from VS Code and shows the same filter.
    const saved = await view.state();
    const again = await openDiagramPage(browser, server.url, 'light', saved);
    await again.show(hostile);
    assert.equal(await again.page.locator('select[aria-label="Show one kind of finding"]').inputValue(), 'lambda-vpc-no-internet');
    assert.equal(await again.page.locator('g.node.kind-vpc.filtered').count(), 1, 'the quiet VPC stays hidden');
    await again.send({ type: 'filter', filter: {} });
    assert.equal(await again.page.locator('g.node.filtered').count(), 0, 'the host can clear the filter');
    await assertQuiet(view, server);
    await view.page.close();
    await again.page.close();
  });

  it('pans with arrows, zooms with + and -, fits with 0, and Tabs through boxes with their names', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(demo);
    const state = async () => (await view.state()) ?? {};
    const first = await view.page.locator('g.node').first().getAttribute('data-node-id');
    await view.page.locator('g.node').first().focus();
    const before = await state();
    await view.page.keyboard.press('ArrowLeft');
    assert.equal((await state()).panX, (before.panX ?? 0) + 60);
    await view.page.keyboard.press('ArrowUp');
    assert.equal((await state()).panY, (before.panY ?? 0) + 60);
    await view.page.keyboard.press('+');
    assert.ok(((await state()).zoom ?? 0) > (before.zoom ?? 0));
    await view.page.keyboard.press('-');
    await view.page.keyboard.press('-');
    assert.ok(((await state()).zoom ?? 1) < (before.zoom ?? 0));
    await view.page.keyboard.press('0');
    assert.deepEqual(await state(), { ...before, zoom: before.zoom, panX: before.panX, panY: before.panY });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      await view.page.keyboard.press('Tab');
      names.push(await view.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
    }
    assert.ok(first);
    for (const name of names) assert.match(name, /^[A-Z][A-Za-z ]+, \S/, 'each box has an accessible name: kind, name, …');
    assert.equal(new Set(names).size, 3, 'Tab moves to a new box each time');
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('collapses subnets into counts and culls off-screen boxes on a large account, with an overview', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(large);
    const total = await view.page.evaluate(() => document.querySelectorAll('svg.snm-diagram *').length);
    assert.ok(total > 5000, `a large picture (${total} SVG elements)`);
    await view.page.waitForFunction(() => document.querySelector('svg.snm-diagram')?.classList.contains('lod-collapsed'));
    const count = view.page.locator('g.node.kind-subnet > text.node-count').first();
    assert.match((await count.textContent()) ?? '', /^20 functions$/);
    assert.equal(await count.isVisible(), true, 'zoomed out, a subnet shows its count');
    assert.equal(await view.page.locator('g.node.kind-function').first().isVisible(), false, 'and not its twenty boxes');
    assert.equal(await view.page.locator('canvas.snm-minimap').isVisible(), true, 'an overview for a large map');
    await view.page.screenshot({ path: 'test-results/webview-large-far.png' });
    // Zoom in on one corner: labels come back, and boxes far off screen leave the rendering.
    const fn = [...allNodes(large.nodes)].find((n) => n.kind === 'function');
    const fitted = await view.state();
    const canvasBox = await view.page.locator('.snm-canvas').boundingBox();
    assert.ok(fn && fitted?.zoom !== undefined && canvasBox);
    await view.page.mouse.move(canvasBox.x + fn.x * fitted.zoom + (fitted.panX ?? 0), canvasBox.y + fn.y * fitted.zoom + (fitted.panY ?? 0));
    for (let i = 0; i < 14; i++) await view.page.mouse.wheel(0, -150);
    await view.page.waitForFunction(() => !document.querySelector('svg.snm-diagram')?.classList.contains('lod-far'));
    const culled = await view.page.evaluate(() => document.querySelectorAll('.culled').length);
    assert.ok(culled > 500, `off-screen boxes and arrows are culled (${culled})`);
    const label = view.page.locator('g.node.kind-function:not(.culled) > text.node-label').first();
    assert.equal(await label.isVisible(), true, 'boxes on screen have their labels back');
    await view.page.screenshot({ path: 'test-results/webview-large-near.png' });
    // A click on the overview moves the view there.
    const beforeMove = await view.state();
    const mini = await view.page.locator('canvas.snm-minimap').boundingBox();
    assert.ok(mini);
    await view.page.mouse.click(mini.x + mini.width - 10, mini.y + mini.height - 10);
    assert.notDeepEqual(await view.state(), beforeMove);
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('goes from a selected box to its template: posts openInTemplate and shows what the host answered', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(demo);
    const fn = [...allNodes(demo.nodes)].find((n) => n.kind === 'function' && n.logicalId === 'CancelOrderWorker');
    assert.ok(fn, 'the demo draws CancelOrderWorker with its logical id');
    await view.page.locator(`g.node[data-node-id="${fn.id}"] > rect.node-box`).click();
    const go = view.page.getByRole('button', { name: 'Go to template' });
    await go.click();
    const request = (await view.posted()).at(-1);
    assert.ok(request?.type === 'request', `a request was posted, got ${JSON.stringify(request)}`);
    assert.deepEqual(request.request, { kind: 'openInTemplate', nodeId: fn.id });
    await view.send({ type: 'response', requestId: request.requestId, ok: true, result: 'template.yaml:231' });
    // The page settles the request on a later task than the message's arrival: wait for the words.
    await view.page.locator('.snm-status', { hasText: /^Opened the template: template\.yaml:231$/ }).waitFor({ timeout: 10_000 });
    // A box no template declared (the internet, or a resource only the account has) offers nothing to open.
    const internet = [...allNodes(demo.nodes)].find((n) => n.logicalId === undefined && n.kind !== 'account' && n.kind !== 'region');
    assert.ok(internet);
    await view.send({ type: 'reveal', nodeId: internet.id });
    assert.equal(await view.page.locator('.snm-details h2').textContent(), internet.label);
    assert.equal(await go.count(), 0);
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('fits a narrow panel (beside an editor): every control and the details pane stay in view', async () => {
    const view = await openDiagramPage(browser, server.url);
    const width = 520;
    await view.page.setViewportSize({ width, height: 700 });
    await view.show(demo);
    const fn = [...allNodes(demo.nodes)].find((n) => n.kind === 'function');
    assert.ok(fn);
    await view.send({ type: 'reveal', nodeId: fn.id });
    const controls = view.page.locator('.snm-toolbar button, .snm-toolbar input, .snm-toolbar select:not([hidden]), .snm-details');
    assert.ok((await controls.count()) >= 9);
    for (const control of await controls.all()) {
      const box = await control.boundingBox();
      const name = (await control.getAttribute('aria-label')) ?? (await control.getAttribute('class'));
      assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${name} is within the ${width}px panel (${JSON.stringify(box)})`);
    }
    await view.page.screenshot({ path: 'test-results/webview-narrow.png' });
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('exports PNG (drawn on a canvas) and Mermaid through save requests; names stay text', async () => {
    const view = await openDiagramPage(browser, server.url, 'dark');
    await view.show(hostile);
    await view.page.getByRole('button', { name: 'Export the diagram as a PNG image' }).click();
    await view.page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 1);
    const [, png] = await view.posted();
    assert.ok(png?.type === 'save' && png.file.format === 'png', JSON.stringify(png).slice(0, 200));
    const bytes = Buffer.from(png.file.base64, 'base64');
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(bytes.readUInt32BE(16) >= hostile.width, 'at least the picture size');
    writeFileSync('test-results/webview-export.png', bytes);
    await view.send({ type: 'response', requestId: png.requestId, ok: true, result: 'network-map.png' });
    assert.equal(await view.page.locator('.snm-status').textContent(), 'Exported PNG: network-map.png');
    await view.page.getByRole('button', { name: 'Export the diagram as a Mermaid flowchart' }).click();
    const mermaid = (await view.posted()).at(-1);
    assert.ok(mermaid?.type === 'save' && mermaid.file.format === 'mermaid');
    assert.match(mermaid.file.text, /^flowchart LR/);
    assert.ok(!mermaid.file.text.includes('<img') && mermaid.file.text.includes('#lt;img'), 'hostile names as Mermaid entities');
    await assertQuiet(view, server);
    await view.page.close();
  });
});
