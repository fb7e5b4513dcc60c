// Renders the demo diagram (out/demo-diagram.html, from `npm run demo`) in Debian's Chromium and
// saves the README's picture, docs/images/demo-diagram.png. Run it after changing the drawing,
// and look at the picture before committing it.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(resolve('out/demo-diagram.html')).href);
  await page.screenshot({ path: 'docs/images/demo-diagram.png', fullPage: true });
  console.log('wrote docs/images/demo-diagram.png');
} finally {
  await browser.close();
}
