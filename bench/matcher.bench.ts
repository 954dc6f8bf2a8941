// `npm run bench [-- --json]`: the name matcher against a RegExp alternation, modern-ahocorasick
// and a bare loop that only reads every character code (the floor), on generated 5 MB corpora.
// MB here is 10^6 UTF-16 code units, the unit a string's length counts.

import AhoCorasick from 'modern-ahocorasick';
import { buildMatcher, loadMatcher, type MatchPattern } from '../src/matcher/index';
import { generateNames, generateText, type Script } from './corpus';
import { megabytesPerSecond, time, timeAlternating, timeOnce } from './measure';

const TEXT_LENGTH = 5_000_000;
// modern-ahocorasick 3.3 takes time quadratic in the length of any text that is not pure ASCII
// (20,000 chars: ~0.2 s, 100,000: ~6 s), so on the corpora it gets a prefix; on the ASCII-only
// version of the Latin corpus it runs the whole 5 MB.
const AHO_TEXT_LENGTH = 30_000;
// A case-insensitive ('i') alternation of 10,000 names took 63 s on 0.5 MB; lower-casing the text
// and names instead is the fair RegExp contender, and still about 4 MB/s: it gets the first 1 MB.
const REGEXP_TEXT_LENGTH = 1_000_000;
const AHO_WHOLE_WORD_TEXT_LENGTH = 10_000;
const NAME_COUNTS = [1_000, 10_000, 100_000];
const SCRIPTS: Script[] = ['latin', 'mixed'];

interface Row {
  script: Script;
  names: number;
  contender: string;
  textLength: number;
  megabytesPerSecond: number;
  matches: number;
  /** Our throughput divided by this one's: how many times faster ours is. */
  oursOverThis: number;
  /** The floor's throughput divided by this one's: how many times slower than reading. */
  floorOverThis: number;
  buildMilliseconds?: number;
  warmBuildMilliseconds?: number;
  loadMilliseconds?: number;
  automatonBytes?: number;
}

function floorLoop(text: string): number {
  let sum = 0;
  for (let index = 0; index < text.length; index++) {
    sum = (sum + text.charCodeAt(index)) | 0;
  }

  return sum;
}

/** The Latin corpus without its accents and non-ASCII spaces, where modern-ahocorasick is linear. */
function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[^\p{ASCII}]/gu, ' ');
}

function regExpAlternation(patterns: readonly MatchPattern[]): RegExp {
  const escaped = patterns
    .map(({ text }) => text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length);
  const word = '[\\p{L}\\p{N}\\p{M}_]';
  return new RegExp(`(?<!${word}|@)(?:${escaped.join('|')})(?!${word})`, 'gu');
}

function countRegExpMatches(pattern: RegExp, text: string): number {
  let count = 0;
  for (const _match of text.toLowerCase().matchAll(pattern)) {
    count++;
  }

  return count;
}

function benchmark(script: Script, nameCount: number, text: string): Row[] {
  const patterns = generateNames(nameCount, script);
  const rows: Omit<Row, 'oursOverThis' | 'floorOverThis'>[] = [];
  const base = { script, names: nameCount, textLength: text.length };

  const built = timeOnce(() => buildMatcher(patterns));
  const warmBuild = time(() => buildMatcher(patterns), 2);
  const serialized = built.result.serialize();
  const loaded = time(() => loadMatcher(serialized), 3);
  // Alternating runs, so that load from other processes on the machine hits both alike.
  const [ours, floor] = timeAlternating(
    () => built.result.search(text),
    () => floorLoop(text),
    7,
  );
  const floorRate = megabytesPerSecond(text.length, floor.milliseconds);
  rows.push({
    ...base,
    contender: 'footnote matcher',
    megabytesPerSecond: megabytesPerSecond(text.length, ours.milliseconds),
    matches: ours.result.length,
    buildMilliseconds: built.milliseconds,
    warmBuildMilliseconds: warmBuild.milliseconds,
    loadMilliseconds: loaded.milliseconds,
    automatonBytes: built.result.byteLength,
  });

  // V8 compiles a RegExp on its first exec, so its build time is that of the first run.
  const regExpText = text.slice(0, REGEXP_TEXT_LENGTH);
  const regExpBuild = timeOnce(() => {
    const pattern = regExpAlternation(patterns);
    pattern.test('');
    return pattern;
  });
  const regExp = timeOnce(() => countRegExpMatches(regExpBuild.result, regExpText));
  rows.push({
    ...base,
    contender: 'RegExp alternation, lower-cased',
    textLength: regExpText.length,
    megabytesPerSecond: megabytesPerSecond(regExpText.length, regExp.milliseconds),
    matches: regExp.result,
    buildMilliseconds: regExpBuild.milliseconds,
  });

  const ahoBuild = timeOnce(() => new AhoCorasick(patterns.map(({ text: name }) => name)));
  const aho = ahoBuild.result;
  const ahoText = text.slice(0, AHO_TEXT_LENGTH);
  const ahoPlain = timeOnce(() => aho.search(ahoText, { strategy: 'leftmost-longest' }));
  rows.push({
    ...base,
    contender: 'modern-ahocorasick',
    textLength: ahoText.length,
    megabytesPerSecond: megabytesPerSecond(ahoText.length, ahoPlain.milliseconds),
    matches: ahoPlain.result.length,
    buildMilliseconds: ahoBuild.milliseconds,
    automatonBytes: aho.getStats().typedArrayBytes,
  });

  const wholeWordText = text.slice(0, AHO_WHOLE_WORD_TEXT_LENGTH);
  const ahoWholeWord = timeOnce(() =>
    aho.search(wholeWordText, { strategy: 'leftmost-longest', wholeWord: true, locale: 'en' }),
  );
  rows.push({
    ...base,
    contender: 'modern-ahocorasick whole-word',
    textLength: wholeWordText.length,
    megabytesPerSecond: megabytesPerSecond(wholeWordText.length, ahoWholeWord.milliseconds),
    matches: ahoWholeWord.result.length,
  });

  if (script === 'latin') {
    const asciiText = toAscii(text);
    const ahoAscii = timeOnce(() => aho.search(asciiText, { strategy: 'leftmost-longest' }));
    rows.push({
      ...base,
      contender: 'modern-ahocorasick, ASCII-only text',
      megabytesPerSecond: megabytesPerSecond(asciiText.length, ahoAscii.milliseconds),
      matches: ahoAscii.result.length,
    });
  }

  rows.push({
    ...base,
    contender: 'floor (read every char code)',
    megabytesPerSecond: floorRate,
    matches: 0,
  });

  const oursRate = rows[0]?.megabytesPerSecond ?? 0;
  return rows.map((row) => ({
    ...row,
    oursOverThis: oursRate / row.megabytesPerSecond,
    floorOverThis: floorRate / row.megabytesPerSecond,
  }));
}

interface Verdict {
  target: string;
  measured: string;
  met: boolean;
}

function verdicts(rows: readonly Row[]): Verdict[] {
  const find = (script: Script, names: number, contender: string) =>
    rows.find((row) => row.script === script && row.names === names && row.contender === contender);
  const results: Verdict[] = [];
  for (const script of SCRIPTS) {
    const ours10k = find(script, 10_000, 'footnote matcher');
    const ours100k = find(script, 100_000, 'footnote matcher');
    const regExp10k = find(script, 10_000, 'RegExp alternation, lower-cased');
    const aho10k = find(script, 10_000, 'modern-ahocorasick');
    if (!ours10k || !ours100k || !regExp10k || !aho10k) {
      continue;
    }

    const check = (target: string, value: number, limit: number, unit: string, atLeast = false) =>
      results.push({
        target: `${script}: ${target}`,
        measured: `${value.toFixed(unit === 'MB' ? 1 : 2)} ${unit}`.trim(),
        met: atLeast ? value >= limit : value <= limit,
      });
    check('10k names, ≥5x RegExp', regExp10k.oursOverThis, 5, 'x', true);
    check('10k names, ≥20x modern-ahocorasick', aho10k.oursOverThis, 20, 'x', true);
    check('10k names, within 4x of the floor', ours10k.floorOverThis, 4, 'x');
    check(
      '100k names, throughput within 20% of 10k',
      ours100k.megabytesPerSecond / ours10k.megabytesPerSecond,
      0.8,
      'of 10k',
      true,
    );
    check('100k names, build < 1000 ms', ours100k.buildMilliseconds ?? 0, 1000, 'ms');
    check('100k names, automaton < 40 MB', (ours100k.automatonBytes ?? 0) / 1e6, 40, 'MB');
    check('10k names, build < 50 ms', ours10k.buildMilliseconds ?? 0, 50, 'ms');
    check('10k names, automaton < 4 MB', (ours10k.automatonBytes ?? 0) / 1e6, 4, 'MB');
  }

  return results;
}

function printTable(rows: readonly Row[], results: readonly Verdict[]): void {
  const format = (value: number | undefined, digits = 1) =>
    value === undefined ? '' : value.toFixed(digits);
  const header = [
    'script',
    'names',
    'contender',
    'MB/s',
    'ours ×',
    'floor ×',
    'matches',
    'build ms (cold/warm)',
    'load ms',
    'automaton MB',
  ];
  const lines = rows.map((row) => [
    row.script,
    String(row.names),
    row.contender + (row.textLength === TEXT_LENGTH ? '' : ` (first ${row.textLength / 1e6} MB)`),
    format(row.megabytesPerSecond),
    format(row.oursOverThis, 2),
    format(row.floorOverThis, 2),
    String(row.matches),
    row.buildMilliseconds === undefined
      ? ''
      : format(row.buildMilliseconds) +
        (row.warmBuildMilliseconds === undefined ? '' : ` / ${format(row.warmBuildMilliseconds)}`),
    format(row.loadMilliseconds, 2),
    row.automatonBytes === undefined ? '' : format(row.automatonBytes / 1e6, 2),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const printLine = (cells: readonly string[]) =>
    console.log(cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  printLine(header);
  printLine(widths.map((width) => '-'.repeat(width)));
  lines.forEach(printLine);
  console.log(
    '\nMB = 10^6 UTF-16 code units. ours × = our MB/s ÷ theirs; floor × = floor MB/s ÷ theirs.',
  );
  console.log(
    'Build "cold" is the first build of that name list in this process; "warm" the median of two more.\n',
  );
  for (const { target, measured, met } of results) {
    console.log(`${met ? 'met    ' : 'NOT met'}  ${target}: ${measured}`);
  }
}

const json = process.argv.includes('--json');
const rows: Row[] = [];
for (const script of SCRIPTS) {
  // Every name list starts with the same 1,000 names (same seed), so all find the same mentions.
  const text = generateText(TEXT_LENGTH, script, generateNames(1_000, script));
  for (const nameCount of NAME_COUNTS) {
    rows.push(...benchmark(script, nameCount, text));
    if (!json) {
      console.error(`${script}, ${nameCount} names done`);
    }
  }
}

const results = verdicts(rows);
if (json) {
  console.log(JSON.stringify({ rows, targets: results }, undefined, 2));
} else {
  printTable(rows, results);
}
