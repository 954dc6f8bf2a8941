import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { StaticServer } from '../../scripts/static-server';
import { waitForContentScript } from './harness/content-script';
import { serveFixturePages } from './harness/fixtures';
import { launchFirefox, type FirefoxSession } from './harness/firefox';

describe('the extension in Firefox', () => {
  let server: StaticServer;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    server = await serveFixturePages();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  afterEach(() => {
    expect(firefox.errors.splice(0)).toEqual([]);
  });

  test('the background answers the content script', async () => {
    const page = await firefox.openPage(`${server.url}plain.html`);
    const { tabId } = await waitForContentScript(page);
    expect(tabId).toBeGreaterThan(0);
    await page.close();
  });
});
