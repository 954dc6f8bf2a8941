/** The popup, the options page and the background, with the whole extension in Chromium. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCompiledIndexJson } from '../../scripts/dataset-files';
import { serveDirectory, type StaticServer } from '../../scripts/static-server';
import { parseCompiledIndex } from '../../src/dataset/compiled';
import { useChromiumWithFixtures } from './harness/suite';
import type { Page } from 'playwright-core';
import { seriousViolations } from './harness/axe';
import type { ChromiumSession } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { badgeLabels, playwrightDriver, waitForScan } from './harness/page-driver';
import { REPO_ROOT } from './harness/paths';

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
    .locator('.on-this-page .person')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-person')));

/** How many times each case is drawn on the page, by case id. */
const caseDrawings = (page: Page) =>
  page.locator('.case[data-case]').evaluateAll((cases) => {
    const counts: Record<string, number> = {};
    for (const drawn of cases) {
      const id = drawn.getAttribute('data-case') ?? '';
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  });

/** The computed font size and line height of the body and of the first paragraph, in px. */
const textSizes = (page: Page) =>
  page.evaluate(() => {
    const px = (element: Element, property: 'fontSize' | 'lineHeight') =>
      Number.parseFloat(getComputedStyle(element)[property]);
    const paragraph = document.querySelector('main p') ?? document.body;
    return {
      body: px(document.body, 'fontSize'),
      paragraph: px(paragraph, 'fontSize'),
      lineHeight: px(paragraph, 'lineHeight') / px(paragraph, 'fontSize'),
    };
  });

/**
 * The smallest computed font size of any visible text on the page, in px, with where it is: every
 * text node with more than whitespace, inside an element that takes up room on screen.
 */
const smallestText = (page: Page) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let smallest = { px: Number.POSITIVE_INFINITY, where: '', text: '' };
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || node.textContent?.trim() === '') continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      const px = Number.parseFloat(style.fontSize);
      if (px < smallest.px) {
        smallest = {
          px,
          where: `${element.tagName.toLowerCase()}.${element.className}`,
          text: (node.textContent ?? '').trim().slice(0, 40),
        };
      }
    }
    return smallest;
  });

describe('the popup and the background in Chromium', () => {
  const suite = useChromiumWithFixtures();

  async function openFixture(name: string) {
    const page = await suite.chromium.openPage(`${suite.pages.url}${name}`);
    const { tabId } = await waitForContentScript(page);
    await waitForScan(playwrightDriver(page));
    return { page, tabId };
  }

  test('two people on a page: toolbar count 2, both in the popup, their shared case once with timeline and sources', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    await expect.poll(() => toolbarCount(suite.chromium, tabId)).toBe('2');

    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await expect.poll(() => peopleShown(popup)).toEqual(['ali-zafar', 'meesha-shafi']);
    // One row per person, with role and status; the one case they share is drawn once.
    expect(await popup.locator('[data-person="meesha-shafi"] .person-row').textContent()).toContain(
      'made the allegation · Ongoing',
    );
    expect(await caseDrawings(popup)).toEqual({ 'shafi-zafar': 1 });
    const shafiZafar = popup.locator('.on-this-page .case[data-case="shafi-zafar"]');
    expect(await shafiZafar.locator('.case-people li').allTextContents()).toEqual([
      'Meesha Shafi: made the allegation',
      'Ali Zafar: named in the allegation',
    ]);
    // The key events first; "Show all" for the rest.
    const keyEvents = await shafiZafar.locator('.event').count();
    expect(keyEvents).toBeGreaterThan(3);
    expect(keyEvents).toBeLessThan(15);
    await shafiZafar.getByRole('button', { name: /^Show all 30 events/ }).click();
    await expect.poll(() => shafiZafar.locator('.event').count()).toBe(30);
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
    // Its own page, not the popup's, linkable by person.
    expect(new URL(fullView.url()).pathname).toBe('/src/full/index.html');
    expect(new URL(fullView.url()).hash).toBe('#person=ali-zafar');
    await expect
      .poll(() => fullView.locator('.linked .person .person-name').first().textContent())
      .toBe('Ali Zafar');
    expect(await caseDrawings(fullView)).toEqual({ 'shafi-zafar': 1 });
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
    const results = popup.getByRole('region', { name: 'Search results' });
    await expect
      .poll(() => results.locator('.person').getAttribute('data-person'))
      .toBe('mario-batali');
    expect(await results.locator('.person .status').first().textContent()).toContain('Acquitted');
    // The person and the case title both match: the case is still drawn once.
    expect(await caseDrawings(popup)).toEqual({ batali: 1 });
    await popup.getByLabel('Search people and cases').fill('nobody-at-all');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Nothing');
    await popup.close();
    await page.close();
  });

  test('a case both on the page and in search results: every id once, every reference to its own card', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.locator('.on-this-page .case[data-case="shafi-zafar"]').waitFor();
    await popup.getByLabel('Search people and cases').fill('Meesha');
    const results = popup.getByRole('region', { name: 'Search results' });
    await results.locator('.case[data-case="shafi-zafar"]').waitFor();
    expect(await caseDrawings(popup)).toEqual({ 'shafi-zafar': 2 });
    const problems = await popup.evaluate(() => {
      const found: string[] = [];
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      for (const id of new Set(ids)) {
        if (ids.filter((other) => other === id).length > 1) found.push(`duplicate id ${id}`);
      }
      // Each label and control points into the same card (or list) as the element itself.
      for (const attribute of ['aria-labelledby', 'aria-controls']) {
        for (const element of document.querySelectorAll(`[${attribute}]`)) {
          for (const id of element.getAttribute(attribute)?.split(' ') ?? []) {
            const target = document.getElementById(id);
            if (!target) found.push(`${attribute} ${id}: missing`);
            const section = (node: Element | null) =>
              node?.closest('.on-this-page, [role="region"]') ?? null;
            if (target && section(target) !== section(element) && section(element) !== null) {
              found.push(`${attribute} ${id}: in another section`);
            }
          }
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
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

  test('popup, full view and options have no serious accessibility violations', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.locator('.case').first().waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    const fullView = await suite.chromium.openExtensionPage('src/full/index.html#case=shafi-zafar');
    await fullView.locator('.case').first().waitFor();
    expect(await seriousViolations(fullView)).toEqual([]);
    // The report form, open in the full view.
    await fullView.locator('.case > .actions button').first().click();
    await fullView.locator('form.report-form').waitFor();
    expect(await seriousViolations(fullView)).toEqual([]);
    const options = await suite.chromium.openExtensionPage('src/options/index.html');
    await options.getByTestId('dataset-about').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await Promise.all([popup.close(), fullView.close(), options.close(), page.close()]);
  });

  test('popup and full view text is at least 14 px (Chromium gives extension pages 75%)', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.locator('.case').first().waitFor();
    const fullView = await suite.chromium.openExtensionPage('src/full/index.html#case=shafi-zafar');
    await fullView.locator('.case').first().waitFor();
    // Every part open: all events, with their kinds and sources, and the folded sources.
    await popup
      .getByRole('button', { name: /^Show all \d+ events/ })
      .first()
      .click();
    for (const more of await popup.locator('.more-sources').all()) {
      await more.evaluate((details: HTMLDetailsElement) => (details.open = true));
    }
    for (const shown of [popup, fullView]) {
      const sizes = await textSizes(shown);
      expect(sizes.body).toBeGreaterThanOrEqual(14);
      expect(sizes.paragraph).toBeGreaterThanOrEqual(14);
      // Nothing a reader must read is smaller than 13 px: sources, event kinds, small links.
      const smallest = await smallestText(shown);
      expect(smallest.px, JSON.stringify(smallest)).toBeGreaterThanOrEqual(13);
    }
    await Promise.all([popup.close(), fullView.close(), page.close()]);
  });

  test('a case link opens that case in the full view; a link to an unknown id says so', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const opened = suite.chromium.context.waitForEvent('page');
    await popup
      .locator('.case[data-case="shafi-zafar"]')
      .getByRole('link', { name: 'Open this case in a tab' })
      .click();
    const fullView = await opened;
    await fullView.waitForLoadState();
    expect(new URL(fullView.url()).pathname).toBe('/src/full/index.html');
    expect(new URL(fullView.url()).hash).toBe('#case=shafi-zafar');
    await fullView.locator('.case').first().waitFor();
    expect(await fullView.title()).toBe(
      "Meesha Shafi's allegation against Ali Zafar, and the lawsuits that followed — Footnote",
    );
    expect(await caseDrawings(fullView)).toEqual({ 'shafi-zafar': 1 });
    // Laid out for a wide window: the record and the help side by side.
    await fullView.setViewportSize({ width: 1280, height: 900 });
    const [record, help] = await Promise.all(
      ['.record', '#support'].map((selector) =>
        fullView.locator(selector).evaluate((element) => element.getBoundingClientRect()),
      ),
    );
    expect(record?.width).toBeGreaterThan(500);
    expect(help?.left).not.toBe(record?.left);
    // Whatever the link names is checked against the dataset: nothing to show, said plainly.
    const unknown = await suite.chromium.openExtensionPage('src/full/index.html#case=no-such-case');
    await expect
      .poll(() => unknown.getByRole('alert').textContent())
      .toContain("names no person or case in Footnote's record");
    expect(await unknown.locator('.case').count()).toBe(0);
    await Promise.all([unknown.close(), fullView.close(), popup.close(), page.close()]);
  });

  test('gentle mode folds each case’s summary and timeline until "Show the details"', async () => {
    const { page, tabId } = await openFixture('sites/generic.html');
    await storeSettings(suite.chromium, { gentle: true });
    try {
      for (const path of [
        `src/popup/index.html?tab=${tabId}`,
        'src/full/index.html#case=shafi-zafar',
      ]) {
        const shown = await suite.chromium.openExtensionPage(path);
        const shafiZafar = shown.locator('.case[data-case="shafi-zafar"]');
        await shafiZafar.waitFor();
        // Status, outcome and sources stay in view; the details wait behind the content note.
        expect(await shafiZafar.locator('.case-status').textContent()).toContain('Ongoing');
        expect(await shafiZafar.locator('.sources a').count()).toBeGreaterThan(0);
        expect(await shafiZafar.locator('.content-note').textContent()).toContain(
          'Content note: this retells allegations of sexual harassment.',
        );
        expect(await shafiZafar.locator('.timeline, .case-details').count()).toBe(0);
        await shafiZafar.getByRole('button', { name: 'Show the details' }).click();
        await expect.poll(() => shafiZafar.locator('.timeline .event').count()).toBeGreaterThan(3);
        expect(await shafiZafar.locator('.content-note').count()).toBe(0);
        await shown.close();
      }
      // The popup's own switch turns it off again.
      const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
      await popup.getByLabel(/^Gentle mode/).uncheck();
      await popup.locator('.case .timeline').waitFor();
      expect((await suite.chromium.readStorage('local')).settings).toMatchObject({ gentle: false });
      await popup.close();
    } finally {
      await storeSettings(suite.chromium, {});
      await page.close();
    }
  });
});

describe('the demo page in Chromium', () => {
  // Registered before the browser: the server closes after it, once no connection is kept alive.
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDirectory(resolve(REPO_ROOT, 'demo'));
  });
  afterAll(() => server?.close());
  const demo = (): StaticServer => {
    if (!server) throw new Error('used before beforeAll ran');
    return server;
  };
  const suite = useChromiumWithFixtures();

  test('the demo page: each case drawn once, the page status and help at the top', async () => {
    const page = await suite.chromium.openPage(demo().url);
    try {
      // The demo page is not a fixture: it has no scan marker, so wait for the toolbar count.
      const { tabId } = await waitForContentScript(page);
      await expect.poll(() => toolbarCount(suite.chromium, tabId), { timeout: 10_000 }).toBe('2');
      const popup = await suite.chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
      await expect.poll(() => peopleShown(popup)).toEqual(['meesha-shafi', 'ali-zafar']);
      // Open every person row that is folded: still each case once.
      const folded = popup.locator('.person-row[aria-expanded="false"]');
      while ((await folded.count()) > 0) await folded.first().click({ timeout: 5_000 });
      await expect.poll(() => caseDrawings(popup)).toEqual({ 'shafi-zafar': 1 });
      // The status (with the site switch, where the tab's host is known) and the way to help
      // come before the record.
      const top = await popup.evaluate(() =>
        ['[data-testid="tab-status"]', 'a[href="#support"]', '.case'].map(
          (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? -1,
        ),
      );
      expect(top[0]).toBeGreaterThan(0);
      expect(top[0]).toBeLessThan(top[2] ?? 0);
      expect(top[1]).toBeLessThan(top[2] ?? 0);
      await popup.close();
    } finally {
      await page.close();
    }
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
    await popup.locator('.case').first().waitFor();
    expect(
      await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang]),
    ).toEqual(['rtl', 'ur']);
    expect(await popup.locator('h1').textContent()).toBe('فٹ نوٹ');
    // Her name is in Urdu in the dataset.
    expect(
      await popup.locator('[data-person="meesha-shafi"] .person-name').first().textContent(),
    ).toContain('میشا شفیع');
    // Urdu is larger, with a line tall enough for Naskh and Nastaliq.
    const sizes = await textSizes(popup);
    expect(sizes.body).toBeGreaterThanOrEqual(15);
    expect(sizes.paragraph).toBeGreaterThanOrEqual(15);
    expect(sizes.lineHeight).toBeGreaterThanOrEqual(1.7);
    // Nothing a reader must read is under 14 px in Urdu.
    const smallest = await smallestText(popup);
    expect(smallest.px, JSON.stringify(smallest)).toBeGreaterThanOrEqual(14);
    // Dataset text only in English reads left to right, marked as English in Urdu.
    const english = popup.locator('.resource [lang="en"]').first();
    expect(
      await english.evaluate((element) => [
        element.getAttribute('dir'),
        getComputedStyle(element).direction,
      ]),
    ).toEqual(['ltr', 'ltr']);
    expect(await english.textContent()).toContain('(انگریزی میں)');
    // Source titles and publishers carry their own language and direction.
    const source = popup.locator('.sources a').first();
    const marked = await source.evaluate((element) => [
      element.getAttribute('lang'),
      element.getAttribute('dir'),
    ]);
    expect([
      ['en', 'ltr'],
      ['ur', 'rtl'],
    ]).toContainEqual(marked);
    // Dates inside Urdu sentences are isolated: bare, "2026-11-30" after Urdu reads "30-11-2026".
    const asOf = popup.locator('.case-status bdi').first();
    expect(await asOf.getAttribute('dir')).toBe('ltr');
    expect(await asOf.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The region select is wide enough for its text.
    const region = popup.getByLabel('علاقہ');
    expect(
      await region.evaluate(
        (select: HTMLSelectElement) => select.scrollWidth <= select.clientWidth,
      ),
    ).toBe(true);
    expect(await seriousViolations(popup)).toEqual([]);
    // The report form's case select wraps a long Urdu title instead of cutting it.
    await popup.locator('.case > .actions button').first().click();
    const caseSelect = popup.getByLabel('مقدمہ', { exact: true });
    expect(
      await caseSelect.evaluate((select: HTMLSelectElement) => ({
        styled: getComputedStyle(select).appearance === 'base-select',
        fits:
          select.scrollWidth <= select.clientWidth && select.scrollHeight <= select.clientHeight,
      })),
    ).toEqual({ styled: true, fits: true });
    const fullView = await suite.chromium.openExtensionPage(
      'src/full/index.html#person=meesha-shafi',
    );
    await fullView.locator('.case').first().waitFor();
    expect(await fullView.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect((await textSizes(fullView)).body).toBeGreaterThanOrEqual(15);
    expect(await seriousViolations(fullView)).toEqual([]);
    // The report form, open in the full view.
    await fullView.locator('.case > .actions button').first().click();
    await fullView.locator('form.report-form').waitFor();
    expect(await seriousViolations(fullView)).toEqual([]);
    await fullView.close();
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
