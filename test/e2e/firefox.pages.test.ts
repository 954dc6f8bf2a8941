import { waitForContentScript } from './harness/content-script';
import { launchFirefox } from './harness/firefox';
import { puppeteerDriver, waitForScan } from './harness/page-driver';
import { describePageTests } from './page-suite';

describePageTests('Firefox', async () => {
  const firefox = await launchFirefox();
  return {
    errors: firefox.errors,
    close: () => firefox.close(),
    async open(url) {
      const page = await firefox.openPage(url);
      await waitForContentScript(page);
      const driver = puppeteerDriver(page);
      await waitForScan(driver);
      return driver;
    },
  };
});
