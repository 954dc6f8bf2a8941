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

const httpUrl = (what: string) =>
  v.pipe(
    v.string(`${what} must be text.`),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const normalized = normalizeHttpUrl(dataset.value);
      if (normalized === undefined) {
        addIssue({ message: `${what} must be a web address starting with http:// or https://.` });
        return NEVER;
      }
      return normalized;
    }),
    // Checked after normalizing: the stored form is what has to fit.
    v.maxLength(
      REPORT_LIMITS.url,
      `${what} is too long (at most ${REPORT_LIMITS.url} characters).`,
    ),
  );

const datasetId = (what: string) =>
  v.pipe(
    v.string(`${what} must be text.`),
    v.maxLength(REPORT_LIMITS.id, `${what} is too long.`),
    v.regex(DATASET_ID, `${what} is not a Footnote id (lowercase words joined by hyphens).`),
  );

const plainLine = (what: string, max: number) =>
  v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.nonEmpty(`${what} is empty; leave it out instead.`),
    v.maxLength(max, `${what} is too long (at most ${max} characters).`),
    v.check((text) => !MARKUP.test(text), `${what} cannot contain < or >.`),
    v.check((text) => !CONTROL.test(text), `${what} must be a single line of text.`),
  );

const reportId = v.pipe(
  v.string('The report id must be text.'),
  v.regex(UUID_V4, 'The report id is not a UUID v4.'),
);

/**
 * What every kind of report has besides what it is about; listed last, so a stored report reads
 * from what it is about to when it was made.
 */
const noteText = v.pipe(
  v.string('The note must be text.'),
  v.trim(),
  v.nonEmpty('The note is empty; leave it out instead.'),
  v.maxLength(
    REPORT_LIMITS.note,
    `The note is too long (at most ${REPORT_LIMITS.note} characters).`,
  ),
  v.check((text) => !MARKUP.test(text), 'The note cannot contain < or >.'),
  v.check(
    (text) => !CONTROL_EXCEPT_LINE_BREAKS.test(text),
    'The note contains characters that are not text.',
  ),
);

const sharedFields = {
  note: v.optional(noteText),
  /** The address of the page the reader was on; present only if they ticked the box for it. */
  pageUrl: v.optional(httpUrl('The page address')),
  createdAt: v.pipe(
    v.string('The creation time must be text.'),
    v.check(isIsoTimestamp, 'The creation time is not an ISO timestamp.'),
  ),
  datasetVersion: v.pipe(
    v.number('The dataset version must be a number.'),
    v.safeInteger('The dataset version must be a whole number.'),
    v.minValue(0, 'The dataset version cannot be negative.'),
  ),
};

/** Something the record lacks: it rests on a source the reader links to. */
const SourcedReportSchema = v.strictObject({
  id: reportId,
  kind: v.picklist(SOURCED_REPORT_KINDS),
  caseId: datasetId('The case'),
  eventId: v.optional(datasetId('The event')),
  sourceUrl: httpUrl('The source link'),
  publisher: v.optional(plainLine('The publisher', REPORT_LIMITS.publisher)),
  title: v.optional(plainLine('The title', REPORT_LIMITS.title)),
  date: v.optional(
    v.pipe(
      v.string('The date must be text.'),
      v.check(isCalendarDate, 'The date must be a real date written YYYY-MM-DD.'),
    ),
  ),
  ...sharedFields,
});

/**
 * A badge beside the wrong person: which tracked person it named and the case it pointed to.
 * No source: what the reader saw is the evidence, and it is sent only if they tick the box.
 */
const WrongMatchReportSchema = v.strictObject({
  id: reportId,
  kind: v.literal('wrong-match'),
  caseId: datasetId('The case'),
  personId: datasetId('The person'),
  ...sharedFields,
});

/**
 * A person named in the record, or someone speaking for them, disputes an entry: the note says
 * what is wrong (required); a link to their public statement or a document is optional.
 */
const CorrectionReportSchema = v.strictObject({
  id: reportId,
  kind: v.literal(CORRECTION_KIND),
  caseId: datasetId('The case'),
  personId: datasetId('The person'),
  eventId: v.optional(datasetId('The event')),
  sourceUrl: v.optional(httpUrl('The source link')),
  ...sharedFields,
  note: noteText,
});

const REPORT_SCHEMAS = [
  CorrectionReportSchema,
  SourcedReportSchema,
  WrongMatchReportSchema,
] as const;

export const ReportSchema = v.variant(
  'kind',
  REPORT_SCHEMAS,
  'Choose what to report: a correction from a person named, a missing source, a missing event, something out of date, or a badge on the wrong person.',
);

export type Report = v.InferOutput<typeof ReportSchema>;
export type SourcedReport = v.InferOutput<typeof SourcedReportSchema>;
export type WrongMatchReport = v.InferOutput<typeof WrongMatchReportSchema>;
export type CorrectionReport = v.InferOutput<typeof CorrectionReportSchema>;

/** One problem with one field; `field` is `''` when the report as a whole is not an object. */
export interface FieldError {
  readonly field: string;
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
      message:
        'This field holds invisible formatting (text-direction controls, line separators) or broken characters; remove them.',
    }));
}

/** Validates and normalizes a report; on failure, the first problem with each field. */
export function parseReport(json: unknown): ParseReportResult {
  // Refused before anything else: such text is never what a reader meant to send.
  const deceptive = deceptiveTextErrors(json);
  if (deceptive.length > 0) return { ok: false, errors: deceptive };
  const result = v.safeParse(ReportSchema, json);
  if (result.success) return { ok: true, report: result.output };
  const errors = new Map<string, string>();
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) ?? '';
    if (!errors.has(field)) errors.set(field, messageOf(issue, field));
  }
  return { ok: false, errors: [...errors].map(([field, message]) => ({ field, message })) };
}

function messageOf(issue: v.BaseIssue<unknown>, field: string): string {
  if (field === '') return 'A report must be a JSON object.';
  // valibot reports a missing and an unexpected key of a strict object with its own wording.
  if (issue.type === 'strict_object') {
    if (issue.expected !== 'never') return 'This field is required.';
    return REPORT_SCHEMAS.some((schema) => field in schema.entries)
      ? 'This field is not part of this kind of report.'
      : 'This is not a field of a report.';
  }
  return issue.message;
}

/**
 * What the report form collects; empty optional text counts as not given. The form leaves out
 * the fields the chosen kind has no place for (a wrong match has no source, a source no person;
 * a correction names the person, and its source is optional).
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
