// What a failed code-server step leaves behind for the person reading CI: a screenshot, the
// code-server log and (at the end) the extension host's logs — one mechanism for every test file.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO, type CodeServer } from './code-server';

export const RESULTS = join(REPO, 'test-results');

export interface Steps {
  /** Runs a named step; on failure saves `<prefix>-failure-<name>.png` and the log, and rethrows naming them. */
  step(name: string, body: () => Promise<void>): Promise<void>;
  /** In `after`: copies code-server's logs to `<prefix>-logs/` when any step failed. */
  keepLogsIfFailed(): void;
}

export function failureArtifacts(prefix: string, current: () => { page?: Page; server?: CodeServer }): Steps {
  let failed = false;
  return {
    async step(name, body) {
      try {
        await body();
      } catch (error) {
        failed = true;
        const { page, server } = current();
        mkdirSync(RESULTS, { recursive: true });
        await page?.screenshot({ path: join(RESULTS, `${prefix}-failure-${name}.png`) }).catch(() => undefined);
        writeFileSync(join(RESULTS, `${prefix}-code-server.log`), server?.log() ?? '(code-server did not start)');
        // Close a dialog or palette the failed step left open, so the next step starts from the workbench.
        for (let i = 0; i < 2; i++) await page?.keyboard.press('Escape').catch(() => undefined);
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${name}: ${message}\n(see test-results/${prefix}-failure-${name}.png and test-results/${prefix}-code-server.log)`, { cause: error });
      }
    },
    keepLogsIfFailed() {
      const { server } = current();
      if (failed && server) cpSync(server.logsDir, join(RESULTS, `${prefix}-logs`), { recursive: true, force: true });
    },
  };
}
