import browser, { type Runtime } from 'webextension-polyfill';
import { parseRequest } from '../messages';
import { handleRequest, type HandlerContext } from './handlers';
import { TabStateStore } from './tab-state';

const context: HandlerContext = {
  tabs: new TabStateStore(browser.storage.session),
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
};

// Listeners are registered synchronously at start-up so a woken worker sees the event that woke it.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const request = parseRequest(message);
  if (request === undefined) return undefined; // not ours: stay silent, let other listeners answer
  return handleRequest(request, sender, context);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void context.tabs.forget(tabId);
});
