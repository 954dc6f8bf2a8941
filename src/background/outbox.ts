/**
 * The report outbox. A report is written to `storage.local` before anything is sent, so it
 * survives the service worker being stopped and the browser restarting; it is then sent to the
 * configured endpoint and retried with backoff until the endpoint accepts or refuses it. The
 * report's id is the server's idempotency key, so a retry after a lost answer never creates a
 * second report.
 *
 * Browser APIs come in at the constructor (storage area, fetch, clock, alarm), so the outbox is
 * tested in Node and a new instance over the same storage is what a restarted worker sees.
 */
import * as v from 'valibot';
import type { Alarms, Storage } from 'webextension-polyfill';
import {
  SEND_FAILURE_CODES,
  SERVER_REFUSAL_CODES,
  type OutboxEntry,
  type OutboxState,
  type SendFailure,
  type SendRefusal,
} from '../messages';
import {
  isReportErrorCode,
  normalizeHttpUrl,
  parseReport,
  parseStoredReport,
  REPORT_ERROR_CODES,
  type Report,
} from '../reports/schema';

export const OUTBOX_KEY = 'reportOutbox';
/** Stored values the outbox could not read, kept (never overwritten) so no report is lost. */
export const UNREADABLE_KEY = 'reportOutbox.unreadable';
export const OUTBOX_ALARM = 'report-outbox';

const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;
// A hung request would hold up every later report: flushes run one at a time.
const REQUEST_TIMEOUT_MS = 30_000;
// A server's answer is not trusted to be small: this many reasons, parameters this long.
const MAX_REASONS = 20;
const MAX_PARAM_CHARS = 100;

/** The part of `fetch` the outbox uses; the global `fetch` fits. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    credentials: 'omit';
    signal: AbortSignal;
  },
) => Promise<{ readonly status: number; text(): Promise<string> }>;

export interface RetryScheduler {
  /** Wake the outbox at `whenMs` (epoch ms) to flush again; replaces any earlier request. */
  schedule(whenMs: number): Promise<void>;
}

export interface OutboxDeps {
  readonly area: Storage.StorageArea;
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly scheduler: RetryScheduler;
  /** In [0, 1); spreads retries so many readers do not return to a recovered server at once. */
  readonly random?: () => number;
}

/** Wakes the worker with one named alarm; the background's onAlarm listener calls `flush`. */
export function alarmScheduler(alarms: Pick<Alarms.Static, 'create'>): RetryScheduler {
  return { schedule: (whenMs) => alarms.create(OUTBOX_ALARM, { when: whenMs }) };
}

/** Delay before the next attempt after `attempts` failed ones: doubling, capped, jittered. */
export function retryDelayMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  // Half fixed, half random: never sooner than half the ceiling.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const ParamsSchema = v.optional(
  v.record(v.string(), v.pipe(v.string(), v.maxLength(MAX_PARAM_CHARS))),
);

const StateSchema = v.variant('kind', [
  v.object({
    kind: v.literal('waiting'),
    attempts: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    nextAttemptAt: v.number(),
    lastError: v.optional(v.object({ code: v.picklist(SEND_FAILURE_CODES), params: ParamsSchema })),
  }),
  v.object({ kind: v.literal('sent'), sentAt: v.number() }),
  v.object({
    kind: v.literal('refused'),
    refusedAt: v.number(),
    status: v.number(),
    reasons: v.pipe(
      v.array(
        v.object({
          code: v.picklist([...REPORT_ERROR_CODES, ...SERVER_REFUSAL_CODES]),
          params: ParamsSchema,
        }),
      ),
      v.minLength(1),
    ),
  }),
]);

/** The intake service's refusal: `{ errors: [{ field, code?, params?, message }] }`. */
const RefusalBodySchema = v.object({
  errors: v.array(v.object({ code: v.optional(v.string()), params: ParamsSchema })),
});

type Outcome =
  | { readonly kind: 'accepted' }
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly reasons: readonly SendRefusal[];
    }
  | { readonly kind: 'failed'; readonly error: SendFailure };

interface StoredOutbox {
  readonly entries: OutboxEntry[];
  /** Raw stored values that did not parse; moved aside before the next write. */
  readonly unreadable: unknown[];
}

export class Outbox {
  // Storage changes run one after another, so a report added while a flush is waiting on the
  // network is not overwritten by the flush writing back what it read before.
  private writes: Promise<unknown> = Promise.resolve();
  private flushes: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OutboxDeps) {}

  /** Every report, oldest first. */
  async list(): Promise<OutboxEntry[]> {
    return (await this.read()).entries;
  }

  /** Stored values that could not be read as reports, kept aside (no page shows them yet). */
  async unreadable(): Promise<unknown[]> {
    const stored: unknown = (await this.deps.area.get(UNREADABLE_KEY))[UNREADABLE_KEY];
    return Array.isArray(stored) ? stored : [];
  }

  /**
   * Stores a new report as waiting and due now, and asks for a wake-up in case the worker is
   * stopped before the caller's `flush`. Adding an id that is already stored changes nothing.
   */
  async add(report: Report): Promise<OutboxEntry> {
    const parsed = parseReport(report);
    if (!parsed.ok) throw new TypeError(`Not a valid report: ${parsed.errors[0]?.message}`);
    const now = this.deps.now();
    const entry = await this.change((entries) => {
      const existing = entries.find((e) => e.report.id === parsed.report.id);
      if (existing) return { entries, result: existing };
      const added: OutboxEntry = {
        report: parsed.report,
        state: { kind: 'waiting', attempts: 0, nextAttemptAt: now },
      };
      return { entries: [...entries, added], result: added };
    });
    await this.deps.scheduler.schedule(now);
    return entry;
  }

  /** Deletes a report from the outbox whatever its state; returns whether it was there. */
  async remove(id: string): Promise<boolean> {
    return this.change((entries) => {
      const kept = entries.filter((e) => e.report.id !== id);
      return { entries: kept, result: kept.length !== entries.length };
    });
  }

  /**
   * Sends every waiting report that is due to `endpoint` (the full intake URL). Without a
   * usable endpoint nothing is attempted and nothing is counted: the reports wait until one is
   * set, and the caller flushes again then. Calls run one after another.
   */
  flush(endpoint: string | undefined, { all = false }: { all?: boolean } = {}): Promise<void> {
    const run = this.flushes.then(() => this.flushDue(endpoint, all));
    this.flushes = run.catch(() => undefined);
    return run;
  }

  /** `all`: the reader asked to send now, so waiting reports go whether or not they are due. */
  private async flushDue(endpoint: string | undefined, all: boolean): Promise<void> {
    const target = endpoint === undefined ? undefined : normalizeHttpUrl(endpoint);
    if (target === undefined) return;
    const now = this.deps.now();
    const due = (await this.read()).entries.filter(
      (e) => e.state.kind === 'waiting' && (all || e.state.nextAttemptAt <= now),
    );
    for (const { report } of due) {
      const outcome = await this.send(target, report);
      await this.change((entries) => ({
        entries: entries.map((e) =>
          e.report.id === report.id && e.state.kind === 'waiting'
            ? { report: e.report, state: this.nextState(e.state.attempts, outcome) }
            : e,
        ),
        result: undefined,
      }));
    }
    const waiting = (await this.read()).entries.flatMap((e) =>
      e.state.kind === 'waiting' ? [e.state.nextAttemptAt] : [],
    );
    if (waiting.length > 0) {
      await this.deps.scheduler.schedule(Math.max(this.deps.now(), Math.min(...waiting)));
    }
  }

  private nextState(attempts: number, outcome: Outcome): OutboxState {
    const now = this.deps.now();
    switch (outcome.kind) {
      case 'accepted':
        return { kind: 'sent', sentAt: now };
      case 'refused':
        return {
          kind: 'refused',
          refusedAt: now,
          status: outcome.status,
          reasons: outcome.reasons,
        };
      case 'failed': {
        const made = attempts + 1;
        const delay = retryDelayMs(made, this.deps.random ?? Math.random);
        return {
          kind: 'waiting',
          attempts: made,
          nextAttemptAt: now + delay,
          lastError: outcome.error,
        };
      }
    }
  }

  private async send(endpoint: string, report: Report): Promise<Outcome> {
    // Called unbound: browsers throw "Illegal invocation" for fetch called as a method.
    const { fetch } = this.deps;
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(report),
        credentials: 'omit',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch {
      return { kind: 'failed', error: { code: 'unreachable' } };
    }
    const { status } = response;
    if (status === 200 || status === 201) return { kind: 'accepted' };
    if (status === 400 || status === 409 || status === 413) {
      return { kind: 'refused', status, reasons: await refusalReasons(response) };
    }
    // 429, 5xx and anything unexpected (a misconfigured endpoint can be fixed): try again later.
    return { kind: 'failed', error: { code: 'server-status', params: { status: String(status) } } };
  }

  private async read(): Promise<StoredOutbox> {
    const stored: unknown = (await this.deps.area.get(OUTBOX_KEY))[OUTBOX_KEY];
    if (stored === undefined) return { entries: [], unreadable: [] };
    if (!Array.isArray(stored)) return { entries: [], unreadable: [stored] };
    const entries: OutboxEntry[] = [];
    const unreadable: unknown[] = [];
    for (const raw of stored) {
      const entry = readEntry(raw, this.deps.now());
      if (entry) entries.push(entry);
      else unreadable.push(raw);
    }
    return { entries, unreadable };
  }

  private change<T>(
    edit: (entries: OutboxEntry[]) => { entries: OutboxEntry[]; result: T },
  ): Promise<T> {
    const run = this.writes.then(async () => {
      const { entries, unreadable } = await this.read();
      const { entries: next, result } = edit(entries);
      if (unreadable.length > 0) {
        // Moved aside before the main key is rewritten without them.
        const kept = await this.unreadable();
        const at = this.deps.now();
        await this.deps.area.set({
          [UNREADABLE_KEY]: [...kept, ...unreadable.map((value) => ({ at, value }))],
        });
      }
      await this.deps.area.set({ [OUTBOX_KEY]: next });
      return result;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }
}

/**
 * A stored entry whose report parses is kept; if only its state is unreadable, it waits to be
 * sent again (harmless: the server answers 200 for a report it already has).
 */
function readEntry(raw: unknown, now: number): OutboxEntry | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { report, state } = raw as { report?: unknown; state?: unknown };
  // The schema alone: a report stored before a newer text rule stays readable and is sent.
  const parsed = parseStoredReport(report);
  if (!parsed.ok) return undefined;
  const readState = v.safeParse(StateSchema, state);
  return {
    report: parsed.report,
    state: readState.success
      ? readState.output
      : { kind: 'waiting', attempts: 0, nextAttemptAt: now },
  };
}

/**
 * Why the server refused: the schema's codes it named (a server and an extension of different
 * versions can disagree about a report), else what the status says.
 */
async function refusalReasons(response: {
  status: number;
  text(): Promise<string>;
}): Promise<SendRefusal[]> {
  const byStatus: SendRefusal = {
    code:
      response.status === 413
        ? 'too-large'
        : response.status === 409
          ? 'duplicate-id'
          : 'not-accepted',
  };
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return [byStatus];
  }
  const parsed = v.safeParse(RefusalBodySchema, body);
  const named: SendRefusal[] = parsed.success
    ? parsed.output.errors.flatMap(({ code, params }) =>
        isReportErrorCode(code) ? [{ code, ...(params && { params }) }] : [],
      )
    : [];
  return named.length > 0 ? named.slice(0, MAX_REASONS) : [byStatus];
}
