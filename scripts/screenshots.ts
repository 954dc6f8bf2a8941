/**
 * `npm run screenshots`: the main views of the real extension (the local build) on the demo
 * page, in English and Urdu, light and dark, written as PNGs to `screenshots/` for review; and
 * the store's images (1280×800 screenshots, the 440×280 tile) to `store/screenshots/`.
 * Nothing is drawn by hand: every image is Chromium rendering Footnote.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../test/e2e/harness/chromium';
import { waitForContentScript } from '../test/e2e/harness/content-script';
import { serveDirectory } from './static-server';

const REVIEW_DIR = resolve('screenshots');
const STORE_DIR = resolve('store/screenshots');
const LANGUAGES = ['en', 'ur'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/** The person the full view shows: a party to the demo page's case. */
const FULL_VIEW_PERSON = 'meesha-shafi';

async function openDemo(chromium: ChromiumSession, url: string, scheme: Scheme) {
  const page = await chromium.openPage(url);
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width: 1280, height: 800 });
  const { tabId } = await waitForContentScript(page);
  await page.locator('footnote-badge').first().waitFor();
  return { page, tabId };
}

async function openCard(page: Page): Promise<void> {
  await page.locator('footnote-badge').first().locator('button').click();
  await page.locator('footnote-card h2').waitFor();
}

async function extensionPage(
  chromium: ChromiumSession,
  path: string,
  scheme: Scheme,
  size: { width: number; height: number },
  ready: string,
): Promise<Page> {
  const page = await chromium.openExtensionPage(path);
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize(size);
  await page.locator(ready).first().waitFor();
  return page;
}

/** Every view a reader meets, in one language and scheme. */
async function reviewViews(
  chromium: ChromiumSession,
  demoUrl: string,
  name: string,
  scheme: Scheme,
) {
  const shot = (page: Page, view: string, fullPage = false) =>
    page.screenshot({ path: join(REVIEW_DIR, `${view}-${name}.png`), fullPage });
  const { page, tabId } = await openDemo(chromium, demoUrl, scheme);
  await shot(page, 'page');
  await openCard(page);
  await shot(page, 'card');
  await page.setViewportSize({ width: 360, height: 640 });
  await shot(page, 'card-phone');
  const popup = await extensionPage(
    chromium,
    `src/popup/index.html?tab=${tabId}`,
    scheme,
    { width: 400, height: 600 },
    'main.popup',
  );
  // As the toolbar shows it (at most 600 px tall), and the whole of it.
  await shot(popup, 'popup');
  await shot(popup, 'popup-all', true);
  const full = await extensionPage(
    chromium,
    `src/full/index.html?tab=${tabId}#person=${FULL_VIEW_PERSON}`,
    scheme,
    { width: 1280, height: 800 },
    '.case',
  );
  await shot(full, 'full-view');
  for (const view of ['welcome', 'options']) {
    const settingsPage = await extensionPage(
      chromium,
      `src/${view}/index.html`,
      scheme,
      { width: 1024, height: 800 },
      'main',
    );
    await shot(settingsPage, view, true);
    await settingsPage.close();
  }
  for (const opened of [page, popup, full]) await opened.close();
}

/** The store's images: the card on the demo page and the full view at 1280×800, and the tile. */
async function storeImages(chromium: ChromiumSession, demoUrl: string, lang: string) {
  const { page, tabId } = await openDemo(chromium, demoUrl, 'light');
  await openCard(page);
  await page.screenshot({ path: join(STORE_DIR, `card-${lang}-1280x800.png`) });
  const full = await extensionPage(
    chromium,
    `src/full/index.html?tab=${tabId}#person=${FULL_VIEW_PERSON}`,
    'light',
    { width: 1280, height: 800 },
    '.case',
  );
  await full.screenshot({ path: join(STORE_DIR, `full-view-${lang}-1280x800.png`) });
  if (lang === 'en') {
    // The tile: the demo page with a card open at 880×560, drawn at half scale into 440×280.
    await page.setViewportSize({ width: 880, height: 560 });
    const cdp = await page.context().newCDPSession(page);
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'png',
      clip: { x: 0, y: 0, width: 880, height: 560, scale: 0.5 },
    });
    writeFileSync(join(STORE_DIR, 'tile-440x280.png'), Buffer.from(data, 'base64'));
    await cdp.detach();
  }
  await page.close();
  await full.close();
}

rmSync(REVIEW_DIR, { recursive: true, force: true });
mkdirSync(REVIEW_DIR, { recursive: true });
mkdirSync(STORE_DIR, { recursive: true });
const server = await serveDirectory('demo');
try {
  for (const lang of LANGUAGES) {
    const chromium = await launchChromium({ locale: lang });
    try {
      for (const scheme of SCHEMES)
        await reviewViews(chromium, server.url, `${lang}-${scheme}`, scheme);
      await storeImages(chromium, server.url, lang);
    } finally {
      await chromium.close();
    }
  }
  console.log(`Views in ${REVIEW_DIR}; store images in ${STORE_DIR}.`);
} finally {
  await server.close();
}
