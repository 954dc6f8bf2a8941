import { describe, expect, test } from 'vitest';
import { sampleReport, sampleWrongMatch } from '../reports/fixtures';
import { CHROME_ORIGIN, FIREFOX_ORIGIN, post, SQLITE, start, storedIds } from './helpers';
import { usePostgres } from './postgres';

const POSTGRES = usePostgres();
const BACKENDS = [SQLITE, POSTGRES];

const DECEPTIVE =
  'This field holds invisible formatting (text-direction controls, line separators) or broken characters; remove them.';

describe.each(BACKENDS)('POST /v1/reports, reports kept in $name', (backend) => {
  test('a valid report is stored once when posted three times', async () => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const report = sampleReport();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(server, report)).status);
    expect(statuses).toEqual([201, 200, 200]);
    expect(await storedIds(storage)).toEqual([report.id]);
  });

  test('three retries racing each other still store one report', async () => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const report = sampleReport();
    const responses = await Promise.all([1, 2, 3].map(() => post(server, report)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(await storedIds(storage)).toEqual([report.id]);
  });

  test('the stored report is the normalized one', async () => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const report = sampleReport({ sourceUrl: 'HTTPS://me:pw@WWW.DAWN.COM/news/1#x' });
    expect((await post(server, report)).status).toBe(201);
    // The normalized form of the same report is the same report, not a conflict.
    expect(
      (await post(server, { ...report, sourceUrl: 'https://www.dawn.com/news/1' })).status,
    ).toBe(200);
  });

  test('the same id with different content is refused with 409 and the first is kept', async () => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const report = sampleReport();
    await post(server, report);
    const response = await post(server, { ...report, note: 'Something else entirely.' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      errors: [{ field: 'id', message: 'A different report with this id was already received.' }],
    });
  });

  test('a wrong-match report is stored without a source; without its person it is refused', async () => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const report = sampleWrongMatch({ pageUrl: 'https://x.com/someone/status/1' });
    expect((await post(server, report)).status).toBe(201);
    const { personId: _personId, ...withoutPerson } = sampleWrongMatch();
    const refused = await post(server, withoutPerson);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      errors: [{ field: 'personId', code: 'required', message: 'This field is required.' }],
    });
    expect(await storedIds(storage)).toEqual([report.id]);
  });

  test('a stopped and restarted service still has every accepted report', async () => {
    const storage = await backend.fresh();
    const first = await start(storage);
    const reports = [sampleReport(), sampleReport({ kind: 'missing-event' }), sampleReport()];
    for (const report of reports) expect((await post(first, report)).status).toBe(201);
    await first.close();

    const second = await start(storage);
    expect(await storedIds(storage)).toEqual(reports.map((r) => r.id));
    // It remembers them as received: a late retry is answered "already had it".
    expect((await post(second, reports[1])).status).toBe(200);
  });
});

describe('POST /v1/reports: refusals store nothing', () => {
  const backend = SQLITE;

  const cases: [string, (report: ReturnType<typeof sampleReport>) => string, number, string][] = [
    ['malformed JSON', () => '{"id": "3b2', 400, ''],
    ['a missing field', ({ caseId: _c, ...rest }) => JSON.stringify(rest), 400, 'caseId'],
    [
      'a non-http(s) source link',
      (r) => JSON.stringify({ ...r, sourceUrl: 'javascript:alert(document.cookie)' }),
      400,
      'sourceUrl',
    ],
    [
      'markup in the note',
      (r) => JSON.stringify({ ...r, note: '<img src=x onerror=alert(1)>' }),
      400,
      'note',
    ],
    ['an unknown field', (r) => JSON.stringify({ ...r, html: '<b>' }), 400, 'html'],
    ['a body over 16 KiB', (r) => JSON.stringify({ ...r, note: 'a'.repeat(17_000) }), 413, ''],
  ];

  test.each(cases)('%s is refused at its field', async (_name, body, status, field) => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const response = await post(server, body(sampleReport()));
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(answer.errors.map((e) => e.field)).toContain(field);
    expect(answer.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await storedIds(storage)).toEqual([]);
  });

  const attacks: [string, () => string | Blob, Record<string, string>, number, string, string][] = [
    [
      'a right-to-left override in the title',
      () => JSON.stringify(sampleReport({ title: 'invoice\u202Egpj.exe' })),
      {},
      400,
      'title',
      DECEPTIVE,
    ],
    [
      'bidi isolates in the publisher',
      () => JSON.stringify(sampleReport({ publisher: '\u2067Dawn\u2069' })),
      {},
      400,
      'publisher',
      DECEPTIVE,
    ],
    [
      'a line separator in the one-line title',
      () => JSON.stringify(sampleReport({ title: 'Headline\u2028second line' })),
      {},
      400,
      'title',
      DECEPTIVE,
    ],
    [
      'a lone surrogate (escaped in the JSON)',
      () => JSON.stringify(sampleReport({ note: 'Half an emoji: \uD83D' })),
      {},
      400,
      'note',
      DECEPTIVE,
    ],
    [
      'invalid UTF-8 bytes',
      () => {
        const [before, after] = JSON.stringify(sampleReport({ title: 'SPLIT' })).split('SPLIT');
        return new Blob([before ?? '', new Uint8Array([0xff, 0xfe]), after ?? '']);
      },
      {},
      400,
      '',
      'The body is not valid UTF-8.',
    ],
    [
      'a __proto__ key',
      () => JSON.stringify(sampleReport()).replace('{', '{"__proto__":{"admin":true},'),
      {},
      400,
      '',
      'A report must not contain the key __proto__.',
    ],
    [
      'a JSON list holding a report',
      () => JSON.stringify([sampleReport()]),
      {},
      400,
      '',
      'A report must be a JSON object, not a list.',
    ],
    [
      'JSON declared as UTF-16',
      () => JSON.stringify(sampleReport()),
      { 'content-type': 'application/json; charset=utf-16le' },
      415,
      '',
      'Send the report as JSON in UTF-8 (application/json; charset=utf-8).',
    ],
  ];

  test.each(attacks)(
    '%s is refused with its own answer',
    async (_name, body, headers, status, field, message) => {
      const storage = await backend.fresh();
      const server = await start(storage);
      const response = await post(server, body(), headers);
      expect(response.status).toBe(status);
      // Field errors also carry their code (for the extension's wording); body errors have none.
      expect(await response.json()).toEqual({
        errors: [expect.objectContaining({ field, message })],
      });
      expect(await storedIds(storage)).toEqual([]);
    },
  );

  test('JSON declared as UTF-8, in any spelling, is read as usual', async () => {
    const storage = await backend.fresh();
    const server = await start(storage);
    for (const charset of ['utf-8', 'UTF-8', '"utf-8"', 'utf8']) {
      const response = await post(server, sampleReport(), {
        'content-type': `application/json; charset=${charset}`,
      });
      expect(response.status).toBe(201);
    }
  });

  test('a body that is not JSON is refused with 415', async () => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const response = await post(server, JSON.stringify(sampleReport()), {
      'content-type': 'text/plain',
    });
    expect(response.status).toBe(415);
    expect(await storedIds(storage)).toEqual([]);
  });

  test('over the rate limit a client gets 429 and the report is not stored', async () => {
    const storage = await backend.fresh();
    const server = await start({ ...storage, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const accepted = [sampleReport(), sampleReport(), sampleReport()];
    for (const report of accepted) expect((await post(server, report)).status).toBe(201);
    const over = await post(server, sampleReport());
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).not.toBeNull();
    expect(await storedIds(storage)).toEqual(accepted.map((r) => r.id));
  });
});

describe('CORS', () => {
  const backend = SQLITE;

  const preflight = (url: string, origin: string) =>
    fetch(`${url}/v1/reports`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  test.each([CHROME_ORIGIN, FIREFOX_ORIGIN])('admits the extension origin %s', async (origin) => {
    const storage = await backend.fresh();
    const server = await start(storage);
    const answer = await preflight(server.url, origin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    const response = await post(server, sampleReport(), { origin });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  test.each(['https://evil.example', 'http://127.0.0.1:8080', 'chrome-extension://short', 'null'])(
    'refuses origin %s outright and stores nothing',
    async (origin) => {
      const storage = await backend.fresh();
      const server = await start(storage);
      const answer = await preflight(server.url, origin);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const response = await post(server, sampleReport(), { origin });
      expect(response.status).toBe(403);
      expect(await storedIds(storage)).toEqual([]);
    },
  );
});

describe('two intake processes on one PostgreSQL database', () => {
  test('start together on an empty database, and store a report retried at both at once once', async () => {
    const storage = await POSTGRES.fresh();
    const servers = await Promise.all([start(storage), start(storage)]);
    const report = sampleReport();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(servers[i % 2] ?? servers[0], report)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(await storedIds(storage)).toEqual([report.id]);
  });
});
