// Template diagnostics in a real VS Code (code-server + Chromium): the demo template (seed story 2,
// a custom domain with no API mapping) opened from a throwaway workspace, its finding read from the
// Problems panel, the hop-by-hop hover on the domain, the quick fix that inserts the mapping
// applied from Ctrl+., and that finding gone while the others stay. One code-server session.
// Screenshots land in test-results/vscode-template-*.png to be looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { packagedVsix, requireTools, startCodeServer, type CodeServer } from './code-server';
import { browserPage, demoTemplateFolder, type BrowserPage } from './session';
import { RESULTS, failureArtifacts } from './failure-artifacts';
import { openWorkbench, waitUntil, STEP_TIMEOUT } from './workbench';

/** Where the demo's domain-no-mapping sits (1-based, as the Problems panel and Go to Line count). */
const DOMAIN_LINE = 335;

describe('template diagnostics and quick fix in a real VS Code', { timeout: 5 * 60_000 }, () => {
  let server: CodeServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  let folder: string;

  const { step, keepLogsIfFailed } = failureArtifacts('vscode-template', () => ({ page, server }));


  /** The Problems panel's row for a finding code. */
  const marker = (code: string): Locator => page.locator('.markers-panel .monaco-list-row', { hasText: code }).first();

  /** The `DomainName` key of the demo's custom domain, where the finding sits. */
  const domainKey = (): Locator =>
    page.locator('.editor-instance .view-line', { hasText: 'DomainName: api.smartorder.example.com' }).locator('span', { hasText: /^DomainName$/ }).first();

  before(async () => {
    requireTools();
    mkdirSync(RESULTS, { recursive: true });
    folder = demoTemplateFolder('snm-template-');
    server = await startCodeServer(packagedVsix(), folder);
    browser = await browserPage();
    page = browser.page;
    await step('workbench', () => openWorkbench(page, server!.url));
  });

  after(async () => {
    keepLogsIfFailed();
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the missing API mapping in the Problems panel, with code and place', () =>
    step('problems', async () => {
      // Quick Open, as a user would.
      await page.locator('.monaco-workbench').focus();
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input.input').fill('template.yaml');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'template.yaml' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Control+Shift+M');
      const row = marker('domain-no-mapping');
      await row.waitFor({ timeout: STEP_TIMEOUT });
      const text = (await row.textContent()) ?? '';
      assert.match(text, /api\.smartorder\.example\.com has no API mapping/);
      assert.match(text, /Serverless Network Map/);
      assert.match(text, new RegExp(`Ln ${DOMAIN_LINE}, Col 7`));
      await marker('lambda-vpc-public-subnet').waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-template-problems.png') });
    }));

  it('shows the hops of the domain chain on hover', () =>
    step('hover', async () => {
      // Clicking the row reveals the diagnostic's range in the editor; then the mouse rests on the key.
      await marker('domain-no-mapping').click();
      await waitUntil(async () => (await page.locator('.statusbar-item', { hasText: `Ln ${DOMAIN_LINE},` }).count()) > 0, `the cursor on line ${DOMAIN_LINE}`);
      await domainKey().hover();
      const hover = page.locator('.monaco-hover', { hasText: 'the path hop by hop' }).first();
      await hover.waitFor({ timeout: STEP_TIMEOUT });
      assert.match((await hover.textContent()) ?? '', /✗ api-mapping api\.smartorder\.example\.com — no API mapping/);
      await page.screenshot({ path: join(RESULTS, 'vscode-template-hover.png') });
      await page.keyboard.press('Escape');
    }));

  it('inserts the BasePathMapping from the quick fix, and the finding goes away', () =>
    step('quickfix', async () => {
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add BasePathMapping ApiCustomDomainBasePathMapping' }).first();
      // Code actions are computed after the cursor lands; under load a first Ctrl+. can come too early
      // and show nothing, so ask again until the menu lists the fix.
      await waitUntil(async () => {
        await domainKey().click();
        await page.keyboard.press('Control+.');
        return fix.waitFor({ timeout: 3_000 }).then(() => true);
      }, 'the quick fix menu to offer the BasePathMapping');
      await page.screenshot({ path: join(RESULTS, 'vscode-template-quickfix.png') });
      await fix.click();
      await waitUntil(async () => (await marker('domain-no-mapping').count()) === 0, 'domain-no-mapping to leave the Problems panel');
      // The other findings are about other paths and stay.
      await marker('lambda-vpc-public-subnet').waitFor({ timeout: STEP_TIMEOUT });
      // The mapping went in after the last resource, just above Outputs: near the end of the file.
      await page.keyboard.press('Control+End');
      await page.locator('.editor-instance .view-line', { hasText: 'Type: AWS::ApiGateway::BasePathMapping' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-template-fixed.png') });
    }));
});
