import { resolve } from 'node:path';
import { serveDirectory, type StaticServer } from '../../../scripts/static-server';
import { REPO_ROOT } from './paths';

/** Serves test/fixtures/pages on 127.0.0.1; pages are at `${server.url}<name>.html`. */
export const serveFixturePages = (): Promise<StaticServer> =>
  serveDirectory(resolve(REPO_ROOT, 'test/fixtures/pages'));
