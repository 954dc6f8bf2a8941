/**
 * "Run Footnote on this site" for a site it does not run on by default: the popup asks for the
 * site's permission, the content script runs in the tab at once and on later visits, and the
 * options page turns it off again. The local build is granted localhost without running there,
 * so the browser answers the permission request without a prompt a test cannot click.
 */
import { expect, test } from 'vitest';
import { useChromiumWithFixtures } from './harness/suite';

const suite = useChromiumWithFixtures();

const POLL = { timeout: 15_000 };

test('turned on from the popup, Footnote runs on the site now and on later visits, until turned off', async () => {
  const url = suite.pages.url.replace('127.0.0.1', 'localhost') + 'sites/generic.html';
  const page = await suite.chromium.openPage(url);
  const tabId = await (
    await suite.chromium.serviceWorker()
  ).evaluate(async (address) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
    };
    return (await chrome.tabs.query({})).find((tab) => tab.url === address)?.id ?? -1;
  }, url);
  expect(await page.locator('footnote-badge').count()).toBe(0);

  const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup.getByRole('button', { name: 'Run Footnote on localhost' }).click();
  await expect
    .poll(() => popup.getByRole('status').first().textContent(), POLL)
    .toContain('now runs');
  await expect.poll(() => page.locator('#relevant footnote-badge').count(), POLL).toBe(2);

  await page.reload();
  await expect.poll(() => page.locator('#relevant footnote-badge').count(), POLL).toBe(2);

  const options = await suite.chromium.openExtensionPage('src/options/index.html');
  await options.getByRole('button', { name: 'Turn Footnote off on http://localhost/*' }).click();
  await expect
    .poll(() => options.getByText('None. On a site Footnote does not support').count(), POLL)
    .toBe(1);
  await page.reload();
  await page.waitForTimeout(1_000); // a registered script would have run by now
  expect(await page.locator('footnote-badge').count()).toBe(0);
  await Promise.all([popup.close(), options.close(), page.close()]);
});
