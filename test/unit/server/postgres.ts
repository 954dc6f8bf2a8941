/**
 * A throwaway PostgreSQL server for one test file, from Debian's `postgresql` package (installed
 * by scripts/install-system-deps.sh): initdb and pg_ctl in a temporary folder, reachable only
 * through a unix socket in that folder (so no port can clash with anything else on the machine),
 * stopped and removed after the file's tests. The packaged cluster is never used.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { tempDataDir, type StoreBackend } from './helpers';

const run = promisify(execFile);

const DEBIAN_POSTGRES = '/usr/lib/postgresql';
const SUPERUSER = 'footnote';
// Names the socket file only; nothing listens on TCP.
const PORT = 5432;

/** The newest installed version's bin/ folder (its name is the major version: 15, 16, …). */
function serverBinaries(): string {
  const versions = existsSync(DEBIAN_POSTGRES) ? readdirSync(DEBIAN_POSTGRES) : [];
  const [newest] = versions
    .filter((version) => existsSync(join(DEBIAN_POSTGRES, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  if (newest === undefined) {
    throw new Error(
      `No PostgreSQL server in ${DEBIAN_POSTGRES}: run bash scripts/install-system-deps.sh.`,
    );
  }
  return join(DEBIAN_POSTGRES, newest, 'bin');
}

// initdb and postgres refuse to run as root: as root, run them as the package's postgres user.
const asRoot = process.getuid?.() === 0;
const runAsServerUser = (command: string, args: string[]) =>
  asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);

interface TestPostgres {
  /** A connection URL to a new, empty place for tables (a schema, quicker to make than a database). */
  emptySchema(): Promise<string>;
  stop(): Promise<void>;
}

async function startPostgres(): Promise<TestPostgres> {
  const bin = serverBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'footnote-pg-'));
  if (asRoot) await run('chown', ['postgres:', dir]);
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  const url = `postgresql://${SUPERUSER}@localhost:${PORT}/postgres?host=${encodeURIComponent(dir)}`;
  try {
    // Throwaway data: no fsync; trust whoever reaches the socket in this private folder.
    await runAsServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      SUPERUSER,
      '-A',
      'trust',
      '--no-sync',
      // Not the environment's locale: on a fresh machine LANG can name one that is not generated.
      '--no-locale',
      '--encoding=UTF8',
    ]);
    // pg_ctl hands these to postgres through a shell, hence the quotes.
    const options = `-c listen_addresses='' -k '${dir}' -p ${PORT} -c fsync=off`;
    await runAsServerUser(join(bin, 'pg_ctl'), [
      'start',
      '-w',
      '-D',
      data,
      '-l',
      log,
      '-o',
      options,
    ]);
  } catch (error) {
    // The server's log says why it did not start; it goes with the folder.
    const why = await readFile(log, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`The PostgreSQL test server did not start.\n${why}`, { cause: error });
  }
  let schemas = 0;
  return {
    async emptySchema() {
      schemas += 1;
      const name = `test_${schemas}`;
      const client = new pg.Client(url);
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${name}`);
      } finally {
        await client.end();
      }
      return `${url}&options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    async stop() {
      await runAsServerUser(join(bin, 'pg_ctl'), ['stop', '-m', 'immediate', '-w', '-D', data]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Registers this file's PostgreSQL server (started before its tests, removed after). */
export function usePostgres(): StoreBackend {
  let server: TestPostgres | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    name: 'PostgreSQL',
    async fresh() {
      if (!server) throw new Error('The PostgreSQL test server did not start.');
      return { dataDir: await tempDataDir(), databaseUrl: await server.emptySchema() };
    },
  };
}
