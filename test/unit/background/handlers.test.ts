import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, test } from 'vitest';
import { DatasetStore } from '../../../src/background/dataset';
import { handleRequest, type HandlerContext } from '../../../src/background/handlers';
import { Outbox } from '../../../src/background/outbox';
import { TabStateStore } from '../../../src/background/tab-state';
import { SessionChoiceStore } from '../../../src/session-choices';
import { buildCompiledIndexJson } from '../../../scripts/dataset-files';
import type { BadgeLabels, PageStart, PersonCard, Request } from '../../../src/messages';
import { loadJudgeMatchers } from '../../../src/mentions/judge';
import { sampleReport } from '../reports/fixtures';

const EXTENSION_ID = 'footnote-test-id';
const ORIGIN = 'chrome-extension://footnote-test-id/';

const SHIPPED_INDEX: unknown = JSON.parse(buildCompiledIndexJson().json);

interface TestContext extends HandlerContext {
  readonly counts: Map<number, number>;
  readonly fullViews: string[];
  /** Site patterns the reader granted, and those Footnote was turned on for (by tab). */
  readonly granted: Set<string>;
  readonly enabled: Map<string, number>;
  /** How many times the content scripts in private windows were told their choices changed. */
  readonly privateTabsNotified: { count: number };
}

const context = (bundled: unknown = SHIPPED_INDEX): TestContext => {
  const counts = new Map<number, number>();
  const fullViews: string[] = [];
  const granted = new Set<string>();
  const enabled = new Map<string, number>();
  const privateTabsNotified = { count: 0 };
  return {
    granted,
    enabled,
    privateTabsNotified,
    sessionChoices: new SessionChoiceStore(fakeBrowser.storage.session, fakeBrowser.storage.local),
    async notifyPrivateTabs() {
      privateTabsNotified.count += 1;
    },
    extraSites: {
      enable: async (pattern, tabId) => void enabled.set(pattern, tabId),
      list: async () => [...enabled.keys()],
      disable: async (pattern) => void enabled.delete(pattern),
    },
    tabUrl: async (tabId) => (tabId === 9 ? 'https://news.example/story?id=1' : undefined),
    hasPermission: async (pattern) => granted.has(pattern),
    removePermission: async (pattern) => void granted.delete(pattern),
    tabs: new TabStateStore(fakeBrowser.storage.session),
    dataset: new DatasetStore(async () => bundled),
    updater: {
      status: async () => ({}),
      check: async () => ({}),
    },
    updateUrl: async () => undefined,
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    counts,
    fullViews,
    async showCount(tabId, count) {
      counts.set(tabId, count);
    },
    async openFullView(person, report, besideTab) {
      fullViews.push(`${person} report=${report} beside=${besideTab}`);
    },
    outbox: new Outbox({
      area: fakeBrowser.storage.local,
      fetch: async () => ({ status: 201, text: async () => '' }),
      now: () => 0,
      scheduler: { schedule: async () => undefined },
    }),
    reportEndpoint: async () => undefined,
    t: (key, ...substitutions) => `${key}: ${substitutions.join(', ')}`,
  };
};

const contentScript = (tabId: number, frameId = 0): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  frameId,
  url: 'https://x.com/some/post',
});

const popup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };

describe('handleRequest', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a content script hello is answered with its tab and starts that tab afresh', async () => {
    const ctx = context();
    await expect(handleRequest({ type: 'page/hello' }, contentScript(7), ctx)).resolves.toEqual({
      tabId: 7,
    });
    await expect(handleRequest({ type: 'tab/get-state', tabId: 7 }, popup, ctx)).resolves.toEqual({
      contentScriptReady: true,
      peopleFound: [],
    });
  });

  test('a hello from a frame does not reset the tab', async () => {
    const ctx = context();
    await handleRequest({ type: 'page/hello' }, contentScript(7, 3), ctx);
    await expect(handleRequest({ type: 'tab/get-state', tabId: 7 }, popup, ctx)).resolves.toBe(
      null,
    );
  });

  test('the popup learns nothing about a tab where Footnote did not run', async () => {
    await expect(
      handleRequest({ type: 'tab/get-state', tabId: 99 }, popup, context()),
    ).resolves.toBeNull();
  });

  test('a content script may not read the state of tabs', () => {
    expect(handleRequest({ type: 'tab/get-state', tabId: 7 }, contentScript(7), context())).toBe(
      undefined,
    );
  });

  test('an extension page may not pose as a content script', () => {
    expect(handleRequest({ type: 'page/hello' }, popup, context())).toBeUndefined();
  });

  test('people found on a page are recorded for the tab and counted on its icon', async () => {
    const ctx = context();
    await handleRequest({ type: 'page/hello' }, contentScript(7), ctx);
    const found: Request = {
      type: 'page/found',
      people: ['ali-zafar', 'meesha-shafi', 'ali-zafar'],
    };
    await expect(handleRequest(found, contentScript(7), ctx)).resolves.toEqual({ count: 2 });
    expect(ctx.counts.get(7)).toBe(2);
    await expect(handleRequest({ type: 'tab/get-state', tabId: 7 }, popup, ctx)).resolves.toEqual({
      contentScriptReady: true,
      peopleFound: ['ali-zafar', 'meesha-shafi'],
    });
  });

  test('a content script cannot make up people the dataset does not have', async () => {
    const ctx = context();
    const found: Request = { type: 'page/found', people: ['ali-zafar', 'somebody-private'] };
    await expect(handleRequest(found, contentScript(7), ctx)).resolves.toEqual({ count: 1 });
  });

  test('a frame cannot change what the tab reports', () => {
    const found: Request = { type: 'page/found', people: ['ali-zafar'] };
    expect(handleRequest(found, contentScript(7, 2), context())).toBeUndefined();
  });

  test('the page index carries names and labels, and the card carries sources', async () => {
    const ctx = context();
    const index = await handleRequest(
      { type: 'page/get-index', lang: 'en' },
      contentScript(7),
      ctx,
    );
    expect(index).toMatchObject({ datasetVersion: expect.any(Number) });
    // Each role's badge label, translated once, with the place of the name kept.
    const { badgeLabels } = index as { badgeLabels: BadgeLabels };
    expect(badgeLabels['made-allegation'].join('Meesha Shafi')).toBe(
      'badgeLabelMadeAllegation: Meesha Shafi',
    );
    expect(badgeLabels['named-in-allegation'].join('Ali Zafar')).toBe(
      'badgeLabelNamedInAllegation: Ali Zafar',
    );
    expect(badgeLabels.both.join('X')).toBe('badgeLabelBothRoles: X');
    // The judge's matchers come built, and the page only loads them.
    const { names } = loadJudgeMatchers((index as PageStart).matchers);
    expect(names.mayContain('a post about Ali Zafar')).toBe(true);
    const card = await handleRequest(
      { type: 'person/get-card', person: 'ali-zafar', lang: 'en' },
      contentScript(7),
      ctx,
    );
    expect(card).toMatchObject({ id: 'ali-zafar', name: { text: 'Ali Zafar', lang: 'en' } });
    // A page in Urdu gets the name in Urdu, and English where there is no translation.
    const urdu = await handleRequest(
      { type: 'person/get-card', person: 'ali-zafar', lang: 'ur' },
      contentScript(7),
      ctx,
    );
    expect(urdu).toMatchObject({ name: { text: 'علی ظفر', lang: 'ur' } });
    const sources = (card as PersonCard).cases[0]?.sources ?? [];
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source.url).toMatch(/^https?:\/\//);
  });

  test('a corrupted bundled dataset is an error answer, not a crash', async () => {
    const ctx = context({ schemaVersion: 1, names: 'not a list' });
    const index = await handleRequest(
      { type: 'page/get-index', lang: 'en' },
      contentScript(7),
      ctx,
    );
    expect(index).toEqual({ error: { code: 'invalid' } });
  });

  test('the in-page card opens the full view beside the tab that asked, with the form it names', async () => {
    const ctx = context();
    const open = (report?: 'missing-source' | 'wrong-match') =>
      handleRequest(
        { type: 'person/open-full-view', person: 'ali-zafar', report },
        contentScript(7),
        ctx,
      );
    await open();
    await open('missing-source');
    await open('wrong-match');
    expect(ctx.fullViews).toEqual([
      'ali-zafar report=undefined beside=7',
      'ali-zafar report=missing-source beside=7',
      'ali-zafar report=wrong-match beside=7',
    ]);
  });

  test('Footnote is turned on for a site only where the reader granted its permission', async () => {
    const ctx = context();
    const enable: Request = { type: 'site/enable', tabId: 9 };
    await expect(handleRequest(enable, popup, ctx)).resolves.toEqual({ ok: false });
    expect(ctx.enabled.size).toBe(0);

    ctx.granted.add('https://news.example/*');
    await expect(handleRequest(enable, popup, ctx)).resolves.toEqual({ ok: true });
    expect(ctx.enabled.get('https://news.example/*')).toBe(9);

    const disable: Request = { type: 'site/disable', pattern: 'https://news.example/*' };
    await expect(handleRequest(disable, popup, ctx)).resolves.toEqual([]);
    expect(ctx.granted.has('https://news.example/*')).toBe(false);
  });

  test('a content script cannot turn Footnote on for a site', () => {
    const enable: Request = { type: 'site/enable', tabId: 9 };
    expect(handleRequest(enable, contentScript(9), context())).toBeUndefined();
  });

  test('a report from a private window is stored and sent without the page address', async () => {
    const sent: unknown[] = [];
    const ctx: TestContext = {
      ...context(),
      reportEndpoint: async () => 'https://intake.example/v1/reports',
      outbox: new Outbox({
        area: fakeBrowser.storage.local,
        fetch: async (_url, init) => {
          sent.push(JSON.parse(init.body));
          return { status: 201, text: async () => '' };
        },
        now: () => 0,
        scheduler: { schedule: async () => undefined },
      }),
    };
    const pageUrl = 'https://x.com/someone/status/1';
    const kept = sampleReport({ pageUrl });
    const fromPrivate = sampleReport({ pageUrl });
    const add = (report: unknown, privateWindow: boolean): Request => ({
      type: 'report/add',
      report,
      privateWindow,
    });
    await expect(handleRequest(add(kept, false), popup, ctx)).resolves.toEqual({ ok: true });
    await expect(handleRequest(add(fromPrivate, true), popup, ctx)).resolves.toEqual({ ok: true });
    await ctx.outbox.flush(await ctx.reportEndpoint());

    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored.split(pageUrl)).toHaveLength(2); // once: in the report from a normal window
    const { pageUrl: _, ...privateWithoutPage } = fromPrivate;
    expect((await ctx.outbox.list()).map((entry) => entry.report)).toEqual([
      kept,
      privateWithoutPage,
    ]);
    expect(sent).toEqual([kept, privateWithoutPage]);
  });

  test("a private window's choice about a site is kept for the session, never in storage.local", async () => {
    const ctx = context();
    const privateTab = (tabId: number): Runtime.MessageSender => ({
      ...contentScript(tabId),
      tab: {
        id: tabId,
        index: 0,
        highlighted: false,
        active: true,
        pinned: false,
        incognito: true,
      },
    });
    const hide: Request = {
      type: 'private/choose',
      host: 'x.com',
      choice: { kind: 'person', person: 'ali-zafar', hidden: true },
    };
    await expect(handleRequest(hide, privateTab(7), ctx)).resolves.toEqual({
      sites: {},
      hiddenPeople: { 'x.com': ['ali-zafar'] },
    });
    const mode: Request = {
      type: 'private/choose',
      host: 'x.com',
      choice: { kind: 'mode', mode: 'off' },
    };
    await handleRequest(mode, popup, ctx);

    expect(ctx.privateTabsNotified.count).toBe(2);
    await expect(
      handleRequest({ type: 'private/get-choices' }, privateTab(8), ctx),
    ).resolves.toEqual({
      sites: { 'x.com': 'off' },
      hiddenPeople: { 'x.com': ['ali-zafar'] },
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('x.com');
  });

  test('a content script in a normal window has no session choices to read or make', () => {
    const hide: Request = {
      type: 'private/choose',
      host: 'x.com',
      choice: { kind: 'person', person: 'ali-zafar', hidden: true },
    };
    expect(handleRequest(hide, contentScript(7), context())).toBeUndefined();
    expect(
      handleRequest({ type: 'private/get-choices' }, contentScript(7), context()),
    ).toBeUndefined();
  });

  test('another extension gets no answer', () => {
    const stranger = { ...contentScript(7), id: 'some-other-extension' };
    expect(handleRequest({ type: 'page/hello' }, stranger, context())).toBeUndefined();
    expect(
      handleRequest({ type: 'tab/get-state', tabId: 7 }, { ...popup, id: 'other' }, context()),
    ).toBeUndefined();
  });
});
