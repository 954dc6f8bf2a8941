/**
 * What the page tests need from a page, written against the part of the API that Playwright
 * (Chromium) and Puppeteer (Firefox) share, so one suite runs in both browsers. Everything is
 * read from inside the page; the local build opens Footnote's shadow roots for this.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { KeyInput, Page as PuppeteerPage } from 'puppeteer-core';

export interface PageDriver {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Waits until `fn(arg)` is truthy in the page (15 s at most). */
  waitFor<A>(fn: (arg: A) => unknown, arg: A): Promise<void>;
  /** Presses a key, with modifiers written Playwright's way (`Shift+Tab`). */
  press(key: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /**
   * Emulates the system's colour scheme; absent where the driver cannot (Puppeteer emulates
   * media features over CDP only, which Firefox does not speak).
   */
  emulateColorScheme?(scheme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

const WAIT_MS = 15_000;

export function playwrightDriver(page: PlaywrightPage): PageDriver {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg) =>
      void (await page.waitForFunction(fn as never, arg, { timeout: WAIT_MS })),
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    emulateColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    close: () => page.close(),
  };
}

export function puppeteerDriver(page: PuppeteerPage): PageDriver {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg) =>
      void (await page.waitForFunction(fn as never, { timeout: WAIT_MS }, arg)),
    async press(combination) {
      const keys = combination.split('+') as KeyInput[];
      const key = keys.pop();
      for (const modifier of keys) await page.keyboard.down(modifier);
      if (key !== undefined) await page.keyboard.press(key);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
  };
}

/** Number of finished scanner passes so far (the local build counts them). */
export const scanCount = (page: PageDriver): Promise<number> =>
  page.evaluate(() => Number(document.documentElement.dataset.footnoteScans ?? 0), null);

/** Waits until the scanner has finished more passes than `after`. */
export async function waitForScan(page: PageDriver, after = 0): Promise<void> {
  await page.waitFor(
    (count) => Number(document.documentElement.dataset.footnoteScans ?? 0) > count,
    after,
  );
}

/** The accessible names of the badges inside the element matching `selector`. */
export const badgeLabels = (page: PageDriver, selector: string): Promise<string[]> =>
  page.evaluate(
    (sel) =>
      [...(document.querySelector(sel)?.querySelectorAll('footnote-badge') ?? [])].map(
        (host) => host.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '',
      ),
    selector,
  );

/** Sets settings through the local build's test hook, then waits for the rescan. */
export async function setSettings(page: PageDriver, settings: object): Promise<void> {
  const before = await scanCount(page);
  await page.evaluate(
    (value) => window.postMessage({ type: 'footnote-test:set-settings', settings: value }, '*'),
    settings,
  );
  await waitForScan(page, before);
}
