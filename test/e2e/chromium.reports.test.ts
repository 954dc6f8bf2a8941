/**
 * Reporting a missing source or a badge on the wrong person, end to end: the popup's form, the
 * outbox in the background, and the intake service (server/) started on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, startServer, type RunningServer } from '../../server/server';
import { seriousViolations } from './harness/axe';
import { useChromiumWithFixtures } from './harness/suite';
import { waitForContentScript } from './harness/content-script';
import { queueAndOpenOutbox } from './harness/report-form';

/** Sending goes through the background worker and the network: give it time. */
const POLL = { timeout: 15_000 };

describe('reporting a missing source in Chromium', () => {
  const suite = useChromiumWithFixtures();
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'footnote-intake-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function setEndpoint(url: string): Promise<void> {
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByLabel(/Address reports are sent to/).fill(url);
    await options
      .getByRole('group', { name: 'Reports' })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect.poll(() => options.getByTestId('save-status').textContent()).toBe('Saved.');
    await options.close();
  }

  async function reportFromPopup(sourceUrl: string, includePage: boolean): Promise<Page> {
    const page = await suite.chromium.openPage(`${suite.pages.url}sites/generic.html`);
    const { tabId } = await waitForContentScript(page);
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup
      .locator('.case[data-case="shafi-zafar"] .event')
      .first()
      .getByRole('button')
      .click();
    await popup.getByLabel('Link to the source (http or https)').fill(sourceUrl);
    await popup
      .getByLabel('Note (optional, up to 1,000 characters)')
      .fill('A later report of this step.');
    if (includePage) await popup.getByLabel(/Also send the address of the page I was on/).check();
    await queueAndOpenOutbox(popup);
    await page.close();
    return popup;
  }

  const stored = async () => {
    const store = await openStore({ dataDir });
    try {
      return (await store.list()).map((entry) => entry.report);
    } finally {
      await store.close();
    }
  };

  test('an invalid link is refused at its field and nothing enters the outbox', async () => {
    const page = await suite.chromium.openPage(`${suite.pages.url}sites/generic.html`);
    const { tabId } = await waitForContentScript(page);
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup
      .locator('.case')
      .first()
      .getByRole('button', { name: 'Report a missing source' })
      .last()
      .click();
    await popup.getByLabel('Link to the source (http or https)').fill('javascript:alert(1)');
    await popup.getByRole('button', { name: 'Add to outbox and send' }).click();
    const field = popup.getByLabel('Link to the source (http or https)');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await popup.locator('#report-sourceUrl-error').textContent()).toBeTruthy();
    expect((await suite.chromium.readStorage('local')).reportOutbox).toBeUndefined();
    await popup.close();
    await page.close();
  });

  test('a report reaches the intake service; the page address only when the box is ticked', async () => {
    const server: RunningServer = await startServer({ port: 0, dataDir });
    try {
      await setEndpoint(`${server.url}/v1/reports`);
      const first = await reportFromPopup('https://example.org/first-report', false);
      await expect.poll(async () => (await stored()).length, POLL).toBe(1);
      await expect.poll(() => first.locator('[data-state="sent"]').count(), POLL).toBe(1);
      const second = await reportFromPopup('https://example.org/second-report', true);
      await expect.poll(async () => (await stored()).length, POLL).toBe(2);
      const [withoutPage, withPage] = await stored();
      expect(withoutPage).toMatchObject({
        sourceUrl: 'https://example.org/first-report',
        caseId: 'shafi-zafar',
      });
      expect(withoutPage).toMatchObject({ eventId: expect.any(String) });
      expect(withoutPage).not.toHaveProperty('pageUrl');
      expect(withPage).toMatchObject({ pageUrl: `${suite.pages.url}sites/generic.html` });
      await Promise.all([first.close(), second.close()]);
    } finally {
      await server.close();
    }
  });

  /**
   * The full view as the in-page card opens it for "Not this person": the popup page for the
   * tab beside, on the wrong-match form for the person the badge named.
   */
  async function reportWrongMatch(includePage: boolean): Promise<Page> {
    const page = await suite.chromium.openPage(`${suite.pages.url}sites/generic.html`);
    const { tabId } = await waitForContentScript(page);
    const popup = await suite.chromium.openExtensionPage(
      `src/popup/index.html?tab=${tabId}&person=ali-zafar&report=wrong-match`,
    );
    await popup.getByRole('heading', { name: 'Report a badge on the wrong person' }).waitFor();
    expect(await popup.getByLabel('This badge is on the wrong person').isChecked()).toBe(true);
    expect(await popup.getByLabel('Case').inputValue()).toBe('shafi-zafar');
    expect(await popup.getByLabel('Person the badge was for').inputValue()).toBe('ali-zafar');
    // No source is asked for, and the reader is told what is (not) sent.
    expect(await popup.getByLabel('Link to the source (http or https)').count()).toBe(0);
    expect(await popup.getByLabel('Event (optional)').count()).toBe(0);
    expect(await popup.locator('.report-form').textContent()).toContain(
      'nothing about the page you were on is sent unless you tick the box for it',
    );
    const pageBox = popup.getByLabel(/Also send the address of the page I was on/);
    await pageBox.waitFor();
    expect(await pageBox.isChecked()).toBe(false);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup
      .getByLabel('Note (optional, up to 1,000 characters)')
      .fill('This post is about the senator.');
    if (includePage) await pageBox.check();
    await queueAndOpenOutbox(popup);
    await page.close();
    return popup;
  }

  test('a wrong-match report from the full view reaches the intake service; the page only when ticked', async () => {
    const server: RunningServer = await startServer({ port: 0, dataDir });
    try {
      await setEndpoint(`${server.url}/v1/reports`);
      const wrongMatches = async () =>
        (await stored()).filter((report) => report.kind === 'wrong-match');
      const first = await reportWrongMatch(false);
      await expect.poll(async () => (await wrongMatches()).length, POLL).toBe(1);
      // The outbox names the case by its title, the kind and the person, by name (not ids),
      // where other reports show their link.
      const sent = first.locator('li[data-state="sent"]', {
        hasText: 'This badge is on the wrong person: Ali Zafar',
      });
      await expect.poll(() => sent.count(), POLL).toBe(1);
      expect(await sent.textContent()).toContain("Meesha Shafi's allegation against Ali Zafar");
      expect(await sent.textContent()).not.toContain('shafi-zafar');
      const second = await reportWrongMatch(true);
      await expect.poll(async () => (await wrongMatches()).length, POLL).toBe(2);
      const [withoutPage, withPage] = await wrongMatches();
      expect(withoutPage).toEqual({
        id: expect.any(String),
        kind: 'wrong-match',
        caseId: 'shafi-zafar',
        personId: 'ali-zafar',
        note: 'This post is about the senator.',
        createdAt: expect.any(String),
        datasetVersion: expect.any(Number),
      });
      expect(withPage).toMatchObject({
        kind: 'wrong-match',
        personId: 'ali-zafar',
        pageUrl: `${suite.pages.url}sites/generic.html`,
      });
      await Promise.all([first.close(), second.close()]);
    } finally {
      await server.close();
    }
  });

  test('with the service down a report waits, survives a worker restart, and arrives once', async () => {
    // Learn a free port, then leave it closed: the service is "down".
    const probe = await startServer({ port: 0, dataDir });
    const port = Number(new URL(probe.url).port);
    await probe.close();
    await setEndpoint(`http://127.0.0.1:${port}/v1/reports`);
    const before = (await stored()).length;

    const popup = await reportFromPopup('https://example.org/while-down', false);
    await expect.poll(() => popup.locator('[data-state="waiting"]').count(), POLL).toBe(1);
    await popup.close();
    await suite.chromium.stopServiceWorker();

    const server = await startServer({ port, dataDir });
    try {
      const again = await suite.chromium.openExtensionPage('src/popup/index.html');
      await again.getByRole('button', { name: /Your reports/ }).click();
      expect(await again.locator('[data-state="waiting"]').count()).toBe(1);
      await again.getByRole('button', { name: 'Send now' }).click();
      const delivered = again.locator('li[data-state="sent"]', { hasText: 'while-down' });
      await expect.poll(() => delivered.count(), POLL).toBe(1);
      // Sending again does not duplicate: the report id is the idempotency key.
      await again.getByRole('button', { name: 'Send now' }).click();
      const reports = await stored();
      expect(
        reports.filter(
          (report) =>
            'sourceUrl' in report && report.sourceUrl === 'https://example.org/while-down',
        ),
      ).toHaveLength(1);
      expect(reports).toHaveLength(before + 1);
      await again.close();
    } finally {
      await server.close();
    }
  });
});
