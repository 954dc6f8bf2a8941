/**
 * The ReportStore for more than one machine: PostgreSQL (pg), chosen by setting DATABASE_URL.
 * Any number of intake processes and curator tools can share one database; the primary key and
 * ON CONFLICT DO NOTHING keep a report retried at two processes at once to one row.
 */
import pg from 'pg';
import type { Report } from '../src/reports/schema';
import {
  checkedStoredReport,
  type InsertResult,
  type ReportStore,
  type StoredReport,
  type TriageStatus,
} from './store';

// The id is text compared byte for byte, not uuid: exactly as the schema spelled it (as in
// SQLite), and looking up something that is not a UUID finds nothing instead of failing. jsonb
// refuses \u0000 and lone surrogates in text; the schema refuses both before a report gets here.
const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS reports (
    id          text COLLATE "C" PRIMARY KEY,
    report      jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    status      text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected')),
    reason      text,
    triaged_at  timestamptz
  )`;
// Any fixed number, the same in every process: see open().
const SCHEMA_LOCK = 0x464f4f54;

const COLUMNS = 'report, received_at, status, reason, triaged_at';

interface Row {
  report: unknown;
  received_at: Date;
  status: string;
  reason: string | null;
  triaged_at: Date | null;
}

export class PostgresReportStore implements ReportStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and creates the table if the database does not have it yet. */
  static async open(connectionString: string): Promise<PostgresReportStore> {
    const pool = new pg.Pool({ connectionString });
    // An idle connection the server dropped: the pool discards it and the next query opens
    // another. Without a listener the process would exit.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    try {
      const client = await pool.connect();
      try {
        // Two processes starting together on an empty database would both try to create the
        // table, and one would fail; the lock makes the second wait and find it there.
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(CREATE_TABLE);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresReportStore(pool);
  }

  async insertIfAbsent(report: Report, receivedAt: string): Promise<InsertResult> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO reports (id, report, received_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
      [report.id, JSON.stringify(report), receivedAt],
    );
    if (rowCount === 1) return { inserted: true };
    const existing = await this.get(report.id);
    if (!existing) throw new Error(`Report ${report.id} conflicted but cannot be read.`);
    return { inserted: false, existing };
  }

  async get(id: string): Promise<StoredReport | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM reports WHERE id = $1`, [
      id,
    ]);
    return rows[0] && fromRow(rows[0]);
  }

  async list(filter: { readonly status?: TriageStatus } = {}): Promise<StoredReport[]> {
    const { rows } =
      filter.status === undefined
        ? await this.pool.query<Row>(`SELECT ${COLUMNS} FROM reports ORDER BY received_at, id`)
        : await this.pool.query<Row>(
            `SELECT ${COLUMNS} FROM reports WHERE status = $1 ORDER BY received_at, id`,
            [filter.status],
          );
    return rows.map(fromRow);
  }

  async setStatus(
    id: string,
    change: { readonly status: TriageStatus; readonly reason?: string; readonly at: string },
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE reports SET status = $1, reason = $2, triaged_at = $3 WHERE id = $4',
      [change.status, change.reason ?? null, change.at, id],
    );
    return rowCount === 1;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function fromRow(row: Row): StoredReport {
  return checkedStoredReport({
    report: row.report,
    receivedAt: row.received_at.toISOString(),
    status: row.status,
    reason: row.reason,
    triagedAt: row.triaged_at?.toISOString() ?? null,
  });
}
