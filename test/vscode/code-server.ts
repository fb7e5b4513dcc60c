// Runs the packaged extension in a real VS Code: code-server (VS Code 1.139 with a real Node
// extension host) from the cache scripts/install-code-server.sh fills, in a throwaway profile,
// driven by Debian's Chromium. Nothing here touches the user's own settings or extensions.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { freeTcpPort } from '../support/free-port';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const REPO = join(__dirname, '..', '..');
const CACHE = process.env.SNM_CACHE ?? join(homedir(), '.cache', 'serverless-network-map');
const NODE24 = join(CACHE, 'node24', 'node_modules', 'node', 'bin', 'node');
const ENTRY = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = '/usr/bin/chromium';
const VSIX = join(REPO, 'dist', 'serverless-network-map.vsix');

/** Fails with what to do, not a stack trace, when a machine lacks the real components. */
export function requireTools(): void {
  const missing = [NODE24, ENTRY].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`code-server is not installed (missing ${missing.join(', ')}): run scripts/install-code-server.sh`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
}

/** The VSIX, packaged again unless it is newer than everything that goes into it. */
export function packagedVsix(): string {
  const inputs = ['src', 'webview', 'media', 'package.json', '.vscodeignore', 'scripts/build.mjs'].map((p) => join(REPO, p));
  if (!existsSync(VSIX) || statSync(VSIX).mtimeMs < Math.max(...inputs.map(newestMtime))) {
    const result = spawnSync('npm', ['run', 'package', '--silent'], { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  }
  return VSIX;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** User settings that keep the workbench quiet and the same on every run (no welcome page, no chat, no tips). */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'all',
  // demo/ sits inside this repository: without this, a "git repository found in parent folders" toast covers the diagram.
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServer {
  url: string;
  /** The profile's user-data folder (settings, global storage). */
  userDataDir: string;
  /** VS Code's own logs (extension host, renderer), copied out when a test fails. */
  logsDir: string;
  /** An empty folder that goes away with the server, for files a test makes VS Code write. */
  scratchDir: string;
  /** Everything code-server printed, for a failure message. */
  log(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Added to (or, with undefined, removed from) the environment code-server and its extension host see. */
  env?: Record<string, string | undefined>;
  /**
   * Settings of `machine` scope (e.g. serverlessNetworkMap.endpoint): code-server's extension host is a
   * remote one, and VS Code reads those there only from the remote's own settings file, never the user's.
   */
  machineSettings?: Record<string, unknown>;
}

/** Installs the VSIX into a fresh profile and serves `folder` on a free loopback port; `settings` add to the quiet defaults. */
export async function startCodeServer(vsix: string, folder: string, settings: Record<string, unknown> = {}, options: CodeServerOptions = {}): Promise<CodeServer> {
  const home = mkdtempSync(join(tmpdir(), 'snm-code-server-'));
  const dirs = { extensions: join(home, 'extensions'), userData: join(home, 'user-data'), xdg: join(home, 'xdg') };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(join(home, 'scratch'));
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  if (options.machineSettings) {
    mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
    writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify(options.machineSettings, null, 2));
  }
  // code-server writes a default config (with a password) and logs under XDG folders: keep them in the throwaway home.
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(dirs.xdg, 'config'), XDG_DATA_HOME: join(dirs.xdg, 'data'), XDG_CACHE_HOME: join(dirs.xdg, 'cache') };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const common = ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--config', join(home, 'config.yaml')];
  writeFileSync(join(home, 'config.yaml'), 'auth: none\ncert: false\n');

  const install = spawnSync(NODE24, [ENTRY, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0 || !existsSync(dirs.extensions) || readdirSync(dirs.extensions).length === 0) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`installing ${vsix} into code-server failed (exit ${install.status}):\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freeTcpPort();
  const url = `http://127.0.0.1:${port}`;
  const args = [ENTRY, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', folder];
  // Its own process group, so stop() also ends the extension host and the other children it starts.
  const child = spawn(NODE24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server: CodeServer = {
    url,
    userDataDir: dirs.userData,
    logsDir: join(dirs.userData, 'logs'),
    scratchDir: join(home, 'scratch'),
    log: () => output,
    stop: async () => {
      await stopGroup(child);
      rmSync(home, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before serving:\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${url}/healthz within 60 s:\n${log()}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  // Children that outlived the parent (the extension host) are in the same group.
  kill('SIGKILL');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}
