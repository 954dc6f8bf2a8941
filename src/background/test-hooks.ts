/**
 * Local build only (`__FOOTNOTE_TEST_HOOKS__`): the background keeps every message it received,
 * with whether a content script sent it, so the privacy test can check that a content script
 * sends nothing but ids (read by the tests through the service worker, as
 * `globalThis.footnoteReceivedMessages`). The store builds do not contain this file.
 */
import browser, { type Runtime } from 'webextension-polyfill';

export interface ReceivedMessage {
  /** Sent from a web page's content script, not from one of the extension's own pages. */
  readonly fromContentScript: boolean;
  readonly message: unknown;
}

export function recordMessage(message: unknown, sender: Runtime.MessageSender): void {
  const fromOwnPage = sender.url?.startsWith(browser.runtime.getURL('')) ?? false;
  // Made at the first message, not at load: a module-level global would survive in the store
  // builds, which drop only the calls.
  const hooks = globalThis as { footnoteReceivedMessages?: ReceivedMessage[] };
  hooks.footnoteReceivedMessages ??= [];
  hooks.footnoteReceivedMessages.push({
    fromContentScript: !fromOwnPage,
    message: structuredClone(message),
  });
}
