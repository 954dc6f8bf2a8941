import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { StaticServer } from '../../scripts/static-server';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { serveFixturePages } from './harness/fixtures';

describe('the extension in Chromium', () => {
  let server: StaticServer;
  let chromium: ChromiumSession;

  beforeAll(async () => {
    server = await serveFixturePages();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });
  afterEach(() => {
    expect(chromium.errors.splice(0)).toEqual([]);
  });

  test('the background answers the content script and records the tab', async () => {
    const page = await chromium.openPage(`${server.url}plain.html`);
    const { tabId } = await waitForContentScript(page);

    const session = await chromium.readStorage('session');
    expect(session[`tab:${tabId}`]).toEqual({ contentScriptReady: true, peopleFound: [] });
    await page.close();
  });

  test('the popup shows the state of the tab it describes', async () => {
    const page = await chromium.openPage(`${server.url}plain.html`);
    const { tabId } = await waitForContentScript(page);

    const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const status = popup.getByTestId('tab-status');
    await expect.poll(() => status.textContent()).toContain('reading this page on your device');
    expect(await status.textContent()).toContain('People found on this page: 0');
    await popup.close();
    await page.close();
  });

  test('the popup says so when Footnote does not run on the tab', async () => {
    const blank = await chromium.openPage('about:blank');
    const worker = await chromium.serviceWorker();
    const blankTabId = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
      };
      const tabs = await chrome.tabs.query({});
      return Math.max(...tabs.map((tab) => tab.id));
    });
    const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${blankTabId}`);
    await expect
      .poll(() => popup.getByTestId('tab-status').textContent())
      .toContain('does not run on this page');
    await popup.close();
    await blank.close();
  });

  test('the options page saves a setting to storage and shows it again', async () => {
    const options = await chromium.openExtensionPage('src/options/index.html');
    await options.getByLabel('Every mention of a tracked person').check();
    await expect.poll(() => options.getByTestId('save-status').textContent()).toBe('Saved.');
    expect((await chromium.readStorage('local')).settings).toEqual({
      relevance: 'every',
      sites: {},
      region: 'auto',
      reportEndpoint: '',
      updateUrl: '',
    });

    await options.reload();
    await expect
      .poll(() => options.getByLabel('Every mention of a tracked person').isChecked())
      .toBe(true);
    await options.close();
  });
});
