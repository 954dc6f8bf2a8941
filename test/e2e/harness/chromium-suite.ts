/**
 * The usual frame of a Chromium test file: fixture pages served on 127.0.0.1, one browser with
 * the extension for the file, and every test failing on a console error from any context.
 * Call it at the top of a file or describe block; its fields are ready inside tests.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { StaticServer } from '../../../scripts/static-server';
import { launchChromium, type ChromiumSession, type LaunchOptions } from './chromium';
import { serveFixturePages } from './fixtures';

export interface ChromiumSuite {
  readonly chromium: ChromiumSession;
  /** Serves test/fixtures/pages; a page is at `${pages.url}<name>.html`. */
  readonly pages: StaticServer;
}

export function useChromiumWithFixtures(options: LaunchOptions = {}): ChromiumSuite {
  let chromium: ChromiumSession | undefined;
  let pages: StaticServer | undefined;
  beforeAll(async () => {
    pages = await serveFixturePages();
    chromium = await launchChromium(options);
  });
  afterAll(async () => {
    await chromium?.close();
    await pages?.close();
  });
  afterEach(() => {
    expect(chromium?.errors.splice(0)).toEqual([]);
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('used before beforeAll ran');
    return value;
  };
  return {
    get chromium() {
      return ready(chromium);
    },
    get pages() {
      return ready(pages);
    },
  };
}
