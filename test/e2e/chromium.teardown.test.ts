/**
 * A content script outlives its extension when the extension is reloaded, updated or disabled.
 * Then it must take its badges down and stop reacting to the page, without an error.
 */
import { expect, test } from 'vitest';
import { useChromiumWithFixtures } from './harness/suite';
import { waitForContentScript } from './harness/content-script';
import { playwrightDriver, waitForScan } from './harness/page-driver';

const suite = useChromiumWithFixtures();

test('after the extension is reloaded, the old content script removes its badges and stops', async () => {
  const { chromium, pages } = suite;
  const page = await chromium.openPage(`${pages.url}dynamic.html`);
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
  await page.close();
});
