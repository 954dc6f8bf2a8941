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
import { contrastRatio, parseRgb, type Rgba } from '../../src/content/page-tone';

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

/** Opens the card of the first badge inside `selector` with a click, and waits for its record. */
async function openCard(page: PageDriver, selector: string): Promise<void> {
  await page.evaluate(
    (sel) =>
      document.querySelector(`${sel} footnote-badge`)?.shadowRoot?.querySelector('button')?.click(),
    selector,
  );
  await page.waitFor(
    () => document.querySelector('footnote-card')?.shadowRoot?.querySelector('h2'),
    null,
  );
}

/** Clicks the control matching `selector` inside the open card. */
async function clickInCard(page: PageDriver, selector: string): Promise<void> {
  await page.evaluate(
    (sel) =>
      document.querySelector('footnote-card')?.shadowRoot?.querySelector<HTMLElement>(sel)?.click(),
    selector,
  );
}

async function closeCardWithEscape(page: PageDriver): Promise<void> {
  await page.press('Escape');
  await page.waitFor(() => document.querySelector('footnote-card') === null, null);
}

/** Whether focus is on a badge's button. */
const badgeHasFocus = (page: PageDriver): Promise<boolean> =>
  page.evaluate(() => {
    const host = document.activeElement;
    return (
      host?.tagName === 'FOOTNOTE-BADGE' && host.shadowRoot?.activeElement?.tagName === 'BUTTON'
    );
  }, null);

/**
 * The open card against the viewport and its badge: the viewport edges it crosses, and which
 * side of the badge it is on with the gap between them.
 */
const cardGeometry = (page: PageDriver, badgeSelector: string) =>
  page.evaluate((sel) => {
    const card = document
      .querySelector('footnote-card')
      ?.shadowRoot?.querySelector('.card')
      ?.getBoundingClientRect();
    const badge = document
      .querySelector(`${sel} footnote-badge`)
      ?.shadowRoot?.querySelector('button')
      ?.getBoundingClientRect();
    if (!card || !badge) return { crosses: ['no card or badge'], side: '', gap: NaN };
    const { clientWidth, clientHeight } = document.documentElement;
    const crosses = [
      ...(card.left < 0 ? ['left'] : []),
      ...(card.top < 0 ? ['top'] : []),
      ...(card.right > clientWidth ? ['right'] : []),
      ...(card.bottom > clientHeight ? ['bottom'] : []),
    ];
    const below = card.top >= badge.bottom;
    return {
      crosses,
      side: below ? 'below' : card.bottom <= badge.top ? 'above' : 'over',
      gap: Math.round(below ? card.top - badge.bottom : badge.top - card.bottom),
    };
  }, badgeSelector);

/**
 * Every element of the open card that holds text of its own, as rendered: its language (the
 * nearest `lang`), whether it is body text, its font size in px and its line height as a
 * multiple of it; and the page's root font size.
 */
export const cardTextSizes = (page: PageDriver) =>
  page.evaluate(() => {
    const root = document.querySelector('footnote-card')?.shadowRoot;
    const sized = [...(root?.querySelectorAll('.card, .card *') ?? [])]
      .filter((el) =>
        [...el.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
        ),
      )
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        return {
          text: (el.textContent ?? '').trim().slice(0, 30),
          lang: el.closest('[lang]')?.getAttribute('lang') ?? '',
          body: el.closest('h2, h3, .why, .summary, li > a') !== null,
          size,
          // "normal" (NaN) fails the checks, as it should.
          lineHeight: parseFloat(style.lineHeight) / size,
        };
      });
    return { rootFont: getComputedStyle(document.documentElement).fontSize, sized };
  }, null);

/** What each section of card/backgrounds.html paints behind its badges. */
const SECTION_BACKGROUNDS: Record<string, Rgba> = {
  white: { r: 255, g: 255, b: 255, a: 1 },
  dim: { r: 0x15, g: 0x20, b: 0x2b, a: 1 },
  black: { r: 0, g: 0, b: 0, a: 1 },
  // 3 % black over white.
  tinted: { r: 247.35, g: 247.35, b: 247.35, a: 1 },
};

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
        await openCard(page, selector);
        const text = await page.evaluate(() => {
          const root = document.querySelector('footnote-card')?.shadowRoot;
          return [
            root?.querySelector('.why')?.textContent ?? '',
            root?.querySelector('.role')?.textContent ?? '',
          ];
        }, null);
        await closeCardWithEscape(page);
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
        await openCard(page, '#party');
        await clickInCard(page, '.not-this-person');
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
      expect(await badgeLabels(page, '#wide-inline')).toEqual([ALI_ZAFAR]);
      expect(await badgeLabels(page, '#wide-own-text')).toEqual([ALI_ZAFAR]);
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
          focused: root?.activeElement?.tagName,
          header: root?.querySelector('.header')?.textContent,
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
      expect(card.focused).toBe('H2'); // focus moved into the card
      expect(card.header).toBe('Footnote: a summary of the public record×');
      expect(card.text).toContain('Latest report found: 2026-03-26');
      expect(card.text).toContain("(sources' stored copies)");
      expect(card.text).toContain('Sources');
      expect(card.links.length).toBeGreaterThan(0);
      for (const link of card.links) {
        expect(link.href).toMatch(/^https?:\/\//);
        expect(link).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
      }
      expect(card.expanded).toBe('true');

      await closeCardWithEscape(page);
      expect(await badgeHasFocus(page)).toBe(true);
      await page.close();
    });

    test('a click outside the card closes it and gives focus back to the badge', async () => {
      const page = await open('sites/generic.html');
      await openCard(page, '#relevant');
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

    test('a badge is a 24 px target that moves no text around it', async () => {
      const page = await open('sites/generic.html');
      const measure = () =>
        page.evaluate(() => {
          const host = document.querySelector('#relevant footnote-badge');
          const badge = host?.shadowRoot?.querySelector('button')?.getBoundingClientRect();
          // What a press 11 px from the badge's centre lands on, in each direction.
          const hits = badge
            ? [
                [-11, 0],
                [11, 0],
                [0, -11],
                [0, 11],
              ].map(
                ([dx = 0, dy = 0]) =>
                  document.elementFromPoint(
                    badge.left + badge.width / 2 + dx,
                    badge.top + badge.height / 2 + dy,
                  ) === host,
              )
            : [];
          const lines = [...document.querySelectorAll('#relevant p')].map(
            (p) => p.getBoundingClientRect().height,
          );
          return { hits, lines };
        }, null);
      const withBadges = await measure();
      expect(withBadges.hits).toEqual([true, true, true, true]);
      try {
        await setSettings(page, { relevance: 'off' });
        expect((await measure()).lines).toEqual(withBadges.lines);
      } finally {
        await setSettings(page, { relevance: 'harassment' });
      }
      await page.close();
    });

    test.each([
      [1280, 800],
      [360, 640],
    ])('at %i×%i the card stays inside the viewport for badges at every edge', async (w, h) => {
      const page = await open('card/edges.html');
      await page.setViewport(w, h);
      expect(await page.evaluate(() => [innerWidth, innerHeight], null)).toEqual([w, h]);
      const placed: Record<string, unknown> = {};
      for (const corner of ['#top-left', '#top-right', '#bottom-left', '#bottom-right']) {
        await openCard(page, corner);
        placed[corner] = await cardGeometry(page, corner);
        await closeCardWithEscape(page);
      }
      // Below its badge where there is room, above it at the bottom edge, 6 px away.
      expect(placed).toEqual({
        '#top-left': { crosses: [], side: 'below', gap: 6 },
        '#top-right': { crosses: [], side: 'below', gap: 6 },
        '#bottom-left': { crosses: [], side: 'above', gap: 6 },
        '#bottom-right': { crosses: [], side: 'above', gap: 6 },
      });
      await page.close();
    });

    test('the card follows its badge when the box the badge is in scrolls', async () => {
      const page = await open('card/edges.html');
      // The badge 100 px down the box's visible part (its post starts 14rem down the box).
      await page.evaluate(() => {
        document.querySelector('#scroll-box')?.scrollTo(0, 14 * 16 - 100);
      }, null);
      await openCard(page, '#in-scroll-box');
      expect(await cardGeometry(page, '#in-scroll-box')).toMatchObject({ crosses: [], gap: 6 });
      await page.evaluate(() => {
        document.querySelector('#scroll-box')?.scrollBy(0, 60);
      }, null);
      // The badge moved at once; the card follows on the next frame, 6 px away (on the side
      // with room now) and still inside the viewport.
      await expect
        .poll(() => cardGeometry(page, '#in-scroll-box'))
        .toMatchObject({ crosses: [], gap: 6 });
      await page.close();
    });

    test.each(['#fixed', '#sticky'])(
      'the card stays by its badge in a %s box while the page scrolls',
      async (post) => {
        const page = await open('card/sidebar.html');
        await openCard(page, post);
        const before = await cardGeometry(page, post);
        expect(before).toMatchObject({ crosses: [], gap: 6 });
        await page.evaluate(() => window.scrollBy(0, 1500), null);
        expect(await page.evaluate(() => window.scrollY, null)).toBe(1500);
        await expect.poll(() => cardGeometry(page, post)).toEqual(before);
        await page.close();
      },
    );

    test('badges keep 3:1 contrast with the background they sit on, in either system scheme', async () => {
      const page = await open('card/backgrounds.html');
      // A badge reads the page's tone behind it in the frame after it is placed.
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              [...document.querySelectorAll('section footnote-badge')].every(
                (host) => host.shadowRoot?.querySelector('button')?.dataset.pageTone !== undefined,
              ),
            null,
          ),
        )
        .toBe(true);
      // Firefox's driver cannot emulate the scheme (see PageDriver): it checks its default.
      const schemes = page.emulateColorScheme ? (['light', 'dark'] as const) : [undefined];
      for (const scheme of schemes) {
        if (scheme) await page.emulateColorScheme?.(scheme);
        const badges = await page.evaluate(
          () =>
            [...document.querySelectorAll('section footnote-badge')].map((host) => {
              const button = host.shadowRoot?.querySelector('button');
              const style = button ? getComputedStyle(button) : undefined;
              return {
                section: host.closest('section')?.id ?? '',
                role: button?.dataset.role ?? '',
                ink: style?.borderTopColor ?? '',
                fill: style?.backgroundColor ?? '',
                mark: style?.color ?? '',
              };
            }),
          null,
        );
        expect(badges.map(({ section, role }) => `${section} ${role}`)).toEqual(
          Object.keys(SECTION_BACKGROUNDS).flatMap((section) => [
            `${section} made-allegation`,
            `${section} named-in-allegation`,
          ]),
        );
        for (const { section, role, ink, fill, mark } of badges) {
          const where = `${role} badge on ${section}, ${scheme ?? 'default'} scheme`;
          const background = SECTION_BACKGROUNDS[section];
          const inkColour = parseRgb(ink);
          if (!background || !inkColour) throw new Error(`${where}: ${ink}`);
          expect(contrastRatio(inkColour, background), where).toBeGreaterThanOrEqual(3);
          const fillColour = parseRgb(fill);
          const markColour = parseRgb(mark);
          if (role === 'made-allegation' && fillColour && markColour) {
            expect(contrastRatio(markColour, fillColour), `${where}: mark`).toBeGreaterThanOrEqual(
              3,
            );
          }
        }
      }
      await page.close();
    });

    test('the card’s text keeps its size on a page whose root font is 10 px; Urdu larger, with tall lines', async () => {
      const page = await open('card/root-font.html');
      // Faisal Edhi's card cites Urdu headlines: Urdu text in the English interface.
      await openCard(page, '#edhi');
      const text = await cardTextSizes(page);
      expect(text.rootFont).toBe('10px'); // the fixture does what it says
      const english = text.sized.filter(({ lang }) => lang === 'en');
      const urdu = text.sized.filter(({ lang }) => lang === 'ur');
      expect(english.length).toBeGreaterThan(5);
      expect(Math.min(...text.sized.map(({ size }) => size))).toBeGreaterThanOrEqual(13);
      expect(text.sized.filter(({ size }) => size < 13)).toEqual([]);
      // Body text (headings, why the badge is there, the summary, titles) at 14 px or more.
      expect(text.sized.filter(({ body, size }) => body && size < 14)).toEqual([]);
      expect(urdu.length).toBeGreaterThan(0);
      expect(urdu.filter(({ size, lineHeight }) => size < 15 || !(lineHeight >= 1.7))).toEqual([]);
      await page.close();
    });

    test('a source’s title has its own language and direction; publisher and date are isolated text', async () => {
      const page = await open('card/root-font.html');
      await openCard(page, '#edhi');
      const sources = await page.evaluate(() => {
        const root = document.querySelector('footnote-card')?.shadowRoot;
        return [...(root?.querySelectorAll('li') ?? [])].map((li) => ({
          children: [...li.childNodes].map((node) =>
            node.nodeType === Node.TEXT_NODE ? '#text' : node.nodeName,
          ),
          title: {
            lang: li.querySelector('a')?.getAttribute('lang'),
            dir: li.querySelector('a')?.getAttribute('dir'),
            urdu: /[\u0600-\u06FF]/.test(li.querySelector('a')?.textContent ?? ''),
          },
          isolated: [...li.querySelectorAll('bdi')].map((bdi) => ({
            dir: getComputedStyle(bdi).unicodeBidi,
            onlyText: [...bdi.childNodes].every((node) => node.nodeType === Node.TEXT_NODE),
          })),
        }));
      }, null);
      expect(sources.length).toBeGreaterThan(1);
      for (const source of sources) {
        expect(source.children.slice(0, 3)).toEqual(['A', '#text', 'BDI']);
        expect(source.title).toEqual(
          source.title.urdu
            ? { lang: 'ur', dir: 'rtl', urdu: true }
            : { lang: 'en', dir: 'ltr', urdu: false },
        );
        expect(source.isolated.length).toBeGreaterThanOrEqual(1);
        for (const bdi of source.isolated) {
          expect(bdi).toEqual({ dir: 'isolate', onlyText: true });
        }
      }
      expect(sources.some(({ title }) => title.urdu)).toBe(true);
      await page.close();
    });

    test('Tab and Shift+Tab go round inside the open card; Escape closes it from every control', async () => {
      const page = await open('sites/generic.html');
      await openCard(page, '#relevant');
      const focused = () =>
        page.evaluate(() => {
          const root = document.querySelector('footnote-card')?.shadowRoot;
          const controls = [...(root?.querySelectorAll('a[href], button') ?? [])];
          const active = root?.activeElement;
          return active ? controls.indexOf(active) : -1;
        }, null);
      const count = await page.evaluate(
        () =>
          document.querySelector('footnote-card')?.shadowRoot?.querySelectorAll('a[href], button')
            .length ?? 0,
        null,
      );
      expect(count).toBeGreaterThan(3);
      const pressed = async (key: string, times: number) => {
        const indexes: number[] = [];
        for (let i = 0; i < times; i++) {
          await page.press(key);
          indexes.push(await focused());
        }
        return indexes;
      };
      const order = [...Array(count).keys()];
      // From the heading (after the close button) to the last control, round to the first.
      expect(await pressed('Tab', count + 1)).toEqual([...order.slice(1), 0, 1]);
      expect(await pressed('Shift+Tab', 2)).toEqual([0, count - 1]);

      for (const index of order) {
        if (index > 0) await openCard(page, '#relevant');
        await page.evaluate((i) => {
          const root = document.querySelector('footnote-card')?.shadowRoot;
          root?.querySelectorAll<HTMLElement>('a[href], button')[i]?.focus();
        }, index);
        await closeCardWithEscape(page);
        expect(await badgeHasFocus(page), `Escape from control ${index}`).toBe(true);
      }
      await page.close();
    });

    test('in gentle mode the summary waits behind a content note; status and sources stay', async () => {
      const page = await open('sites/generic.html');
      try {
        await setSettings(page, { gentle: true });
        await openCard(page, '#relevant');
        const visible = () =>
          page.evaluate(() => {
            const root = document.querySelector('footnote-card')?.shadowRoot;
            const shown = (selector: string) =>
              (root?.querySelector(selector)?.getClientRects().length ?? 0) > 0;
            return {
              summary: shown('.summary'),
              status: shown('.status'),
              sources: shown('a[href]'),
              note: root?.querySelector('.content-note p')?.textContent,
            };
          }, null);
        expect(await visible()).toEqual({
          summary: false,
          status: true,
          sources: true,
          note: 'Content note: this retells allegations of sexual harassment.',
        });
        await clickInCard(page, '.content-note button');
        expect(await visible()).toMatchObject({ summary: true, status: true });
        const focusOnSummary = await page.evaluate(
          () =>
            document
              .querySelector('footnote-card')
              ?.shadowRoot?.activeElement?.classList.contains('summary'),
          null,
        );
        expect(focusOnSummary).toBe(true);
      } finally {
        await setSettings(page, { gentle: false });
      }
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
