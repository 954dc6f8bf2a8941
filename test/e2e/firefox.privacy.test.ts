/**
 * Firefox's built-in data consent: the page address in a report is declared as optional
 * `browsingActivity`, so ticking its box asks Firefox, and until the reader says yes the box
 * stays unticked and the report goes without the address. (Firefox's prompt cannot be answered
 * from here, so the "yes" path is not driven.)
 */
import { describe, expect, test } from 'vitest';
import { waitForContentScript } from './harness/content-script';
import { puppeteerDriver } from './harness/page-driver';
import { useFirefoxWithFixtures } from './harness/suite';

describe('the page address and Firefox data consent', () => {
  const suite = useFirefoxWithFixtures();

  test('ticking the page-address box asks for consent; without it the box stays unticked', async () => {
    const page = await suite.browser.openPage(`${suite.pages.url}sites/generic.html`);
    const { tabId } = await waitForContentScript(page);
    const popupPage = await suite.browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const popup = puppeteerDriver(popupPage);

    const granted = await popup.evaluate(async () => {
      const { permissions } = (
        globalThis as unknown as { browser: typeof import('webextension-polyfill') }
      ).browser;
      return (await permissions.getAll()) as { data_collection?: string[] };
    }, null);
    // Firefox knows the declaration (the key is there) and nothing optional is granted at install.
    expect(granted.data_collection).toEqual([]);

    await popup.waitFor(
      () => document.querySelector('.case[data-case="shafi-zafar"] .event button') !== null,
      null,
    );
    await popup.evaluate(
      () =>
        document
          .querySelector<HTMLElement>('.case[data-case="shafi-zafar"] .event button')
          ?.click(),
      null,
    );
    await popup.waitFor(() => document.querySelector('.include-page input') !== null, null);
    // A real click: Firefox shows its data-consent prompt only in answer to the reader's input.
    await popupPage.click('.include-page input');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const ticked = await popup.evaluate(
      () => document.querySelector<HTMLInputElement>('.include-page input')?.checked,
      null,
    );
    expect(ticked).toBe(false);
    await Promise.all([popup.close(), page.close()]);
  });
});
