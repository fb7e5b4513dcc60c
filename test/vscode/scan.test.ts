// Scan Account in a real VS Code (code-server + Chromium) against a real moto_server holding the
// smartorder account: the welcome view before any scan, the palette command through its two quick
// picks, the progress notification, the gap warning, the tree, status bar and diagram showing the
// account, the cached snapshot shown at once after a window reload (no rescan), and a scan against
// a stopped endpoint failing with one clear message while the last scan stays. Screenshots land in
// test-results/vscode-scan-*.png to be looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startMotoServer, type MotoServer } from '../aws/moto-server';
import { buildSmartorder, type SmartorderIds } from '../aws/fixtures/smartorder';
import { packagedVsix, requireTools, startCodeServer, type CodeServer } from './code-server';
import { browserPage, isolatedAwsEnv, type BrowserPage } from './session';
import { RESULTS, failureArtifacts } from './failure-artifacts';
import { labelPattern } from './demo-path';
import {
  editorTab,
  expand,
  notification,
  openViewContainer,
  openWorkbench,
  quickPick,
  reloadWindow,
  resizeSideBar,
  runCommand,
  startCommand,
  treeItem,
  waitUntil,
  webviewPage,
  STEP_TIMEOUT,
  hoverUntilTooltip,
} from './workbench';

const REGION = 'ap-northeast-2';
/** moto's default account. */
const ACCOUNT = '123456789012';
/** Credentials only the extension host's environment holds: they must never reach the cached snapshot. */
const ACCESS_KEY = 'AKIASNMVSCODETEST001';
const SECRET_KEY = 'snm-vscode-test-secret-never-written';
const SCAN_TITLE = 'Serverless Network Map: Scan Account';

/** A VPC box the diagram page drew, by its label. */
function diagramVpc(page: Page, label: string): Locator {
  const frame = webviewPage(page);
  return frame.locator('g.node.kind-vpc', { has: frame.locator('text.node-label', { hasText: label }) }).first();
}

describe('Scan Account in a real VS Code against moto', { timeout: 10 * 60_000 }, () => {
  let moto: MotoServer | undefined;
  let built: Promise<SmartorderIds>;
  let ids: SmartorderIds;
  let server: CodeServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  let awsDir: string;
  /** The extension's cache of the last scan, in the code-server profile's global storage. */
  const cacheFile = (): string => join(server!.userDataDir, 'User', 'globalStorage', 'serverless-network-map.serverless-network-map', 'last-scan.json');

  const { step, keepLogsIfFailed } = failureArtifacts('vscode-scan', () => ({ page, server }));


  before(async () => {
    requireTools();
    mkdirSync(RESULTS, { recursive: true });
    // A config file with one profile, so the profile picker has something besides the default chain;
    // no credentials file: the default chain finds the environment's keys.
    awsDir = mkdtempSync(join(tmpdir(), 'snm-aws-'));
    writeFileSync(join(awsDir, 'config'), '[profile readonly]\nregion = eu-west-1\n');
    const vsix = packagedVsix();
    moto = await startMotoServer({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
    const folder = mkdtempSync(join(tmpdir(), 'snm-scan-folder-'));
    // The account is built while code-server and the workbench start: nothing needs it before the scan.
    built = buildSmartorder(moto.endpoint, REGION);
    built.catch(() => undefined);
    server = await startCodeServer(
      vsix,
      folder,
      { 'serverlessNetworkMap.source': 'account', 'serverlessNetworkMap.regions': [REGION] },
      {
        machineSettings: { 'serverlessNetworkMap.endpoint': moto.endpoint },
        env: isolatedAwsEnv({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, join(awsDir, 'config'), join(awsDir, 'credentials')),
      },
    );
    browser = await browserPage();
    page = browser.page;
    await step('workbench', () => openWorkbench(page, server!.url));
  });

  after(async () => {
    keepLogsIfFailed();
    await browser?.close();
    await server?.stop();
    await moto?.stop();
    if (awsDir) rmSync(awsDir, { recursive: true, force: true });
  });

  it('offers to scan in the tree before any scan (welcome view)', () =>
    step('welcome', async () => {
      await openViewContainer(page, 'Serverless Network Map');
      await resizeSideBar(page, 560);
      await page.locator('.welcome-view-content', { hasText: 'No AWS account has been scanned yet' }).getByRole('button', { name: 'Scan Account' }).waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-welcome.png') });
    }));

  it('scans from the palette through the profile and region pickers, with a progress notification', () =>
    step('scan', async () => {
      ids = await built;
      await startCommand(page, SCAN_TITLE);
      const profiles = await quickPick(page, 'Credentials');
      // The profile from AWS_CONFIG_FILE is offered; the default chain (the environment's keys) comes first.
      await profiles.locator('.monaco-list-row', { hasText: 'readonly' }).waitFor({ timeout: STEP_TIMEOUT });
      await profiles.locator('.monaco-list-row.focused', { hasText: 'Default credentials' }).waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-pick-profile.png') });
      await page.keyboard.press('Enter');

      const regions = await quickPick(page, 'Regions');
      // The region of the setting starts checked.
      const seoul = regions.locator('.monaco-list-row', { hasText: REGION });
      await seoul.waitFor({ timeout: STEP_TIMEOUT });
      await waitUntil(async () => (await seoul.getAttribute('aria-checked')) === 'true', `${REGION} to be checked`);
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-pick-regions.png') });
      await page.keyboard.press('Enter');

      const progress = notification(page, /^Scanning AWS/);
      await progress.waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-progress.png') });
      // moto answers 500 for a domain without base path mappings: the scan names that gap and shows the rest.
      const gaps = notification(page, /could not read API Gateway ap-northeast-2/);
      await gaps.waitFor({ timeout: 60_000 });
      await progress.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-done.png') });
    }));

  it('shows the scanned account in the tree, its gap, and profile and region in the status bar', () =>
    step('tree', async () => {
      await expand(page, /^Gaps(\s|$)/);
      await treeItem(page, /^API Gateway ap-northeast-2 .*GetBasePathMappings/).waitFor({ timeout: STEP_TIMEOUT });
      for (const label of [ACCOUNT, REGION]) await expand(page, labelPattern(label));
      const vpc = treeItem(page, labelPattern('smartorder'));
      await vpc.waitFor({ timeout: STEP_TIMEOUT });
      assert.match((await vpc.getAttribute('aria-label')) ?? '', /10\.20\.0\.0\/16/);
      await expand(page, labelPattern('smartorder'));
      await treeItem(page, labelPattern('private-a')).waitFor({ timeout: STEP_TIMEOUT });
      await hoverUntilTooltip(page, vpc, ids.vpc);
      const status = page.locator('.part.statusbar .statusbar-item', { hasText: `default credentials · ${REGION}` });
      await status.waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-tree.png') });

      const cached = readFileSync(cacheFile(), 'utf8');
      assert.ok(cached.includes(ids.vpc), 'the cached snapshot holds the scanned VPC');
      for (const secret of [ACCESS_KEY, SECRET_KEY]) assert.ok(!cached.includes(secret), 'no credential reaches the cached snapshot');
    }));

  it('draws the scanned account in the diagram', () =>
    step('diagram', async () => {
      await resizeSideBar(page, 340);
      await runCommand(page, 'Serverless Network Map: Open Diagram');
      await editorTab(page, 'Network Map').waitFor({ timeout: STEP_TIMEOUT });
      await diagramVpc(page, 'smartorder').waitFor({ timeout: STEP_TIMEOUT });
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-diagram.png') });
    }));

  it('shows the cached scan at once after a window reload, without scanning again', () =>
    step('reload', async () => {
      const before = statSync(cacheFile()).mtimeMs;
      await reloadWindow(page);
      await openViewContainer(page, 'Serverless Network Map');
      for (const label of [ACCOUNT, REGION]) await expand(page, labelPattern(label));
      await treeItem(page, labelPattern('smartorder')).waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.part.statusbar .statusbar-item', { hasText: `default credentials · ${REGION}` }).waitFor({ timeout: STEP_TIMEOUT });
      // The diagram panel comes back too, drawing the cached account.
      await diagramVpc(page, 'smartorder').waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await notification(page, /^Scanning AWS/).count(), 0, 'a reload must not scan');
      assert.equal(statSync(cacheFile()).mtimeMs, before, 'a reload must not rewrite the cache');
      await page.mouse.move(900, 600);
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-reload.png') });
    }));

  it('says what to do when the endpoint is down, and keeps the last scan', () =>
    step('endpoint-down', async () => {
      const before = readFileSync(cacheFile(), 'utf8');
      await moto!.stop();
      await startCommand(page, SCAN_TITLE);
      await quickPick(page, 'Credentials');
      await page.keyboard.press('Enter');
      await quickPick(page, 'Regions');
      await page.keyboard.press('Enter');
      const error = notification(page, /^Scan failed: could not identify the AWS account.*connection refused.*Check that the endpoint http:\/\/127\.0\.0\.1:\d+ .* is running.*The map still shows the last scan\./);
      await error.waitFor({ timeout: 60_000 });
      await error.getByRole('button', { name: 'Open Settings' }).waitFor({ timeout: STEP_TIMEOUT });
      await notification(page, /^Scanning AWS/).waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
      await treeItem(page, labelPattern('smartorder')).waitFor({ timeout: STEP_TIMEOUT });
      assert.ok(existsSync(cacheFile()));
      assert.equal(readFileSync(cacheFile(), 'utf8'), before, 'a failed scan leaves the cached scan as it was');
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-endpoint-down.png') });
    }));
});
