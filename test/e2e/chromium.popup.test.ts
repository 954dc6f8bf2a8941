/** The popup, the options page and the background, with the whole extension in Chromium. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildCompiledIndexJson } from '../../scripts/dataset-files';
import { parseCompiledIndex } from '../../src/dataset/compiled';
import { useChromiumWithFixtures } from './harness/suite';
import type { Page } from 'playwright-core';
import { seriousViolations } from './harness/axe';
import type { ChromiumSession } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { badgeLabels, playwrightDriver, waitForScan } from './harness/page-driver';

const RESOURCES_DIR = fileURLToPath(new URL('../../data/resources/', import.meta.url));

async function toolbarCount(chromium: ChromiumSession, tabId: number): Promise<string> {
  const worker = await chromium.serviceWorker();
  return worker.evaluate((id) => {
    const { chrome } = globalThis as unknown as {
      chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };
    };
    return chrome.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** Writes the stored settings as the extension would (the options page reads them on load). */
async function storeSettings(chromium: ChromiumSession, settings: unknown): Promise<void> {
  const worker = await chromium.serviceWorker();
  await worker.evaluate((value) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
    };
    return chrome.storage.local.set({ settings: value });
  }, settings);
}

const peopleShown = (popup: Page) =>
  popup
    .locator('[data-testid="tab-status"] .person')
    .evaluateAll((sections) => sections.map((section) => section.getAttribute('data-person')));

describe('the popup and the background in Chromium', () => {
  const suite = useChromiumWithFixtures();

  async function openFixture(name: string) {
    const page = await suite.chromium.openPage(`${suite.pages.url}${name}`);
    const { tabId } = await waitForContentScript(page);
    await waitForScan(playwrightDriver(page));
    return { page, tabId };
  }

  test('two people on a page: toolbar count 2, both in the popup with cases, timeline and sources', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    await expect.poll(() => toolbarCount(suite.chromium, tabId)).toBe('2');

    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await expect.poll(() => peopleShown(popup)).toEqual(['ali-zafar', 'meesha-shafi']);
    const shafiZafar = popup.locator('[data-person="ali-zafar"] .case[data-case="shafi-zafar"]');
    await expect.poll(() => shafiZafar.locator('.event').count()).toBeGreaterThan(10);
    // The allegation and the response to it are both in the timeline, with sources.
    expect(await shafiZafar.locator('.event-allegation').count()).toBeGreaterThan(0);
    expect(await shafiZafar.locator('.event-response').count()).toBeGreaterThan(0);
    const firstEventLinks = shafiZafar.locator('.event').first().locator('a[href^="http"]');
    expect(await firstEventLinks.count()).toBeGreaterThan(0);
    expect(await firstEventLinks.first().getAttribute('target')).toBe('_blank');
    expect(await shafiZafar.textContent()).toContain('Latest report found: 2026-03-26');
    expect(await shafiZafar.textContent()).toContain("(sources' stored copies)");

    await popup.close();
    await suite.chromium.stopServiceWorker();
    const again = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await expect.poll(() => peopleShown(again)).toEqual(['ali-zafar', 'meesha-shafi']);
    await again.close();
    await page.close();
  });

  test('after a single-page app moves to another page, only what it shows now counts', async () => {
    const { page, tabId } = await openFixture('dynamic.html');
    await page.evaluate(() =>
      (window as unknown as { appendPosts(n: number): void }).appendPosts(2),
    );
    await expect.poll(() => toolbarCount(suite.chromium, tabId)).toBe('1');
    await page.evaluate(() => (window as unknown as { navigateInApp(): void }).navigateInApp());
    await expect.poll(() => page.locator('#other-page footnote-badge').count()).toBe(1);
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await expect.poll(() => peopleShown(popup)).toEqual(['matt-lauer']);
    expect(await toolbarCount(suite.chromium, tabId)).toBe('1');
    await popup.close();
    await page.close();
  });

  test('"All context" on the in-page card opens the full view of that person', async () => {
    const { page } = await openFixture('sites/generic.html');
    await page.locator('#relevant footnote-badge').first().locator('button').click();
    const opened = suite.chromium.context.waitForEvent('page');
    await page.locator('footnote-card').getByRole('button', { name: 'All context' }).click();
    const fullView = await opened;
    await fullView.waitForLoadState();
    expect(fullView.url()).toContain('person=ali-zafar');
    await expect.poll(() => fullView.locator('.person h2').first().textContent()).toBe('Ali Zafar');
    expect(await fullView.locator('.person .case').count()).toBeGreaterThan(0);
    await fullView.close();
    await page.close();
  });

  test('"Report a missing source" on the in-page card opens the report form for that case', async () => {
    const { page } = await openFixture('sites/generic.html');
    await page.locator('#relevant footnote-badge').first().locator('button').click();
    const opened = suite.chromium.context.waitForEvent('page');
    await page
      .locator('footnote-card')
      .getByRole('button', { name: 'Report a missing source' })
      .click();
    const form = await opened;
    await form.waitForLoadState();
    expect(form.url()).toContain('report=missing-source');
    await form.getByRole('heading', { name: 'Report a missing source' }).waitFor();
    expect(await form.getByLabel('Case').inputValue()).toBe('shafi-zafar');
    expect(await form.getByLabel('A source for a statement').isChecked()).toBe(true);
    await form.close();
    await page.close();
  });

  test('"Report a wrong match" after "Not this person" opens the wrong-match form for that person', async () => {
    const { page } = await openFixture('identity/card.html');
    try {
      await page.locator('#party footnote-badge').first().locator('button').click();
      const card = page.locator('footnote-card');
      await card.getByRole('button', { name: 'Not this person' }).click();
      await card.getByRole('status').waitFor();
      const opened = suite.chromium.context.waitForEvent('page');
      await card.getByRole('button', { name: 'Report a wrong match' }).click();
      const form = await opened;
      await form.waitForLoadState();
      expect(form.url()).toContain('person=meesha-shafi');
      expect(form.url()).toContain('report=wrong-match');
      // The form fills in once the dataset has loaded.
      await expect.poll(() => form.getByLabel('Case').inputValue()).toBe('shafi-zafar');
      await form.close();
    } finally {
      await storeSettings(suite.chromium, { hiddenPeople: {} });
      await page.close();
    }
  });

  test('search finds a person who is not on the page', async () => {
    const { page, tabId } = await openFixture('plain.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.getByLabel('Search people and cases').fill('batali');
    await expect
      .poll(() => popup.locator('.person').getAttribute('data-person'))
      .toBe('mario-batali');
    expect(
      await popup.locator('.person .status, .person .case-status').first().textContent(),
    ).toContain('Acquitted');
    await popup.getByLabel('Search people and cases').fill('nobody-at-all');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Nothing');
    await popup.close();
    await page.close();
  });

  test('support resources follow the chosen region, with phone links', async () => {
    const { page, tabId } = await openFixture('plain.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const regions = () =>
      popup
        .locator('.resource')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-region')));
    await popup.getByLabel('Region').selectOption('PK');
    await expect.poll(async () => new Set(await regions())).toEqual(new Set(['PK', 'global']));
    const tel = await popup
      .locator('.resource[data-region="PK"] a[href^="tel:"]')
      .first()
      .getAttribute('href');
    expect(tel).toMatch(/^tel:\+?\d+$/);
    await popup.getByLabel('Region').selectOption('US');
    await expect.poll(async () => new Set(await regions())).toEqual(new Set(['US', 'global']));
    expect((await suite.chromium.readStorage('local')).settings).toMatchObject({ region: 'US' });
    await popup.close();
    await page.close();
  });

  test('every shipped phone link dials the number it shows (RAINN: tel:+18006564673)', async () => {
    const shipped = readdirSync(RESOURCES_DIR)
      .filter((name) => name.endsWith('.json'))
      .flatMap(
        (name) =>
          (
            JSON.parse(readFileSync(join(RESOURCES_DIR, name), 'utf8')) as {
              resources: {
                id: string;
                region: string;
                phone?: { dial: string; display: string };
              }[];
            }
          ).resources,
      )
      .filter((resource) => resource.phone !== undefined);
    expect(shipped.map((resource) => resource.id)).toContain('rainn-hotline');
    const { page, tabId } = await openFixture('plain.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const seen = new Map<string, { href: string | null; text: string | null }>();
    for (const region of new Set(shipped.map((resource) => resource.region))) {
      await popup.getByLabel('Region').selectOption(region);
      await expect
        .poll(() => popup.locator(`.resource[data-region="${region}"]`).count())
        .toBeGreaterThan(0);
      const links = await popup
        .locator(`.resource[data-region="${region}"] a[href^="tel:"]`)
        .evaluateAll((anchors) =>
          anchors.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })),
        );
      for (const link of links) seen.set(link.href ?? '', link);
    }
    for (const resource of shipped) {
      const link = seen.get(`tel:${resource.phone?.dial ?? ''}`);
      expect(link, resource.id).toBeDefined();
      expect(link?.text).toContain(resource.phone?.display);
    }
    expect(seen.get('tel:+18006564673')?.text).toContain('1-800-656-4673');
    await popup.close();
    await page.close();
  });

  test('a changed option changes what an open page shows, without reloading it', async () => {
    const { page } = await openFixture('sites/generic.html');
    const driver = playwrightDriver(page);
    expect(await badgeLabels(driver, '#unrelated')).toEqual([]);
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByLabel('Every mention of a tracked person').check();
    await expect
      .poll(() => badgeLabels(driver, '#unrelated'))
      .toEqual(['Footnote: the public record on Ali Zafar, who was named in an allegation']);
    await options.getByLabel('Posts about harassment (recommended)').check();
    await expect.poll(() => badgeLabels(driver, '#unrelated')).toEqual([]);
    await options.close();
    await page.close();
  });

  test('the options list the people hidden per site by name, and "Show again" undoes it', async () => {
    // Hosts no fixture page is served from: the hidden badges must not change other tests.
    await storeSettings(suite.chromium, {
      hiddenPeople: {
        'www.dawn.com': ['ali-zafar', 'no-longer-in-dataset'],
        'x.com': ['aziz-ansari'],
      },
    });
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    const hidden = options.getByTestId('hidden-people');
    const listed = () =>
      hidden
        .locator('section')
        .evaluateAll((sites) =>
          sites.map((site) => [
            site.getAttribute('data-site'),
            [...site.querySelectorAll('li > span')].map((name) => name.textContent),
          ]),
        );
    // A person the dataset in use no longer has is still listed, by id, so it can be undone.
    await expect.poll(listed).toEqual([
      ['www.dawn.com', ['Ali Zafar', 'no-longer-in-dataset']],
      ['x.com', ['Aziz Ansari']],
    ]);
    expect(await seriousViolations(options)).toEqual([]);

    await hidden.getByRole('button', { name: 'Show again: Ali Zafar on www.dawn.com' }).click();
    await expect.poll(listed).toEqual([
      ['www.dawn.com', ['no-longer-in-dataset']],
      ['x.com', ['Aziz Ansari']],
    ]);
    expect((await suite.chromium.readStorage('local')).settings).toMatchObject({
      hiddenPeople: { 'www.dawn.com': ['no-longer-in-dataset'], 'x.com': ['aziz-ansari'] },
    });

    await hidden.getByRole('button', { name: /^Show again: no-longer-in-dataset/ }).click();
    await hidden.getByRole('button', { name: 'Show again: Aziz Ansari on x.com' }).click();
    await expect.poll(listed).toEqual([]);
    expect(await hidden.textContent()).toContain('You have not hidden anyone.');
    expect((await suite.chromium.readStorage('local')).settings).toMatchObject({
      hiddenPeople: {},
    });
    await options.close();
  });

  test('popup and options have no serious accessibility violations', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.locator('.case').first().waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByTestId('dataset-about').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});

describe('the Urdu interface in Chromium', () => {
  const suite = useChromiumWithFixtures({ locale: 'ur' });

  test('every Pakistani case reads in Urdu in the card, the popup and search, with no English marker', async () => {
    const parsed = parseCompiledIndex(JSON.parse(buildCompiledIndexJson().json));
    if (!parsed.ok) throw new Error(parsed.error);
    const pakistani = parsed.index.cases.filter((caseFile) => caseFile.country === 'PK');
    expect(pakistani.length).toBeGreaterThan(0);
    const marker = '(انگریزی میں)';

    const page = await suite.chromium.openPage(`${suite.pages.url}urdu.html`);
    const { tabId } = await waitForContentScript(page);
    await waitForScan(playwrightDriver(page));
    await page.locator('#relevant footnote-badge').first().locator('button').click();
    const card = page.locator('footnote-card');
    await card.locator('h3').first().waitFor();
    expect(await card.locator('h3').first().getAttribute('lang')).toBe('ur');
    expect(await card.textContent()).not.toContain(marker);

    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const onPage = popup.locator('[data-case="shafi-zafar"]').first();
    await onPage.waitFor();
    expect(await onPage.textContent()).not.toContain(marker);
    for (const caseFile of pakistani) {
      await popup.locator('input[type="search"]').fill(caseFile.title.ur ?? caseFile.title.en);
      const found = popup.locator(`[role="region"] [data-case="${caseFile.id}"]`).first();
      await found.waitFor();
      expect(await found.textContent(), caseFile.id).not.toContain(marker);
    }
    await Promise.all([popup.close(), page.close()]);
  });

  test('renders right to left, in Urdu, with no serious accessibility violations', async () => {
    const page = await suite.chromium.openPage(`${suite.pages.url}urdu.html`);
    const { tabId } = await waitForContentScript(page);
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.locator('.person').first().waitFor();
    expect(
      await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang]),
    ).toEqual(['rtl', 'ur']);
    expect(await popup.locator('h1').textContent()).toBe('فٹ نوٹ');
    // Her name is in Urdu in the dataset; untranslated dataset text is marked as English.
    expect(await popup.locator('[data-person="meesha-shafi"] h2').first().textContent()).toContain(
      'میشا شفیع',
    );
    expect(await seriousViolations(popup)).toEqual([]);
    // The in-page card says why its badge is there, and the person's role, in Urdu.
    await page.locator('#relevant footnote-badge').first().locator('button').click();
    const card = page.locator('footnote-card');
    await card.locator('.why').waitFor();
    expect(await card.locator('.why').textContent()).toBe(
      'یہ بیج کیوں: فٹ نوٹ کو اس صفحے پر “میشا شفیع” ملا۔ پوسٹ میں “ہراسانی” کا ذکر ہے۔',
    );
    expect(await card.locator('.role').textContent()).toBe('اس مقدمے میں کردار: الزام لگایا');
    expect(await card.getByRole('button', { name: 'یہ وہ شخص نہیں' }).count()).toBe(1);
    // People hidden on a site are listed by their Urdu name where the dataset has one.
    await storeSettings(suite.chromium, { hiddenPeople: { 'www.dawn.com': ['meesha-shafi'] } });
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByTestId('dataset-about').waitFor();
    expect(await options.locator('[data-person="meesha-shafi"] > span').textContent()).toBe(
      'میشا شفیع',
    );
    expect(await options.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousViolations(options)).toEqual([]);
  });
});
