import { describe, expect, test } from 'vitest';
import {
  createReport,
  parseReport,
  parseStoredReport,
  REPORT_LIMITS,
} from '../../../src/reports/schema';
import { sampleCorrection, sampleReport, sampleWrongMatch } from './fixtures';

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
    expect(result.ok && 'sourceUrl' in result.report && result.report.sourceUrl).toBe(
      'https://www.dawn.com/news/1?page=2',
    );
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
      { field: 'note', code: 'markup', message: 'The note cannot contain < or >.' },
    ]);
    expect(fieldsOf(sampleReport({ title: '<b>Headline</b>' }))).toEqual(['title']);
    expect(fieldsOf(sampleReport({ publisher: 'Dawn>' }))).toEqual(['publisher']);
  });

  test('a problem is a code with its parameters, worded in English from them', () => {
    expect(errorsOf(sampleReport({ title: 'a'.repeat(201) }))).toEqual([
      {
        field: 'title',
        code: 'too-long',
        params: { max: '200' },
        message: 'The title is too long (at most 200 characters).',
      },
    ]);
    expect(errorsOf(sampleReport({ date: '2018-02-30' }))).toEqual([
      {
        field: 'date',
        code: 'not-date',
        message: 'The date must be a real date written YYYY-MM-DD.',
      },
    ]);
    expect(errorsOf(sampleReport({ title: 'Headline \u001b[2J' }))[0]?.code).toBe(
      'not-single-line',
    );
    expect(errorsOf(sampleReport({ datasetVersion: -1 }))[0]?.code).toBe('negative');
  });

  test('a note of 1,000 characters is accepted, 1,001 is refused; line breaks are fine', () => {
    expect(parseReport(sampleReport({ note: `${'a'.repeat(997)}\n\n` + 'b' })).ok).toBe(true);
    expect(fieldsOf(sampleReport({ note: 'a'.repeat(1001) }))).toEqual(['note']);
  });

  test('a terminal escape sequence in a title is refused', () => {
    expect(fieldsOf(sampleReport({ title: 'Headline \u001b[2J' }))).toEqual(['title']);
  });

  test.each([
    ['a right-to-left override', 'title', 'invoice\u202Egpj.exe'],
    ['an Arabic letter mark', 'title', 'Dawn\u061C'],
    ['a left-to-right mark', 'publisher', '\u200EDawn'],
    ['a right-to-left mark', 'note', 'See\u200F the second paragraph.'],
    ['a left-to-right embedding', 'title', '\u202AHeadline\u202C'],
    ['bidi isolates', 'publisher', '\u2066Dawn\u2069 \u2067News\u2068'],
    ['a line separator', 'title', 'First line\u2028second line'],
    ['a paragraph separator', 'note', 'One\u2029Two'],
    ['a lone high surrogate', 'title', 'Headline \uD83D'],
    ['a lone low surrogate', 'publisher', '\uDE00Dawn'],
    ['a right-to-left override', 'sourceUrl', 'https://www.dawn.com/news/\u202E1'],
    ['a right-to-left override', 'pageUrl', 'https://x.com/\u202Esomeone'],
  ])('%s in the %s is refused', (_name, field, text) => {
    expect(fieldsOf(sampleReport({ [field]: text }))).toEqual([field]);
  });

  test('a report stored before that rule stays readable to curators, never lost', () => {
    const stored = sampleReport({ title: 'invoice\u202Egpj.exe' });
    expect(errorsOf(stored).map((error) => error.code)).toEqual(['hidden-formatting']);
    expect(parseStoredReport(stored)).toEqual({ ok: true, report: stored });
  });

  test('an Urdu title with zero-width non-joiners is accepted, and so are emoji', () => {
    const report = sampleReport({
      title: 'علی ظفر کیس میں ایک دل\u200Cچسپ موڑ',
      note: 'ہائی\u200Cکورٹ نے فیصلہ سنا دیا 👍',
    });
    expect(parseReport(report)).toEqual({ ok: true, report });
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
      { field: 'caseId', code: 'required', message: 'This field is required.' },
      { field: 'cookie', code: 'unknown-field', message: 'This is not a field of a report.' },
    ]);
  });

  test('something that is not an object is refused as a whole', () => {
    expect(errorsOf('report')).toEqual([
      { field: '', code: 'not-object', message: 'A report must be a JSON object.' },
    ]);
  });

  test('a missing or unknown kind is refused at the kind', () => {
    const { kind: _kind, ...withoutKind } = sampleReport();
    expect(fieldsOf(withoutKind)).toEqual(['kind']);
    expect(errorsOf(sampleReport({ kind: 'gossip' as 'missing-source' }))).toEqual([
      {
        field: 'kind',
        code: 'unknown-kind',
        message:
          'Choose what to report: a correction from a person named, a missing source, a missing event, something out of date, or a badge on the wrong person.',
      },
    ]);
  });

  test('every kind that proposes a source still needs its link', () => {
    for (const kind of ['missing-source', 'missing-event', 'out-of-date'] as const) {
      const { sourceUrl: _sourceUrl, ...withoutSource } = sampleReport({ kind });
      expect(errorsOf(withoutSource)).toEqual([
        { field: 'sourceUrl', code: 'required', message: 'This field is required.' },
      ]);
    }
  });

  test('a person belongs only to reports about one (a wrong match, a correction)', () => {
    expect(errorsOf(sampleReport({ personId: 'ali-zafar' } as object))).toEqual([
      {
        field: 'personId',
        code: 'not-in-kind',
        message: 'This field is not part of this kind of report.',
      },
    ]);
  });
});

describe('a correction ("I am named in this record, or speak for someone who is")', () => {
  test('names the case and the person; the event and a link to a statement are optional', () => {
    const report = sampleCorrection();
    expect(parseReport(report)).toEqual({ ok: true, report });
    const { eventId: _eventId, sourceUrl: _sourceUrl, ...bare } = sampleCorrection();
    expect(parseReport(bare)).toEqual({ ok: true, report: bare });
  });

  test('needs the note: what is disputed', () => {
    const { note: _note, ...withoutNote } = sampleCorrection();
    expect(errorsOf(withoutNote)).toEqual([
      { field: 'note', code: 'required', message: 'This field is required.' },
    ]);
    expect(fieldsOf(sampleCorrection({ note: '   ' }))).toEqual(['note']);
  });

  test('needs the person, and carries no source details beyond the link', () => {
    const { personId: _personId, ...withoutPerson } = sampleCorrection();
    expect(fieldsOf(withoutPerson)).toEqual(['personId']);
    expect(errorsOf({ ...sampleCorrection(), publisher: 'Dawn' })).toEqual([
      {
        field: 'publisher',
        code: 'not-in-kind',
        message: 'This field is not part of this kind of report.',
      },
    ]);
  });
});

describe('a wrong-match report ("this badge is on the wrong person")', () => {
  test('names the person and the case, and needs no source', () => {
    const report = sampleWrongMatch();
    expect(parseReport(report)).toEqual({ ok: true, report });
  });

  test('needs the person, as a dataset id', () => {
    const { personId: _personId, ...withoutPerson } = sampleWrongMatch();
    expect(errorsOf(withoutPerson)).toEqual([
      { field: 'personId', code: 'required', message: 'This field is required.' },
    ]);
    expect(fieldsOf(sampleWrongMatch({ personId: 'Ali Zafar' }))).toEqual(['personId']);
    expect(fieldsOf(sampleWrongMatch({ personId: 'a'.repeat(121) }))).toEqual(['personId']);
  });

  test('still needs the case the badge pointed to', () => {
    const { caseId: _caseId, ...withoutCase } = sampleWrongMatch();
    expect(fieldsOf(withoutCase)).toEqual(['caseId']);
  });

  test.each([
    ['sourceUrl', 'https://www.dawn.com/news/1'],
    ['eventId', 'shafi-allegation'],
    ['publisher', 'Dawn'],
    ['title', 'A title'],
    ['date', '2018-04-19'],
  ])('carries no %s: that is for reports that propose a source', (field, value) => {
    expect(errorsOf({ ...sampleWrongMatch(), [field]: value })).toEqual([
      { field, code: 'not-in-kind', message: 'This field is not part of this kind of report.' },
    ]);
  });

  test('the page address is optional and normalized like any address; the note is checked', () => {
    const result = parseReport(
      sampleWrongMatch({ pageUrl: 'https://user:pw@X.com/someone/status/1#reply' }),
    );
    expect(result.ok && result.report.pageUrl).toBe('https://x.com/someone/status/1');
    expect(fieldsOf(sampleWrongMatch({ pageUrl: 'javascript:alert(1)' }))).toEqual(['pageUrl']);
    expect(fieldsOf(sampleWrongMatch({ note: 'see <b>this</b>' }))).toEqual(['note']);
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

  test('a wrong match from the form: the person, the case, and nothing about sources', () => {
    expect(
      createReport(
        {
          kind: 'wrong-match',
          caseId: 'shafi-zafar',
          personId: 'ali-zafar',
          note: '',
          pageUrl: '',
          datasetVersion: 3,
        },
        stamp,
      ),
    ).toEqual({
      ok: true,
      report: {
        id: stamp.id,
        kind: 'wrong-match',
        caseId: 'shafi-zafar',
        personId: 'ali-zafar',
        createdAt: '2026-11-30T00:00:00.000Z',
        datasetVersion: 3,
      },
    });
  });

  test('invalid input comes back as field errors, not a report', () => {
    expect(createReport({ ...form, sourceUrl: 'dawn.com/news/1' }, stamp)).toEqual({
      ok: false,
      errors: [
        {
          field: 'sourceUrl',
          code: 'not-web-address',
          message: 'The source link must be a web address starting with http:// or https://.',
        },
      ],
    });
  });
});
