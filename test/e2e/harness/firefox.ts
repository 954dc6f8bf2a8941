/**
 * The built extension in the system Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
 * BiDi refuses to navigate a tab to a `moz-extension://` page (Firefox 153 ESR), so the
 * extension's own pages are tested in Chromium; Firefox tests drive web pages.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from './browsers';
import { localExtensionDir } from './paths';

export interface FirefoxSession {
  readonly browser: Browser;
  /** Console errors and uncaught exceptions seen so far on the pages this session opened. */
  readonly errors: string[];
  openPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: { extensionDir?: string } = {},
): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
  });
  await browser.installExtension(options.extensionDir ?? localExtensionDir('firefox'));

  const errors: string[] = [];
  const openPage = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`[${page.url()}] ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`[uncaught ${page.url()}] ${String(error)}`));
    await page.goto(url);
    return page;
  };

  return { browser, errors, openPage, close: () => browser.close() };
}
