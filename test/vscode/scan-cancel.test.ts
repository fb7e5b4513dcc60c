// Cancel on the Scan Account progress notification, in a real VS Code (code-server + Chromium).
// moto answers in milliseconds, so a slow proxy sits in front of it: the first scan goes through
// at full speed and is cached; the second is slowed down, cancelled from its notification mid-scan,
// and must end with a "cancelled" message while the cached scan and the tree stay as they were.
// Screenshots land in test-results/vscode-scan-cancel-*.png to be looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RegionClients } from '../aws/fixtures/clients';
import { createNamedVpc } from '../aws/fixtures/network';
import { startFaultProxy, type FaultProxy, type ProxyOptions } from '../aws/fault-proxy';
import { startMotoServer, type MotoServer } from '../aws/moto-server';
import { packagedVsix, requireTools, startCodeServer, type CodeServer } from './code-server';
import { browserPage, isolatedAwsEnv, type BrowserPage } from './session';
import { labelPattern } from './demo-path';
import { RESULTS, failureArtifacts } from './failure-artifacts';
import { expand, notification, openViewContainer, openWorkbench, quickPick, resizeSideBar, startCommand, treeItem, waitUntil, STEP_TIMEOUT } from './workbench';

const REGION = 'ap-northeast-2';
const ACCOUNT = '123456789012';
const SCAN_TITLE = 'Serverless Network Map: Scan Account';
/** Long enough that the rest of the scan outlasts the wait for the "cancelled" message if the Cancel click were ignored. */
const SLOW_MS = 6_000;

describe('Cancel on the Scan Account notification in a real VS Code', { timeout: 10 * 60_000 }, () => {
  let moto: MotoServer | undefined;
  let proxy: FaultProxy | undefined;
  const proxyOptions: ProxyOptions = { delayMs: 0 };
  let server: CodeServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  const cacheFile = (): string => join(server!.userDataDir, 'User', 'globalStorage', 'serverless-network-map.serverless-network-map', 'last-scan.json');
  const { step, keepLogsIfFailed } = failureArtifacts('vscode-scan-cancel', () => ({ page, server }));

  async function createVpc(cidr: string, name: string): Promise<void> {
    const clients = new RegionClients(moto!.endpoint, REGION);
    try {
      await createNamedVpc(clients.ec2, cidr, name);
    } finally {
      clients.destroy();
    }
  }

  async function startScan(): Promise<void> {
    await startCommand(page, SCAN_TITLE);
    await quickPick(page, 'Credentials');
    await page.keyboard.press('Enter');
    await quickPick(page, 'Regions');
    await page.keyboard.press('Enter');
  }

  before(async () => {
    requireTools();
    mkdirSync(RESULTS, { recursive: true });
    const vsix = packagedVsix();
    moto = await startMotoServer();
    proxy = await startFaultProxy(moto.endpoint, () => undefined, proxyOptions);
    await createVpc('10.50.0.0/16', 'first-scan');
    const folder = mkdtempSync(join(tmpdir(), 'snm-scan-cancel-'));
    // One profile besides the default chain, so the credentials picker is shown as users see it.
    writeFileSync(join(folder, 'aws-config'), '[profile readonly]\nregion = eu-west-1\n');
    server = await startCodeServer(
      vsix,
      folder,
      { 'serverlessNetworkMap.source': 'account', 'serverlessNetworkMap.regions': [REGION] },
      {
        machineSettings: { 'serverlessNetworkMap.endpoint': proxy.endpoint },
        env: isolatedAwsEnv({ accessKeyId: 'AKIASNMCANCELTEST001', secretAccessKey: 'snm-cancel-test-secret' }, join(folder, 'aws-config'), join(folder, 'no-aws-credentials')),
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
    await proxy?.stop();
    await moto?.stop();
  });

  it('a first scan at full speed is cached and shown', () =>
    step('first-scan', async () => {
      await openViewContainer(page, 'Serverless Network Map');
      await resizeSideBar(page, 480);
      await startScan();
      await notification(page, /^Scanning AWS/).waitFor({ state: 'hidden', timeout: 60_000 });
      for (const label of [ACCOUNT, REGION]) await expand(page, labelPattern(label));
      await treeItem(page, labelPattern('first-scan')).waitFor({ timeout: STEP_TIMEOUT });
      assert.ok(readFileSync(cacheFile(), 'utf8').includes('first-scan'));
    }));

  it('Cancel on the slowed-down second scan ends it with a message, and the cached scan and the tree stay as they were', () =>
    step('cancel', async () => {
      // Dismiss the first scan's summary so the only toasts are the ones this step makes.
      await page.keyboard.press('Escape');
      const cached = readFileSync(cacheFile(), 'utf8');
      const cachedAt = statSync(cacheFile()).mtimeMs;
      // A second scan that went through would see this VPC and rewrite the cache.
      await createVpc('10.60.0.0/16', 'second-scan');
      proxyOptions.delayMs = SLOW_MS;
      await startScan();
      // Mid-scan: past identifying the account, the collectors' reads under way.
      const progress = notification(page, /^Scanning AWS.*reads done/);
      await progress.waitFor({ timeout: 60_000 });
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-cancel-progress.png') });
      await progress.getByRole('button', { name: 'Cancel' }).click();

      await notification(page, /^Scanning AWS/).waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
      const cancelled = notification(page, /^Scan cancelled; nothing was saved\. The map still shows the last scan\./);
      await cancelled.waitFor({ timeout: STEP_TIMEOUT });
      // Hovered, the toast stays fully shown for the picture instead of fading out.
      await cancelled.hover();
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-cancel-message.png') });
      // Requests already sent end (answered or dropped) on the proxy; a scan that kept going would keep sending and then write.
      await waitUntil(async () => proxy!.counts.inFlight === 0, 'the requests in flight at the cancel to end', 60_000);
      assert.equal(readFileSync(cacheFile(), 'utf8'), cached, 'the cached scan is byte for byte the first one');
      assert.equal(statSync(cacheFile()).mtimeMs, cachedAt, 'the cache file was not rewritten');
      await treeItem(page, labelPattern('first-scan')).waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await treeItem(page, labelPattern('second-scan')).count(), 0, 'the tree still shows the first scan');
      await page.screenshot({ path: join(RESULTS, 'vscode-scan-cancel-done.png') });
    }));
});
