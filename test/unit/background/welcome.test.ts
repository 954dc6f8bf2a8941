import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, describe, expect, test, vi } from 'vitest';

const welcomeTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.endsWith('src/welcome/index.html'));

describe('the welcome page', () => {
  beforeAll(async () => {
    vi.stubGlobal('__FOOTNOTE_TEST_HOOKS__', false);
    // The worker's start-up calls these; the fake browser has no toolbar button.
    Object.assign(fakeBrowser, {
      action: { setBadgeBackgroundColor: vi.fn(), setBadgeText: vi.fn() },
    });
    await import('../../../src/background/index');
  });

  test('is not opened when Footnote is updated or reloaded', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(await welcomeTabs()).toEqual([]);
  });

  test('is opened once when Footnote is installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await welcomeTabs()).toHaveLength(1));
  });
});
