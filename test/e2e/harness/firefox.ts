/**
 * The built extension in the system Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
 * The add-on gets a fixed internal UUID (a Firefox pref), so its pages have a known address.
 * BiDi navigates a tab to a `moz-extension://` page only with system access allowed, and then
 * reports no load events for it: `openExtensionPage` waits for the page itself instead.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../../scripts/build-target';
import { findFirefox } from './browsers';
import { localExtensionDir } from './paths';

export interface FirefoxSession {
  readonly browser: Browser;
  /** Console errors and uncaught exceptions seen so far on the pages this session opened. */
  readonly errors: string[];
  openPage(url: string): Promise<Page>;
  /** Opens an extension page (e.g. `src/popup/index.html?tab=3`) as a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: { extensionDir?: string } = {},
): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }),
    },
  });
  await browser.installExtension(options.extensionDir ?? localExtensionDir('firefox'));

  const errors: string[] = [];
  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`[${page.url()}] ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`[uncaught ${page.url()}] ${String(error)}`));
    return page;
  };

  return {
    browser,
    errors,
    async openPage(url) {
      const page = await newPage();
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await newPage();
      const url = `moz-extension://${uuid}/${path}`;
      await page
        .goto(url, { waitUntil: 'domcontentloaded', timeout: 2_000 })
        .catch(() => undefined);
      await page.waitForFunction(
        (expected) => location.href === expected && document.readyState === 'complete',
        { timeout: 15_000 },
        url,
      );
      return page;
    },
    close: () => browser.close(),
  };
}
