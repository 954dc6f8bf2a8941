/**
 * npm run bench:dataset — does Footnote stay fast as the record grows? The shipped dataset and a
 * generated one 100× larger (bench/scaled-index.ts), side by side:
 * - the compiled index: bytes and gzipped bytes;
 * - parsing and validating it (what the worker does before its first answer), in Node;
 * - the judge's matchers, in Node: their build (in the worker, once per dataset), their size in
 *   the message to each page, and their load there (serialized matchers → judge);
 * - in Chromium, with each dataset built into the extension: a stopped worker's start to its
 *   first answer, and the page benchmark's feed (first full scan against a cold walk, the
 *   longest task).
 * `--json` prints the results as JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseCompiledIndex, type CompiledIndex } from '../src/dataset/compiled';
import { pageIndexOf } from '../src/dataset/views';
import {
  buildJudgeMatchers,
  createMentionJudge,
  loadJudgeMatchers,
  serializeJudgeMatchers,
} from '../src/mentions/judge';
import { buildCompiledIndexJson, REPO_ROOT } from '../scripts/dataset-files';
import { serveDirectory } from '../scripts/static-server';
import { launchChromium } from '../test/e2e/harness/chromium';
import { localExtensionDir } from '../test/e2e/harness/paths';
import { feedPage, measureOnce, median, MENTION_RATE, RUNS } from './page-measure';
import { scaleCompiledIndex } from './scaled-index';

const FACTOR = 100;

function timed<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

function nodeCosts(json: string) {
  const parse = median(
    Array.from({ length: 3 }, () => timed(() => parseCompiledIndex(JSON.parse(json))).ms),
  );
  const parsed = parseCompiledIndex(JSON.parse(json));
  if (!parsed.ok) throw new Error(parsed.error);
  const identity = pageIndexOf(parsed.index, 'en');
  const judgeBuild = median(
    Array.from(
      { length: 3 },
      () => timed(() => serializeJudgeMatchers(buildJudgeMatchers(identity))).ms,
    ),
  );
  const matchers = serializeJudgeMatchers(buildJudgeMatchers(identity));
  const judgeLoad = median(
    Array.from(
      { length: 3 },
      () => timed(() => createMentionJudge(identity, loadJudgeMatchers(matchers))).ms,
    ),
  );
  return {
    bytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
    people: parsed.index.people.length,
    names: parsed.index.names.length,
    parseMs: parse,
    judgeBuildMs: judgeBuild,
    matchersBytes: Object.values(matchers).reduce((sum, text) => sum + text.length, 0),
    judgeLoadMs: judgeLoad,
  };
}

/** A stopped worker's start, dataset load and first answer, as an extension page sees it. */
async function workerFirstAnswerMs(extensionDir: string): Promise<number> {
  const chromium = await launchChromium({ extensionDir });
  try {
    const page = await chromium.openExtensionPage('src/options/index.html');
    // Only the asking page: the welcome page opened on install would load the dataset too.
    for (const other of chromium.context.pages()) if (other !== page) await other.close();
    await chromium.stopServiceWorker();
    return await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      const started = performance.now();
      await chrome.runtime.sendMessage({ type: 'dataset/update-status' });
      return performance.now() - started;
    });
  } finally {
    await chromium.close();
  }
}

function buildScaledExtension(outDir: string): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      FOOTNOTE_BROWSER: 'chrome',
      FOOTNOTE_LOCAL: '1',
      FOOTNOTE_DATASET_SCALE: String(FACTOR),
      FOOTNOTE_OUT_DIR: outDir,
    },
  });
}

const { json, problems } = buildCompiledIndexJson();
if (problems.length > 0) throw new Error('The dataset does not pass the checker.');
const scaledJson = JSON.stringify(scaleCompiledIndex(JSON.parse(json) as CompiledIndex, FACTOR));

const dir = mkdtempSync(join(tmpdir(), 'footnote-dataset-bench-'));
const scaledDir = join(dir, 'extension');
buildScaledExtension(scaledDir);
writeFileSync(join(dir, 'feed.html'), feedPage(MENTION_RATE));
const server = await serveDirectory(dir);
try {
  const variants = [
    { label: '1× (shipped)', json, extensionDir: localExtensionDir('chrome') },
    { label: `${FACTOR}× (generated)`, json: scaledJson, extensionDir: scaledDir },
  ];
  // The variants' runs alternate, so the machine's slow and fast moments fall on both alike.
  const measured = variants.map(() => ({
    workerMs: [] as number[],
    runs: [] as Awaited<ReturnType<typeof measureOnce>>[],
  }));
  for (let i = 0; i < RUNS; i++) {
    for (const [v, variant] of variants.entries()) {
      measured[v]?.workerMs.push(await workerFirstAnswerMs(variant.extensionDir));
      measured[v]?.runs.push(await measureOnce(`${server.url}feed.html`, variant.extensionDir));
    }
  }
  const results = variants.map((variant, v) => {
    const { workerMs = [], runs = [] } = measured[v] ?? {};
    const pick = (key: 'firstScanMs' | 'coldWalkMs' | 'firstScanOverColdWalk' | 'longestTaskMs') =>
      median(runs.map((run) => run[key]));
    return {
      dataset: variant.label,
      ...nodeCosts(variant.json),
      workerFirstAnswerMs: median(workerMs),
      firstScanMs: pick('firstScanMs'),
      coldWalkMs: pick('coldWalkMs'),
      firstScanOverColdWalk: pick('firstScanOverColdWalk'),
      longestTaskMs: pick('longestTaskMs'),
    };
  });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(`Median of ${RUNS} runs each; the feed is the page benchmark's (10,000 posts).`);
    console.table(
      Object.fromEntries(
        results.map((r) => [
          r.dataset,
          {
            'people / names': `${r.people} / ${r.names}`,
            'index (gzip)': `${kb(r.bytes)} (${kb(r.gzipBytes)})`,
            'parse + check': ms(r.parseMs),
            'matchers: build (worker, once)': ms(r.judgeBuildMs),
            'sent to each page': kb(r.matchersBytes),
            'load (each page)': ms(r.judgeLoadMs),
            'worker → 1st answer': ms(r.workerFirstAnswerMs),
            'first scan': ms(r.firstScanMs),
            'vs cold walk': `${r.firstScanOverColdWalk.toFixed(2)}× (target ≤ 1.5×)`,
            'longest task': `${ms(r.longestTaskMs)} (target < 16 ms)`,
          },
        ]),
      ),
    );
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
