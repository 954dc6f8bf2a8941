/**
 * A content script outlives its extension when the extension is reloaded, updated or disabled.
 * Then it must take its badges down and stop reacting to the page, without an error.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { StaticServer } from '../../scripts/static-server';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { serveFixturePages } from './harness/fixtures';
import { playwrightDriver, waitForScan } from './harness/page-driver';

let server: StaticServer;
let chromium: ChromiumSession;

beforeAll(async () => {
  server = await serveFixturePages();
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

test('after the extension is reloaded, the old content script removes its badges and stops', async () => {
  const page = await chromium.openPage(`${server.url}dynamic.html`);
  await waitForContentScript(page);
  const driver = playwrightDriver(page);
  await waitForScan(driver);
  await page.evaluate(() => (window as unknown as { appendPosts(n: number): void }).appendPosts(3));
  await expect.poll(() => page.locator('footnote-badge').count()).toBe(3);

  const worker = await chromium.serviceWorker();
  await worker
    .evaluate(() => {
      (
        globalThis as unknown as { chrome: { runtime: { reload(): void } } }
      ).chrome.runtime.reload();
    })
    .catch(() => undefined); // the worker goes away while answering
  // The next change to the page wakes the orphaned script: it notices and tears down.
  await expect
    .poll(
      async () => {
        await page.evaluate(() =>
          (window as unknown as { appendPosts(n: number): void }).appendPosts(1),
        );
        return page.locator('footnote-badge').count();
      },
      { timeout: 15_000 },
    )
    .toBe(0);
  expect(chromium.errors).toEqual([]);
  await page.close();
});
