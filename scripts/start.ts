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

execFileSync('npx', ['tsx', 'scripts/build.ts', '--local'], { stdio: 'inherit' });
const server = await serveDirectory('demo');
const headless = !process.env.DISPLAY;
const chromium = await launchChromium({ headless });
const page = await chromium.openPage(server.url);
await waitForContentScript(page);

if (headless) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  console.log(`No display: loaded the demo headless with Footnote and saved ${SCREENSHOT}`);
  await chromium.close();
  await server.close();
} else {
  console.log(`Demo at ${server.url} with Footnote loaded. Close the browser to stop.`);
  chromium.context.on('close', () => void server.close());
}
