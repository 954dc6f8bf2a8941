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
