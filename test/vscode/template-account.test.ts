// The setting "check against the last scanned account" (serverlessNetworkMap.checkAgainstAccount)
// in a real VS Code (code-server + Chromium). The last scan is the demo account, put where a scan
// leaves it (last-scan.json in the extension's global storage); the template adds a function to
// one of that account's subnets by its literal id. Off, the template is checked on its own and the
// subnet cannot be looked up (unverifiable-path, info); on, the subnet is judged by its real route
// table and the error naming that table shows in the Problems panel; off again, it goes.
// Screenshots land in test-results/vscode-template-account-*.png to be looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO, packagedVsix, requireTools, startCodeServer, type CodeServer } from './code-server';
import { browserPage, type BrowserPage } from './session';
import { RESULTS, failureArtifacts } from './failure-artifacts';
import { openWorkbench, waitUntil, STEP_TIMEOUT } from './workbench';

/** A public subnet of the demo account and the route table that sends it to an internet gateway. */
const SUBNET = 'subnet-04a7c1e9d2b3f5a81';
const ROUTE_TABLE = 'rtb-0a2b4c6d8e0f1a3b5';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: A new function put into an existing subnet of the account, by its id.

Resources:
  ReceiptMailer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: mailer.handler
      CodeUri: mailer/
      VpcConfig:
        SubnetIds:
          - ${SUBNET}
        SecurityGroupIds:
          - sg-0b2c3d4e5f6a7b8c9
      Policies:
        - LambdaInvokePolicy:
            FunctionName: OrderSyncWorker
`;

describe('checking a template against the last scanned account in a real VS Code', { timeout: 5 * 60_000 }, () => {
  let server: CodeServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  let folder: string;

  const { step, keepLogsIfFailed } = failureArtifacts('vscode-template-account', () => ({ page, server }));

  const marker = (code: string): Locator => page.locator('.markers-panel .monaco-list-row', { hasText: code }).first();
  /** Ticks or unticks the setting in the Settings editor, as a person would, then goes back to the template. */
  async function setCheckAgainstAccount(on: boolean): Promise<void> {
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('Control+Comma');
    const search = page.locator('.settings-editor .settings-header .suggest-input-container .monaco-editor').first();
    await search.waitFor({ timeout: STEP_TIMEOUT });
    await search.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('serverlessNetworkMap.checkAgainstAccount');
    const item = page.locator('.settings-editor .setting-item-bool', { hasText: 'Check Against Account' }).first();
    await item.waitFor({ timeout: STEP_TIMEOUT });
    const checkbox = item.locator('.setting-value-checkbox');
    const checked = async () => (await checkbox.getAttribute('aria-checked')) === 'true';
    if ((await checked()) !== on) await checkbox.click();
    await waitUntil(async () => (await checked()) === on, `the setting to read ${on ? 'on' : 'off'}`);
    await page.screenshot({ path: join(RESULTS, `vscode-template-account-setting-${on ? 'on' : 'off'}.png`) });
    // The Settings editor writes a change a moment after the click; closing it first can lose the write.
    const saved = () => /"serverlessNetworkMap\.checkAgainstAccount":\s*true/.test(readFileSync(join(server!.userDataDir, 'User', 'settings.json'), 'utf8'));
    await waitUntil(async () => saved() === on, `settings.json to say checkAgainstAccount ${on ? 'on' : 'off'}`);
    // Close the Settings editor: the template's tab is active again, the Problems panel still open.
    await page.keyboard.press('Control+W');
  }

  before(async () => {
    requireTools();
    mkdirSync(RESULTS, { recursive: true });
    folder = mkdtempSync(join(tmpdir(), 'snm-template-account-'));
    writeFileSync(join(folder, 'template.yaml'), TEMPLATE);
    server = await startCodeServer(packagedVsix(), folder, { 'serverlessNetworkMap.source': 'demo', 'serverlessNetworkMap.checkAgainstAccount': false });
    // The last scan, where a scan would have written it: before the workbench (and so the extension host) starts.
    const storage = join(server.userDataDir, 'User', 'globalStorage', 'serverless-network-map.serverless-network-map');
    mkdirSync(storage, { recursive: true });
    copyFileSync(join(REPO, 'demo', 'snapshot.json'), join(storage, 'last-scan.json'));
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

  it('setting off: the template is checked on its own, so the subnet cannot be looked up', () =>
    step('off', async () => {
      await page.locator('.monaco-workbench').focus();
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input.input').fill('template.yaml');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'template.yaml' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Control+Shift+M');
      const row = marker('unverifiable-path');
      await row.waitFor({ timeout: STEP_TIMEOUT });
      assert.match((await row.textContent()) ?? '', new RegExp(`${SUBNET} is not in the snapshot`));
      assert.equal(await marker('lambda-vpc-public-subnet').count(), 0, 'no verdict on a subnet the check cannot see');
      await page.screenshot({ path: join(RESULTS, 'vscode-template-account-off.png') });
    }));

  it("setting on: the subnet is judged by the account's route table, and the error shows", () =>
    step('on', async () => {
      await setCheckAgainstAccount(true);
      const row = marker('lambda-vpc-public-subnet');
      await row.waitFor({ timeout: STEP_TIMEOUT });
      const text = (await row.textContent()) ?? '';
      assert.match(text, new RegExp(`ReceiptMailer runs in public subnet ${SUBNET} \\(smartorder-public-2a\\): route table ${ROUTE_TABLE} sends 0\\.0\\.0\\.0/0 to internet gateway`));
      // On the SubnetIds key (line 13, column 9), as on the command line.
      assert.match(text, /Ln 13, Col 9/);
      await marker('lambda-vpc-no-aws-endpoint').waitFor({ timeout: STEP_TIMEOUT });
      await waitUntil(async () => (await marker('unverifiable-path').count()) === 0, 'unverifiable-path to leave the Problems panel');
      await page.screenshot({ path: join(RESULTS, 'vscode-template-account-on.png') });
    }));

  it('setting off again: back to the template on its own', () =>
    step('off-again', async () => {
      await setCheckAgainstAccount(false);
      await waitUntil(async () => (await marker('lambda-vpc-public-subnet').count()) === 0, 'lambda-vpc-public-subnet to leave the Problems panel');
      await marker('unverifiable-path').waitFor({ timeout: STEP_TIMEOUT });
    }));
});
