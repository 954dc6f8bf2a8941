/**
 * Local build only (`__FOOTNOTE_TEST_HOOKS__`): the background keeps every message it received,
 * with whether a content script sent it, so the privacy test can check that a content script
 * sends nothing but ids. The store builds do not contain this file.
 */
import browser, { type Runtime } from 'webextension-polyfill';

export interface ReceivedMessage {
  /** Sent from a web page's content script, not from one of the extension's own pages. */
  readonly fromContentScript: boolean;
  readonly message: unknown;
}

const received: ReceivedMessage[] = [];
// Read by the tests through the service worker (`worker.evaluate`).
(globalThis as { footnoteReceivedMessages?: ReceivedMessage[] }).footnoteReceivedMessages =
  received;

export function recordMessage(message: unknown, sender: Runtime.MessageSender): void {
  const fromOwnPage = sender.url?.startsWith(browser.runtime.getURL('')) ?? false;
  received.push({ fromContentScript: !fromOwnPage, message: structuredClone(message) });
}
