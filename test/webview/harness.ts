// The diagram page in real Chromium, as VS Code would show it: the panel's own HTML shell and CSP
// (src/vscode/diagram/webview-html.ts), the built dist/webview.js and media/diagram.css served from
// a loopback origin, and a recorder standing in for acquireVsCodeApi().
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { diagramPageHtml, newNonce } from '../../src/vscode/diagram/webview-html';
import type { Diagram } from '../../src/diagram/drawing';
import type { HostMessage, PageMessage, PageState } from '../../src/diagram/protocol';

const ROOT = resolve(__dirname, '../..');
const BUNDLE = join(ROOT, 'dist/webview.js');

function newestIn(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Runs the real build once when the page bundle is missing or older than its sources (or the layout worker's). */
export function ensureBundle(): void {
  let built = 0;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    // not built yet
  }
  // src/vscode/diagram and src/model too: the same build makes the layout worker bench:diagram times.
  const sources = ['webview', 'src/diagram', 'src/vscode/diagram', 'src/model'].map((dir) => newestIn(join(ROOT, dir)));
  if (built >= Math.max(...sources)) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${result.stdout}${result.stderr}`);
}

/** Defined before the bundle runs: what the page posts and stores is kept for the test to read. */
const RECORDER = `
window.__posted = [];
window.__state = window.__initialState;
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({
  postMessage: (message) => { window.__posted.push(JSON.parse(JSON.stringify(message))); },
  getState: () => window.__state,
  setState: (state) => { window.__state = JSON.parse(JSON.stringify(state)); },
});`;

export interface PageServer {
  url: string;
  /** Paths requested that the server did not have: the page must ask for nothing else. */
  misses: string[];
  close(): Promise<void>;
}

export async function servePage(): Promise<PageServer> {
  const misses: string[] = [];
  const files: Record<string, { path: string; type: string }> = {
    '/dist/webview.js': { path: BUNDLE, type: 'text/javascript' },
    '/media/diagram.css': { path: join(ROOT, 'media/diagram.css'), type: 'text/css' },
  };
  let origin = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === '/') {
      const nonce = newNonce();
      const shell = diagramPageHtml({ cspSource: origin, scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/diagram.css`, nonce });
      const html = shell.replace('<script nonce=', `<script nonce="${nonce}">${RECORDER}</script>\n<script nonce=`);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    if (path === '/favicon.ico') {
      // Chromium asks for a favicon on its own (a VS Code webview does not); answer it so the console stays clean.
      response.writeHead(204).end();
      return;
    }
    const file = files[path];
    if (!file) {
      misses.push(path);
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type }).end(readFileSync(file.path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, misses, close: () => new Promise((done) => server.close(() => done())) };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** A page with its console errors, CSP violations and dialogs collected. */
export interface DiagramPage {
  page: Page;
  problems: string[];
  dialogs: string[];
  posted(): Promise<PageMessage[]>;
  state(): Promise<PageState | undefined>;
  send(message: HostMessage | Record<string, unknown>): Promise<void>;
  show(diagram: Diagram): Promise<void>;
  violations(): Promise<string[]>;
}

/** `state` is what VS Code would hand back from getState() when the panel is reopened. */
export async function openDiagramPage(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light', state?: PageState): Promise<DiagramPage> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1400, height: 820 } });
  if (state !== undefined) await page.addInitScript((s) => ((window as unknown as { __initialState: unknown }).__initialState = s), state);
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  const result: DiagramPage = {
    page,
    problems,
    dialogs,
    posted: () => page.evaluate(() => (window as unknown as { __posted: PageMessage[] }).__posted),
    state: () => page.evaluate(() => (window as unknown as { __state: PageState | undefined }).__state),
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    // VS Code delivers host messages to the page as window message events; so does this.
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
    show: async (diagram) => {
      await result.send({ type: 'showDiagram', diagram });
      await page.waitForSelector('svg.snm-diagram g.node');
    },
  };
  await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
  return result;
}
