/**
 * The one message protocol between content script, background, popup and options.
 *
 * Every request names its `type`; `ResponseOf<T>` ties the answer to it, so both ends are
 * checked by the compiler. The receiver validates with `parseRequest` and ignores anything
 * that does not parse: a message's shape is never trusted because its sender claims to be us.
 */
import * as v from 'valibot';
import type { CompiledIndex } from './dataset/compiled';
import type { Role } from './dataset/schema';
import type { IdentityIndex, IdentityPerson, SerializedJudgeMatchers } from './mentions/judge';
import type { FieldError, Report, ReportErrorCode, ReportKind } from './reports/schema';
import type { SessionChoices } from './session-choices';
import type { SiteMode } from './settings';
import type { RefusalCode } from './updates/verify';

const TabIdSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A dataset id (a person, a case): lowercase words joined by hyphens. */
export const DatasetIdSchema = v.pipe(
  v.string(),
  v.maxLength(120),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
);

/** The report form the full view opens with: a missing source, or a badge on the wrong person. */
export const FullViewReportSchema = v.picklist([
  'missing-source',
  'wrong-match',
] as const satisfies readonly ReportKind[]);
export type FullViewReport = v.InferOutput<typeof FullViewReportSchema>;

/**
 * A choice about a site made in a private window: its mode, or hiding (or showing again) a
 * person there. Kept for the session only (src/session-choices.ts).
 */
export const SiteChoiceSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('mode'),
    mode: v.picklist(['harassment', 'every', 'off', 'default'] as const satisfies SiteMode[]),
  }),
  v.strictObject({ kind: v.literal('person'), person: DatasetIdSchema, hidden: v.boolean() }),
]);
export type SiteChoice = v.InferOutput<typeof SiteChoiceSchema>;

const HostSchema = v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}$/));

/** The language the asking page shows dataset text in (its own UI language). */
const LanguageSchema = v.picklist(['en', 'ur']);

const RequestSchema = v.variant('type', [
  /** Content script → background: "I am running in this tab" (sent once per document). */
  v.strictObject({ type: v.literal('page/hello') }),
  /** Content script → background: the names to look for and what the badges need. */
  v.strictObject({ type: v.literal('page/get-index'), lang: LanguageSchema }),
  /**
   * Content script → background: the tracked people found in this document so far. Only ids:
   * page text and the page's address never leave the content script.
   */
  v.strictObject({
    type: v.literal('page/found'),
    people: v.pipe(v.array(DatasetIdSchema), v.maxLength(10_000)),
  }),
  /** Content script → background: what the in-page card shows for a person. */
  v.strictObject({
    type: v.literal('person/get-card'),
    person: DatasetIdSchema,
    lang: LanguageSchema,
  }),
  /**
   * Content script → background: open the extension's full view of a person; with `report`,
   * open it on the report form of that kind for the person's case (absent: no form).
   */
  v.strictObject({
    type: v.literal('person/open-full-view'),
    person: DatasetIdSchema,
    report: v.optional(FullViewReportSchema),
  }),
  /**
   * Popup → content script, only while the report form is open: the page's address, to show
   * the reader beside the box that would send it. It goes nowhere unless they tick that box.
   */
  v.strictObject({ type: v.literal('page/get-address') }),
  /** Content script or extension page in a private window → background: this session's choices. */
  v.strictObject({ type: v.literal('private/get-choices') }),
  /** The same → background: keep a choice about a site for this session, not on disk. */
  v.strictObject({ type: v.literal('private/choose'), host: HostSchema, choice: SiteChoiceSchema }),
  /** Background → content scripts in private windows: the session's choices changed. */
  v.strictObject({ type: v.literal('page/private-choices-changed') }),
  /** Popup → background: what do you know about this tab? */
  v.strictObject({ type: v.literal('tab/get-state'), tabId: TabIdSchema }),
  /** Popup, options → background: the dataset in use, whole (it is small). */
  v.strictObject({ type: v.literal('dataset/get') }),
  /**
   * Popup → background, after the reader granted the site's permission: run Footnote on the
   * tab's site from now on, and in the tab at once.
   */
  v.strictObject({ type: v.literal('site/enable'), tabId: TabIdSchema }),
  /** Options → background: the sites the reader turned Footnote on for. */
  v.strictObject({ type: v.literal('site/list') }),
  /** Options → background: stop running on a site the reader had turned Footnote on for. */
  v.strictObject({
    type: v.literal('site/disable'),
    pattern: v.pipe(v.string(), v.maxLength(300)),
  }),
  /** Options → background: where dataset updates stand. */
  v.strictObject({ type: v.literal('dataset/update-status') }),
  /** Options → background: look for a dataset update now ("Check now"). */
  v.strictObject({ type: v.literal('dataset/check-now') }),
  /**
   * Popup → background: put a report in the outbox (validated again by the background). From a
   * private window it is stored without the page address (src/background/private-window.ts).
   */
  v.strictObject({
    type: v.literal('report/add'),
    report: v.unknown(),
    privateWindow: v.optional(v.boolean()),
  }),
  /** Popup → background: the reports in the outbox and their states. */
  v.strictObject({ type: v.literal('report/list') }),
  /** Popup → background: try to send waiting reports now. */
  v.strictObject({ type: v.literal('report/send-now') }),
  v.strictObject({ type: v.literal('report/delete'), id: v.pipe(v.string(), v.maxLength(64)) }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the background knows about a tab. Never holds page text or the page's address. */
export interface TabState {
  /** The content script announced itself in this tab's current document. */
  readonly contentScriptReady: boolean;
  /** Ids of tracked people found in the tab's current document. */
  readonly peopleFound: readonly string[];
}

/** A text from the dataset in the reader's language, or in English when not translated. */
export interface LocalText {
  readonly text: string;
  /** `en` or `ur`: the language the text is in, for `lang` and for marking fallbacks. */
  readonly lang: string;
}

/**
 * What a content script needs to find and label tracked people: match names and `@handles`
 * (each with the index of its person in `people` and the rules that tell them from namesakes),
 * relevance terms, and each person's id, name and cases.
 */
export interface PageIndex extends IdentityIndex {
  readonly datasetVersion: number;
  readonly people: readonly (IdentityPerson & {
    readonly id: string;
    readonly name: LocalText;
    /** The person's roles across their cases, each once: the badge says which. */
    readonly roles: readonly Role[];
  })[];
}

/**
 * The badge's accessible name for each role it shows, in the reader's language, split where
 * the person's name goes. Sent with the page index, translated once in the background: a
 * content script's first message lookup is a synchronous round trip to the browser (2–3 ms in
 * Chromium), which fell inside the page's scan.
 */
export type BadgeLabels = Readonly<Record<BadgeRole, readonly string[]>>;

/** What a content script starts from: the page index, ready to use. */
export interface PageStart extends PageIndex {
  readonly badgeLabels: BadgeLabels;
  /** The judge's matchers for this index, built once by the background (see JudgeMatchers). */
  readonly matchers: SerializedJudgeMatchers;
}

/** A person's roles across their cases, as the badge shows them. */
export type BadgeRole = Role | 'both';

export interface CardSource {
  readonly publisher: string;
  readonly title: string;
  readonly date?: string;
  readonly url: string;
}

/** What the in-page card shows for one person. */
export interface PersonCard {
  readonly id: string;
  readonly name: LocalText;
  readonly descriptor: LocalText;
  readonly cases: readonly {
    readonly id: string;
    /** The person's role in the case: a complainant's card must not read like an accused's. */
    readonly role: Role;
    readonly title: LocalText;
    readonly status: LocalText;
    readonly statusAsOf: string;
    readonly summary: LocalText;
    readonly sources: readonly CardSource[];
    readonly lastReviewed: string;
    /** How the review was made: against stored copies of the sources, or a live check. */
    readonly reviewMethod: 'stored-copies' | 'live-check';
    /** The date of the newest report found at that review. */
    readonly newestSourceFound: string;
  }[];
}

/**
 * An error that crosses a layer (background to page, server to extension): a stable code and
 * what its wording needs, e.g. `{ code: 'too-long', params: { max: '200' } }`. The page shows
 * it in the reader's language (src/ui/error-text.ts); nothing sends sentences across.
 */
export interface CodedError<Code extends string> {
  readonly code: Code;
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * Why no dataset is available: its file could not be read, it did not validate, or (in a page)
 * the background did not answer.
 */
export const DATASET_ERROR_CODES = ['unreadable', 'invalid', 'no-answer'] as const;
export type DatasetError = CodedError<(typeof DATASET_ERROR_CODES)[number]>;

/** Why the background could not answer from the dataset. */
export interface DatasetUnavailable {
  readonly error: DatasetError;
}

/** The dataset in use, for the extension's own pages. */
export interface DatasetAnswer {
  readonly index: CompiledIndex;
}

/** Why an attempt to send a report failed; it is tried again later. `server-status`: `{ status }`. */
export const SEND_FAILURE_CODES = ['unreachable', 'server-status'] as const;
export type SendFailure = CodedError<(typeof SEND_FAILURE_CODES)[number]>;

/**
 * Why the report server refused a report for good: the schema's own codes when the server
 * names them, otherwise what its HTTP status says (409, 413, any other 400).
 */
export const SERVER_REFUSAL_CODES = ['duplicate-id', 'too-large', 'not-accepted'] as const;
export type SendRefusal = CodedError<ReportErrorCode | (typeof SERVER_REFUSAL_CODES)[number]>;

/** A report in the outbox, and where its delivery stands. */
export type OutboxState =
  | {
      readonly kind: 'waiting';
      /** Attempts made so far; not counted while no endpoint is configured. */
      readonly attempts: number;
      readonly nextAttemptAt: number;
      readonly lastError?: SendFailure;
    }
  | { readonly kind: 'sent'; readonly sentAt: number }
  | {
      readonly kind: 'refused';
      readonly refusedAt: number;
      /** The HTTP status the endpoint refused with. */
      readonly status: number;
      /** Why, one entry per problem the server named (at least one). */
      readonly reasons: readonly SendRefusal[];
    };

export interface OutboxEntry {
  readonly report: Report;
  readonly state: OutboxState;
}

/** Why a release could not be fetched (a refused release has its own codes, RefusalCode). */
export const FETCH_FAILURE_CODES = [
  'not-configured',
  'bad-url',
  'not-https',
  'unreachable',
  'timeout',
  'http-error',
  'storage-failed',
] as const;

/** Why a check failed: a refused release, or a reason the release could not be fetched. */
export type UpdateFailureCode = RefusalCode | (typeof FETCH_FAILURE_CODES)[number];

/**
 * `http-error` has `{ status }`. `message` is the same in English with the details, for logs
 * and the publisher's tools; pages word the code instead.
 */
export interface UpdateFailure extends CodedError<UpdateFailureCode> {
  readonly message: string;
}

export type DatasetSource = 'bundled' | 'update';

export interface UpdateStatus {
  /** The dataset lookups use; absent only when neither the bundled one nor an update is usable. */
  readonly inUse?: {
    readonly datasetVersion: number;
    readonly published: string;
    readonly source: DatasetSource;
  };
  /** Epoch ms of the last check, whatever its outcome. */
  readonly lastCheckedAt?: number;
  /** Why the last check failed; absent when it succeeded (updated or already up to date). */
  readonly lastFailure?: UpdateFailure;
}

export interface OutboxView {
  readonly entries: readonly OutboxEntry[];
  /** False while no report endpoint is set in the options: reports wait until one is. */
  readonly endpointConfigured: boolean;
}

interface Responses {
  'page/hello': { readonly tabId: number };
  'page/get-index': PageStart | DatasetUnavailable;
  'page/found': { readonly count: number };
  'person/get-card': PersonCard | DatasetUnavailable | null;
  'person/open-full-view': null;
  'page/get-address': { readonly url: string } | null;
  'private/get-choices': SessionChoices;
  'private/choose': SessionChoices;
  'page/private-choices-changed': null;
  'tab/get-state': TabState | null;
  'dataset/get': DatasetAnswer | DatasetUnavailable;
  'site/enable': { readonly ok: boolean };
  'site/list': readonly string[];
  'site/disable': readonly string[];
  'dataset/update-status': UpdateStatus;
  'dataset/check-now': UpdateStatus;
  'report/add':
    { readonly ok: true } | { readonly ok: false; readonly errors: readonly FieldError[] };
  'report/list': OutboxView;
  'report/send-now': OutboxView;
  'report/delete': OutboxView;
}

export type ResponseOf<T extends RequestType> = Responses[T];

/** Returns the request if `value` is a well-formed Footnote request, otherwise `undefined`. */
export function parseRequest(value: unknown): Request | undefined {
  const result = v.safeParse(RequestSchema, value);
  return result.success ? result.output : undefined;
}

export function isDatasetUnavailable(value: object | null): value is DatasetUnavailable {
  return value !== null && 'error' in value;
}

interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends a request to the background and types its answer by the request's `type`. */
export async function sendRequest<T extends RequestType>(
  runtime: MessageSender,
  request: RequestOf<T>,
): Promise<ResponseOf<T>> {
  return (await runtime.sendMessage(request)) as ResponseOf<T>;
}
