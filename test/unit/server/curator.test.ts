import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { Curator, draftChange } from '../../../server/curator';
import { openStore, type StoreConfig } from '../../../server/server';
import type { Report } from '../../../src/reports/schema';
import { sampleCorrection, sampleReport, sampleWrongMatch } from '../reports/fixtures';
import { SQLITE } from './helpers';
import { usePostgres } from './postgres';

const run = promisify(execFile);
const BACKENDS = [SQLITE, usePostgres()];

/** `npm run reports -- …args` on the reports of a test. */
const cli = ({ dataDir, databaseUrl }: StoreConfig, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, FOOTNOTE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' },
  });

describe('draft changes', () => {
  test('a missing event is drafted as a new event citing the proposed source, for a curator to write', () => {
    const draft = draftChange(
      sampleReport({ kind: 'missing-event', publisher: undefined, date: '2021-01-11' }),
    );
    expect(draft.proposedSource.id).toBe('dawn-2021-01-11');
    expect(draft.proposedEvent).toEqual({
      id: 'TODO (curator)',
      date: '2021-01-11',
      kind: 'TODO (curator)',
      text: { en: 'TODO (curator)' },
      sources: ['dawn-2021-01-11'],
    });
  });

  test('a wrong match without the page address says it was not sent', () => {
    const draft = draftChange(sampleWrongMatch({ note: undefined }));
    expect(draft.wrongMatch.page).toMatch(/^Not sent/);
    expect(draft.wrongMatch).not.toHaveProperty('readerNote');
  });
});

describe.each(BACKENDS)('curator triage, reports kept in $name', (backend) => {
  async function curatorWith(...reports: Report[]) {
    const storage = await backend.fresh();
    const store = await openStore(storage);
    for (const report of reports) await store.insertIfAbsent(report, '2026-11-30T08:00:00.000Z');
    return {
      storage,
      dataDir: storage.dataDir,
      store,
      curator: new Curator(store, storage.dataDir),
    };
  }

  test('accepting writes a draft change under the data directory and marks the report', async () => {
    const report = sampleReport({ kind: 'missing-source', publisher: 'Dawn', date: '2018-04-19' });
    const { dataDir, store, curator } = await curatorWith(report);
    const file = await curator.accept(report.id);
    const expected = join(dataDir, 'drafts', `shafi-zafar--${report.id}.json`);
    expect(file).toBe(expected);
    const draft = JSON.parse(await readFile(expected, 'utf8'));
    expect(draft).toMatchObject({
      caseFile: 'data/cases/shafi-zafar.json',
      proposedSource: { id: 'dawn-2018-04-19', publisher: 'Dawn', url: report.sourceUrl },
      citeFrom: 'shafi-allegation',
    });
    expect((await curator.show(report.id))?.status).toBe('accepted');
    // The draft is all it writes: the only thing in the data directory besides the database.
    expect((await readdir(dataDir)).filter((f) => !f.startsWith('reports.sqlite3'))).toEqual([
      'drafts',
    ]);
    await store.close();
  });

  test('a draft holds hidden characters escaped, as valid JSON that reads back to the text sent', async () => {
    // Stored before the intake refused line separators: a zero-width space, a tag character, a
    // line separator, and an Urdu word whose non-joiner is part of its spelling.
    const title = 'Dawn\u200B exclusive\u{E0041}\u2028part two: دل\u200Cچسپ';
    const note = 'See\u2029the second page.';
    const report = sampleReport({ kind: 'out-of-date', title, note });
    const { store, curator } = await curatorWith(report);
    const file = await curator.accept(report.id);
    const written = await readFile(file ?? '', 'utf8');
    expect(written).not.toMatch(/[\u200B\u2028\u2029]|\u{E0041}/u);
    expect(written).toContain('"Dawn\\u200B exclusive\\uDB40\\uDC41\\u2028part two: دل\u200Cچسپ"');
    const draft = JSON.parse(written);
    expect(draft.proposedSource.title).toBe(title);
    expect(draft.report.note).toBe(note);
    expect(draft.check).toBe(note);
    await store.close();
  });

  test('a wrong match is drafted against the person file: who, which case, which page, what to add', async () => {
    const report = sampleWrongMatch({ pageUrl: 'https://x.com/someone/status/1' });
    const { dataDir, store, curator } = await curatorWith(report);
    const file = await curator.accept(report.id);
    expect(file).toBe(join(dataDir, 'drafts', `ali-zafar--${report.id}.json`));
    const draft = JSON.parse(await readFile(file ?? '', 'utf8'));
    expect(draft).toMatchObject({
      personFile: 'data/people/ali-zafar.json',
      wrongMatch: {
        person: 'ali-zafar',
        caseId: 'shafi-zafar',
        page: 'https://x.com/someone/status/1',
        readerNote: report.note,
      },
    });
    expect(draft.wrongMatch.todo).toMatch(/^TODO \(curator\): in data\/people\/ali-zafar\.json/);
    expect(draft.wrongMatch.todo).toContain('namesakes');
    expect(draft.wrongMatch.todo).toContain('notBeside');
    expect(draft.wrongMatch.todo).toContain('needsConfirmation');
    expect(draft).not.toHaveProperty('proposedSource');
    await store.close();
  });

  test('corrections are listed first, then wrong matches, oldest first within each kind', async () => {
    const older = sampleReport();
    const wrong = sampleWrongMatch();
    const firstCorrection = sampleCorrection();
    const newer = sampleReport({ kind: 'out-of-date' });
    const laterWrong = sampleWrongMatch();
    const laterCorrection = sampleCorrection({ eventId: undefined });
    const { store, curator } = await curatorWith();
    const arrivals = [older, wrong, firstCorrection, newer, laterWrong, laterCorrection];
    for (const [hour, report] of arrivals.entries()) {
      await store.insertIfAbsent(
        report,
        `2026-11-30T${String(8 + hour).padStart(2, '0')}:00:00.000Z`,
      );
    }
    expect((await curator.list()).map((stored) => stored.report.id)).toEqual([
      firstCorrection.id,
      laterCorrection.id,
      wrong.id,
      laterWrong.id,
      older.id,
      newer.id,
    ]);
    await curator.reject(firstCorrection.id, 'Answered: the denial was added.');
    expect((await curator.list('new')).map((stored) => stored.report.id)[0]).toBe(
      laterCorrection.id,
    );
    await store.close();
  });

  test('a correction is drafted against the case file with what is disputed, in the words sent', async () => {
    const report = sampleCorrection();
    const { dataDir, store, curator } = await curatorWith(report);
    const file = await curator.accept(report.id);
    expect(file).toBe(join(dataDir, 'drafts', `shafi-zafar--${report.id}.json`));
    const draft = JSON.parse(await readFile(file ?? '', 'utf8'));
    expect(draft).toMatchObject({
      caseFile: 'data/cases/shafi-zafar.json',
      correction: {
        person: 'ali-zafar',
        eventId: 'shafi-allegation',
        disputed: report.note,
        statement: report.sourceUrl,
      },
    });
    expect(draft.correction.todo).toMatch(/^TODO \(curator\): /);
    await store.close();
  });

  test('rejecting keeps the reason; unknown ids are reported as such', async () => {
    const report = sampleReport();
    const { store, curator } = await curatorWith(report);
    expect(await curator.reject(report.id, 'Duplicate of an existing source.')).toBe(true);
    expect(await curator.show(report.id)).toMatchObject({
      status: 'rejected',
      reason: 'Duplicate of an existing source.',
    });
    expect(await curator.list('new')).toEqual([]);
    expect(await curator.reject('3b241101-e2bb-4255-8caf-ffffffffffff', 'x')).toBe(false);
    expect(await curator.accept('3b241101-e2bb-4255-8caf-ffffffffffff')).toBeUndefined();
    await store.close();
  });

  test('npm run reports -- list / reject work on the data directory', async () => {
    const report = sampleReport();
    const wrong = sampleWrongMatch();
    const correction = sampleCorrection();
    const { storage, store } = await curatorWith(report, wrong, correction);
    const listed = (await cli(storage, 'list')).stdout.split('\n');
    expect(listed[0]).toBe(
      `${correction.id}  2026-11-30T08:00:00.000Z  new       correction      shafi-zafar/shafi-allegation  person ali-zafar`,
    );
    expect(listed[1]).toBe(
      `${wrong.id}  2026-11-30T08:00:00.000Z  new       wrong-match     shafi-zafar  person ali-zafar`,
    );
    expect(listed[2]).toContain(`${report.id}  2026-11-30T08:00:00.000Z  new`);
    expect(listed[2]).toContain(report.sourceUrl);
    await cli(storage, 'reject', report.id, '--reason', 'Not a news source.');
    expect(await store.get(report.id)).toMatchObject({
      status: 'rejected',
      reason: 'Not a news source.',
    });
    await expect(cli(storage, 'reject', report.id)).rejects.toMatchObject({ code: 2 });
    await store.close();
  }, 30_000);

  test('npm run reports -- show prints invisible characters escaped and Urdu as it is', async () => {
    // A zero-width space and a tag character (invisible), and an Urdu word with its non-joiner.
    const title = 'Dawn\u200B exclusive\u{E0041}: علی ظفر کیس میں ایک دل\u200Cچسپ موڑ';
    const report = sampleReport({ title });
    const { storage, store } = await curatorWith(report);
    const { stdout } = await cli(storage, 'show', report.id);
    expect(stdout).toContain(
      '"Dawn\\u200B exclusive\\uDB40\\uDC41: علی ظفر کیس میں ایک دل\u200Cچسپ موڑ"',
    );
    expect(JSON.parse(stdout).report.title).toBe(title);
    await store.close();
  }, 30_000);

  test('npm run reports -- show escapes line separators kept from before the intake refused them', async () => {
    const title = 'First line\u2028second line';
    const note = 'One paragraph.\u2029Another.';
    const report = sampleReport({ title, note });
    const { storage, store } = await curatorWith(report);
    const { stdout } = await cli(storage, 'show', report.id);
    expect(stdout).not.toMatch(/[\u2028\u2029]/u);
    expect(stdout).toContain('"First line\\u2028second line"');
    expect(stdout).toContain('"One paragraph.\\u2029Another."');
    expect(JSON.parse(stdout).report).toMatchObject({ title, note });
    await store.close();
  }, 30_000);
});

// PostgreSQL's jsonb cannot hold a lone surrogate at all; SQLite keeps what it was given.
describe('reports with lone surrogates, kept in SQLite from before the intake refused them', () => {
  test('show prints them escaped and the draft holds them escaped, both valid JSON', async () => {
    const title = 'Half a character: \uD83D, and its other half: \uDE00.';
    const report = sampleReport({ title });
    const storage = await SQLITE.fresh();
    const store = await openStore(storage);
    await store.insertIfAbsent(report, '2026-11-30T08:00:00.000Z');
    const { stdout } = await cli(storage, 'show', report.id);
    expect(stdout).not.toMatch(/\p{Cs}/u);
    // JSON.stringify writes them as escapes itself (in lower case).
    expect(stdout).toContain('Half a character: \\ud83d, and its other half: \\ude00.');
    expect(JSON.parse(stdout).report.title).toBe(title);
    const file = await new Curator(store, storage.dataDir).accept(report.id);
    const written = await readFile(file ?? '', 'utf8');
    expect(written).not.toMatch(/\p{Cs}/u);
    expect(JSON.parse(written).proposedSource.title).toBe(title);
    await store.close();
  }, 30_000);
});
