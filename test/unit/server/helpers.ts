import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  openStore,
  startServer,
  type RunningServer,
  type ServerOptions,
  type StoreConfig,
} from '../../../server/server';

export const CHROME_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const FIREFOX_ORIGIN = 'moz-extension://0b8e2f3a-5c1d-4e6f-9a7b-1c2d3e4f5a6b';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh data directory, removed after the test. */
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'footnote-intake-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A kind of report store the tests run against; each test gets an empty one. */
export interface StoreBackend {
  readonly name: string;
  fresh(): Promise<StoreConfig>;
}

export const SQLITE: StoreBackend = {
  name: 'SQLite',
  fresh: async () => ({ dataDir: await tempDataDir() }),
};

/** Starts the service on a free port; stopped after the test unless the test stops it. */
export async function start(options: Partial<ServerOptions> & StoreConfig): Promise<RunningServer> {
  const server = await startServer({ port: 0, ...options });
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await server.close();
  });
  return {
    url: server.url,
    close: async () => {
      closed = true;
      await server.close();
    },
  };
}

export function post(
  server: RunningServer,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body),
  });
}

/** What the store holds, read the way the curator tool reads it. */
export async function storedIds(config: StoreConfig): Promise<string[]> {
  const store = await openStore(config);
  try {
    return (await store.list()).map((stored) => stored.report.id);
  } finally {
    await store.close();
  }
}
