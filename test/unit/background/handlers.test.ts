import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, test } from 'vitest';
import { handleRequest, type HandlerContext } from '../../../src/background/handlers';
import { TabStateStore } from '../../../src/background/tab-state';

const EXTENSION_ID = 'footnote-test-id';
const ORIGIN = 'chrome-extension://footnote-test-id/';

const context = (): HandlerContext => ({
  tabs: new TabStateStore(fakeBrowser.storage.session),
  extensionId: EXTENSION_ID,
  extensionOrigin: ORIGIN,
});

const contentScript = (tabId: number, frameId = 0): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  frameId,
  url: 'https://x.com/some/post',
});

const popup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };

describe('handleRequest', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a content script hello is answered with its tab and starts that tab afresh', async () => {
    const ctx = context();
    await expect(handleRequest({ type: 'page/hello' }, contentScript(7), ctx)).resolves.toEqual({
      tabId: 7,
    });
    await expect(handleRequest({ type: 'tab/get-state', tabId: 7 }, popup, ctx)).resolves.toEqual({
      contentScriptReady: true,
      peopleFound: [],
    });
  });

  test('a hello from a frame does not reset the tab', async () => {
    const ctx = context();
    await handleRequest({ type: 'page/hello' }, contentScript(7, 3), ctx);
    await expect(handleRequest({ type: 'tab/get-state', tabId: 7 }, popup, ctx)).resolves.toBe(
      null,
    );
  });

  test('the popup learns nothing about a tab where Footnote did not run', async () => {
    await expect(
      handleRequest({ type: 'tab/get-state', tabId: 99 }, popup, context()),
    ).resolves.toBeNull();
  });

  test('a content script may not read the state of tabs', () => {
    expect(handleRequest({ type: 'tab/get-state', tabId: 7 }, contentScript(7), context())).toBe(
      undefined,
    );
  });

  test('an extension page may not pose as a content script', () => {
    expect(handleRequest({ type: 'page/hello' }, popup, context())).toBeUndefined();
  });

  test('another extension gets no answer', () => {
    const stranger = { ...contentScript(7), id: 'some-other-extension' };
    expect(handleRequest({ type: 'page/hello' }, stranger, context())).toBeUndefined();
    expect(
      handleRequest({ type: 'tab/get-state', tabId: 7 }, { ...popup, id: 'other' }, context()),
    ).toBeUndefined();
  });
});
