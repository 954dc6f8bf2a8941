import { describe, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/static-server';
import { seriousViolations } from './harness/axe';
import { launchChromium } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { playwrightDriver, waitForScan } from './harness/page-driver';
import { describePageTests } from './page-suite';

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
