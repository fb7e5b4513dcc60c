import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { analyze } from '../../src/analysis/analyze';
import { demoSnapshot } from '../../src/demo/demo-account';
import type { Diagram, DiagramNode } from '../../src/diagram/drawing';
import { renderHtml } from '../../src/diagram/html';
import { layoutDiagram } from '../../src/diagram/layout';
import { renderSvg } from '../../src/diagram/svg';
import { inVpc, lambda, routeTable, snapshotOf, subnet, vpc } from '../unit/diagram/builders';
import { ensureBundle, launchChromium, openDiagramPage, servePage, type DiagramPage, type PageServer } from './harness';

const XSS = '<img src=x onerror=alert(1)>';

function allNodes(nodes: readonly DiagramNode[]): DiagramNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

async function demoDiagram(): Promise<Diagram> {
  const snapshot = demoSnapshot();
  return layoutDiagram(snapshot, analyze(snapshot));
}

async function hostileDiagram(): Promise<Diagram> {
  const snapshot = snapshotOf({
    vpcs: [vpc('vpc-1', { name: XSS })],
    subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24', { name: `"'><script>alert(2)</script>` })],
    routeTables: [routeTable('rtb-main', 'vpc-1', [])],
    lambdaFunctions: [lambda('fn', { name: 'a]]>b', vpcConfig: inVpc(['subnet-a']) })],
  });
  return layoutDiagram(snapshot, [{ code: 'lambda-vpc-no-internet', severity: 'error', message: XSS, resource: { kind: 'lambda-function', id: 'fn' } }]);
}

/** Nothing went wrong that the page would only say in its console. */
async function assertQuiet(view: DiagramPage, server: PageServer): Promise<void> {
  assert.deepEqual(view.problems, [], 'no console errors or warnings (a CSP refusal is one)');
  assert.deepEqual(await view.violations(), [], 'no CSP violations');
  assert.deepEqual(view.dialogs, [], 'no dialog opened');
  assert.deepEqual(server.misses, [], 'the page asked for nothing but its script and stylesheet');
}

describe('diagram page in Chromium', () => {
  let browser: Browser;
  let server: PageServer;
  let demo: Diagram;

  before(async () => {
    ensureBundle();
    mkdirSync('test-results', { recursive: true });
    [browser, server, demo] = await Promise.all([launchChromium(), servePage(), demoDiagram()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says ready, draws the demo account, and marks broken hops in the error class', async () => {
    const view = await openDiagramPage(browser, server.url);
    assert.deepEqual(await view.posted(), [{ type: 'ready' }]);
    await view.show(demo);
    const drawn = await view.page.$$eval('g.node', (els) => els.map((e) => `${e.getAttribute('class')} ${(e as SVGGElement).dataset.nodeId}`));
    for (const kind of ['vpc', 'subnet', 'function', 'nat-gateway', 'internet-gateway', 'domain', 'api']) {
      assert.ok(drawn.some((d) => d.includes(` kind-${kind} `)), `a ${kind} box is drawn`);
    }
    assert.equal(drawn.length, allNodes(demo.nodes).length, 'every node of the diagram is drawn once');
    const broken = demo.edges.filter((e) => e.status === 'error').map((e) => e.id).sort();
    assert.ok(broken.length >= 3, 'the demo has broken hops');
    const brokenDrawn = await view.page.$$eval('g.edge.status-error', (els) => els.map((e) => (e as SVGGElement).dataset.edgeId ?? ''));
    assert.deepEqual(brokenDrawn.sort(), broken);
    const stroke = await view.page.$eval('g.edge.status-error path.edge-line', (e) => getComputedStyle(e).stroke);
    assert.equal(stroke, 'rgb(207, 34, 46)', 'broken hops use the error colour (light fallback)');
    await view.page.screenshot({ path: 'test-results/webview-light.png' });
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('looks right in a dark theme too', async () => {
    const view = await openDiagramPage(browser, server.url, 'dark');
    await view.show(demo);
    const stroke = await view.page.$eval('g.edge.status-error path.edge-line', (e) => getComputedStyle(e).stroke);
    assert.equal(stroke, 'rgb(248, 81, 73)', 'broken hops use the dark error colour');
    await view.page.screenshot({ path: 'test-results/webview-dark.png' });
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('takes its colours from VS Code theme variables, including a high-contrast border', async () => {
    const view = await openDiagramPage(browser, server.url, 'dark');
    // What VS Code sets on <html> for a high-contrast dark theme (a few of its variables).
    await view.page.evaluate(() => {
      const theme: Record<string, string> = {
        '--vscode-editor-background': '#000000',
        '--vscode-editor-foreground': '#ffffff',
        '--vscode-foreground': '#ffffff',
        '--vscode-descriptionForeground': '#ffffff',
        '--vscode-panel-border': '#6fc3df',
        '--vscode-contrastBorder': '#6fc3df',
        '--vscode-contrastActiveBorder': '#f38518',
        '--vscode-focusBorder': '#f38518',
        '--vscode-editorError-foreground': '#f48771',
        '--vscode-editorWidget-background': '#0c141f',
      };
      for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
    });
    await view.show(demo);
    const css = (selector: string, property: string) => view.page.$eval(selector, (e, p) => getComputedStyle(e).getPropertyValue(p), property);
    assert.equal(await css('g.edge.status-error path.edge-line', 'stroke'), 'rgb(244, 135, 113)', 'broken hops: --vscode-editorError-foreground');
    assert.equal(await css('g.node.status-ok.kind-api > rect.node-box', 'stroke'), 'rgb(111, 195, 223)', 'ok boxes: --vscode-contrastBorder');
    assert.equal(await css('g.edge.status-ok path.edge-line', 'stroke'), 'rgb(111, 195, 223)', 'plain arrows too');
    assert.equal(await css('body', 'background-color'), 'rgb(0, 0, 0)');
    await view.page.screenshot({ path: 'test-results/webview-high-contrast.png' });
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('posts exactly {type:select, nodeId} when a function is clicked, and shows its details', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(demo);
    const fn = allNodes(demo.nodes).find((n) => n.kind === 'function' && n.status === 'error' && n.id.includes('@'));
    assert.ok(fn, 'the demo has a broken VPC function');
    await view.page.locator(`g.node[data-node-id="${fn.id}"] > rect.node-box`).click();
    assert.deepEqual(await view.posted(), [{ type: 'ready' }, { type: 'select', nodeId: fn.id }]);
    assert.equal(await view.page.locator('g.node.selected').getAttribute('data-node-id'), fn.id);
    assert.equal(await view.page.locator('.snm-details h2').textContent(), fn.label);
    assert.ok((await view.page.locator('.snm-details li').count()) >= 1, 'its findings are listed');
    assert.ok((await view.page.locator('g.edge.related').count()) >= 1, 'its arrows are highlighted');
    assert.equal((await view.state())?.selectedNodeId, fn.id, 'the selection survives a reload via setState');
    await view.page.screenshot({ path: 'test-results/webview-selected.png' });
    // A click on empty canvas clears the selection without telling the host anything.
    await view.page.mouse.click(5, 60);
    assert.equal(await view.page.locator('.snm-details').isHidden(), true);
    assert.equal((await view.posted()).length, 2);
    // Keyboard: boxes are focusable buttons; Enter selects, Escape clears.
    const vpcNode = allNodes(demo.nodes).find((n) => n.kind === 'vpc');
    assert.ok(vpcNode);
    await view.page.locator(`g.node[data-node-id="${vpcNode.id}"]`).focus();
    await view.page.keyboard.press('Enter');
    assert.deepEqual((await view.posted()).at(-1), { type: 'select', nodeId: vpcNode.id });
    assert.equal(await view.page.locator(`g.node[data-node-id="${vpcNode.id}"]`).getAttribute('aria-pressed'), 'true');
    await view.page.keyboard.press('Escape');
    assert.equal(await view.page.locator('g.node.selected').count(), 0);
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('renders a hostile VPC name as text: no element, no script, no dialog', async () => {
    const view = await openDiagramPage(browser, server.url);
    const hostile = await hostileDiagram();
    await view.show(hostile);
    assert.equal(await view.page.locator('img, script:not([nonce])').count(), 0);
    const vpcNode = view.page.locator('g.node[data-node-id="vpc-1"]');
    assert.equal(await vpcNode.locator('> text.node-label').textContent(), XSS);
    assert.match((await vpcNode.getAttribute('aria-label')) ?? '', /<img src=x onerror=alert\(1\)>/);
    await vpcNode.locator('> rect.node-box').click({ position: { x: 30, y: 10 } });
    assert.equal(await view.page.locator('.snm-details h2').textContent(), XSS);
    await view.page.locator('g.node[data-node-id="fn@subnet-a"] > rect.node-box').click();
    assert.equal(await view.page.locator('.snm-details li').first().textContent(), XSS);
    assert.equal(await view.page.locator('img').count(), 0);
    await view.page.screenshot({ path: 'test-results/webview-hostile.png' });
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('exports the picture as a standalone SVG through a request, in the colours on screen', async () => {
    const view = await openDiagramPage(browser, server.url, 'dark');
    await view.show(await hostileDiagram());
    await view.page.getByRole('button', { name: 'Export the diagram as an SVG file' }).click();
    const [, request] = await view.posted();
    assert.ok(request?.type === 'request' && request.request.kind === 'exportSvg', JSON.stringify(request));
    assert.equal(request.requestId, 1);
    const svg = request.request.svg;
    writeFileSync('test-results/webview-export.svg', svg);
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(!svg.includes('<img') && !svg.includes('<script'), 'hostile names stay text in the file');
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.match(svg, /<rect class="node-box"[^>]* fill="rgb\(\d+, \d+, \d+\)" stroke="rgb\(/, 'colours are written onto the elements');
    assert.ok(!svg.includes('color('), 'as plain rgb(), which every SVG tool reads');
    assert.match(svg, /<rect width="100%" height="100%" fill="rgb\(31, 31, 31\)"/, 'the dark background comes along');
    await view.send({ type: 'response', requestId: 1, ok: true, result: 'file:///tmp/network-map.svg' });
    assert.equal(await view.page.locator('.snm-status').textContent(), 'Exported: file:///tmp/network-map.svg');
    await view.send({ type: 'response', requestId: 1, ok: true, result: 'again' });
    assert.equal(await view.page.locator('.snm-status').textContent(), 'Exported: file:///tmp/network-map.svg', 'an answer nobody waits for is ignored');
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('gives Chromium\'s own parsers well-formed exports in which hostile names are only text', async () => {
    const hostile = await hostileDiagram();
    // A blank page: documents parsed inside the diagram page would inherit its CSP and refuse their <style>.
    const blank = await browser.newPage();
    const parsed = await blank.evaluate(
      ([svg, html]) => {
        const svgDoc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        const htmlDoc = new DOMParser().parseFromString(html, 'text/html');
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        return {
          svgError: svgDoc.querySelector('parsererror')?.textContent ?? null,
          svgLabels: [...svgDoc.querySelectorAll('g.node > text.node-label')].map((t) => t.textContent),
          htmlLabels: [...htmlDoc.querySelectorAll('g.node > text.node-label')].map((t) => t.textContent),
          smuggled: svgDoc.querySelectorAll('img, script, foreignObject').length + htmlDoc.querySelectorAll('img, script, foreignObject').length,
          listed: htmlDoc.querySelector('.snm-findings li')?.textContent ?? null,
        };
      },
      [renderSvg(hostile), renderHtml(hostile)] as const,
    );
    assert.equal(parsed.svgError, null, 'the SVG is well-formed XML');
    assert.equal(parsed.smuggled, 0);
    assert.deepEqual(parsed.svgLabels, [XSS, `"'><script>alert(2)</script>`, 'a]]>b']);
    assert.deepEqual(parsed.htmlLabels, parsed.svgLabels, 'the inline SVG in the HTML reads the same');
    assert.match(parsed.listed ?? '', /<img src=x onerror=alert\(1\)>/);
    await blank.close();
  });

  it('ignores malformed messages and keeps working', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.send({ type: 'showDiagram', diagram: { nodes: 'not a list' } });
    await view.send({ type: 'showDiagram', diagram: { ...demo, nodes: [{ id: 'x', kind: '<script>' }] } });
    await view.send({ type: 'nonsense' });
    assert.equal(await view.page.locator('svg.snm-diagram').count(), 0);
    await view.show(demo);
    assert.ok((await view.page.locator('g.node').count()) > 0);
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('keeps the point under the pointer where it is through a wheel zoom, as it is shown and once it is drawn', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(demo);
    const box = view.page.locator('g.node.kind-nat-gateway > rect').first();
    const centre = async (): Promise<{ x: number; y: number; width: number }> => {
      const b = await box.boundingBox();
      assert.ok(b);
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width };
    };
    const start = await centre();
    // Off the box's centre, so a zoom about the wrong point would move the centre.
    const pointer = { x: start.x + 37, y: start.y - 23 };
    await view.page.mouse.move(pointer.x, pointer.y);
    const before = await view.page.locator('g.viewport').getAttribute('transform');
    for (const delta of [-300, -250, 120]) await view.page.mouse.wheel(0, delta);
    const expected = async (at: { x: number; y: number; width: number }): Promise<void> => {
      const scale = at.width / start.width;
      assert.ok(Math.abs(scale - 1) > 0.2, `the wheel zoomed (scale ${scale})`);
      // The box centre sits where zooming about the pointer by the same factor puts it.
      assert.ok(Math.abs(at.x - (pointer.x + (start.x - pointer.x) * scale)) < 1.5, `x ${at.x} at scale ${scale}`);
      assert.ok(Math.abs(at.y - (pointer.y + (start.y - pointer.y) * scale)) < 1.5, `y ${at.y} at scale ${scale}`);
    };
    await expected(await centre());
    await view.page.waitForFunction((was) => document.querySelector('g.viewport')?.getAttribute('transform') !== was, before);
    assert.equal(await view.page.locator('svg.snm-diagram').evaluate((svg) => (svg as SVGSVGElement).style.transform), '', 'no transform left over once settled');
    await expected(await centre());
    await assertQuiet(view, server);
    await view.page.close();
  });

  it('zooms with the wheel, pans by dragging, fits on demand, and reveals without echoing', async () => {
    const view = await openDiagramPage(browser, server.url);
    await view.show(demo);
    const transform = () => view.page.locator('g.viewport').getAttribute('transform');
    const fitted = await transform();
    await view.page.mouse.move(700, 400);
    await view.page.mouse.wheel(0, -400);
    // The picture is drawn at the new zoom once the wheel gesture settles.
    await view.page.waitForFunction((was) => document.querySelector('g.viewport')?.getAttribute('transform') !== was, fitted);
    const zoomed = await transform();
    assert.ok(((await view.state())?.zoom ?? 0) > 0, 'zoom is kept with setState');
    await view.page.mouse.move(700, 400);
    await view.page.mouse.down();
    await view.page.mouse.move(600, 350, { steps: 5 });
    await view.page.mouse.up();
    assert.notEqual(await transform(), zoomed);
    assert.deepEqual(await view.posted(), [{ type: 'ready' }], 'a drag is not a click');
    await view.page.getByRole('button', { name: 'Fit the whole diagram' }).click();
    assert.equal(await transform(), fitted);

    const target = allNodes(demo.nodes).find((n) => n.kind === 'nat-gateway');
    assert.ok(target);
    await view.send({ type: 'reveal', nodeId: target.id });
    assert.equal(await view.page.locator('g.node.selected').getAttribute('data-node-id'), target.id);
    assert.deepEqual(await view.posted(), [{ type: 'ready' }], 'a reveal from the host is not sent back');
    await assertQuiet(view, server);
    await view.page.close();
  });
});
