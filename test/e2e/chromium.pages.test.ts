import { describe, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/static-server';
import { seriousViolations } from './harness/axe';
import { launchChromium } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { playwrightDriver, waitForScan } from './harness/page-driver';
import { serveFixturePages } from './harness/fixtures';
import { cardTextSizes, describePageTests } from './page-suite';

describePageTests('Chromium', async () => {
  const chromium = await launchChromium();
  return {
    errors: chromium.errors,
    close: () => chromium.close(),
    async open(url) {
      const page = await chromium.openPage(url);
      await waitForContentScript(page);
      const driver = playwrightDriver(page);
      await waitForScan(driver);
      return driver;
    },
  };
});

// Chromium only: the axe harness drives Playwright's page.
describe('the demo page in Chromium', () => {
  test('shows its badges, and with a card open has no serious accessibility violations', async () => {
    const demo = await serveDirectory('demo');
    const chromium = await launchChromium();
    try {
      const page = await chromium.openPage(demo.url);
      await waitForContentScript(page);
      await waitForScan(playwrightDriver(page));
      expect(await page.locator('footnote-badge').count()).toBeGreaterThan(3);
      await page.locator('footnote-badge').first().locator('button').click();
      await page.locator('footnote-card h2').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(chromium.errors).toEqual([]);
    } finally {
      await chromium.close();
      await demo.close();
    }
  });
});

// Chromium only: its UI language is set at launch (Firefox's would need a language pack).
describe('the card in the Urdu interface (Chromium)', () => {
  test('on a page whose root font is 10 px, Urdu text is 15 px or more with tall lines', async () => {
    const pages = await serveFixturePages();
    const chromium = await launchChromium({ locale: 'ur' });
    try {
      const page = await chromium.openPage(`${pages.url}card/root-font.html`);
      await waitForContentScript(page);
      const driver = playwrightDriver(page);
      await waitForScan(driver);
      await page.locator('#zafar footnote-badge').first().locator('button').click();
      await page.locator('footnote-card h2').waitFor();
      expect(await page.locator('footnote-card .card').getAttribute('lang')).toBe('ur');
      const text = await cardTextSizes(driver);
      expect(text.rootFont).toBe('10px');
      // The close button's × is a symbol, not Naskh: it keeps line height 1 (a 24 px target).
      const urdu = text.sized.filter(({ lang, text: shown }) => lang === 'ur' && shown !== '×');
      // The header, the name, the status and the buttons at least.
      expect(urdu.length).toBeGreaterThan(5);
      expect(urdu.filter(({ size, lineHeight }) => size < 15 || !(lineHeight >= 1.7))).toEqual([]);
      // English source titles and publishers keep the Latin sizes: 13 px at the least.
      expect(text.sized.filter(({ size }) => size < 13)).toEqual([]);
      expect(chromium.errors).toEqual([]);
    } finally {
      await chromium.close();
      await pages.close();
    }
  });
});
