/** The welcome page Firefox opens when Footnote is installed, and the sites it lists. */
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { useFirefoxWithFixtures } from './harness/suite';

describe('the welcome page in Firefox', () => {
  const suite = useFirefoxWithFixtures();

  test('opens on install with what a badge means and the sites from the manifest', async () => {
    // BiDi reports no navigation for extension pages (harness/firefox.ts): ask each tab itself.
    const welcomeTab = async (): Promise<Page | undefined> => {
      for (const page of await suite.browser.browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.endsWith('/src/welcome/index.html')) return page;
      }
      return undefined;
    };
    await expect.poll(welcomeTab, { timeout: 15_000 }).toBeDefined();
    const welcome = await welcomeTab();
    if (!welcome) throw new Error('no welcome tab');
    await welcome.waitForFunction(
      () => document.querySelector('[data-testid="supported-sites"] li') !== null,
      { timeout: 15_000 },
    );
    const text = await welcome.evaluate(() => document.querySelector('main')?.textContent ?? '');
    expect(text).toContain('Welcome to Footnote');
    expect(text).toContain('A badge is context, not a verdict');
    expect(text).toContain('dawn.com');
    expect(text).toContain('127.0.0.1');
  });
});
