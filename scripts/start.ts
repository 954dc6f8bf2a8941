/**
 * `npm start`: builds the extension, serves the demo page on 127.0.0.1 and opens it in the
 * system Chromium with Footnote loaded. With a display it opens a window and waits until you
 * close it; without one it loads the page headless and saves demo-screenshot.png.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/harness/chromium';
import { waitForContentScript } from '../test/e2e/harness/content-script';
import { serveDirectory } from './static-server';

const SCREENSHOT = resolve('demo-screenshot.png');
const POPUP_SCREENSHOT = resolve('demo-popup.png');

execFileSync('npx', ['tsx', 'scripts/build.ts', '--local'], { stdio: 'inherit' });
const server = await serveDirectory('demo');
const headless = !process.env.DISPLAY;
const chromium = await launchChromium({ headless });
const page = await chromium.openPage(server.url);
const { tabId } = await waitForContentScript(page);

if (headless) {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Open the first badge's card, as a reader would, so the screenshot shows it.
  await page.locator('footnote-badge').first().locator('button').click();
  await page.locator('footnote-card h2').waitFor();
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  // The toolbar popup cannot be opened headless; the same page in a tab shows what it shows.
  const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 460, height: 1400 });
  await popup.locator('.case').first().waitFor();
  await popup.screenshot({ path: POPUP_SCREENSHOT });
  console.log(
    `No display: loaded the demo headless with Footnote and saved ${SCREENSHOT} and ${POPUP_SCREENSHOT}`,
  );
  await chromium.close();
  await server.close();
} else {
  console.log(`Demo at ${server.url} with Footnote loaded. Close the browser to stop.`);
  chromium.context.on('close', () => void server.close());
}
