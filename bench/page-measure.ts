/**
 * What Footnote costs a page, in real Chromium with the extension loaded (npm run bench:page,
 * npm run bench:dataset).
 * A generated feed of 10,000 posts (about 1 MB of text) is scanned; beside Footnote's numbers
 * stands the floor: a bare TreeWalker pass that only reads every text node of the same page.
 * Footnote's time is what its scanner measures around each slice of its own work.
 *
 * Two floors: the warm walk (the page's own world, DOM wrappers already made: the most
 * optimistic number) and the cold walk in a fresh isolated world, which is what any content
 * script pays to read a page for the first time (Chromium makes a wrapper per node per world).
 * `--json` prints the results as JSON.
 */
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../test/e2e/harness/chromium';
import { waitForContentScript } from '../test/e2e/harness/content-script';
import { playwrightDriver, scanCount, waitForScan } from '../test/e2e/harness/page-driver';
import { pick, randomGenerator } from './corpus';

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export const POSTS = 10_000;
export const APPENDED = 100;
/** Runs per page; the machines these run on are shared and noisy, so medians of several. */
export const RUNS = 9;

const FILLER = (
  'the a of and to in is was for on that with as at by from it this be are have an or ' +
  'music film tonight review city match team season new album release interview court week ' +
  'people story report photo video update thread reply news morning weekend travel food'
).split(' ');
const MENTIONS = [
  'Ali Zafar',
  'Meesha Shafi',
  'Matt Lauer',
  'Mario Batali',
  'Aziz Ansari',
  'علی ظفر',
];
const TOPICAL = ['harassment', 'allegation', '#MeToo', 'defamation', 'ہراسانی'];

/** One post in ten names a tracked person: far more than a real feed, so the worst case. */
export const MENTION_RATE = 0.1;

function postText(random: () => number, mentionRate: number): string {
  const words = Array.from({ length: 14 + Math.floor(random() * 10) }, () => pick(random, FILLER));
  if (random() < mentionRate)
    words.splice(Math.floor(random() * words.length), 0, pick(random, MENTIONS));
  if (random() < 0.05) words.push(pick(random, TOPICAL));
  return words.join(' ');
}

function postHtml(random: () => number, id: string, mentionRate: number): string {
  return (
    `<article data-testid="tweet" id="${id}"><div class="author"><b>User ${id}</b> <span>@user_${id}</span></div>` +
    `<div data-testid="tweetText"><span>${postText(random, mentionRate)}</span></div></article>`
  );
}

export function feedPage(mentionRate: number): string {
  const random = randomGenerator(7);
  const posts = Array.from({ length: POSTS }, (_, i) =>
    postHtml(random, `p${i}`, mentionRate),
  ).join('\n');
  const extra = Array.from({ length: APPENDED }, (_, i) =>
    postHtml(random, `a${i}`, mentionRate).replaceAll('`', ''),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head><body>
<main id="feed">${posts}</main>
<template id="more">${extra.join('')}</template>
<script>
  window.appendPosts = () => document.getElementById('feed').append(document.getElementById('more').content.cloneNode(true));
  window.bareWalk = () => {
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let length = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) length += node.data.length;
    return { ms: performance.now() - started, length };
  };
</script></body></html>`;
}

interface Stats {
  totalMs: number;
  longestMs: number;
  /** The content script's start-up work (loading the judge's matchers, built in the worker). */
  startLongestMs: number;
}

const readStats = (page: ReturnType<typeof playwrightDriver>): Promise<Stats> =>
  page.evaluate(
    () => JSON.parse(document.documentElement.dataset.footnoteStats ?? '{}') as Stats,
    null,
  );

/** A bare TreeWalker pass in a new isolated world, as a content script's first read is. */
async function coldIsolatedWalk(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: `floor-${Math.random()}`,
  });
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: executionContextId,
    returnByValue: true,
    expression: `(() => {
      const started = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let length = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) length += node.data.length;
      return performance.now() - started;
    })()`,
  });
  await cdp.detach();
  return result.value as number;
}

/**
 * Waits for the page the extension opens on install and closes it: loading it beside the feed
 * would take the machine's time from the scan being measured, by however much it happened to
 * overlap, as a reader's first page after installing does not.
 */
async function closeWelcomePage(chromium: ChromiumSession): Promise<void> {
  const isWelcome = (page: Page) => page.url().includes('/src/welcome/');
  const welcome =
    chromium.context.pages().find(isWelcome) ??
    (await chromium.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
  await welcome.waitForLoadState('load');
  await welcome.close();
}

/** One cold run: a new browser with the extension in `extensionDir` (default: the local build). */
export async function measureOnce(url: string, extensionDir?: string) {
  const chromium = await launchChromium(extensionDir ? { extensionDir } : {});
  try {
    await closeWelcomePage(chromium);
    const raw = await chromium.openPage(url);
    await waitForContentScript(raw);
    const page = playwrightDriver(raw);
    await waitForScan(page);
    const first = await readStats(page);
    const badges = await page.evaluate(
      () => document.querySelectorAll('footnote-badge').length,
      null,
    );
    // The floors, measured after Footnote settled, on the same DOM.
    // Once per page: a second world would find the text nodes' strings made by the first (the
    // engine caches them per page, not per world) and walk faster than any first read.
    const coldWalkMs = await coldIsolatedWalk(raw);
    const walks = [];
    for (let i = 0; i < 5; i++) {
      walks.push(
        await page.evaluate(
          () => (window as never as { bareWalk(): { ms: number; length: number } }).bareWalk(),
          null,
        ),
      );
    }
    const before = await scanCount(page);
    await page.evaluate(() => (window as never as { appendPosts(): void }).appendPosts(), null);
    await waitForScan(page, before);
    const after = await readStats(page);
    return {
      firstScanMs: first.totalMs,
      // Each run's scan against the same run's floor: the machine's speed of the moment cancels.
      firstScanOverColdWalk: first.totalMs / coldWalkMs,
      longestTaskMs: Math.max(first.longestMs, first.startLongestMs),
      longestScanTaskMs: first.longestMs,
      longestStartTaskMs: first.startLongestMs,
      appendedMs: after.totalMs - first.totalMs,
      bareWalkMs: Math.min(...walks.map((walk) => walk.ms)),
      coldWalkMs,
      textBytes: walks[0]?.length ?? 0,
      badges,
    };
  } finally {
    await chromium.close();
  }
}
