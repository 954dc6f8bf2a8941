/**
 * "Page text never leaves the device", as a test that can fail. Every network request made by
 * any extension context (service worker, content scripts, popup, options, any page Footnote
 * opens) is recorded twice: by Playwright per context, and by Chromium's own network log from
 * launch (install included) to close. Reading five fixture pages, opening cards and the popup
 * and changing settings makes no request beyond the extension's own package; with an update
 * address and a report endpoint set, requests go to those two and nowhere else. The messages
 * content scripts send the background (recorded by the local build) hold only ids, and a page
 * gives its address only to the report form.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { StaticServer } from '../../scripts/static-server';
import { serveDirectory } from '../../scripts/static-server';
import { startServer, type RunningServer } from '../../server/server';
import type { ReceivedMessage } from '../../src/background/test-hooks';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { waitForContentScript } from './harness/content-script';
import { serveFixturePages } from './harness/fixtures';
import {
  openPopupFor,
  openReportForm,
  queueAndOpenOutbox,
  saveAddress,
} from './harness/report-form';

/** Five fixture pages, three of them with badges. */
const PAGES = [
  'sites/generic.html',
  'sites/x.html',
  'identity/card.html',
  'urdu.html',
  'plain.html',
] as const;
/** What a web page loads for itself; a fetch, XHR, beacon or socket would be someone's script. */
const PAGE_OWN_LOADS = new Set(['document', 'stylesheet', 'script', 'image', 'font', 'media']);
/** What a content script may send the background. */
const CONTENT_MESSAGE_TYPES = new Set([
  'page/hello',
  'page/get-index',
  'page/found',
  'person/get-card',
  'person/open-full-view',
]);
const DATASET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const POLL = { timeout: 15_000 };

interface Seen {
  /** Who asked: the service worker, or the URL of the frame that asked. */
  readonly from: string;
  readonly resourceType: string;
  readonly url: string;
}

describe('what leaves Footnote (Chromium)', () => {
  const work = mkdtempSync(join(tmpdir(), 'footnote-privacy-'));
  const netLog = join(work, 'netlog.json');
  let chromium: ChromiumSession;
  let pages: StaticServer;
  let updateHost: StaticServer;
  let intake: RunningServer;
  let extensionOrigin: string;
  /** Addresses the reader set so far: the only places requests may go beyond the package. */
  const configured: string[] = [];
  const seen: Seen[] = [];

  beforeAll(async () => {
    pages = await serveFixturePages();
    updateHost = await serveDirectory(mkdtempSync(join(work, 'updates-')), {
      allowAnyOrigin: true,
    });
    intake = await startServer({ port: 0, dataDir: mkdtempSync(join(work, 'intake-')) });
    chromium = await launchChromium({ extraArgs: [`--log-net-log=${netLog}`] });
    extensionOrigin = `chrome-extension://${chromium.extensionId}`;
    chromium.context.on('request', (request) => seen.push(describeRequest(request)));
  });

  afterEach(() => {
    expect(chromium.errors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await chromium?.close();
    await Promise.all([pages?.close(), updateHost?.close(), intake?.close()]);
    rmSync(work, { recursive: true, force: true });
  });

  function describeRequest(request: Request): Seen {
    const seenRequest = { resourceType: request.resourceType(), url: request.url() };
    if (request.serviceWorker()) return { from: 'service worker', ...seenRequest };
    if (request.isNavigationRequest()) return { from: request.url(), ...seenRequest };
    try {
      return { from: request.frame().url(), ...seenRequest };
    } catch {
      // A page the test's client does not know yet (one the extension just opened) has no frame
      // to ask: Playwright throws until it is attached. Its address is read when checked.
      return {
        get from() {
          return request.frame().url();
        },
        ...seenRequest,
      };
    }
  }

  /** A request is allowed if it stays in the package, is a page loading itself, or was set up. */
  function allowed({ from, resourceType, url }: Seen): boolean {
    if (isWithin(url, `${extensionOrigin}/`) || /^(?:data|blob):/.test(url)) return true;
    const pageLoadingItself =
      isWithin(from, pages.url) && isWithin(url, pages.url) && PAGE_OWN_LOADS.has(resourceType);
    return pageLoadingItself || configured.some((address) => isWithin(url, address));
  }

  const strayRequests = () => seen.filter((request) => !allowed(request));

  async function receivedMessages(): Promise<ReceivedMessage[]> {
    const worker = await chromium.serviceWorker();
    return worker.evaluate(
      () =>
        (globalThis as unknown as { footnoteReceivedMessages: ReceivedMessage[] })
          .footnoteReceivedMessages,
    );
  }

  async function openCard(page: Page): Promise<void> {
    await page.waitForFunction(() => document.querySelector('footnote-badge') !== null, null, {
      timeout: 15_000,
    });
    await page.evaluate(() =>
      document.querySelector('footnote-badge')?.shadowRoot?.querySelector('button')?.click(),
    );
    await page.waitForFunction(() => document.querySelector('footnote-card') !== null, null, {
      timeout: 15_000,
    });
  }

  async function openSettings(): Promise<Page> {
    return chromium.openExtensionPage('src/options/index.html');
  }

  test('reading pages, cards, the popup and settings sends nothing anywhere', async () => {
    for (const path of PAGES) {
      const page = await chromium.openPage(`${pages.url}${path}`);
      const { tabId } = await waitForContentScript(page);
      if (path !== 'plain.html' && path !== 'urdu.html') await openCard(page);
      const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
      await popup.locator('main').first().waitFor();
      await popup.waitForLoadState('networkidle');
      await popup.close();
      await page.close();
    }
    const options = await openSettings();
    await options.getByLabel('Every mention of a tracked person').check();
    await options
      .getByRole('group', { name: 'Support resources' })
      .getByRole('combobox')
      .selectOption('PK');
    await options.getByLabel('Posts about harassment (recommended)').check();
    await options.close();

    expect(seen.some((request) => request.from === 'service worker')).toBe(true);
    expect(seen.some((request) => request.url.startsWith(pages.url))).toBe(true);
    expect(strayRequests()).toEqual([]);
  });

  test('a content script sends only ids, and the page address only to the report form', async () => {
    const { page, popup } = await openPopupFor(chromium, `${pages.url}sites/generic.html`);
    await openCard(page);
    const given = () =>
      page.evaluate(() => Number(document.documentElement.dataset.footnoteAddressGiven ?? 0));
    await popup.locator('.case').first().waitFor();
    expect(await given()).toBe(0);
    await openReportForm(popup);
    await popup.getByLabel(/Also send the address of the page I was on/).waitFor();
    expect(await given()).toBe(1);

    const fromContent = (await receivedMessages()).filter((m) => m.fromContentScript);
    expect(fromContent.length).toBeGreaterThan(0);
    for (const { message } of fromContent) {
      const { type, ...rest } = message as { type: string };
      expect(CONTENT_MESSAGE_TYPES).toContain(type);
      for (const [field, value] of Object.entries(rest)) {
        const texts = Array.isArray(value) ? value : [value];
        for (const text of texts) {
          expect(typeof text, `${type}.${field}`).toBe('string');
          if (field === 'lang') expect(['en', 'ur']).toContain(text);
          else expect(text, `${type}.${field}`).toMatch(DATASET_ID);
        }
      }
    }
    await popup.close();
    await page.close();
    expect(strayRequests()).toEqual([]);
  });

  test('with both addresses set, requests go to them and nowhere else', async () => {
    const updateUrl = `${updateHost.url}footnote/`;
    const endpoint = `${intake.url}/v1/reports`;
    configured.push(updateUrl, endpoint);
    const options = await openSettings();
    await saveAddress(options, 'Dataset updates', updateUrl);
    await options.getByRole('button', { name: 'Check now' }).click();
    await saveAddress(options, 'Reports', endpoint);
    await options.close();

    const { page, popup } = await openPopupFor(chromium, `${pages.url}sites/generic.html`);
    await openReportForm(popup);
    await popup.getByLabel('Link to the source (http or https)').fill('https://example.org/s');
    await queueAndOpenOutbox(popup);
    await expect.poll(() => popup.locator('[data-state="sent"]').count(), POLL).toBe(1);
    await popup.close();
    await page.close();

    expect(seen.some((request) => request.url.startsWith(updateUrl))).toBe(true);
    expect(seen.some((request) => request.url === endpoint)).toBe(true);
    expect(strayRequests()).toEqual([]);
  });

  test("Chromium's own network log agrees, from install to close", async () => {
    await chromium.close();
    const log = JSON.parse(readFileSync(netLog, 'utf8')) as NetLog;
    const urls = requestsInitiatedBy(log, [extensionOrigin, pages.url.replace(/\/$/, '')]);
    expect(urls.length).toBeGreaterThan(0);
    const stray = urls.filter(
      (url) =>
        !isWithin(url, `${extensionOrigin}/`) &&
        !isWithin(url, pages.url) &&
        !configured.some((address) => isWithin(url, address)),
    );
    expect(stray).toEqual([]);
  });
});

/**
 * Whether `url` is at `address` or under it: the same origin, and the same path or one below it
 * at a `/` boundary (an endpoint `…:4000/v1/reports` allows neither `…:40001/v1/reports` nor
 * `…:4000/v1/reports-old`). Query and fragment are not part of the comparison.
 */
function isWithin(url: string, address: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(address);
  } catch {
    return false;
  }
  // Scheme, host and port: Node gives chrome-extension: URLs an opaque origin ("null"), so the
  // origin is compared by its parts; an address without a host matches nothing.
  const sameOrigin =
    base.host !== '' && target.protocol === base.protocol && target.host === base.host;
  if (!sameOrigin) return false;
  const path = base.pathname;
  if (target.pathname === path) return true;
  return target.pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}

describe('the allow-list of the privacy test', () => {
  test('matches origin and path at a / boundary, not a prefix of the text', () => {
    const endpoint = 'http://127.0.0.1:4000/v1/reports';
    expect(isWithin(endpoint, endpoint)).toBe(true);
    expect(isWithin(`${endpoint}?retry=1`, endpoint)).toBe(true);
    expect(isWithin(`${endpoint}/more`, endpoint)).toBe(true);
    expect(isWithin('http://127.0.0.1:40001/v1/reports', endpoint)).toBe(false);
    expect(isWithin('http://127.0.0.1:4000/v1/reports-old', endpoint)).toBe(false);
    expect(isWithin('http://127.0.0.1:4000/v1', endpoint)).toBe(false);
    expect(isWithin('https://127.0.0.1:4000/v1/reports', endpoint)).toBe(false);
    expect(isWithin('http://127.0.0.1:4000@evil.example/v1/reports', endpoint)).toBe(false);
    const folder = 'http://127.0.0.1:4001/footnote/';
    expect(isWithin('http://127.0.0.1:4001/footnote/release.json', folder)).toBe(true);
    expect(isWithin('http://127.0.0.1:4001/footnote-evil/release.json', folder)).toBe(false);
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
    expect(isWithin(`${extension}popup.html`, extension)).toBe(true);
    expect(isWithin('chrome-extension://abcdefghijklmnopabcdefghijklmnoq/x', extension)).toBe(
      false,
    );
    expect(isWithin('service worker', extension)).toBe(false);
  });
});

interface NetLog {
  readonly constants: { readonly logEventTypes: Record<string, number> };
  readonly events: readonly {
    readonly type: number;
    readonly params?: { readonly url?: string; readonly initiator?: string };
  }[];
}

/** URLs of the requests whose initiator is one of `origins` (browser-internal ones have none). */
function requestsInitiatedBy(log: NetLog, origins: readonly string[]): string[] {
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.flatMap(({ type, params }) =>
    type === startJob &&
    params?.url !== undefined &&
    params.initiator !== undefined &&
    origins.includes(params.initiator)
      ? [params.url]
      : [],
  );
}
