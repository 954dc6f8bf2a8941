import { describe, expect, test } from 'vitest';
import { waitForContentScript } from './harness/content-script';
import { useFirefoxWithFixtures } from './harness/suite';

describe('the extension in Firefox', () => {
  const suite = useFirefoxWithFixtures();

  test('the background answers the content script', async () => {
    const page = await suite.browser.openPage(`${suite.pages.url}plain.html`);
    const { tabId } = await waitForContentScript(page);
    expect(tabId).toBeGreaterThan(0);
    await page.close();
  });
});
