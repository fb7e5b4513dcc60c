// The Resources tree's own interactions in a real VS Code (code-server + Chromium), on the demo
// account with the demo's template in the workspace: the view's error badge and the rows' count
// badges, Copy ARN, Open in AWS Console (the page the browser is asked to open), Filter… and Clear
// Filter, Show Only Broken, open rows kept across a Refresh and a window reload, a finding opened at
// its place in the template, and the Getting Started walkthrough's "Open the demo" and "Open the
// Sample Template" buttons. One code-server session.
// Screenshots land in test-results/vscode-tree-*.png to be looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { analyze } from '../../src/analysis/analyze';
import { demoSnapshot } from '../../src/demo/demo-account';
import { checkTemplate } from '../../src/template/check-template';
import { REPO, packagedVsix, requireTools, startCodeServer, type CodeServer } from './code-server';
import { browserPage, demoTemplateFolder, type BrowserPage } from './session';
import { demoPath, labelPattern } from './demo-path';
import { RESULTS, failureArtifacts } from './failure-artifacts';
import { editorTab, expand, openViewContainer, openWorkbench, reloadWindow, resizeSideBar, runCommand, startCommand, treeItem, waitUntil, STEP_TIMEOUT } from './workbench';

const snapshot = demoSnapshot();
const findings = analyze(snapshot);
const path = demoPath(snapshot);
const fn = snapshot.resources.lambdaFunctions.find((f) => f.name === path.fn)!;
const errors = findings.filter((f) => f.severity === 'error').length;
const fnFindings = findings.filter((f) => f.resource.id === fn.id).length;
/** The finding the test opens in the template, and where the template check puts it (1-based line, as the status bar counts). */
const publicSubnet = findings.find((f) => f.code === 'lambda-vpc-public-subnet')!;
const templateText = readFileSync(join(REPO, 'demo', 'template.yaml'), 'utf8');
const placed = checkTemplate(templateText, { fileName: 'template.yaml' }).findings.find((f) => f.code === publicSubnet.code);

describe('Resources tree in a real VS Code: badges, menus, filter, expansion, template, walkthrough', { timeout: 10 * 60_000 }, () => {
  let server: CodeServer | undefined;
  let browser: BrowserPage | undefined;
  let context: BrowserContext;
  let page: Page;
  let folder: string;
  const { step, keepLogsIfFailed } = failureArtifacts('vscode-tree', () => ({ page, server }));

  const container = (): Locator => page.locator('.activitybar li.action-item', { has: page.locator('a.action-label[aria-label^="Serverless Network Map"]') });
  const rows = (): Locator => page.locator('.pane-body [role=tree] [role=treeitem]');
  const isExpanded = async (label: string): Promise<boolean> => (await treeItem(page, labelPattern(label)).getAttribute('aria-expanded')) === 'true';

  /** Right-clicks a row and picks a context-menu entry by its title. */
  async function contextMenu(row: Locator, title: string): Promise<void> {
    await row.click({ button: 'right' });
    const entry = page.locator('.context-view .monaco-menu .action-item', { has: page.locator('.action-label', { hasText: new RegExp(`^${title}$`) }) });
    await entry.waitFor({ timeout: STEP_TIMEOUT });
    // A menu ignores a click that comes right after it opened (so the right-click's own release
    // picks nothing): click until the menu closes, which it does once an entry ran.
    await waitUntil(async () => {
      if (await entry.isVisible()) await entry.click({ timeout: 2_000 });
      return entry.waitFor({ state: 'detached', timeout: 2_000 }).then(() => true);
    }, `"${title}" to be picked from the context menu`);
  }

  /** The count a row's decoration badge draws (VS Code puts it in a ::after content), or "" when none. */
  async function rowBadge(row: Locator): Promise<string> {
    return row.evaluate((element) => {
      const decorated = [element, ...element.querySelectorAll('*')].find((e) => [...e.classList].some((c) => c.startsWith('monaco-decoration-itemBadge')));
      if (!decorated) return '';
      return getComputedStyle(decorated, '::after').content.replace(/^"|"$/g, '');
    });
  }

  before(async () => {
    requireTools();
    mkdirSync(RESULTS, { recursive: true });
    // The demo's template in the workspace: what "Go to Template" finds the demo's resources in.
    folder = demoTemplateFolder('snm-tree-');
    server = await startCodeServer(packagedVsix(), folder);
    // The clipboard is the page's (code-server writes it through navigator.clipboard): let the test read it.
    browser = await browserPage(['clipboard-read', 'clipboard-write']);
    page = browser.page;
    context = browser.context;
    await step('workbench', () => openWorkbench(page, server!.url));
  });

  after(async () => {
    keepLogsIfFailed();
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the error count on the view and finding counts on the rows', () =>
    step('badges', async () => {
      await openViewContainer(page, 'Serverless Network Map');
      await resizeSideBar(page, 560);
      for (const label of [path.account, path.region, path.vpc, path.subnet]) await expand(page, labelPattern(label));
      const fnRow = treeItem(page, labelPattern(path.fn));
      await fnRow.waitFor({ timeout: STEP_TIMEOUT });
      await waitUntil(async () => (await container().locator('.badge .badge-content').textContent()) === String(errors), `the view badge to say ${errors}`);
      await waitUntil(async () => (await rowBadge(fnRow)) === String(fnFindings), `${path.fn}'s row badge to say ${fnFindings}`);
      assert.equal(await rowBadge(treeItem(page, labelPattern(path.subnet))), String(fnFindings), 'the subnet counts the findings of what it holds');
      // The function sits in a second subnet too: that row carries the same count.
      const otherSubnet = snapshot.resources.subnets.find((s) => s.id !== fn.vpcConfig?.subnetIds[0] && fn.vpcConfig?.subnetIds.includes(s.id))!;
      await expand(page, labelPattern(otherSubnet.name ?? otherSubnet.id));
      const second = page.getByRole('treeitem', { name: labelPattern(path.fn) }).nth(1);
      await waitUntil(async () => (await rowBadge(second)) === String(fnFindings), `${path.fn}'s second row badge to say ${fnFindings}`);
      await page.mouse.move(900, 600);
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-badges.png') });
    }));

  it('copies a function\'s ARN from its context menu', () =>
    step('copy-arn', async () => {
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      await contextMenu(treeItem(page, labelPattern(path.fn)), 'Copy ARN');
      await waitUntil(async () => (await page.evaluate(() => navigator.clipboard.readText())) === fn.arn, `the clipboard to hold ${fn.arn}`);
    }));

  it('opens a function\'s Lambda console page in the browser', () =>
    step('console', async () => {
      const expected = `https://${fn.region}.console.aws.amazon.com/lambda/home?region=${fn.region}#/functions/${fn.name}`;
      // No internet here: the console host answers with a stand-in page, so the tab's address is what is checked.
      await context.route(/console\.aws\.amazon\.com/, (route) => route.fulfill({ contentType: 'text/html', body: '<title>AWS console stand-in</title>' }));
      const opened = context.waitForEvent('page', { timeout: STEP_TIMEOUT });
      await contextMenu(treeItem(page, labelPattern(path.fn)), 'Open in AWS Console');
      // VS Code asks before opening an outside site.
      const open = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
      await open.waitFor({ timeout: STEP_TIMEOUT });
      await open.click();
      const tab = await opened;
      await waitUntil(async () => tab.url() === expected, `the new tab to show ${expected} (it shows ${tab.url()})`);
      await tab.close();
    }));

  it('filters the tree to the matching rows and their parents, and Clear Filter brings everything back', () =>
    step('filter', async () => {
      const before = await rows().count();
      await startCommand(page, 'Serverless Network Map: Filter…');
      const input = page.locator('.quick-input-widget input.input');
      await page.locator('.quick-input-widget', { hasText: 'Filter the Resources tree' }).waitFor({ timeout: STEP_TIMEOUT });
      await input.fill(path.fn);
      await input.press('Enter');
      await treeItem(page, /^Domains(\s|$)/).waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
      const shown = await rows().evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
      for (const label of [path.account, path.region, path.vpc, path.subnet, path.fn]) assert.ok(shown.some((name) => labelPattern(label).test(name)), `${label} is shown: ${shown.join(' | ')}`);
      assert.ok(!shown.some((name) => /^(DNS|Domains)(\s|$)/.test(name)), `nothing unrelated is shown: ${shown.join(' | ')}`);
      // The view says what it is filtered by.
      await page.locator('.part.sidebar .message', { hasText: `matching "${path.fn}"` }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.mouse.move(900, 600);
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-filtered.png') });
      // The container holds one view, so the view's title actions sit in the side bar's title.
      const clear = page.locator('.part.sidebar .title-actions .action-label[aria-label="Clear Filter"]');
      await clear.click();
      await treeItem(page, /^Domains(\s|$)/).waitFor({ timeout: STEP_TIMEOUT });
      await clear.waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
      await waitUntil(async () => (await rows().count()) >= before, 'the tree to show every row again');
    }));

  it('shows only the broken rows with Show Only Broken, and everything again with Show All', () =>
    step('only-broken', async () => {
      const titleAction = (label: string): Locator => page.locator(`.part.sidebar .title-actions .action-label[aria-label="${label}"]`);
      await titleAction('Show Only Broken').click();
      await treeItem(page, /^DNS(\s|$)/).waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
      const shown = await rows().evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
      assert.ok(shown.some((name) => labelPattern(path.fn).test(name)), `the broken function is shown: ${shown.join(' | ')}`);
      const healthy = snapshot.resources.natGateways[0]?.name;
      if (healthy) assert.ok(!shown.some((name) => labelPattern(healthy).test(name)), `the healthy ${healthy} is hidden: ${shown.join(' | ')}`);
      await page.mouse.move(900, 600);
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-only-broken.png') });
      await titleAction('Show All').click();
      await treeItem(page, /^DNS(\s|$)/).waitFor({ timeout: STEP_TIMEOUT });
      await titleAction('Show Only Broken').waitFor({ timeout: STEP_TIMEOUT });
    }));

  it('keeps the rows the person opened across a Refresh and a window reload', () =>
    step('expansion', async () => {
      // Closed by default; opened by the person (already in the badges step: expand() leaves an open row as it is).
      for (const label of [path.vpc, path.subnet]) await expand(page, labelPattern(label));
      await runCommand(page, 'Serverless Network Map: Refresh');
      await treeItem(page, labelPattern(path.fn)).waitFor({ timeout: STEP_TIMEOUT });
      for (const label of [path.vpc, path.subnet]) assert.ok(await isExpanded(label), `${label} is open after Refresh`);
      await reloadWindow(page);
      await openViewContainer(page, 'Serverless Network Map');
      await treeItem(page, labelPattern(path.fn)).waitFor({ timeout: STEP_TIMEOUT });
      for (const label of [path.vpc, path.subnet]) assert.ok(await isExpanded(label), `${label} is open after a reload`);
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-after-reload.png') });
    }));

  it('opens a finding at its place in the template', () =>
    step('go-to-template', async () => {
      assert.ok(placed?.range, 'the template check places the finding');
      await treeItem(page, labelPattern(path.account)).locator('.monaco-tl-twistie').click();
      await expand(page, /^Findings(\s|$)/);
      await expand(page, /^Errors(\s|$)/);
      const row = page.getByRole('treeitem', { name: new RegExp(publicSubnet.code) }).first();
      // Offered on the row itself (an inline icon) as well as in its context menu.
      await row.hover();
      await row.locator('.action-label[aria-label="Go to Template"]').waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-finding-actions.png') });
      await contextMenu(row, 'Go to Template');
      await editorTab(page, 'template.yaml').waitFor({ timeout: STEP_TIMEOUT });
      // The selection is the node's key: the status bar counts from its end and says how much is selected.
      const { start, end } = placed!.range!;
      const where = `Ln ${end.line + 1}, Col ${end.character + 1} (${end.character - start.character} selected)`;
      await page.locator('.statusbar-item', { hasText: where }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-go-to-template.png') });
    }));

  it('opens the demo diagram from the Getting Started walkthrough', () =>
    step('walkthrough', async () => {
      await startCommand(page, 'Welcome: Open Walkthrough...');
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Serverless Network Map' }).first();
      await pick.waitFor({ timeout: STEP_TIMEOUT });
      await pick.click();
      const stepTitle = page.locator('.getting-started-step', { hasText: 'Open the demo' }).first();
      await stepTitle.waitFor({ timeout: STEP_TIMEOUT });
      await stepTitle.click();
      const button = stepTitle.locator('.button-container .monaco-button', { hasText: 'Open the Demo' }).first();
      await button.waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-walkthrough.png') });
      await button.click();
      await editorTab(page, 'Network Map').waitFor({ timeout: STEP_TIMEOUT });
    }));

  it('opens the sample template from the walkthrough, with its diagnostics in the Problems panel', () =>
    step('walkthrough-template', async () => {
      await startCommand(page, 'Welcome: Open Walkthrough...');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Serverless Network Map' }).first().click();
      const stepTitle = page.locator('.getting-started-step', { hasText: 'Check a template' }).first();
      await stepTitle.waitFor({ timeout: STEP_TIMEOUT });
      await stepTitle.click();
      const button = stepTitle.locator('.button-container .monaco-button', { hasText: 'Open the Sample Template' }).first();
      await button.waitFor({ timeout: STEP_TIMEOUT });
      await button.click();
      await editorTab(page, 'template.yaml').waitFor({ timeout: STEP_TIMEOUT });
      // The sample is written to the extension's storage (…/sample/template.yaml), not the workspace:
      // the Problems panel's file row for it says so, and its findings are listed under it.
      await page.locator('.markers-panel .monaco-list-row', { hasText: /sample/ }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'domain-no-mapping' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-tree-walkthrough-template.png') });
    }));
});
