import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  alarmScheduler,
  Outbox,
  OUTBOX_ALARM,
  OUTBOX_KEY,
  retryDelayMs,
  UNREADABLE_KEY,
  type FetchLike,
} from '../../../src/background/outbox';
import type { Report } from '../../../src/reports/schema';
import { sampleReport, sampleWrongMatch } from './fixtures';

const ENDPOINT = 'https://reports.example.org/v1/reports';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Behaviour =
  'accept' | 'down' | 'store-then-drop-connection' | { status: number; body?: string };

/**
 * A report server in memory: stores each id once (as the real one does) and answers as told,
 * one behaviour per request, then keeps the last one.
 */
function fakeServer(...behaviours: Behaviour[]) {
  const stored = new Map<string, Report>();
  const requests: { url: string; body: Report; credentials: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const body = JSON.parse(init.body) as Report;
    requests.push({ url, body, credentials: init.credentials });
    const behaviour = (behaviours.length > 1 ? behaviours.shift() : behaviours[0]) ?? 'accept';
    if (behaviour === 'down') throw new TypeError('Failed to fetch');
    if (behaviour === 'store-then-drop-connection') {
      stored.set(body.id, body);
      throw new TypeError('Failed to fetch');
    }
    if (behaviour === 'accept') {
      const status = stored.has(body.id) ? 200 : 201;
      stored.set(body.id, body);
      return { status, text: async () => '{}' };
    }
    return { status: behaviour.status, text: async () => behaviour.body ?? '' };
  };
  return { fetch, stored, requests };
}

let time: number;
let wakeUps: number[];

function outbox(fetch: FetchLike, random = () => 0.5): Outbox {
  return new Outbox({
    area: fakeBrowser.storage.local,
    fetch,
    now: () => time,
    scheduler: { schedule: async (when) => void wakeUps.push(when) },
    random,
  });
}

describe('Outbox', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    time = Date.UTC(2026, 10, 30, 12);
    wakeUps = [];
  });

  test('a report is stored, waiting and due, before anything is sent, and a wake-up is asked for', async () => {
    const server = fakeServer('accept');
    const box = outbox(server.fetch);
    const report = sampleReport();
    await box.add(report);
    expect(server.requests).toEqual([]);
    const stored = await fakeBrowser.storage.local.get(OUTBOX_KEY);
    expect(stored[OUTBOX_KEY]).toEqual([
      { report, state: { kind: 'waiting', attempts: 0, nextAttemptAt: time } },
    ]);
    expect(wakeUps).toEqual([time]);
  });

  test('an accepted report is sent once, without cookies, and marked sent', async () => {
    const server = fakeServer('accept');
    const box = outbox(server.fetch);
    const report = sampleReport();
    await box.add(report);
    await box.flush(ENDPOINT);
    await box.flush(ENDPOINT);
    expect(server.requests).toEqual([{ url: ENDPOINT, body: report, credentials: 'omit' }]);
    expect(await box.list()).toEqual([{ report, state: { kind: 'sent', sentAt: time } }]);
  });

  test('a wrong-match report waits, survives a restart and is sent like any other', async () => {
    await outbox(fakeServer('down').fetch).add(sampleWrongMatch());
    const server = fakeServer('accept');
    const restarted = outbox(server.fetch);
    const [entry] = await restarted.list();
    expect(entry?.report.kind).toBe('wrong-match');
    await restarted.flush(ENDPOINT);
    expect(server.requests.map((request) => request.body)).toEqual([entry?.report]);
    expect((await restarted.list())[0]?.state.kind).toBe('sent');
  });

  test('adding the same report twice keeps one', async () => {
    const box = outbox(fakeServer('accept').fetch);
    const report = sampleReport();
    await box.add(report);
    await box.add(report);
    expect(await box.list()).toHaveLength(1);
  });

  test('with no endpoint nothing is attempted and nothing counted', async () => {
    const server = fakeServer('accept');
    const box = outbox(server.fetch);
    await box.add(sampleReport());
    await box.flush(undefined);
    await box.flush('not a url');
    expect(server.requests).toEqual([]);
    expect((await box.list())[0]?.state).toEqual({
      kind: 'waiting',
      attempts: 0,
      nextAttemptAt: time,
    });
  });

  test('when the server is down the report waits, backs off, and is delivered once when it returns', async () => {
    const server = fakeServer('down', 'down', 'accept');
    const box = outbox(server.fetch);
    const report = sampleReport();
    await box.add(report);

    await box.flush(ENDPOINT);
    const first = (await box.list())[0]?.state;
    expect(first).toEqual({
      kind: 'waiting',
      attempts: 1,
      nextAttemptAt: time + 0.75 * MINUTE,
      lastError: { code: 'unreachable' },
    });
    expect(wakeUps.at(-1)).toBe(time + 0.75 * MINUTE);

    await box.flush(ENDPOINT); // not due yet: no request
    expect(server.requests).toHaveLength(1);

    time += 0.75 * MINUTE;
    await box.flush(ENDPOINT);
    expect((await box.list())[0]?.state).toMatchObject({
      kind: 'waiting',
      attempts: 2,
      nextAttemptAt: time + 1.5 * MINUTE,
    });

    time += 1.5 * MINUTE;
    await box.flush(ENDPOINT);
    expect((await box.list())[0]?.state).toEqual({ kind: 'sent', sentAt: time });
    expect(server.requests).toHaveLength(3);
    expect([...server.stored.keys()]).toEqual([report.id]);
  });

  test('"send now" tries a waiting report before its retry is due, and only waiting ones', async () => {
    const server = fakeServer('down', 'accept');
    const box = outbox(server.fetch);
    await box.add(sampleReport());
    await box.flush(ENDPOINT);
    expect((await box.list())[0]?.state.kind).toBe('waiting');

    await box.flush(ENDPOINT, { all: true });
    expect((await box.list())[0]?.state).toEqual({ kind: 'sent', sentAt: time });
    await box.flush(ENDPOINT, { all: true });
    expect(server.requests).toHaveLength(2);
  });

  test('an answer lost after the server stored the report does not make a second report', async () => {
    const server = fakeServer('store-then-drop-connection', 'accept');
    const box = outbox(server.fetch);
    const report = sampleReport();
    await box.add(report);
    await box.flush(ENDPOINT);
    time += HOUR;
    await box.flush(ENDPOINT);
    expect(server.requests.map((r) => r.body.id)).toEqual([report.id, report.id]);
    expect(server.stored.size).toBe(1);
    expect((await box.list())[0]?.state.kind).toBe('sent');
  });

  test('429 and 5xx answers are retried later, not refused', async () => {
    const server = fakeServer({ status: 429 }, { status: 503 }, 'accept');
    const box = outbox(server.fetch);
    await box.add(sampleReport());
    await box.flush(ENDPOINT);
    expect((await box.list())[0]?.state).toMatchObject({
      kind: 'waiting',
      lastError: { code: 'server-status', params: { status: '429' } },
    });
    time += HOUR;
    await box.flush(ENDPOINT);
    expect((await box.list())[0]?.state).toMatchObject({ kind: 'waiting', attempts: 2 });
    time += HOUR;
    await box.flush(ENDPOINT);
    expect((await box.list())[0]?.state.kind).toBe('sent');
  });

  test('a 400 refusal is kept with the server’s reasons (as codes) and never retried', async () => {
    const body = JSON.stringify({
      errors: [
        { field: 'note', code: 'markup', message: 'The note cannot contain < or >.' },
        {
          field: 'title',
          code: 'too-long',
          params: { max: '200' },
          message: 'The title is too long (at most 200 characters).',
        },
      ],
    });
    const server = fakeServer({ status: 400, body });
    const box = outbox(server.fetch);
    await box.add(sampleReport());
    await box.flush(ENDPOINT);
    time += 24 * HOUR;
    await box.flush(ENDPOINT);
    expect(server.requests).toHaveLength(1);
    expect((await box.list())[0]?.state).toEqual({
      kind: 'refused',
      refusedAt: time - 24 * HOUR,
      status: 400,
      reasons: [{ code: 'markup' }, { code: 'too-long', params: { max: '200' } }],
    });
  });

  test('a refusal that names no code this version knows is told by its status', async () => {
    const olderServer = JSON.stringify({
      errors: [{ field: 'note', message: 'The note cannot contain < or >.' }],
    });
    const newerServer = JSON.stringify({
      errors: [{ field: 'note', code: 'from-the-future', message: 'Something new.' }],
    });
    for (const [status, body, code] of [
      [400, olderServer, 'not-accepted'],
      [400, newerServer, 'not-accepted'],
      [409, olderServer, 'duplicate-id'],
    ] as const) {
      const box = outbox(fakeServer({ status, body }).fetch);
      const report = sampleReport({ id: crypto.randomUUID() });
      await box.add(report);
      await box.flush(ENDPOINT);
      const entry = (await box.list()).find((e) => e.report.id === report.id);
      expect(entry?.state).toMatchObject({ kind: 'refused', status, reasons: [{ code }] });
    }
  });

  test('a 413 without a readable body is refused with a plain reason', async () => {
    const box = outbox(fakeServer({ status: 413, body: '<html>too big</html>' }).fetch);
    await box.add(sampleReport());
    await box.flush(ENDPOINT);
    expect((await box.list())[0]?.state).toMatchObject({
      kind: 'refused',
      status: 413,
      reasons: [{ code: 'too-large' }],
    });
  });

  test('a new outbox over the same storage (a restarted worker) still has and delivers the reports', async () => {
    const down = fakeServer('down');
    const before = outbox(down.fetch);
    const waiting = sampleReport();
    const sent = sampleReport();
    await before.add(sent);
    await outbox(fakeServer('accept').fetch).flush(ENDPOINT);
    await before.add(waiting);
    await before.flush(ENDPOINT);

    time += HOUR;
    const server = fakeServer('accept');
    const after = outbox(server.fetch);
    expect((await after.list()).map((e) => [e.report.id, e.state.kind])).toEqual([
      [sent.id, 'sent'],
      [waiting.id, 'waiting'],
    ]);
    await after.flush(ENDPOINT);
    expect(server.requests.map((r) => r.body.id)).toEqual([waiting.id]);
  });

  test('a report added while a send is in flight is not overwritten by the flush', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowFetch: FetchLike = async () => {
      await gate;
      return { status: 201, text: async () => '' };
    };
    const box = outbox(slowFetch);
    const first = sampleReport();
    const second = sampleReport();
    await box.add(first);
    const flushing = box.flush(ENDPOINT);
    await box.add(second);
    release();
    await flushing;
    expect((await box.list()).map((e) => [e.report.id, e.state.kind])).toEqual([
      [first.id, 'sent'],
      [second.id, 'waiting'],
    ]);
  });

  test('reports added at the same moment are all kept', async () => {
    const box = outbox(fakeServer('accept').fetch);
    const reports = [sampleReport(), sampleReport(), sampleReport()];
    await Promise.all(reports.map((report) => box.add(report)));
    expect((await box.list()).map((e) => e.report.id)).toEqual(reports.map((r) => r.id));
  });

  test('a report deleted while it is being sent stays deleted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const box = outbox(async () => {
      await gate;
      return { status: 201, text: async () => '' };
    });
    const report = sampleReport();
    await box.add(report);
    const flushing = box.flush(ENDPOINT);
    expect(await box.remove(report.id)).toBe(true);
    release();
    await flushing;
    expect(await box.list()).toEqual([]);
  });

  test('unreadable stored entries are kept aside, never dropped; readable ones are kept', async () => {
    const good = sampleReport();
    const lostState = sampleReport();
    const garbage = { report: { id: 'nonsense' }, state: { kind: 'sent' } };
    await fakeBrowser.storage.local.set({
      [OUTBOX_KEY]: [
        { report: good, state: { kind: 'sent', sentAt: 1 } },
        garbage,
        { report: lostState, state: 'corrupted' },
      ],
    });
    const box = outbox(fakeServer('accept').fetch);
    // A report whose state is unreadable is sent again: the server answers 200 if it has it.
    expect((await box.list()).map((e) => [e.report.id, e.state.kind])).toEqual([
      [good.id, 'sent'],
      [lostState.id, 'waiting'],
    ]);
    await box.add(sampleReport());
    expect(await box.unreadable()).toEqual([{ at: time, value: garbage }]);
    expect(await box.list()).toHaveLength(3);
  });

  test('a report stored before a newer text rule stays in the outbox and is sent', async () => {
    const older = sampleReport({ title: 'invoice\u202Egpj.exe' });
    await fakeBrowser.storage.local.set({
      [OUTBOX_KEY]: [{ report: older, state: { kind: 'waiting', attempts: 0, nextAttemptAt: 0 } }],
    });
    const server = fakeServer('accept');
    const box = outbox(server.fetch);
    await box.add(sampleReport());
    expect((await box.list()).map((entry) => entry.report.id)).toContain(older.id);
    expect(await box.unreadable()).toEqual([]);
    await box.flush(ENDPOINT);
    expect(server.requests.map((request) => request.body.id)).toContain(older.id);
  });

  test('a stored value that is not a list at all is kept aside before the first write', async () => {
    await fakeBrowser.storage.local.set({ [OUTBOX_KEY]: 'written by something else' });
    const box = outbox(fakeServer('accept').fetch);
    expect(await box.list()).toEqual([]);
    await box.add(sampleReport());
    await box.add(sampleReport());
    const stored = await fakeBrowser.storage.local.get(UNREADABLE_KEY);
    expect(stored[UNREADABLE_KEY]).toEqual([{ at: time, value: 'written by something else' }]);
    expect(await box.list()).toHaveLength(2);
  });

  test('the alarm scheduler sets one named alarm, replaced by the next request', async () => {
    const scheduler = alarmScheduler(fakeBrowser.alarms);
    await scheduler.schedule(time + HOUR);
    await scheduler.schedule(time + MINUTE);
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      expect.objectContaining({ name: OUTBOX_ALARM, scheduledTime: time + MINUTE }),
    ]);
  });
});

describe('retryDelayMs', () => {
  test('doubles from one minute with up to half of it as jitter', () => {
    expect(retryDelayMs(1, () => 0)).toBe(0.5 * MINUTE);
    expect(retryDelayMs(1, () => 0.999_999)).toBeCloseTo(MINUTE, -1);
    expect(retryDelayMs(4, () => 0)).toBe(4 * MINUTE);
  });

  test('never waits more than six hours', () => {
    expect(retryDelayMs(50, () => 0.999_999)).toBeLessThanOrEqual(6 * HOUR);
    expect(retryDelayMs(50, () => 0)).toBe(3 * HOUR);
  });
});
