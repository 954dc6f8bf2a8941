/**
 * Starts the intake service over its report store: SQLite in the data directory (created if
 * missing), or PostgreSQL when a database URL is given. Tests and the browser tests start it
 * in-process; `npm run server` goes through main.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { PostgresReportStore } from './postgres-store';
import { SqliteReportStore } from './sqlite-store';
import type { ReportStore } from './store';

export const DATABASE_FILE = 'reports.sqlite3';

export interface StoreConfig {
  /** Holds the curator's drafts/, and reports.sqlite3 unless databaseUrl is set. */
  readonly dataDir: string;
  /** A PostgreSQL connection string; reports go to that database instead of SQLite. */
  readonly databaseUrl?: string;
}

export interface ServerOptions extends StoreConfig {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  readonly bodyLimit?: number;
  readonly trustProxy?: boolean;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787; reports go to `${url}/v1/reports`. */
  readonly url: string;
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT = { max: 30, timeWindowMs: 60_000 } as const;

/** FOOTNOTE_DATA_DIR (default ./server-data) and DATABASE_URL, as the service and tool read them. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const dataDir = env.FOOTNOTE_DATA_DIR || './server-data';
  return env.DATABASE_URL ? { dataDir, databaseUrl: env.DATABASE_URL } : { dataDir };
}

export async function openStore({ dataDir, databaseUrl }: StoreConfig): Promise<ReportStore> {
  if (databaseUrl) return PostgresReportStore.open(databaseUrl);
  mkdirSync(dataDir, { recursive: true });
  return new SqliteReportStore(join(dataDir, DATABASE_FILE));
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = await openStore(options);
  const app = await buildApp({
    store,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port, host });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
