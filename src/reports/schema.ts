/**
 * A reader's report of a missing source, a missing event, something out of date, or a badge on
 * the wrong person, or a correction from a person named in the record: the one schema the popup form, the background outbox and the intake server
 * all validate with. The kind decides the fields (a source for the first three, the person for
 * a wrong match), so each field's problem is named at that field whatever the kind.
 *
 * Pure: no browser or Node APIs, so the extension and the server import this same file.
 * Text from a report is never HTML anywhere; refusing `<` and `>` here keeps markup from ever
 * reaching a curator's screen or the dataset as well.
 */
import * as v from 'valibot';
import { parseHttpUrl } from '../http-url';

/** Kinds that propose a source for the record. */
export const SOURCED_REPORT_KINDS = ['missing-source', 'missing-event', 'out-of-date'] as const;
/** Listed first: a person named in the record disputing an entry (their right of reply). */
export const CORRECTION_KIND = 'correction';
export const REPORT_KINDS = [CORRECTION_KIND, ...SOURCED_REPORT_KINDS, 'wrong-match'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Length limits in characters. */
export const REPORT_LIMITS = {
  url: 2048,
  id: 120,
  publisher: 200,
  title: 200,
  note: 1000,
} as const;

// Lowercase hex only: the id is the idempotency key, so one report has exactly one spelling.
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATASET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Exactly what Date.prototype.toISOString writes.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MARKUP = /[<>]/;
// Control characters (a terminal escape among them); a note may still hold line breaks and tabs.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\t\n\r])\p{Cc}/u;

/**
 * The URL as it will be stored: http(s) only, host lowercased (by the URL parser), credentials
 * removed (a pasted link must not carry someone's password to a curator), fragment dropped.
 * Returns `undefined` when the text is not an http(s) URL.
 */
export function normalizeHttpUrl(text: string): string | undefined {
  const url = parseHttpUrl(text);
  if (url === undefined) return undefined;
  url.hash = '';
  return url.href;
}

function isCalendarDate(text: string): boolean {
  const m = FULL_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isIsoTimestamp(text: string): boolean {
  return ISO_TIMESTAMP.test(text) && new Date(text).toISOString() === text;
}

/**
 * Why a report, or one of its fields, is refused. The code (with its parameters) is what
 * crosses layers: the extension words it in the reader's language, and the English wording
 * below is derived from it for the intake service's answer and the curators' tools.
 */
export const REPORT_ERROR_CODES = [
  'not-object',
  'required',
  'not-in-kind',
  'unknown-field',
  'unknown-kind',
  'not-text',
  'not-web-address',
  'too-long',
  'empty',
  'markup',
  'not-single-line',
  'not-plain-text',
  'hidden-formatting',
  'not-id',
  'not-uuid',
  'not-date',
  'not-timestamp',
  'not-number',
  'not-whole-number',
  'negative',
  'invalid',
] as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

// The schema's actions carry their code as valibot's message; `errorOf` reads it back.
const code = (name: ReportErrorCode) => name;

const httpUrl = v.pipe(
  v.string(code('not-text')),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const normalized = normalizeHttpUrl(dataset.value);
    if (normalized === undefined) {
      addIssue({ message: code('not-web-address') });
      return NEVER;
    }
    return normalized;
  }),
  // Checked after normalizing: the stored form is what has to fit.
  v.maxLength(REPORT_LIMITS.url, code('too-long')),
);

const datasetId = v.pipe(
  v.string(code('not-text')),
  v.maxLength(REPORT_LIMITS.id, code('too-long')),
  v.regex(DATASET_ID, code('not-id')),
);

const plainLine = (max: number) =>
  v.pipe(
    v.string(code('not-text')),
    v.trim(),
    v.nonEmpty(code('empty')),
    v.maxLength(max, code('too-long')),
    v.check((text) => !MARKUP.test(text), code('markup')),
    v.check((text) => !CONTROL.test(text), code('not-single-line')),
  );

const reportId = v.pipe(v.string(code('not-text')), v.regex(UUID_V4, code('not-uuid')));

/**
 * What every kind of report has besides what it is about; listed last, so a stored report reads
 * from what it is about to when it was made.
 */
const noteText = v.pipe(
  v.string(code('not-text')),
  v.trim(),
  v.nonEmpty(code('empty')),
  v.maxLength(REPORT_LIMITS.note, code('too-long')),
  v.check((text) => !MARKUP.test(text), code('markup')),
  v.check((text) => !CONTROL_EXCEPT_LINE_BREAKS.test(text), code('not-plain-text')),
);

const sharedFields = {
  note: v.optional(noteText),
  /** The address of the page the reader was on; present only if they ticked the box for it. */
  pageUrl: v.optional(httpUrl),
  createdAt: v.pipe(v.string(code('not-text')), v.check(isIsoTimestamp, code('not-timestamp'))),
  datasetVersion: v.pipe(
    v.number(code('not-number')),
    v.safeInteger(code('not-whole-number')),
    v.minValue(0, code('negative')),
  ),
};

/** Something the record lacks: it rests on a source the reader links to. */
const SourcedReportSchema = v.strictObject({
  id: reportId,
  kind: v.picklist(SOURCED_REPORT_KINDS),
  caseId: datasetId,
  eventId: v.optional(datasetId),
  sourceUrl: httpUrl,
  publisher: v.optional(plainLine(REPORT_LIMITS.publisher)),
  title: v.optional(plainLine(REPORT_LIMITS.title)),
  date: v.optional(v.pipe(v.string(code('not-text')), v.check(isCalendarDate, code('not-date')))),
  ...sharedFields,
});

/**
 * A badge beside the wrong person: which tracked person it named and the case it pointed to.
 * No source: what the reader saw is the evidence, and it is sent only if they tick the box.
 */
const WrongMatchReportSchema = v.strictObject({
  id: reportId,
  kind: v.literal('wrong-match'),
  caseId: datasetId,
  personId: datasetId,
  ...sharedFields,
});

/**
 * A person named in the record, or someone speaking for them, disputes an entry: the note says
 * what is wrong (required); a link to their public statement or a document is optional.
 */
const CorrectionReportSchema = v.strictObject({
  id: reportId,
  kind: v.literal(CORRECTION_KIND),
  caseId: datasetId,
  personId: datasetId,
  eventId: v.optional(datasetId),
  sourceUrl: v.optional(httpUrl),
  ...sharedFields,
  note: noteText,
});

const REPORT_SCHEMAS = [
  CorrectionReportSchema,
  SourcedReportSchema,
  WrongMatchReportSchema,
] as const;

export const ReportSchema = v.variant('kind', REPORT_SCHEMAS, code('unknown-kind'));

export type Report = v.InferOutput<typeof ReportSchema>;
export type SourcedReport = v.InferOutput<typeof SourcedReportSchema>;
export type WrongMatchReport = v.InferOutput<typeof WrongMatchReportSchema>;
export type CorrectionReport = v.InferOutput<typeof CorrectionReportSchema>;

/** One problem with one field; `field` is `''` when the report as a whole is not an object. */
export interface FieldError {
  readonly field: string;
  readonly code: ReportErrorCode;
  /** What the wording needs besides the code: `{ max }` for `too-long`. */
  readonly params?: Readonly<Record<string, string>>;
  /** The problem in English, from the code (the intake service's answer, curators' tools). */
  readonly message: string;
}

export type ParseReportResult =
  | { readonly ok: true; readonly report: Report }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Characters that change how the text around them is shown, never what it says: bidi controls
 * (U+202E makes "invoice\u202Egpj.exe" print as "invoiceexe.jpg"), line and paragraph separators
 * (a one-line title that breaks), and lone surrogates (half a character, shown as garbage). The
 * zero-width non-joiner (U+200C) is not among them: Urdu spelling needs it.
 */
export const DECEPTIVE_TEXT = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\p{Cs}]/u;

/** The report's text fields that hold a character of DECEPTIVE_TEXT, with the problem. */
export function deceptiveTextErrors(json: unknown): FieldError[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  return Object.entries(json)
    .filter(([, value]) => typeof value === 'string' && DECEPTIVE_TEXT.test(value))
    .map(([field]) => ({
      field,
      code: 'hidden-formatting',
      message: englishMessage(field, 'hidden-formatting', undefined),
    }));
}

/** Validates and normalizes a report; on failure, the first problem with each field. */
export function parseReport(json: unknown): ParseReportResult {
  // Refused before anything else: such text is never what a reader meant to send.
  const deceptive = deceptiveTextErrors(json);
  if (deceptive.length > 0) return { ok: false, errors: deceptive };
  return parseStoredReport(json);
}

/**
 * The schema alone, for reports already stored: one accepted before a rule of `parseReport`
 * existed stays readable (the curator tool prints hidden characters escaped), never lost.
 */
export function parseStoredReport(json: unknown): ParseReportResult {
  const result = v.safeParse(ReportSchema, json);
  if (result.success) return { ok: true, report: result.output };
  const errors = new Map<string, FieldError>();
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) ?? '';
    if (!errors.has(field)) errors.set(field, errorOf(issue, field));
  }
  return { ok: false, errors: [...errors.values()] };
}

export function isReportErrorCode(value: unknown): value is ReportErrorCode {
  return (REPORT_ERROR_CODES as readonly unknown[]).includes(value);
}

function errorOf(issue: v.BaseIssue<unknown>, field: string): FieldError {
  const problem = codeOf(issue, field);
  const params = problem === 'too-long' ? { max: String(issue.requirement) } : undefined;
  return {
    field,
    code: problem,
    ...(params && { params }),
    message: englishMessage(field, problem, params),
  };
}

function codeOf(issue: v.BaseIssue<unknown>, field: string): ReportErrorCode {
  if (field === '') return 'not-object';
  // valibot reports a missing and an unexpected key of a strict object with its own wording.
  if (issue.type === 'strict_object') {
    if (issue.expected !== 'never') return 'required';
    return REPORT_SCHEMAS.some((schema) => field in schema.entries)
      ? 'not-in-kind'
      : 'unknown-field';
  }
  return isReportErrorCode(issue.message) ? issue.message : 'invalid';
}

/** How each field is named in an English message. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  id: 'The report id',
  kind: 'The kind',
  caseId: 'The case',
  eventId: 'The event',
  personId: 'The person',
  sourceUrl: 'The source link',
  publisher: 'The publisher',
  title: 'The title',
  date: 'The date',
  note: 'The note',
  pageUrl: 'The page address',
  createdAt: 'The creation time',
  datasetVersion: 'The dataset version',
};

const ENGLISH: Record<ReportErrorCode, (what: string, max: string) => string> = {
  'not-object': () => 'A report must be a JSON object.',
  required: () => 'This field is required.',
  'not-in-kind': () => 'This field is not part of this kind of report.',
  'unknown-field': () => 'This is not a field of a report.',
  'unknown-kind': () =>
    'Choose what to report: a correction from a person named, a missing source, a missing event, something out of date, or a badge on the wrong person.',
  'not-text': (what) => `${what} must be text.`,
  'not-web-address': (what) => `${what} must be a web address starting with http:// or https://.`,
  'too-long': (what, max) => `${what} is too long (at most ${max} characters).`,
  empty: (what) => `${what} is empty; leave it out instead.`,
  markup: (what) => `${what} cannot contain < or >.`,
  'not-single-line': (what) => `${what} must be a single line of text.`,
  'not-plain-text': (what) => `${what} contains characters that are not text.`,
  'hidden-formatting': () =>
    'This field holds invisible formatting (text-direction controls, line separators) or broken characters; remove them.',
  'not-id': (what) => `${what} is not a Footnote id (lowercase words joined by hyphens).`,
  'not-uuid': (what) => `${what} is not a UUID v4.`,
  'not-date': (what) => `${what} must be a real date written YYYY-MM-DD.`,
  'not-timestamp': (what) => `${what} is not an ISO timestamp.`,
  'not-number': (what) => `${what} must be a number.`,
  'not-whole-number': (what) => `${what} must be a whole number.`,
  negative: (what) => `${what} cannot be negative.`,
  invalid: (what) => `${what} is not valid.`,
};

function englishMessage(
  field: string,
  code: ReportErrorCode,
  params: Readonly<Record<string, string>> | undefined,
): string {
  return ENGLISH[code](FIELD_NAMES[field] ?? 'This field', params?.max ?? '');
}

/**
 * What the report form collects; empty optional text counts as not given. The form leaves out
 * the fields the chosen kind has no place for (a wrong match has no source, a source no person).
 */
export interface ReportInput {
  readonly kind: string;
  readonly caseId: string;
  readonly personId?: string;
  readonly eventId?: string;
  readonly sourceUrl?: string;
  readonly publisher?: string;
  readonly title?: string;
  readonly date?: string;
  readonly note?: string;
  /** Only when the reader ticked the box that shows this exact address. */
  readonly pageUrl?: string;
  readonly datasetVersion: number;
}

/**
 * Builds a report from the form, stamped with its id (`crypto.randomUUID()` at the caller) and
 * creation time, and validates it with the same rules the server applies.
 */
export function createReport(
  input: ReportInput,
  { id, now }: { readonly id: string; readonly now: number },
): ParseReportResult {
  const optional = (text: string | undefined): string | undefined =>
    text === undefined || text.trim() === '' ? undefined : text;
  const candidate = {
    id,
    kind: input.kind,
    caseId: input.caseId,
    personId: optional(input.personId),
    eventId: optional(input.eventId),
    sourceUrl: input.sourceUrl,
    publisher: optional(input.publisher),
    title: optional(input.title),
    date: optional(input.date),
    note: optional(input.note),
    pageUrl: optional(input.pageUrl),
    createdAt: new Date(now).toISOString(),
    datasetVersion: input.datasetVersion,
  };
  // Leave absent fields out rather than `undefined`, so the report is the JSON that is sent.
  const present = Object.fromEntries(
    Object.entries(candidate).filter(([, value]) => value !== undefined),
  );
  return parseReport(present);
}
