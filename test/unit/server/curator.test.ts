import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { Curator, draftChange } from '../../../server/curator';
import { openStore } from '../../../server/server';
import { sampleReport } from '../reports/fixtures';
import { tempDataDir } from './helpers';

const run = promisify(execFile);

async function curatorWith(...reports: ReturnType<typeof sampleReport>[]) {
  const dataDir = await tempDataDir();
  const store = openStore(dataDir);
  for (const report of reports) await store.insertIfAbsent(report, '2026-11-30T08:00:00.000Z');
  return { dataDir, store, curator: new Curator(store, dataDir) };
}

describe('curator triage', () => {
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
    const { dataDir, store } = await curatorWith(report);
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
        env: { ...process.env, FOOTNOTE_DATA_DIR: dataDir },
      });
    expect((await cli('list')).stdout).toContain(`${report.id}  2026-11-30T08:00:00.000Z  new`);
    await cli('reject', report.id, '--reason', 'Not a news source.');
    expect(await store.get(report.id)).toMatchObject({
      status: 'rejected',
      reason: 'Not a news source.',
    });
    await expect(cli('reject', report.id)).rejects.toMatchObject({ code: 2 });
    await store.close();
  }, 30_000);
});
