/**
 * A report started in an incognito window keeps nothing on disk that came from that window: the
 * form neither asks the page for its address nor offers it, says so, and the report waits in the
 * outbox without it. The extension is allowed in incognito as a reader would allow it; the
 * incognito window is opened by the service worker (Playwright's persistent context cannot), and
 * the popup is opened as a page for that tab.
 */
import { describe, expect, test } from 'vitest';
import { openReportForm, queueAndOpenOutbox } from './harness/report-form';
import { useChromiumWithFixtures } from './harness/suite';

/** The part of the worker's `chrome` this test uses. */
interface WorkerGlobal {
  readonly chrome: {
    windows: {
      create(options: { incognito: true; url: string }): Promise<{ tabs?: { id?: number }[] }>;
    };
    tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  };
}

/** A query only this test uses, so any trace of the private page in storage can be found. */
const PRIVATE_PAGE = 'sites/generic.html?opened-in=incognito';

describe('a report from a private window (Chromium)', () => {
  const suite = useChromiumWithFixtures({ allowInIncognito: true });

  /** Opens the page in a new incognito window; waits until its content script would answer. */
  async function openIncognito(url: string): Promise<number> {
    const worker = await suite.chromium.serviceWorker();
    const tabId = await worker.evaluate(async (address) => {
      const { chrome } = globalThis as unknown as WorkerGlobal;
      const window = await chrome.windows.create({ incognito: true, url: address });
      return window.tabs?.[0]?.id ?? -1;
    }, url);
    await expect
      .poll(
        () =>
          worker.evaluate(
            (id) =>
              (globalThis as unknown as WorkerGlobal).chrome.tabs
                .sendMessage(id, { type: 'page/get-address' })
                .catch(() => null),
            tabId,
          ),
        { timeout: 15_000 },
      )
      .toEqual({ url });
    return tabId;
  }

  test('is stored without the page address, and the form says why', async () => {
    const url = `${suite.pages.url}${PRIVATE_PAGE}`;
    const tabId = await openIncognito(url);
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await openReportForm(popup);
    expect(await popup.locator('.report-form .private-window').textContent()).toContain(
      'Private window',
    );
    expect(await popup.getByLabel(/Also send the address of the page I was on/).count()).toBe(0);
    await popup.getByLabel('Link to the source (http or https)').fill('https://example.org/p');
    await queueAndOpenOutbox(popup);

    const stored = await suite.chromium.readStorage('local');
    expect(stored.reportOutbox).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('opened-in=incognito');
    await popup.close();
  });
});
