/**
 * Local build only (`__FOOTNOTE_TEST_HOOKS__`): lets browser tests see the content script's
 * progress and change settings from a page in browsers whose test drivers cannot reach
 * extension storage (Firefox over WebDriver BiDi). The store builds do not contain this file.
 */
import browser from 'webextension-polyfill';
import { parseSettings, updateSettings } from '../settings';
import type { ContentContext } from './context';
import type { ScanStats } from './scanner';

const SET_SETTINGS = 'footnote-test:set-settings';

export function markReady(tabId: number): void {
  document.documentElement.dataset.footnoteTest = JSON.stringify({ tabId });
}

/**
 * Counts finished scanner passes, so tests can wait until the scanner caught up, and shows
 * its cost so far to the page benchmark.
 */
export function countScan(stats: ScanStats): void {
  const { dataset } = document.documentElement;
  dataset.footnoteScans = String(Number(dataset.footnoteScans ?? 0) + 1);
  dataset.footnoteStats = JSON.stringify({ ...stats, startLongestMs });
}

/** The content script's own start-up work (loading the judge), for the page benchmark. */
let startLongestMs = 0;

/** Runs `work`, timing it as a step of start-up (the longest step is reported). */
export function timedStartUp<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  startLongestMs = Math.max(startLongestMs, performance.now() - started);
  return result;
}

/** The host a fixture page stands in for (`<meta name="footnote-test-host" content="x.com">`). */
export function testHost(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="footnote-test-host"]')?.content;
}

export function listenForTestSettings(context: ContentContext): void {
  context.addEventListener(window, 'message', (event) => {
    const data = event.data as { type?: unknown; settings?: unknown } | null;
    if (event.source !== window || data?.type !== SET_SETTINGS) return;
    const { relevance, sites, hiddenPeople, gentle } = parseSettings(data.settings);
    void updateSettings(browser.storage.local, { relevance, sites, hiddenPeople, gentle });
  });
}

/** Counts the times the page's address was given to the extension's report form. */
export function countAddressGiven(): void {
  const { dataset } = document.documentElement;
  dataset.footnoteAddressGiven = String(Number(dataset.footnoteAddressGiven ?? 0) + 1);
}
