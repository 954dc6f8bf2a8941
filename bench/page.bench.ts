/**
 * npm run bench:page — what Footnote costs a page, in real Chromium with the extension loaded.
 * A generated feed of 10,000 posts (about 1 MB of text) is scanned; beside Footnote's numbers
 * stands the floor: a bare TreeWalker pass that only reads every text node of the same page.
 * Footnote's time is what its scanner measures around each slice of its own work; its longest
 * tasks are the longest scan slice and the longest step of its start-up (building the name
 * matchers, before the first scan). Each run's scan is compared with the same run's cold walk,
 * and the medians of those ratios are printed.
 *
 * Two floors: the warm walk (the page's own world, DOM wrappers already made: the most
 * optimistic number) and the cold walk in a fresh isolated world, which is what any content
 * script pays to read a page for the first time (Chromium makes a wrapper per node per world).
 * `--json` prints the results as JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory } from '../scripts/static-server';
import { APPENDED, feedPage, measureOnce, median, MENTION_RATE, POSTS, RUNS } from './page-measure';

const dir = mkdtempSync(join(tmpdir(), 'footnote-bench-'));
writeFileSync(join(dir, 'feed.html'), feedPage(MENTION_RATE));
// The common case beside the worst: the same feed where nobody tracked is named.
writeFileSync(join(dir, 'quiet-feed.html'), feedPage(0));
const server = await serveDirectory(dir);
try {
  const runs: Awaited<ReturnType<typeof measureOnce>>[] = [];
  const quietRuns: Awaited<ReturnType<typeof measureOnce>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await measureOnce(`${server.url}feed.html`));
    quietRuns.push(await measureOnce(`${server.url}quiet-feed.html`));
  }
  const pick = (key: keyof (typeof runs)[number]) => median(runs.map((run) => run[key]));
  // Longest tasks over both feeds' runs: the feed naming nobody takes other paths.
  const everyRun = [...runs, ...quietRuns];
  const longest = (key: 'longestStartTaskMs' | 'longestScanTaskMs') =>
    median(everyRun.map((run) => run[key]));
  const worst = (key: 'longestStartTaskMs' | 'longestScanTaskMs') =>
    Math.max(...everyRun.map((run) => run[key]));
  const quietPick = (key: keyof (typeof quietRuns)[number]) =>
    median(quietRuns.map((run) => run[key]));
  const result = {
    posts: POSTS,
    textBytes: pick('textBytes'),
    badges: pick('badges'),
    firstScanMs: pick('firstScanMs'),
    bareWalkMs: pick('bareWalkMs'),
    firstScanOverBareWalk: pick('firstScanMs') / pick('bareWalkMs'),
    coldWalkMs: pick('coldWalkMs'),
    firstScanOverColdWalk: pick('firstScanOverColdWalk'),
    quietFirstScanMs: quietPick('firstScanMs'),
    quietFirstScanOverColdWalk: quietPick('firstScanOverColdWalk'),
    longestStartTaskMs: longest('longestStartTaskMs'),
    worstStartTaskMs: worst('longestStartTaskMs'),
    longestScanTaskMs: longest('longestScanTaskMs'),
    worstScanTaskMs: worst('longestScanTaskMs'),
    appendedPosts: APPENDED,
    appendedMs: pick('appendedMs'),
    runs: RUNS,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(
      `Feed: ${POSTS} posts, ${(result.textBytes / 1e6).toFixed(2)} M characters, one post in ${1 / MENTION_RATE} naming a tracked person, ${result.badges} badges (median of ${RUNS} runs; longest tasks over both feeds' runs)`,
    );
    const row = (time: number, warm: string, cold: string, target: string) => ({
      time: f(time),
      'vs warm walk': warm,
      'vs cold walk': cold,
      target,
    });
    const times = (ratio: number) => `${ratio.toFixed(2)}×`;
    console.table({
      'first full scan (Footnote)': row(
        result.firstScanMs,
        times(result.firstScanOverBareWalk),
        times(result.firstScanOverColdWalk),
        '≤ 1.5× cold walk',
      ),
      'first full scan, feed naming nobody': row(
        result.quietFirstScanMs,
        '',
        times(result.quietFirstScanOverColdWalk),
        '≤ 1.5× cold walk',
      ),
      'bare walk, warm, page world': row(result.bareWalkMs, '1.00×', '', 'floor'),
      'bare walk, cold, isolated world': row(result.coldWalkMs, '', '1.00×', 'floor'),
      'longest task, start-up (loading the judge)': row(
        result.longestStartTaskMs,
        '',
        '',
        `< 16 ms (worst run ${f(result.worstStartTaskMs)})`,
      ),
      'longest task, scan slice': row(
        result.longestScanTaskMs,
        '',
        '',
        `< 16 ms (worst run ${f(result.worstScanTaskMs)})`,
      ),
      [`${APPENDED} appended posts`]: row(result.appendedMs, '', '', '< 5 ms'),
    });
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
