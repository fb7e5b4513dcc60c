// "Go to template" from the diagram panel in a real VS Code (code-server + Chromium): the panel,
// laid out by the packaged layout worker (its log says no fallback), selects a function, and its
// button opens the workspace's template.yaml at that function's logical id.
// Screenshot: test-results/vscode-diagram-template.png.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_TEMPLATE_TEXT } from '../../src/demo/demo-account';
import { packagedVsix, requireTools, startCodeServer, type CodeServer } from './code-server';
import { browserPage, demoTemplateFolder, type BrowserPage } from './session';
import { RESULTS, failureArtifacts } from './failure-artifacts';
import { editorTab, openWorkbench, runCommand, waitUntil, webviewPage, STEP_TIMEOUT } from './workbench';

const FUNCTION = 'CancelOrderWorker';
/** 1-based, as the status bar counts. */
const LINE = DEMO_TEMPLATE_TEXT.split('\n').indexOf(`  ${FUNCTION}:`) + 1;

/** What the extension wrote to its output channel, read from VS Code's log folder. */
function extensionLog(logsDir: string): string {
  const files: string[] = [];
  (function walk(dir: string): void {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('Serverless Network Map.log')) files.push(join(dir, entry.name));
    }
  })(logsDir);
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('diagram panel → template in a real VS Code', { timeout: 5 * 60_000 }, () => {
  let server: CodeServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  let folder: string;

  const { step, keepLogsIfFailed } = failureArtifacts('vscode-diagram-template', () => ({ page, server }));

  before(async () => {
    requireTools();
    mkdirSync(RESULTS, { recursive: true });
    folder = demoTemplateFolder('snm-diagram-template-');
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

  it('opens template.yaml at the selected function from the details pane', () =>
    step('go-to-template', async () => {
      assert.ok(LINE > 0, `demo/template.yaml declares ${FUNCTION}`);
      await runCommand(page, 'Serverless Network Map: Open Diagram');
      await editorTab(page, 'Network Map').waitFor({ timeout: STEP_TIMEOUT });
      const frame = webviewPage(page);
      const label = frame.locator('g.node.kind-function text.node-label', { hasText: FUNCTION }).first();
      await label.waitFor({ timeout: STEP_TIMEOUT });
      await label.click();
      await frame.getByRole('button', { name: 'Go to template' }).click();
      await editorTab(page, 'template.yaml').waitFor({ timeout: STEP_TIMEOUT });
      await waitUntil(async () => (await page.locator('.statusbar-item', { hasText: `Ln ${LINE},` }).count()) > 0, `the cursor on line ${LINE}`);
      await frame.locator('.snm-status', { hasText: `Opened the template: template.yaml:${LINE}` }).waitFor({ timeout: STEP_TIMEOUT });
      // The diagram stays in view beside the template.
      assert.equal(await editorTab(page, 'Network Map').isVisible(), true);
      await page.screenshot({ path: join(RESULTS, 'vscode-diagram-template.png') });
      // The packaged dist/layout-worker.js laid the picture out: no fallback to the host's own thread was logged.
      assert.doesNotMatch(extensionLog(server!.logsDir), /layout worker/i);
    }));
});
