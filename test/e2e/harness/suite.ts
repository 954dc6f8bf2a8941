/**
 * The usual frame of a browser test file: fixture pages served on 127.0.0.1, one browser with
 * the extension for the file, and every test failing on a console error from any context.
 * Call it at the top of a file or describe block; its fields are ready inside tests.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { StaticServer } from '../../../scripts/static-server';
import { launchChromium, type ChromiumSession, type LaunchOptions } from './chromium';
import { launchFirefox, type FirefoxSession } from './firefox';
import { serveFixturePages } from './fixtures';

interface BrowserSession {
  readonly errors: string[];
  close(): Promise<void>;
}

export interface BrowserSuite<Session> {
  readonly browser: Session;
  /** Serves test/fixtures/pages; a page is at `${pages.url}<name>.html`. */
  readonly pages: StaticServer;
}

function useBrowserWithFixtures<Session extends BrowserSession>(
  launch: () => Promise<Session>,
): BrowserSuite<Session> {
  let browser: Session | undefined;
  let pages: StaticServer | undefined;
  beforeAll(async () => {
    pages = await serveFixturePages();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });
  afterEach(() => {
    expect(browser?.errors.splice(0)).toEqual([]);
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('used before beforeAll ran');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get pages() {
      return ready(pages);
    },
  };
}

export interface ChromiumSuite {
  readonly chromium: ChromiumSession;
  readonly pages: StaticServer;
}

export function useChromiumWithFixtures(options: LaunchOptions = {}): ChromiumSuite {
  const suite = useBrowserWithFixtures(() => launchChromium(options));
  return {
    get chromium() {
      return suite.browser;
    },
    get pages() {
      return suite.pages;
    },
  };
}

export const useFirefoxWithFixtures = (): BrowserSuite<FirefoxSession> =>
  useBrowserWithFixtures(() => launchFirefox());
