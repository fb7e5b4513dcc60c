// What every code-server test file sets up the same way: a Chromium page at the size screenshots
// are taken at, a workspace folder holding the demo's template, and an extension-host environment
// whose AWS credentials and config are only the test's own (never the machine's).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO, launchChromium } from './code-server';

export interface BrowserPage {
  page: Page;
  /** The page's context: for routes and new tabs the page opens. */
  context: BrowserContext;
  /** Ends the browser (and so the page). */
  close(): Promise<void>;
}

/** A fresh Chromium with one 1400×900 page; `permissions` (e.g. clipboard) are granted to it. */
export async function browserPage(permissions: string[] = []): Promise<BrowserPage> {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions });
  return { page: await context.newPage(), context, close: () => browser.close() };
}

/** A new workspace folder with the demo's template.yaml in it: what the template tests open and Go to Template finds. */
export function demoTemplateFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(join(REPO, 'demo', 'template.yaml'), join(folder, 'template.yaml'));
  return folder;
}

/** The AWS variables for the extension host: these keys and files, and none of the machine's profile or region. */
export function isolatedAwsEnv(keys: { accessKeyId: string; secretAccessKey: string }, configFile: string, credentialsFile: string): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
  };
}
