/**
 * The content script on fixture pages, the same tests in every browser: site adapters,
 * relevance modes, Urdu, names split over elements, places a badge must never go, dynamic
 * feeds, the card from the keyboard, and a hostile page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { StaticServer } from '../../scripts/static-server';
import { serveFixturePages } from './harness/fixtures';
import {
  badgeLabels,
  scanCount,
  setSettings,
  waitForScan,
  type PageDriver,
} from './harness/page-driver';

export interface BrowserUnderTest {
  /** Opens a page and returns it once the content script has run and finished its first scan. */
  open(url: string): Promise<PageDriver>;
  /** Console errors and uncaught exceptions so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** The badge label of a person named in an allegation. */
const namedLabel = (name: string) =>
  `Footnote: the public record on ${name}, who was named in an allegation`;

const ALI_ZAFAR = namedLabel('Ali Zafar');
const MEESHA_SHAFI = 'Footnote: the public record on Meesha Shafi, who made an allegation';
const MARIO_BATALI = namedLabel('Mario Batali');
const MATT_LAUER = namedLabel('Matt Lauer');

/** The badge label of each tracked person, by id. */
const LABELS: Record<string, string> = {
  'ali-zafar': ALI_ZAFAR,
  'meesha-shafi': MEESHA_SHAFI,
  'aziz-ansari': namedLabel('Aziz Ansari'),
  'matt-lauer': MATT_LAUER,
  'mario-batali': MARIO_BATALI,
  'junot-diaz': namedLabel('Junot Díaz'),
};

/**
 * Every post of an identity fixture with the badges it got and the ones it should have
 * (`data-expect`: person ids in page order), so one assertion shows every wrong post.
 */
async function badgesAgainstExpectations(page: PageDriver) {
  const posts = await page.evaluate(
    () =>
      [...document.querySelectorAll('[data-expect]')].map((post) => ({
        text: (post.textContent ?? '').replace(/\s+/g, ' ').trim(),
        expected: (post.getAttribute('data-expect') ?? '').split(' ').filter(Boolean),
        badges: [...post.querySelectorAll('footnote-badge')].map(
          (host) => host.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '',
        ),
      })),
    null,
  );
  expect(posts.length).toBeGreaterThan(0);
  return {
    actual: posts.map(({ text, badges }) => ({ text, badges })),
    expected: posts.map(({ text, expected }) => ({
      text,
      badges: expected.map((id) => LABELS[id] ?? id),
    })),
  };
}

/** Each site adapter's fixture, and the badges its post about harassment gets. */
const SITE_FIXTURES: [string, string[]][] = [
  ['x', [ALI_ZAFAR]],
  ['reddit', [ALI_ZAFAR]],
  ['facebook', [MARIO_BATALI]],
  ['youtube', [MATT_LAUER]],
  ['instagram', [namedLabel('Aziz Ansari')]],
  ['mastodon', [namedLabel('Junot Díaz')]],
  ['hackernews', [MEESHA_SHAFI]],
  ['threads', [MEESHA_SHAFI]],
  ['bluesky', [MATT_LAUER]],
  ['generic', [ALI_ZAFAR, MEESHA_SHAFI]],
];

export function describePageTests(browserName: string, launch: () => Promise<BrowserUnderTest>) {
  describe(`the content script in ${browserName}`, () => {
    let server: StaticServer;
    let browser: BrowserUnderTest;
    const open = (name: string) => browser.open(`${server.url}${name}`);

    beforeAll(async () => {
      server = await serveFixturePages();
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    afterEach(() => {
      expect(browser.errors.splice(0)).toEqual([]);
    });

    test.each(SITE_FIXTURES)(
      'on a %s-style page, a post about harassment gets a badge and an unrelated one does not',
      async (site, labels) => {
        const page = await open(`sites/${site}.html`);
        expect(await badgeLabels(page, '#relevant')).toEqual(labels);
        expect(await badgeLabels(page, '#unrelated')).toEqual([]);
        await page.close();
      },
    );

    test('namesakes get no badge; the people in the record do, in English and Urdu', async () => {
      const page = await open('identity/news.html');
      const { actual, expected } = await badgesAgainstExpectations(page);
      expect(actual).toEqual(expected);
      await page.close();
    });

    test.each(['handles-news', 'handles-forum', 'handles-x'])(
      'a handle gets a badge on its own platform, as text or a profile link, and nowhere else (%s)',
      async (fixture) => {
        const page = await open(`identity/${fixture}.html`);
        const { actual, expected } = await badgesAgainstExpectations(page);
        expect(actual).toEqual(expected);
        await page.close();
      },
    );

    test('no badge where it would be hidden: aria-hidden text, a closed summary', async () => {
      const page = await open('identity/placement.html');
      const badgeParents = await page.evaluate(
        () =>
          [...document.querySelectorAll('footnote-badge')].map(
            (host) => `${host.closest('article')?.id ?? ''} ${host.parentElement?.tagName ?? ''}`,
          ),
        null,
      );
      // The visible second mention carries the badge; the open summary's badge follows it.
      expect(badgeParents).toEqual(['aria-hidden P', 'open-details DETAILS']);
      await page.close();
    });

    test('the card says why the badge is there and the person’s role in the case', async () => {
      const page = await open('identity/card.html');
      const cardOf = async (selector: string) => {
        await page.evaluate(
          (sel) =>
            document
              .querySelector(`${sel} footnote-badge`)
              ?.shadowRoot?.querySelector('button')
              ?.click(),
          selector,
        );
        await page.waitFor(
          () => document.querySelector('footnote-card')?.shadowRoot?.querySelector('.why'),
          null,
        );
        const text = await page.evaluate(() => {
          const root = document.querySelector('footnote-card')?.shadowRoot;
          return [
            root?.querySelector('.why')?.textContent ?? '',
            root?.querySelector('.role')?.textContent ?? '',
          ];
        }, null);
        await page.press('Escape');
        await page.waitFor(() => document.querySelector('footnote-card') === null, null);
        return text;
      };
      expect(await cardOf('#confirmed-by-term')).toEqual([
        'Why this badge: Footnote found “Ali Zafar”, with “Singer” in the same post. ' +
          'The post mentions “harassment”.',
        'Role in this case: named in the allegation',
      ]);
      expect(await cardOf('#party')).toEqual([
        'Why this badge: Footnote found “Meesha Shafi” on this page. ' +
          'The post also names Ali Zafar, a party to the same case.',
        'Role in this case: made the allegation',
      ]);
      await page.close();
    });

    test('"Not this person" hides that person on the site at once, after a reload, until undone', async () => {
      const labels = async (page: PageDriver) => [...(await badgeLabels(page, 'body'))].sort();
      let page = await open('identity/card.html');
      try {
        const before = await scanCount(page);
        await page.evaluate(() => {
          document
            .querySelector('#party footnote-badge')
            ?.shadowRoot?.querySelector('button')
            ?.click();
        }, null);
        await page.waitFor(
          () =>
            document.querySelector('footnote-card')?.shadowRoot?.querySelector('.not-this-person'),
          null,
        );
        await page.evaluate(() => {
          document
            .querySelector('footnote-card')
            ?.shadowRoot?.querySelector<HTMLButtonElement>('.not-this-person')
            ?.click();
        }, null);
        await waitForScan(page, before);
        // Meesha Shafi's badge is gone; Ali Zafar keeps his (the hidden person is no party).
        expect(await labels(page)).toEqual([ALI_ZAFAR, MARIO_BATALI]);
        const status = await page.evaluate(
          () =>
            document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="status"]')
              ?.textContent,
          null,
        );
        expect(status).toBe(
          'Footnote will no longer show Meesha Shafi on 127.0.0.1. You can undo this here or in the options.',
        );
        await page.close();

        page = await open('identity/card.html');
        expect(await labels(page)).toEqual([ALI_ZAFAR, MARIO_BATALI]);
      } finally {
        await setSettings(page, { hiddenPeople: {} });
      }
      expect(await labels(page)).toEqual([ALI_ZAFAR, ALI_ZAFAR, MARIO_BATALI, MEESHA_SHAFI]);
      await page.close();
    });

    test('"every mention" badges unrelated posts too, and "off" removes every badge', async () => {
      const page = await open('sites/generic.html');
      try {
        await setSettings(page, { relevance: 'every' });
        expect(await badgeLabels(page, '#unrelated')).toEqual([ALI_ZAFAR]);
        await setSettings(page, { relevance: 'off' });
        expect(await badgeLabels(page, 'body')).toEqual([]);
        await setSettings(page, { relevance: 'harassment', sites: { '127.0.0.1': 'every' } });
        expect(await badgeLabels(page, '#unrelated')).toHaveLength(1);
      } finally {
        await setSettings(page, { relevance: 'harassment' });
      }
      expect(await badgeLabels(page, '#unrelated')).toEqual([]);
      expect(await badgeLabels(page, '#relevant')).toHaveLength(2);
      await page.close();
    });

    test('Urdu posts are matched, with tatweel and without a lexicon word left alone', async () => {
      const page = await open('urdu.html');
      expect(await badgeLabels(page, '#relevant')).toEqual([MEESHA_SHAFI]);
      expect(await badgeLabels(page, '#unrelated')).toEqual([]);
      expect(await badgeLabels(page, '#folded')).toEqual([ALI_ZAFAR]);
      await page.close();
    });

    test('names and handles split over elements are found; badges stay out of links', async () => {
      const page = await open('split.html');
      expect(await badgeLabels(page, '#split-name')).toHaveLength(1);
      expect(await badgeLabels(page, '#split-handle')).toHaveLength(1);
      expect(await badgeLabels(page, '#handle-link')).toHaveLength(1);
      expect(await badgeLabels(page, '#not-a-name')).toEqual([]);
      const badgeInsideLink = await page.evaluate(
        () => document.querySelector('#handle-link footnote-badge')?.closest('a') !== null,
        null,
      );
      expect(badgeInsideLink).toBe(false);
      await page.close();
    });

    test('no badge inside text fields, editable regions or code', async () => {
      const page = await open('editable.html');
      expect(await badgeLabels(page, '#control')).toHaveLength(1);
      for (const region of ['#textarea', '#input', '#editable', '#textbox', '#code', '#pre']) {
        expect(await badgeLabels(page, region), region).toEqual([]);
      }
      await page.close();
    });

    test('posts appended after load, and text changed in place, get badges', async () => {
      const page = await open('dynamic.html');
      expect(await badgeLabels(page, '#first')).toEqual([]);
      await page.evaluate(
        () => (window as unknown as { appendPosts(n: number): void }).appendPosts(100),
        null,
      );
      await page.waitFor(
        () => document.querySelectorAll('#feed footnote-badge').length >= 100,
        null,
      );
      expect(await badgeLabels(page, '#appended-99')).toEqual([MEESHA_SHAFI]);

      const before = await scanCount(page);
      await page.evaluate(() => (window as unknown as { expandFirst(): void }).expandFirst(), null);
      await waitForScan(page, before);
      expect(await badgeLabels(page, '#first')).toEqual([MARIO_BATALI]);
      await page.close();
    });

    test('the card opens from the keyboard, shows sources, and Escape returns focus', async () => {
      const page = await open('sites/generic.html');
      await page.evaluate(() => {
        const host = document.querySelector('#relevant footnote-badge');
        host?.shadowRoot?.querySelector('button')?.focus();
      }, null);
      await page.press('Enter');
      await page.waitFor(
        () => document.querySelector('footnote-card')?.shadowRoot?.querySelector('h2') !== null,
        null,
      );
      const card = await page.evaluate(() => {
        const root = document.querySelector('footnote-card')?.shadowRoot;
        const links = [...(root?.querySelectorAll('a') ?? [])];
        return {
          role: root?.querySelector('.card')?.getAttribute('role'),
          heading: root?.querySelector('h2')?.textContent,
          text: root?.textContent ?? '',
          links: links.map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
          expanded: document
            .querySelector('#relevant footnote-badge')
            ?.shadowRoot?.querySelector('button')
            ?.getAttribute('aria-expanded'),
        };
      }, null);
      expect(card.role).toBe('dialog');
      expect(card.heading).toBe('Ali Zafar');
      expect(card.text).toContain('Latest report found: 2026-03-26');
      expect(card.text).toContain("(sources' stored copies)");
      expect(card.text).toContain('Sources');
      expect(card.links.length).toBeGreaterThan(0);
      for (const link of card.links) {
        expect(link.href).toMatch(/^https?:\/\//);
        expect(link).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
      }
      expect(card.expanded).toBe('true');

      await page.press('Escape');
      await page.waitFor(() => document.querySelector('footnote-card') === null, null);
      const focusReturned = await page.evaluate(() => {
        const host = document.activeElement;
        return (
          host?.tagName === 'FOOTNOTE-BADGE' && host.shadowRoot?.activeElement?.tagName === 'BUTTON'
        );
      }, null);
      expect(focusReturned).toBe(true);
      await page.close();
    });

    test('a click outside the card closes it and gives focus back to the badge', async () => {
      const page = await open('sites/generic.html');
      await page.evaluate(() => {
        document
          .querySelector('#relevant footnote-badge')
          ?.shadowRoot?.querySelector('button')
          ?.click();
      }, null);
      await page.waitFor(
        () => document.querySelector('footnote-card')?.shadowRoot?.querySelector('h2') !== null,
        null,
      );
      await page.evaluate(() => {
        document
          .querySelector('h1')
          ?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      }, null);
      await page.waitFor(() => document.querySelector('footnote-card') === null, null);
      expect(await page.evaluate(() => document.activeElement?.tagName, null)).toBe(
        'FOOTNOTE-BADGE',
      );
      await page.close();
    });

    test('a hostile page neither breaks the extension nor gets anything injected', async () => {
      const page = await open('hostile.html');
      // The page adds and removes posts while they are scanned; every survivor ends up badged.
      await page.waitFor(() => (window as unknown as { churnDone?: boolean }).churnDone, null);
      await page.waitFor(
        () =>
          [...document.querySelectorAll('article[id^="churn"]')].every(
            (post) => post.querySelectorAll('footnote-badge').length === 1,
          ),
        null,
      );
      expect(await badgeLabels(page, '#attributes')).toEqual([]);
      expect(await badgeLabels(page, '#markup-text')).toEqual([ALI_ZAFAR]);
      const result = await page.evaluate(
        () => ({
          injected: (window as unknown as { injected?: number }).injected,
          elements: [...document.querySelectorAll('#markup-text *')].map((e) => e.tagName),
        }),
        null,
      );
      expect(result).toEqual({ injected: undefined, elements: ['P', 'FOOTNOTE-BADGE'] });
      expect(await badgeLabels(page, '#churn')).toHaveLength(1);
      await page.close();
    });
  });
}
