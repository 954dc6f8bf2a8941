/**
 * The default ReportStore: one SQLite file (better-sqlite3). WAL lets the curator tool read
 * and triage while the service is running; synchronous=FULL so a report answered 201 is on
 * disk even if the machine loses power right after.
 */
import Database from 'better-sqlite3';
import type { Report } from '../src/reports/schema';
import {
  checkedStoredReport,
  type InsertResult,
  type ReportStore,
  type StoredReport,
  type TriageStatus,
} from './store';

const SCHEMA_VERSION = 1;

interface Row {
  report: string;
  received_at: string;
  status: string;
  reason: string | null;
  triaged_at: string | null;
}

export class SqliteReportStore implements ReportStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // The curator tool and the service may write at the same moment; wait rather than fail.
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${file} was written by a newer version (schema ${version}).`);
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS reports (
        id          TEXT PRIMARY KEY,
        report      TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected')),
        reason      TEXT,
        triaged_at  TEXT
      ) STRICT;
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }

  async insertIfAbsent(report: Report, receivedAt: string): Promise<InsertResult> {
    const { changes } = this.db
      .prepare(
        'INSERT INTO reports (id, report, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
      )
      .run(report.id, JSON.stringify(report), receivedAt);
    if (changes === 1) return { inserted: true };
    const existing = await this.get(report.id);
    if (!existing) throw new Error(`Report ${report.id} conflicted but cannot be read.`);
    return { inserted: false, existing };
  }

  async get(id: string): Promise<StoredReport | undefined> {
    const row = this.db
      .prepare<[string], Row>(
        'SELECT report, received_at, status, reason, triaged_at FROM reports WHERE id = ?',
      )
      .get(id);
    return row && fromRow(row);
  }

  async list(filter: { readonly status?: TriageStatus } = {}): Promise<StoredReport[]> {
    const rows =
      filter.status === undefined
        ? this.db
            .prepare<[], Row>(
              'SELECT report, received_at, status, reason, triaged_at FROM reports ORDER BY received_at, id',
            )
            .all()
        : this.db
            .prepare<[string], Row>(
              'SELECT report, received_at, status, reason, triaged_at FROM reports WHERE status = ? ORDER BY received_at, id',
            )
            .all(filter.status);
    return rows.map(fromRow);
  }

  async setStatus(
    id: string,
    change: { readonly status: TriageStatus; readonly reason?: string; readonly at: string },
  ): Promise<boolean> {
    const { changes } = this.db
      .prepare('UPDATE reports SET status = ?, reason = ?, triaged_at = ? WHERE id = ?')
      .run(change.status, change.reason ?? null, change.at, id);
    return changes === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function fromRow(row: Row): StoredReport {
  return checkedStoredReport({
    report: JSON.parse(row.report),
    receivedAt: row.received_at,
    status: row.status,
    reason: row.reason,
    triagedAt: row.triaged_at,
  });
}
