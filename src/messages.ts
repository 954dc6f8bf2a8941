/**
 * The one message protocol between content script, background, popup and options.
 *
 * Every request names its `type`; `ResponseOf<T>` ties the answer to it, so both ends are
 * checked by the compiler. The receiver validates with `parseRequest` and ignores anything
 * that does not parse: a message's shape is never trusted because its sender claims to be us.
 */
import * as v from 'valibot';

const TabIdSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

const RequestSchema = v.variant('type', [
  /** Content script → background: "I am running in this tab" (sent once per document). */
  v.strictObject({ type: v.literal('page/hello') }),
  /** Popup → background: what do you know about this tab? */
  v.strictObject({ type: v.literal('tab/get-state'), tabId: TabIdSchema }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the background knows about a tab. Never holds page text or the page's address. */
export interface TabState {
  /** The content script announced itself in this tab's current document. */
  readonly contentScriptReady: boolean;
  /** Ids of tracked people found in the tab (filled by the page scanner). */
  readonly peopleFound: readonly string[];
}

interface Responses {
  'page/hello': { readonly tabId: number };
  'tab/get-state': TabState | null;
}

export type ResponseOf<T extends RequestType> = Responses[T];

/** Returns the request if `value` is a well-formed Footnote request, otherwise `undefined`. */
export function parseRequest(value: unknown): Request | undefined {
  const result = v.safeParse(RequestSchema, value);
  return result.success ? result.output : undefined;
}

interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends a request to the background and types its answer by the request's `type`. */
export async function sendRequest<T extends RequestType>(
  runtime: MessageSender,
  request: RequestOf<T>,
): Promise<ResponseOf<T>> {
  return (await runtime.sendMessage(request)) as ResponseOf<T>;
}
