/**
 * Where accepted reports are kept. Handlers and the curator tool use only this interface, so a
 * larger deployment can put PostgreSQL (or anything else) behind it without touching them.
 */
import { parseStoredReport, type Report } from '../src/reports/schema';

export const TRIAGE_STATUSES = ['new', 'accepted', 'rejected'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export interface StoredReport {
  readonly report: Report;
  /** When the intake service first stored it (ISO timestamp). */
  readonly receivedAt: string;
  readonly status: TriageStatus;
  /** Why a curator rejected it. */
  readonly reason?: string;
  readonly triagedAt?: string;
}

export type InsertResult =
  | { readonly inserted: true }
  /** A report with this id was already stored; it is returned unchanged. */
  | { readonly inserted: false; readonly existing: StoredReport };

export interface ReportStore {
  /** Stores the report unless one with its id exists; atomic, so concurrent retries store one. */
  insertIfAbsent(report: Report, receivedAt: string): Promise<InsertResult>;
  get(id: string): Promise<StoredReport | undefined>;
  /** Oldest first. */
  list(filter?: { readonly status?: TriageStatus }): Promise<StoredReport[]>;
  /** Returns false when no report has this id. */
  setStatus(
    id: string,
    change: { readonly status: TriageStatus; readonly reason?: string; readonly at: string },
  ): Promise<boolean>;
  close(): Promise<void>;
}

/** A stored row as every store reads it back, before it is checked. */
export interface StoredRow {
  readonly report: unknown;
  readonly receivedAt: string;
  readonly status: string;
  readonly reason: string | null;
  readonly triagedAt: string | null;
}

/**
 * Rows are read back through the same schema as requests: a hand-edited database cannot hand the
 * curator tool something the service would have refused.
 */
export function checkedStoredReport(row: StoredRow): StoredReport {
  const parsed = parseStoredReport(row.report);
  if (!parsed.ok) {
    throw new Error(`A stored report is not valid: ${JSON.stringify(row.report).slice(0, 80)}`);
  }
  const status = TRIAGE_STATUSES.find((s) => s === row.status);
  if (status === undefined) throw new Error(`Report ${parsed.report.id} has status ${row.status}.`);
  return {
    report: parsed.report,
    receivedAt: row.receivedAt,
    status,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.triagedAt === null ? {} : { triagedAt: row.triagedAt }),
  };
}
