/**
 * Where accepted reports are kept. Handlers and the curator tool use only this interface, so a
 * larger deployment can put PostgreSQL (or anything else) behind it without touching them.
 */
import type { Report } from '../src/reports/schema';

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
