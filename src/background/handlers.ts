/**
 * Answers requests from the extension's own parts. The sender decides what may be asked:
 * page messages must come from a content script in a tab, the rest from extension pages.
 */
import type { Runtime } from 'webextension-polyfill';
import type { Request, RequestType, ResponseOf } from '../messages';
import type { TabStateStore } from './tab-state';

export interface HandlerContext {
  readonly tabs: TabStateStore;
  /** The extension's own id and page origin, to recognise its own senders. */
  readonly extensionId: string;
  readonly extensionOrigin: string;
}

type Sender =
  | { readonly kind: 'content-script'; readonly tabId: number; readonly topFrame: boolean }
  | { readonly kind: 'extension-page' };

/** Who sent this, or `undefined` if it is nobody we answer (another extension, a web page). */
export function identifySender(
  sender: Runtime.MessageSender,
  context: HandlerContext,
): Sender | undefined {
  if (sender.id !== context.extensionId) return undefined;
  if (sender.url?.startsWith(context.extensionOrigin)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return undefined;
  return { kind: 'content-script', tabId, topFrame: sender.frameId === 0 };
}

/**
 * Returns the answer to a validated request, or `undefined` when the sender may not ask it
 * (the caller then does not answer at all, as for any unrecognised message).
 */
export function handleRequest(
  request: Request,
  sender: Runtime.MessageSender,
  context: HandlerContext,
): Promise<ResponseOf<RequestType>> | undefined {
  const from = identifySender(sender, context);
  switch (request.type) {
    case 'page/hello':
      return from?.kind === 'content-script'
        ? pageHello(from.tabId, from.topFrame, context)
        : undefined;
    case 'tab/get-state':
      return from?.kind === 'extension-page' ? context.tabs.get(request.tabId) : undefined;
  }
}

async function pageHello(
  tabId: number,
  topFrame: boolean,
  { tabs }: HandlerContext,
): Promise<ResponseOf<'page/hello'>> {
  // Only the top frame starts a new document; frames announce themselves but reset nothing.
  if (topFrame) await tabs.startDocument(tabId);
  return { tabId };
}
