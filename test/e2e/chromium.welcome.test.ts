/**
 * The welcome page (opened on install only), the options page's defaults, the report form's
 * behaviour, and every error path in the Urdu interface, in the built extension in Chromium.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import urdu from '../../src/static/_locales/ur/messages.json' with { type: 'json' };
import { seriousViolations } from './harness/axe';
import type { ChromiumSession } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { localExtensionDir } from './harness/paths';
import { useChromiumWithFixtures } from './harness/suite';

const WELCOME = 'src/welcome/index.html';
/** Sending goes through the background worker and the network: give it time. */
const POLL = { timeout: 15_000 };

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Two English words in a row: what an untranslated sentence would show. */
const ENGLISH_WORDS = /[A-Za-z]{3,} [A-Za-z]{3,}/;

function expectUrdu(text: string | null): void {
  expect(text).toMatch(ARABIC_SCRIPT);
  expect(text).not.toMatch(ENGLISH_WORDS);
}

const welcomePages = (chromium: ChromiumSession) =>
  chromium.context.pages().filter((page) => page.url().endsWith(WELCOME));

async function welcomePage(chromium: ChromiumSession): Promise<Page> {
  await expect.poll(() => welcomePages(chromium).length, POLL).toBe(1);
  const [page] = welcomePages(chromium);
  if (!page) throw new Error('no welcome page');
  await page.locator('[data-testid="supported-sites"] li').first().waitFor();
  return page;
}

/** A port nothing listens on: the "server" is down. */
async function closedPortUrl(path: string): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}${path}`;
}

/** Opens the case-level report form ("Report a missing source") from the popup of a page. */
async function openCaseReport(chromium: ChromiumSession, pagesUrl: string, name: string) {
  const page = await chromium.openPage(`${pagesUrl}sites/generic.html`);
  const { tabId } = await waitForContentScript(page);
  const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup
    .locator('.case[data-case="shafi-zafar"]')
    .first()
    .getByRole('button', { name, exact: true })
    .click();
  await popup.locator('.report-form').waitFor();
  return { page, popup };
}

/** From now on the page's messages to the background fail, as when the worker is gone. */
const silenceBackground = (page: Page) =>
  page.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage: () => never } };
    };
    chrome.runtime.sendMessage = () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
  });

describe('welcome, options and the report form in Chromium', () => {
  const suite = useChromiumWithFixtures();

  test('the welcome page opens on install: what a badge means, the sites, privacy, choices', async () => {
    const welcome = await welcomePage(suite.chromium);
    expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Welcome to Footnote',
    );
    const text = await welcome.locator('main').textContent();
    expect(text).toContain('A badge is context, not a verdict');
    expect(text).toContain('dismissals and acquittals included');
    expect(text).toContain('The text of a page never leaves your browser.');
    // What any report can carry: every kind, the page address only when ticked, never its text.
    expect(text).toContain('a badge on the wrong person, or a correction');
    expect(text).toContain('only if you tick the box that shows it, and never the page');
    // The sites come from the manifest: a news site, a social network, a subdomain.
    const sites = welcome.getByTestId('supported-sites');
    for (const site of ['dawn.com', 'x.com', 'bbc.co.uk', 'urdu.geo.tv']) {
      expect(await sites.textContent()).toContain(site);
    }
    expect(await welcome.getByRole('list', { name: 'Sites Footnote runs on' }).count()).toBe(1);
    expect(await seriousViolations(welcome)).toEqual([]);

    // Choices made here are saved at once.
    await welcome.getByLabel(/Gentle mode/).check();
    await welcome.getByLabel('Region').selectOption('PK');
    await expect
      .poll(async () => (await suite.chromium.readStorage('local')).settings)
      .toMatchObject({ gentle: true, region: 'PK' });
    expect(await welcome.getByTestId('save-status').textContent()).toBe('Saved.');
  });

  test('options: no error for addresses not set, the sites Footnote runs on, gentle mode', async () => {
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByTestId('dataset-about').waitFor();
    await options
      .getByTestId('update-status')
      .getByText(/Not set/)
      .waitFor();
    expect(await options.locator('.field-error, [role="alert"]').count()).toBe(0);
    expect(
      await options.getByText('Not set: Footnote uses the dataset that came with it.').count(),
    ).toBe(1);
    // "Check now" without an address is still not an error.
    await options.getByRole('button', { name: 'Check now' }).click();
    await options
      .getByText(/Last checked|Not set/)
      .first()
      .waitFor();
    expect(await options.locator('.field-error, [role="alert"]').count()).toBe(0);
    expect(await options.getByTestId('supported-sites').textContent()).toContain('theguardian.com');
    // Chosen on the welcome page, shown here.
    expect(await options.getByLabel(/Gentle mode/).isChecked()).toBe(true);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  test('the report form: labelled fields, a case-level report starts on a missing source, errors clear when fixed, a confirmation', async () => {
    const { page, popup } = await openCaseReport(
      suite.chromium,
      suite.pages.url,
      'Report a missing source',
    );
    expect(await popup.getByLabel('A source for a statement').isChecked()).toBe(true);
    // Every id once, and the source title field named by its own label.
    const ids = await popup.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await popup.getByLabel('Title (optional)').getAttribute('name')).toBe('title');
    expect(await popup.getByRole('form', { name: 'Report a missing source' }).count()).toBe(1);
    expect(await seriousViolations(popup)).toEqual([]);

    const link = popup.getByLabel('Link to the source (http or https)');
    await link.fill('dawn.com/news/1');
    await popup.getByRole('button', { name: 'Add to outbox and send' }).click();
    await expect.poll(() => link.getAttribute('aria-invalid')).toBe('true');
    expect(await popup.locator('#report-sourceUrl-error').textContent()).toBe(
      'Enter a web address that starts with http:// or https://.',
    );
    expect(await seriousViolations(popup)).toEqual([]);
    // Fixed: the error goes as the reader types, before they send again.
    await link.fill('https://www.dawn.com/news/1');
    await expect.poll(() => link.getAttribute('aria-invalid')).toBeNull();
    expect(await popup.locator('.field-error, [role="alert"]').count()).toBe(0);

    await popup.getByRole('button', { name: 'Add to outbox and send' }).click();
    const confirmation = popup
      .getByRole('status')
      .filter({ hasText: 'Your report is in the outbox.' });
    await confirmation.waitFor();
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe(
      'Your report is in the outbox.',
    );
    await popup.getByRole('button', { name: 'See your reports' }).click();
    const entry = popup.locator('.outbox li').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain("Meesha Shafi's allegation against Ali Zafar");
    await entry.getByRole('button', { name: 'Delete' }).click();
    await Promise.all([popup.close(), page.close()]);
  });

  test('the report form: Cancel goes back to the record; a background that does not answer is said', async () => {
    const { page, popup } = await openCaseReport(
      suite.chromium,
      suite.pages.url,
      'Report a missing source',
    );
    // Cancel returns to where the reader was, not to their reports.
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.locator('.on-this-page .case[data-case="shafi-zafar"]').waitFor();
    expect(await popup.locator('.outbox').count()).toBe(0);
    // Your reports is a section of the popup, even with nothing in it.
    const reports = popup.getByRole('region', { name: 'Your reports' });
    await expect.poll(() => reports.textContent()).toContain('You have sent no reports.');

    await popup
      .locator('.case[data-case="shafi-zafar"]')
      .first()
      .getByRole('button', { name: 'Report a missing source', exact: true })
      .click();
    await popup
      .getByLabel('Link to the source (http or https)')
      .fill('https://www.dawn.com/news/1');
    // The background stops answering: the request is rejected.
    await silenceBackground(popup);
    await popup.getByRole('button', { name: 'Add to outbox and send' }).click();
    const alert = popup.locator('.report-form [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Footnote could not take the report: its background service did not answer. Nothing was sent. Try again, or reload the extension.',
    );
    expect(await popup.locator('.report-form').count()).toBe(1);
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('the Urdu interface: welcome, options and every error path', () => {
  const suite = useChromiumWithFixtures({ locale: 'ur' });

  test('the welcome page reads in Urdu, right to left, with no serious accessibility violations', async () => {
    const welcome = await welcomePage(suite.chromium);
    // Opened at install, it can race Playwright's locale set-up for new pages; a reload settles it.
    await welcome.reload();
    await welcome.locator('[data-testid="supported-sites"] li').first().waitFor();
    expect(await welcome.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expectUrdu(await welcome.getByRole('heading', { level: 1 }).textContent());
    for (const section of await welcome
      .locator('main > section > ul:not(.supported-sites)')
      .all()) {
      expectUrdu(await section.textContent());
    }
    expect(await seriousViolations(welcome)).toEqual([]);
  });

  test('a validation error in the report form is in Urdu; the page address reads left to right', async () => {
    const { page, popup } = await openCaseReport(
      suite.chromium,
      suite.pages.url,
      urdu.cardReport.message,
    );
    await popup.locator('#report-sourceUrl').fill('dawn.com/news/1');
    await popup.locator('#report-title').fill('<b>');
    await popup.locator('.report-form button[type="submit"]').click();
    const error = popup.locator('#report-sourceUrl-error');
    await error.waitFor();
    expectUrdu(await error.textContent());
    expectUrdu(await popup.locator('#report-title-error').textContent());
    expect(await seriousViolations(popup)).toEqual([]);
    // The address is isolated in its own left-to-right run, not reordered by the Urdu sentence.
    const address = popup.locator('.include-page bdi[dir="ltr"]');
    expect(await address.textContent()).toBe(`${suite.pages.url}sites/generic.html`);
    await Promise.all([popup.close(), page.close()]);
  });

  test('a background that does not answer the report form is said in Urdu', async () => {
    const { page, popup } = await openCaseReport(
      suite.chromium,
      suite.pages.url,
      urdu.cardReport.message,
    );
    await popup.locator('#report-sourceUrl').fill('https://www.dawn.com/news/1');
    await silenceBackground(popup);
    await popup.locator('.report-form button[type="submit"]').click();
    const alert = popup.locator('.report-form [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(urdu.reportQueueFailed.message);
    expectUrdu(await alert.textContent());
    await Promise.all([popup.close(), page.close()]);
  });

  test('Urdu: your reports, phone numbers and dates read as written', async () => {
    const page = await suite.chromium.openPage(`${suite.pages.url}sites/generic.html`);
    const { tabId } = await waitForContentScript(page);
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const reports = popup.locator('.reports-section');
    await reports.waitFor();
    expectUrdu(await reports.textContent());
    // A number with spaces and brackets is isolated left to right inside the Urdu "Call …".
    await popup.getByLabel('علاقہ').selectOption('US');
    const number = popup.locator('.resource a[href^="tel:"] bdi[dir="ltr"]').first();
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^[\d\s()+A-Z-]+$/);
    await Promise.all([popup.close(), page.close()]);

    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    const about = options.getByTestId('dataset-about');
    await about.waitFor();
    // The publication date is its own left-to-right run, not reordered to 03-12-2026.
    expect(await about.locator('bdi[dir="ltr"]').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await options.close();
  });

  test('a report that could not be sent says why in Urdu', async () => {
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.locator('#report-endpoint').fill(await closedPortUrl('/v1/reports'));
    await options.locator('#report-endpoint').press('Enter');
    await expect
      .poll(() => options.getByTestId('save-status').textContent())
      .toBe(urdu.optionsSaved.message);
    await options.close();

    const { page, popup } = await openCaseReport(
      suite.chromium,
      suite.pages.url,
      urdu.cardReport.message,
    );
    await popup.locator('#report-sourceUrl').fill('https://www.dawn.com/news/1');
    await popup.locator('.report-form button[type="submit"]').click();
    await popup.locator('.report-queued button').click();
    const state = popup.locator('li[data-state="waiting"] .report-state');
    await expect
      .poll(() => state.textContent(), POLL)
      .toContain(urdu.sendFailure_unreachable.message);
    expectUrdu(await state.textContent());
    expect(await seriousViolations(popup)).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
  });

  test('a failed update check says why in Urdu, and options stay accessible', async () => {
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByTestId('dataset-about').waitFor();
    expect(await options.locator('.field-error').count()).toBe(0);
    await options.locator('#update-url').fill(await closedPortUrl('/footnote'));
    await options.locator('#update-url').press('Enter');
    await expect
      .poll(() => options.getByTestId('save-status').textContent())
      .toBe(urdu.optionsSaved.message);
    await options
      .locator('[data-testid="update-status"]')
      .locator('..')
      .locator('button[type="button"]')
      .click();
    const failure = options.locator('[data-failure="unreachable"]');
    await failure.waitFor(POLL);
    expectUrdu(await failure.textContent());
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});

describe('an unreadable dataset, in the Urdu interface', () => {
  // A copy of the built extension whose bundled dataset does not validate.
  const extensionDir = mkdtempSync(join(tmpdir(), 'footnote-broken-dataset-'));
  beforeAll(() => {
    cpSync(localExtensionDir('chrome'), extensionDir, { recursive: true });
    writeFileSync(join(extensionDir, 'dataset.json'), '{"schemaVersion": 1}');
  });
  afterAll(() => rmSync(extensionDir, { recursive: true, force: true }));
  const suite = useChromiumWithFixtures({ locale: 'ur', extensionDir });

  test('the popup and the options page say so in Urdu', async () => {
    const popup = await suite.chromium.openExtensionPage('src/popup/index.html');
    const alert = popup.locator('[role="alert"]');
    await alert.first().waitFor();
    expectUrdu(await alert.first().textContent());
    expect(await alert.first().textContent()).toContain(urdu.datasetError_invalid.message);
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    const optionsAlert = options.locator('[role="alert"]');
    await optionsAlert.waitFor();
    expectUrdu(await optionsAlert.textContent());
    await Promise.all([popup.close(), options.close()]);
  });
});
