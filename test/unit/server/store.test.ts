import { describe, expect, test } from 'vitest';
import { openStore } from '../../../server/server';
import { parseReport } from '../../../src/reports/schema';
import { sampleReport, sampleWrongMatch } from '../reports/fixtures';
import { SQLITE } from './helpers';
import { usePostgres } from './postgres';

const BACKENDS = [SQLITE, usePostgres()];

describe.each(BACKENDS)('the $name report store', (backend) => {
  const freshStore = async () => openStore(await backend.fresh());

  test('stores a report once; a second insert of its id returns the first unchanged', async () => {
    const store = await freshStore();
    const report = sampleReport();
    expect(await store.insertIfAbsent(report, '2026-11-30T08:00:00.000Z')).toEqual({
      inserted: true,
    });
    const retry = await store.insertIfAbsent(
      { ...report, note: 'Different.' },
      '2026-11-30T09:00:00.000Z',
    );
    expect(retry).toEqual({
      inserted: false,
      existing: { report, receivedAt: '2026-11-30T08:00:00.000Z', status: 'new' },
    });
    await store.close();
  });

  test('ten concurrent inserts of one report store it once', async () => {
    const store = await freshStore();
    const report = sampleReport();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.insertIfAbsent(report, '2026-11-30T08:00:00.000Z')),
    );
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
    expect(await store.list()).toHaveLength(1);
    await store.close();
  });

  test('reads a report back exactly, keys in the order the service wrote them', async () => {
    const store = await freshStore();
    // As the service stores them: parsed, so in the schema's key order (jsonb reorders keys).
    const reports = [
      sampleReport({ title: 'علی ظفر کیس میں ایک دل\u200Cچسپ موڑ' }),
      sampleWrongMatch({ pageUrl: 'https://x.com/someone/status/1' }),
    ].map((report) => {
      const parsed = parseReport(report);
      if (!parsed.ok) throw new Error('The fixture is not a valid report.');
      return parsed.report;
    });
    for (const report of reports) await store.insertIfAbsent(report, '2026-11-30T08:00:00.000Z');
    for (const report of reports) {
      expect(JSON.stringify((await store.get(report.id))?.report)).toBe(JSON.stringify(report));
    }
    await store.close();
  });

  test('an unknown id, or one that is not a UUID, is not found', async () => {
    const store = await freshStore();
    expect(await store.get('3b241101-e2bb-4255-8caf-ffffffffffff')).toBeUndefined();
    expect(await store.get('not-a-uuid')).toBeUndefined();
    const at = '2026-12-01T07:00:00.000Z';
    expect(await store.setStatus('not-a-uuid', { status: 'accepted', at })).toBe(false);
    await store.close();
  });

  test('lists oldest first, filtered by status; triage keeps the reason and time', async () => {
    const store = await freshStore();
    const [newer, older, rejected] = [sampleReport(), sampleReport(), sampleReport()];
    await store.insertIfAbsent(newer, '2026-11-30T10:00:00.000Z');
    await store.insertIfAbsent(older, '2026-11-30T08:00:00.000Z');
    await store.insertIfAbsent(rejected, '2026-11-30T09:00:00.000Z');
    const change = {
      status: 'rejected' as const,
      reason: 'Duplicate.',
      at: '2026-12-01T07:00:00.123Z',
    };
    expect(await store.setStatus(rejected.id, change)).toBe(true);
    const ids = async (status?: 'new' | 'rejected') =>
      (await store.list(status === undefined ? {} : { status })).map((s) => s.report.id);
    expect(await ids()).toEqual([older.id, rejected.id, newer.id]);
    expect(await ids('new')).toEqual([older.id, newer.id]);
    expect(await store.get(rejected.id)).toEqual({
      report: rejected,
      receivedAt: '2026-11-30T09:00:00.000Z',
      status: 'rejected',
      reason: 'Duplicate.',
      triagedAt: '2026-12-01T07:00:00.123Z',
    });
    await store.close();
  });

  test('a store opened again on the same data has every report', async () => {
    const config = await backend.fresh();
    const first = await openStore(config);
    const report = sampleReport();
    await first.insertIfAbsent(report, '2026-11-30T08:00:00.000Z');
    await first.close();
    const second = await openStore(config);
    expect((await second.get(report.id))?.report).toEqual(report);
    await second.close();
  });
});
