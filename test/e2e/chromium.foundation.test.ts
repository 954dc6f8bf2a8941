import { describe, expect, test } from 'vitest';
import { useChromiumWithFixtures } from './harness/suite';
import { waitForContentScript } from './harness/content-script';

describe('the extension in Chromium', () => {
  const suite = useChromiumWithFixtures();

  test('the background answers the content script and records the tab', async () => {
    const page = await suite.chromium.openPage(`${suite.pages.url}plain.html`);
    const { tabId } = await waitForContentScript(page);

    const session = await suite.chromium.readStorage('session');
    expect(session[`tab:${tabId}`]).toEqual({ contentScriptReady: true, peopleFound: [] });
    await page.close();
  });

  test('the popup shows the state of the tab it describes', async () => {
    const page = await suite.chromium.openPage(`${suite.pages.url}plain.html`);
    const { tabId } = await waitForContentScript(page);

    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const status = popup.getByTestId('tab-status');
    await expect.poll(() => status.textContent()).toContain('reading this page on your device');
    expect(await status.textContent()).toContain('People found on this page: 0');
    await popup.close();
    await page.close();
  });

  test('the popup says so when Footnote does not run on the tab', async () => {
    const blank = await suite.chromium.openPage('about:blank');
    const worker = await suite.chromium.serviceWorker();
    const blankTabId = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
      };
      const tabs = await chrome.tabs.query({});
      return Math.max(...tabs.map((tab) => tab.id));
    });
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${blankTabId}`);
    await expect
      .poll(() => popup.getByTestId('tab-status').textContent())
      .toContain('does not run on this page');
    await popup.close();
    await blank.close();
  });

  test('the options page saves a setting to storage and shows it again', async () => {
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByLabel('Every mention of a tracked person').check();
    await expect.poll(() => options.getByTestId('save-status').textContent()).toBe('Saved.');
    expect((await suite.chromium.readStorage('local')).settings).toEqual({
      relevance: 'every',
      sites: {},
      region: 'auto',
      reportEndpoint: '',
      updateUrl: '',
      hiddenPeople: {},
      gentle: false,
    });

    await options.reload();
    await expect
      .poll(() => options.getByLabel('Every mention of a tracked person').isChecked())
      .toBe(true);
    await options.close();
  });
});
