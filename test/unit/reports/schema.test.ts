import { describe, expect, test } from 'vitest';
import { createReport, parseReport, REPORT_LIMITS } from '../../../src/reports/schema';
import { sampleReport } from './fixtures';

const errorsOf = (value: unknown) => {
  const result = parseReport(value);
  return result.ok ? [] : result.errors;
};
const fieldsOf = (value: unknown) => errorsOf(value).map((e) => e.field);

describe('parseReport', () => {
  test('a complete report parses unchanged', () => {
    const report = sampleReport();
    expect(parseReport(report)).toEqual({ ok: true, report });
  });

  test('the source link is normalized: lowercase host, no credentials, no fragment', () => {
    const result = parseReport(
      sampleReport({
        sourceUrl: ' HTTPS://reader:secret@WWW.Dawn.COM:443/news/1?page=2#comments ',
      }),
    );
    expect(result.ok && result.report.sourceUrl).toBe('https://www.dawn.com/news/1?page=2');
  });

  test.each([
    'javascript:alert(1)',
    'ftp://example.com/file',
    'data:text/html,hi',
    'not a link',
    '',
  ])('a source link %j is refused at the field', (sourceUrl) => {
    expect(fieldsOf(sampleReport({ sourceUrl }))).toEqual(['sourceUrl']);
  });

  test('a source link longer than 2,048 characters is refused; exactly 2,048 is accepted', () => {
    const base = 'https://example.com/';
    const at = (length: number) => base + 'a'.repeat(length - base.length);
    expect(parseReport(sampleReport({ sourceUrl: at(REPORT_LIMITS.url) })).ok).toBe(true);
    expect(fieldsOf(sampleReport({ sourceUrl: at(REPORT_LIMITS.url + 1) }))).toEqual(['sourceUrl']);
  });

  test('markup in the note, title or publisher is refused at that field', () => {
    expect(errorsOf(sampleReport({ note: 'see <script>alert(1)</script>' }))).toEqual([
      { field: 'note', message: 'The note cannot contain < or >.' },
    ]);
    expect(fieldsOf(sampleReport({ title: '<b>Headline</b>' }))).toEqual(['title']);
    expect(fieldsOf(sampleReport({ publisher: 'Dawn>' }))).toEqual(['publisher']);
  });

  test('a note of 1,000 characters is accepted, 1,001 is refused; line breaks are fine', () => {
    expect(parseReport(sampleReport({ note: `${'a'.repeat(997)}\n\n` + 'b' })).ok).toBe(true);
    expect(fieldsOf(sampleReport({ note: 'a'.repeat(1001) }))).toEqual(['note']);
  });

  test('a terminal escape sequence in a title is refused', () => {
    expect(fieldsOf(sampleReport({ title: 'Headline \u001b[2J' }))).toEqual(['title']);
  });

  test.each(['2018-02-30', '2018-13-01', '19-04-2018', '2018-4-19'])(
    'date %j is refused',
    (date) => {
      expect(fieldsOf(sampleReport({ date }))).toEqual(['date']);
    },
  );

  test('a leap day is a real date', () => {
    expect(parseReport(sampleReport({ date: '2020-02-29' })).ok).toBe(true);
  });

  test('ids that are not dataset ids, and a report id that is not a UUID v4, are refused', () => {
    expect(fieldsOf(sampleReport({ caseId: 'Shafi Zafar' }))).toEqual(['caseId']);
    expect(fieldsOf(sampleReport({ eventId: 'a'.repeat(121) }))).toEqual(['eventId']);
    expect(fieldsOf(sampleReport({ id: '3b241101-e2bb-1255-8caf-000000000001' }))).toEqual(['id']);
  });

  test('missing and unknown fields are named', () => {
    const { caseId: _caseId, ...withoutCase } = sampleReport();
    expect(errorsOf({ ...withoutCase, cookie: 'x' })).toEqual([
      { field: 'caseId', message: 'This field is required.' },
      { field: 'cookie', message: 'This is not a field of a report.' },
    ]);
  });

  test('something that is not an object is refused as a whole', () => {
    expect(errorsOf('report')).toEqual([{ field: '', message: 'A report must be a JSON object.' }]);
  });
});

describe('createReport', () => {
  const form = {
    kind: 'missing-event',
    caseId: 'shafi-zafar',
    eventId: '',
    sourceUrl: 'https://www.dawn.com/news/1#top',
    publisher: '  ',
    note: '',
    pageUrl: '',
    datasetVersion: 3,
  };
  const stamp = { id: '3b241101-e2bb-4255-8caf-4136c566a962', now: Date.UTC(2026, 10, 30) };

  test('blank optional fields are left out and the report is stamped and normalized', () => {
    expect(createReport(form, stamp)).toEqual({
      ok: true,
      report: {
        id: stamp.id,
        kind: 'missing-event',
        caseId: 'shafi-zafar',
        sourceUrl: 'https://www.dawn.com/news/1',
        createdAt: '2026-11-30T00:00:00.000Z',
        datasetVersion: 3,
      },
    });
  });

  test('the page address is in the report only when the form passes it', () => {
    const withPage = createReport({ ...form, pageUrl: 'https://x.com/someone/status/1' }, stamp);
    expect(withPage.ok && withPage.report.pageUrl).toBe('https://x.com/someone/status/1');
    const withoutPage = createReport(form, stamp);
    expect(withoutPage.ok && 'pageUrl' in withoutPage.report).toBe(false);
  });

  test('invalid input comes back as field errors, not a report', () => {
    expect(createReport({ ...form, sourceUrl: 'dawn.com/news/1' }, stamp)).toEqual({
      ok: false,
      errors: [
        {
          field: 'sourceUrl',
          message: 'The source link must be a web address starting with http:// or https://.',
        },
      ],
    });
  });
});
