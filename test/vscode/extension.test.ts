// The packaged extension in a real VS Code (code-server) driven by real Chromium: the sidebar tree
// shows the demo account, the diagram command opens a panel whose page draws the demo, and the
// panel comes back after a window reload through the serializer. Screenshots land in
// test-results/vscode-*.png to be looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { demoSnapshot } from '../../src/demo/demo-account';
import { REPO, packagedVsix, requireTools, startCodeServer, type CodeServer } from './code-server';
import { browserPage, type BrowserPage } from './session';
import { RESULTS, failureArtifacts } from './failure-artifacts';
import { demoPath, labelPattern } from './demo-path';
import { editorTab, expand, openViewContainer, openWorkbench, reloadWindow, runCommand, treeItem, waitUntil, webviewPage, resizeSideBar, STEP_TIMEOUT, hoverUntilTooltip } from './workbench';


/** A box the diagram page drew, by its kind and the label it shows. */
function diagramBox(page: Page, kind: string, label: string): Locator {
  const frame = webviewPage(page);
  return frame.locator(`g.node.kind-${kind}`, { has: frame.locator('text.node-label', { hasText: label }) }).first();
}
const path = demoPath(demoSnapshot());

describe('extension in a real VS Code (code-server + Chromium)', { timeout: 10 * 60_000 }, () => {
  let server: CodeServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  /** Console lines from any frame that say the CSP refused something: our page must need nothing it forbids. */
  const cspViolations: string[] = [];

  /** Runs one step; on failure saves a screenshot and code-server's logs and says where they are. */
  const { step, keepLogsIfFailed } = failureArtifacts('vscode', () => ({ page, server }));


  before(async () => {
    requireTools();
    mkdirSync(RESULTS, { recursive: true });
    const vsix = packagedVsix();
    server = await startCodeServer(vsix, join(REPO, 'demo'));
    browser = await browserPage();
    page = browser.page;
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await step('workbench', () => openWorkbench(page, server!.url));
  });

  after(async () => {
    keepLogsIfFailed();
    await browser?.close();
    await server?.stop();
  });

  it('shows the demo account in its own activity-bar container, down to a function', () =>
    step('tree', async () => {
      await openViewContainer(page, 'Serverless Network Map');
      await resizeSideBar(page, 560);
      for (const label of [path.account, path.region, path.vpc, path.subnet]) await expand(page, labelPattern(label));
      const fn = treeItem(page, labelPattern(path.fn));
      await fn.waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-tree.png') });
      await hoverUntilTooltip(page, fn, `Lambda function ${path.fn}`);
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-tooltip.png') });
    }));

  it('lists the custom domains and the findings', () =>
    step('domains', async () => {
      // Fold the network away so the domains and findings fit in the picture.
      await treeItem(page, labelPattern(path.account)).locator('.monaco-tl-twistie').click();
      await expand(page, /^Domains(\s|$)/);
      for (const domain of path.domains) await treeItem(page, labelPattern(domain)).waitFor({ timeout: STEP_TIMEOUT });
      if (path.domains[0]) await expand(page, labelPattern(path.domains[0]));
      await treeItem(page, /^Findings(\s|$)/).waitFor({ timeout: STEP_TIMEOUT });
      await page.mouse.move(900, 600);
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-domains.png') });
    }));

  it('opens the diagram from the command palette and the page draws the demo', () =>
    step('diagram', async () => {
      await resizeSideBar(page, 340);
      await runCommand(page, 'Serverless Network Map: Open Diagram');
      await editorTab(page, 'Network Map').waitFor({ timeout: STEP_TIMEOUT });
      await diagramBox(page, 'vpc', path.vpc).waitFor({ timeout: STEP_TIMEOUT });
      await diagramBox(page, 'function', path.fn).waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-diagram.png') });
      assert.deepEqual(cspViolations, [], 'the diagram page loaded something its CSP forbids');
    }));

  it('selects in the tree what is clicked on the diagram', () =>
    step('select', async () => {
      const selected = page.locator('[role=treeitem][aria-selected=true]');
      const selectedName = async (): Promise<string> => ((await selected.count()) > 0 ? ((await selected.first().getAttribute('aria-label')) ?? '') : '');
      assert.doesNotMatch(await selectedName(), labelPattern(path.fn), 'the function must not be selected before the click');
      await diagramBox(page, 'function', path.fn).locator('text.node-label').click();
      await waitUntil(async () => labelPattern(path.fn).test(await selectedName()), `the tree to select ${path.fn}`);
    }));

  it('shows a tree row on the diagram with Reveal in Diagram', () =>
    step('reveal', async () => {
      const row = treeItem(page, labelPattern(path.vpc));
      await row.hover();
      await row.locator('.action-label[aria-label="Reveal in Diagram"]').click();
      await webviewPage(page).locator('g.node.kind-vpc.selected', { hasText: path.vpc }).waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-reveal.png') });
    }));

  /** Answers code-server's save dialog (a quick input holding a path) with `target`. */
  async function saveThroughDialog(proposedName: string, target: string): Promise<void> {
    // It fills in the folder first and the proposed name a moment later: wait for the name, so
    // typing does not race the dialog.
    const input = page.locator('.quick-input-widget input.input');
    await waitUntil(async () => (await input.inputValue()).endsWith(`/${proposedName}`), `the save dialog to propose ${proposedName}`);
    await input.fill('');
    await page.keyboard.insertText(target);
    await waitUntil(async () => (await input.inputValue()) === target, `the save dialog to hold ${target}`);
    // Under load the dialog can swallow an Enter while it is still listing the folder: press again until it closes.
    const dialog = page.locator('.quick-input-widget');
    await waitUntil(async () => {
      if (await dialog.isVisible()) await input.press('Enter');
      return dialog.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true);
    }, 'the save dialog to accept the path');
  }

  it('exports the diagram as SVG through a save dialog the host opens', () =>
    step('export', async () => {
      const frame = webviewPage(page);
      await frame.getByRole('button', { name: 'Export the diagram as an SVG file' }).click();
      const target = join(server!.scratchDir, 'network-map.svg');
      await saveThroughDialog('network-map.svg', target);
      await frame.locator('.snm-status', { hasText: 'Exported' }).waitFor({ timeout: STEP_TIMEOUT });
      assert.match(readFileSync(target, 'utf8'), /<svg[^>]*class="snm-diagram"/);
    }));

  it('exports Mermaid through the page\'s save message', () =>
    step('export-mermaid', async () => {
      const frame = webviewPage(page);
      await frame.getByRole('button', { name: 'Export the diagram as a Mermaid flowchart' }).click();
      const target = join(server!.scratchDir, 'network-map.mmd');
      await saveThroughDialog('network-map.mmd', target);
      await frame.locator('.snm-status', { hasText: 'Exported' }).waitFor({ timeout: STEP_TIMEOUT });
      const text = readFileSync(target, 'utf8');
      assert.match(text, /^flowchart /m);
      assert.match(text, /CancelOrderWorker/);
    }));

  it('brings the diagram back after a window reload (the serializer)', () =>
    step('reload', async () => {
      await reloadWindow(page);
      await editorTab(page, 'Network Map').waitFor({ timeout: STEP_TIMEOUT });
      await diagramBox(page, 'vpc', path.vpc).waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-reload.png') });
    }));
});
