// What a person does in the VS Code workbench, as Playwright steps: open a view container, expand
// a tree row, run a command from the palette, look inside a webview. Each step waits on the
// condition it needs (generous timeouts), never on a fixed delay.
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The workbench's first paint and the extension host's start take ~10 s here; slow CI gets 4×. */
export const WORKBENCH_TIMEOUT = 60_000;
export const STEP_TIMEOUT = 30_000;

export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForWorkbench(page);
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT });
  // The status bar appears once the workbench has restored its parts.
  await page.locator('.part.statusbar').waitFor({ timeout: WORKBENCH_TIMEOUT });
}

/** Clicks an activity-bar entry by the start of its title (the label also carries the key binding). */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const label = `a.action-label[aria-label^="${title}"]`;
  const item = page.locator('.activitybar li.action-item', { has: page.locator(label) });
  await item.waitFor({ timeout: STEP_TIMEOUT });
  const selected = async () => (await item.getAttribute('aria-selected')) === 'true';
  // Right after a reload the workbench can swallow the click while it restores its parts: click
  // again (after giving the last click time to take) until the container is open. Every other try
  // goes through the palette's "View: Show <container>" instead, as a person whose clicks do nothing
  // would: once in a full tier run, clicks on the activity bar after a reload never took.
  let attempt = 0;
  await waitUntil(async () => {
    if (await selected()) return true;
    if (attempt++ % 2 === 0) await item.locator(label).click({ timeout: 5_000 });
    else await runCommand(page, `View: Show ${title}`);
    for (let i = 0; i < 15; i++) {
      if (await selected()) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }, `the ${title} container to open`, WORKBENCH_TIMEOUT);
}

/** Drags the side bar's edge to a width: wide for tree screenshots, narrow to give the diagram room. */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 4) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width + 1, y, { steps: 5 });
  await page.mouse.up();
}

/** A tree row whose accessible name (label and description) matches. */
export function treeItem(page: Page, name: RegExp): Locator {
  return page.getByRole('treeitem', { name }).first();
}

/** Expands a tree row unless it already is, and waits until it says so. */
export async function expand(page: Page, name: RegExp): Promise<void> {
  const row = treeItem(page, name);
  await row.waitFor({ timeout: STEP_TIMEOUT });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  // The list re-renders rows, so ask the locator again each time rather than holding an element.
  await waitUntil(async () => (await row.getAttribute('aria-expanded')) === 'true', `tree row ${name} to expand`);
}

/** Polls a condition until it holds; fails saying what it waited for. */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeout = STEP_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Hovers a tree row until its tooltip (a `.monaco-hover` holding `text`) shows. A row drawn again
 * under a still pointer (its badge arriving, say) drops a pending hover and the workbench waits for
 * the pointer to move: move it off and back on, as a person would (seen once in CI).
 */
export async function hoverUntilTooltip(page: Page, row: Locator, text: string): Promise<Locator> {
  const tooltip = page.locator('.monaco-hover', { hasText: text });
  await waitUntil(async () => {
    await page.mouse.move(0, 0);
    await row.hover();
    return tooltip.waitFor({ timeout: 3_000 }).then(() => true);
  }, `the tooltip "${text}"`);
  return tooltip;
}

/** Runs a command from the palette by its full title ("Category: Title"), as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await startCommand(page, title);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

/** Starts a command from the palette without waiting for the palette to close: for commands that ask with a quick pick of their own. */
export async function startCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title });
  const opened = (): Promise<boolean> => input.waitFor({ timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  const openPalette = async (): Promise<boolean> => {
    if (await input.isVisible()) return true;
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('F1');
    if (await opened()) return true;
    // Focus can stay inside a webview (the diagram), which keeps the key: the title bar's command
    // center opens the same box, as a person would click it.
    await page.locator('.command-center .action-label').first().click({ timeout: 2_000 });
    return opened();
  };
  // Right after start-up the palette may not know the extension's commands yet, and an open palette
  // does not refresh its matches: type the query again until this command is the row it would run.
  // A webview that takes focus while it loads closes the palette (seen in CI after the diagram
  // opened): open it again then.
  await waitUntil(async () => {
    if (!(await openPalette())) return false;
    await input.fill('>', { timeout: 2_000 });
    await input.fill(`>${title}`, { timeout: 2_000 });
    return row.waitFor({ timeout: 2_000 }).then(() => true);
  }, `"${title}" in the command palette`);
  await input.press('Enter');
}

/** The open quick pick once its title contains `title` (a command's own question, not the palette). */
export async function quickPick(page: Page, title: string): Promise<Locator> {
  const widget = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: title }) });
  await widget.waitFor({ timeout: STEP_TIMEOUT });
  return widget;
}

/** A notification toast whose message matches. */
export function notification(page: Page, message: RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast', { has: page.locator('.notification-list-item-message', { hasText: message }) }).first();
}

/** The editor tab of a webview panel, by its title. */
export function editorTab(page: Page, title: string): Locator {
  return page.locator('.tabs-container .tab', { hasText: title }).first();
}

/**
 * The page inside a webview: VS Code nests it twice, an outer `iframe.webview` (its host page) and
 * the inner `#active-frame` holding our HTML.
 */
export function webviewPage(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Reloads the window through the command a user would run, and waits for the new workbench. */
export async function reloadWindow(page: Page): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: WORKBENCH_TIMEOUT });
  await runCommand(page, 'Developer: Reload Window').catch(() => {
    // The palette may be torn down by the reload itself before it reports hidden: the navigation is what counts.
  });
  await navigated;
  await waitForWorkbench(page);
}
