/**
 * The popup and options pages in Firefox: what the tab contains, a changed option reaching an
 * open page, and a report reaching a locally started intake service.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStore, startServer, type RunningServer } from '../../server/server';
import { waitForContentScript } from './harness/content-script';
import { useFirefoxWithFixtures } from './harness/suite';
import { badgeLabels, puppeteerDriver, waitForScan, type PageDriver } from './harness/page-driver';

/** Types into a form field the way a reader does, so Preact sees the input event. */
function fill(page: PageDriver, selector: string, value: string): Promise<void> {
  return page.evaluate(
    ([sel, text]) => {
      const field = document.querySelector<HTMLInputElement>(sel);
      if (!field) throw new Error(`no field ${sel}`);
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [selector, value] as const,
  );
}

const click = (page: PageDriver, selector: string): Promise<void> =>
  page.evaluate((sel) => {
    const target = document.querySelector<HTMLElement>(sel);
    if (!target) throw new Error(`nothing matches ${sel}`);
    target.click();
  }, selector);

describe('the popup and options in Firefox', () => {
  const suite = useFirefoxWithFixtures();

  async function openFixture(name: string) {
    const page = await suite.browser.openPage(`${suite.pages.url}${name}`);
    const { tabId } = await waitForContentScript(page);
    const driver = puppeteerDriver(page);
    await waitForScan(driver);
    return { driver, tabId };
  }

  const openExtensionPage = async (path: string) =>
    puppeteerDriver(await suite.browser.openExtensionPage(path));

  test('the popup lists both people on the page, their shared case once, with timeline and sources', async () => {
    const { driver, tabId } = await openFixture('sites/generic.html');
    const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.waitFor(
      () => document.querySelectorAll('.on-this-page .person').length === 2,
      null,
    );
    await click(popup, '.case[data-case="shafi-zafar"] .show-all');
    const shown = await popup.evaluate(
      () => ({
        people: [...document.querySelectorAll('.person')].map((p) => p.getAttribute('data-person')),
        cases: [...document.querySelectorAll('.case')].map((c) => c.getAttribute('data-case')),
        events: document.querySelectorAll('.case[data-case="shafi-zafar"] .event').length,
        sourceLinks: document.querySelectorAll('.event a[href^="http"][target="_blank"]').length,
        dir: document.documentElement.dir,
        bodyPx: Number.parseFloat(getComputedStyle(document.body).fontSize),
      }),
      null,
    );
    expect(shown.people).toEqual(['ali-zafar', 'meesha-shafi']);
    expect(shown.cases).toEqual(['shafi-zafar']);
    expect(shown.events).toBeGreaterThan(10);
    expect(shown.sourceLinks).toBeGreaterThan(10);
    expect(shown.dir).toBe('ltr');
    expect(shown.bodyPx).toBeGreaterThanOrEqual(14);
    await Promise.all([popup.close(), driver.close()]);
  });

  test('the full view shows a linked case once and folds it in gentle mode', async () => {
    const fullView = await openExtensionPage('src/full/index.html#case=shafi-zafar');
    await fullView.waitFor(() => document.querySelector('.case .timeline') !== null, null);
    const shown = await fullView.evaluate(
      () => ({
        cases: [...document.querySelectorAll('.case')].map((c) => c.getAttribute('data-case')),
        bodyPx: Number.parseFloat(getComputedStyle(document.body).fontSize),
      }),
      null,
    );
    expect(shown.cases).toEqual(['shafi-zafar']);
    expect(shown.bodyPx).toBeGreaterThanOrEqual(14);

    await click(fullView, '.check-field input[type="checkbox"]');
    await fullView.waitFor(() => document.querySelector('.case .content-note') !== null, null);
    expect(
      await fullView.evaluate(() => document.querySelectorAll('.case .timeline').length, null),
    ).toBe(0);
    await click(fullView, '.case .content-note button');
    await fullView.waitFor(() => document.querySelector('.case .timeline .event') !== null, null);
    await click(fullView, '.check-field input[type="checkbox"]');
    await fullView.close();
  });

  test('a changed option changes what an open page shows, without reloading it', async () => {
    const { driver } = await openFixture('sites/generic.html');
    expect(await badgeLabels(driver, '#unrelated')).toEqual([]);
    const options = await openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('input[value="every"]') !== null, null);
    await click(options, 'input[value="every"]');
    await driver.waitFor(
      () => document.querySelectorAll('#unrelated footnote-badge').length === 1,
      null,
    );
    await click(options, 'input[value="harassment"]');
    await driver.waitFor(
      () => document.querySelectorAll('#unrelated footnote-badge').length === 0,
      null,
    );
    await Promise.all([options.close(), driver.close()]);
  });

  test('a report made in the popup reaches the intake service once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'footnote-intake-ff-'));
    const server: RunningServer = await startServer({ port: 0, dataDir });
    try {
      const options = await openExtensionPage('src/options/index.html');
      await options.waitFor(() => document.querySelector('#report-endpoint') !== null, null);
      await fill(options, '#report-endpoint', `${server.url}/v1/reports`);
      await click(options, '#report-endpoint ~ button[type="submit"]');
      await options.waitFor(
        () => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved.',
        null,
      );

      const { driver, tabId } = await openFixture('sites/generic.html');
      const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
      await popup.waitFor(
        () => document.querySelector('.case[data-case="shafi-zafar"] .event button') !== null,
        null,
      );
      await click(popup, '.case[data-case="shafi-zafar"] .event button');
      await popup.waitFor(() => document.querySelector('#report-sourceUrl') !== null, null);
      await fill(popup, '#report-sourceUrl', 'https://example.org/from-firefox');
      await click(popup, '.report-form button[type="submit"]');
      // Confirmed first, then the reader goes on to the outbox.
      await popup.waitFor(
        () =>
          document.querySelector('.report-queued[role="status"] h2')?.textContent ===
          'Your report is in the outbox.',
        null,
      );
      await click(popup, '.report-queued button');
      await popup.waitFor(
        () => document.querySelector('.outbox li[data-state="sent"]') !== null,
        null,
      );

      const store = await openStore({ dataDir });
      const reports = (await store.list()).map((entry) => entry.report);
      await store.close();
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        sourceUrl: 'https://example.org/from-firefox',
        caseId: 'shafi-zafar',
      });
      expect(reports[0]).not.toHaveProperty('pageUrl');
      await Promise.all([popup.close(), options.close(), driver.close()]);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
