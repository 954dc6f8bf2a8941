/**
 * A report started in an incognito window keeps nothing on disk that came from that window: the
 * form neither asks the page for its address nor offers it, says so, and the report waits in the
 * outbox without it. Choices about a site made there ("Not this person", the popup's switch) work
 * in that window for the session and are never written to storage.local; "Run Footnote on this
 * site" is not offered there. The extension is allowed in incognito as a reader would allow it; the
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
      remove(windowId: number): Promise<void>;
    };
    tabs: {
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
      get(tabId: number): Promise<{ url?: string; windowId: number }>;
    };
    storage: { session: { remove(key: string): Promise<void> } };
    scripting: {
      registerContentScripts(scripts: object[]): Promise<void>;
      unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
      executeScript<T, A extends unknown[] = []>(injection: {
        target: { tabId: number };
        func: (...args: A) => T | Promise<T>;
        args?: A;
      }): Promise<{ result: Awaited<T> }[]>;
    };
  };
}

/** A query only this test uses, so any trace of the private page in storage can be found. */
const PRIVATE_PAGE = 'sites/generic.html?opened-in=incognito';

describe('a report from a private window (Chromium)', () => {
  const suite = useChromiumWithFixtures({ allowInIncognito: true });

  /** Opens the page in a new incognito window and returns its tab. */
  async function createIncognitoTab(url: string): Promise<number> {
    const worker = await suite.chromium.serviceWorker();
    return worker.evaluate(async (address) => {
      const { chrome } = globalThis as unknown as WorkerGlobal;
      const window = await chrome.windows.create({ incognito: true, url: address });
      return window.tabs?.[0]?.id ?? -1;
    }, url);
  }

  /** Opens the page in a new incognito window; waits until its content script would answer. */
  async function openIncognito(url: string): Promise<number> {
    const worker = await suite.chromium.serviceWorker();
    const tabId = await createIncognitoTab(url);
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

  /**
   * Runs Footnote on localhost for this test: the local build is granted localhost, so the worker
   * can read the incognito page there (Playwright cannot reach an incognito window).
   */
  async function runOnLocalhost(on: boolean): Promise<void> {
    const worker = await suite.chromium.serviceWorker();
    await worker.evaluate(async (register) => {
      const { chrome } = globalThis as unknown as WorkerGlobal;
      const id = 'test-localhost';
      // The session's choices go with it: the next test starts from the stored settings.
      if (!register) {
        await chrome.storage.session.remove('privateWindowChoices');
        return chrome.scripting.unregisterContentScripts({ ids: [id] });
      }
      return chrome.scripting.registerContentScripts([
        {
          id,
          matches: ['http://localhost/*'],
          js: ['src/content/index.js'],
          persistAcrossSessions: false,
        },
      ]);
    }, on);
  }

  /** The accessible names of the badges on the incognito page. */
  async function badgeLabelsIn(tabId: number): Promise<string[]> {
    const worker = await suite.chromium.serviceWorker();
    return worker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as WorkerGlobal;
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: () =>
          [...document.querySelectorAll('footnote-badge')].map(
            (host) => host.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '',
          ),
      });
      return frame?.result ?? [];
    }, tabId);
  }

  /** Opens the card of the first badge on the incognito page and presses the button named. */
  async function pressInFirstCard(tabId: number, name: string): Promise<void> {
    const worker = await suite.chromium.serviceWorker();
    await worker.evaluate(
      async ({ id, buttonName }) => {
        const { chrome } = globalThis as unknown as WorkerGlobal;
        await chrome.scripting.executeScript({
          target: { tabId: id },
          args: [buttonName],
          func: async (label: string) => {
            document.querySelector('footnote-badge')?.shadowRoot?.querySelector('button')?.click();
            const button = () =>
              [
                ...(document
                  .querySelector('footnote-card')
                  ?.shadowRoot?.querySelectorAll('button') ?? []),
              ].find((candidate) => candidate.textContent === label);
            while (!button()) await new Promise((resolve) => setTimeout(resolve, 50));
            button()?.click();
          },
        });
      },
      { id: tabId, buttonName: name },
    );
  }

  test('"Not this person" and the site switch work there for the session, and storage.local keeps neither', async () => {
    await runOnLocalhost(true);
    const url = `${suite.pages.url.replace('127.0.0.1', 'localhost')}sites/generic.html`;
    const tabId = await openIncognito(url);
    await expect.poll(() => badgeLabelsIn(tabId), { timeout: 15_000 }).not.toEqual([]);
    const [hidden] = await badgeLabelsIn(tabId);
    await pressInFirstCard(tabId, 'Not this person');
    await expect.poll(() => badgeLabelsIn(tabId)).not.toContain(hidden);
    expect(await badgeLabelsIn(tabId)).not.toEqual([]);

    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.getByLabel('Context on localhost').selectOption('off');
    await expect.poll(() => badgeLabelsIn(tabId)).toEqual([]);
    // Reopened, the popup shows the session's choice; the stored settings never had it.
    await popup.reload();
    expect(await popup.getByLabel('Context on localhost').inputValue()).toBe('off');
    const stored = JSON.stringify(await suite.chromium.readStorage('local'));
    expect(stored).not.toContain('localhost');
    expect(stored).not.toContain('hiddenPeople":{"');
    expect(stored).not.toContain('sites":{"');
    await popup.close();
    // The private session ends with its last window, and its choices with it.
    const worker = await suite.chromium.serviceWorker();
    expect(await suite.chromium.readStorage('session')).toHaveProperty('privateWindowChoices');
    await worker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as WorkerGlobal;
      await chrome.windows.remove((await chrome.tabs.get(id)).windowId);
    }, tabId);
    await expect
      .poll(() => suite.chromium.readStorage('session'))
      .not.toHaveProperty('privateWindowChoices');
    await runOnLocalhost(false);
  });

  test("the card's report button opens the form, in a normal window, as a private-window report", async () => {
    await runOnLocalhost(true);
    const privateTab = await openIncognito(
      `${suite.pages.url.replace('127.0.0.1', 'localhost')}sites/generic.html`,
    );
    const opened = suite.chromium.context.waitForEvent('page');
    await pressInFirstCard(privateTab, 'Report a missing source');
    const form = await opened;
    await form.waitForLoadState();
    expect(form.url()).toContain('report=missing-source');
    await expect
      .poll(() => form.locator('.report-form .private-window').textContent())
      .toContain('Private window');
    expect(await form.getByLabel(/Also send the address of the page I was on/).count()).toBe(0);
    await form.close();
    await runOnLocalhost(false);
  });

  test('"Run Footnote on this site" is not offered there, and the popup says why', async () => {
    const tabId = await createIncognitoTab(
      `${suite.pages.url.replace('127.0.0.1', 'localhost')}sites/generic.html`,
    );
    const worker = await suite.chromium.serviceWorker();
    await expect
      .poll(() =>
        worker.evaluate(
          (id) =>
            (globalThis as unknown as WorkerGlobal).chrome.tabs.get(id).then((tab) => tab.url),
          tabId,
        ),
      )
      .toContain('localhost');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await expect
      .poll(() => popup.getByTestId('tab-status').textContent())
      .toContain('In a private window Footnote cannot be turned on for a new site');
    expect(await popup.getByRole('button', { name: /Run Footnote on/ }).count()).toBe(0);
    await popup.close();
  });

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
