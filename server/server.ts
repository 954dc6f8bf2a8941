/**
 * Starts the intake service over a SQLite file in a data directory (created if missing).
 * Tests and the browser tests start it in-process; `npm run server` goes through main.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { SqliteReportStore } from './sqlite-store';

export const DATABASE_FILE = 'reports.sqlite3';

export interface ServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
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

export function openStore(dataDir: string): SqliteReportStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteReportStore(join(dataDir, DATABASE_FILE));
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = openStore(options.dataDir);
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
