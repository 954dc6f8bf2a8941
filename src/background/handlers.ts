/**
 * Answers requests from the extension's own parts. The sender decides what may be asked:
 * page messages must come from a content script in a tab, the rest from extension pages.
 */
import type { Runtime } from 'webextension-polyfill';
import { pageIndexOf, personCardOf, type DatasetLanguage } from '../dataset/views';
import type { FullViewReport, Request, RequestType, ResponseOf, SiteChoice } from '../messages';
import { parseReport } from '../reports/schema';
import type { SessionChoiceStore } from '../session-choices';
import type { MessageKey, Translate } from '../ui/i18n';
import type { DatasetState } from './dataset';
import { sitePattern, type ExtraSites } from './extra-sites';
import type { Outbox } from './outbox';
import { judgeMatchersOf } from './page-matchers';
import { storableReport } from './private-window';
import type { Updater } from './updater';
import type { TabStateStore } from './tab-state';

export interface HandlerContext {
  readonly tabs: TabStateStore;
  /** The dataset in use: the newest of the bundled one and a verified update. */
  readonly dataset: { current(): Promise<DatasetState> };
  readonly updater: Pick<Updater, 'status' | 'check'>;
  /** The update URL from the settings, or undefined when none is set. */
  updateUrl(): Promise<string | undefined>;
  /** The extension's own id and page origin, to recognise its own senders. */
  readonly extensionId: string;
  readonly extensionOrigin: string;
  /** Shows the number of people found on the tab's toolbar icon (0 clears it). */
  showCount(tabId: number, count: number): Promise<void>;
  /**
   * Opens the full view of a person in a new tab, next to the tab that asked; with `report`,
   * on the report form of that kind.
   */
  openFullView(
    person: string,
    report: FullViewReport | undefined,
    besideTab: number,
  ): Promise<void>;
  readonly outbox: Outbox;
  readonly extraSites: Pick<ExtraSites, 'enable' | 'list' | 'disable'>;
  /** The address of a tab, where the extension may see it. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Whether the reader granted the extension this site pattern. */
  hasPermission(pattern: string): Promise<boolean>;
  /** Takes back the site permission (when the reader turns Footnote off there). */
  removePermission(pattern: string): Promise<void>;
  /** The report endpoint from the settings, or undefined when none is set. */
  reportEndpoint(): Promise<string | undefined>;
  /** The extension's messages in the browser's language. */
  readonly t: Translate;
  /** Choices about sites made in private windows, for this browsing session only. */
  readonly sessionChoices: Pick<SessionChoiceStore, 'read' | 'choose'>;
  /** Tells the content scripts in private windows that this session's choices changed. */
  notifyPrivateTabs(): Promise<void>;
}

type Sender =
  | {
      readonly kind: 'content-script';
      readonly tabId: number;
      readonly topFrame: boolean;
      readonly privateWindow: boolean;
    }
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
  return {
    kind: 'content-script',
    tabId,
    topFrame: sender.frameId === 0,
    privateWindow: sender.tab?.incognito === true,
  };
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
  if (from === undefined) return undefined;
  if (from.kind === 'content-script') {
    switch (request.type) {
      case 'page/hello':
        return pageHello(from.tabId, from.topFrame, context);
      case 'page/get-index':
        return pageIndex(request.lang, context);
      case 'page/found':
        return from.topFrame ? pageFound(from.tabId, request.people, context) : undefined;
      case 'person/get-card':
        return personCard(request.person, request.lang, context);
      case 'person/open-full-view':
        return context.openFullView(request.person, request.report, from.tabId).then(() => null);
      // A normal window's content script has no session choices: its choices are stored.
      case 'private/get-choices':
        return from.privateWindow ? context.sessionChoices.read() : undefined;
      case 'private/choose':
        return from.privateWindow
          ? chooseForSession(request.host, request.choice, context)
          : undefined;
      default:
        return undefined;
    }
  }
  switch (request.type) {
    case 'private/get-choices':
      return context.sessionChoices.read();
    case 'private/choose':
      return chooseForSession(request.host, request.choice, context);
    case 'tab/get-state':
      return context.tabs.get(request.tabId);
    case 'dataset/get':
      return context.dataset
        .current()
        .then((state) => (state.ok ? { index: state.index } : { error: state.error }));
    case 'site/enable':
      return enableSite(request.tabId, context);
    case 'site/list':
      return context.extraSites.list();
    case 'site/disable':
      return disableSite(request.pattern, context);
    case 'dataset/update-status':
      return context.updater.status();
    case 'dataset/check-now':
      return context.updateUrl().then((url) => context.updater.check(url));
    case 'report/add':
      return addReport(request.report, request.privateWindow === true, context);
    case 'report/list':
      return outboxView(context);
    case 'report/send-now':
      return context.reportEndpoint().then(async (endpoint) => {
        await context.outbox.flush(endpoint, { all: true });
        return outboxView(context);
      });
    case 'report/delete':
      return context.outbox.remove(request.id).then(() => outboxView(context));
    default:
      return undefined;
  }
}

async function pageHello(
  tabId: number,
  topFrame: boolean,
  context: HandlerContext,
): Promise<ResponseOf<'page/hello'>> {
  // Only the top frame starts a new document; frames announce themselves but reset nothing.
  if (topFrame) {
    await context.tabs.startDocument(tabId);
    await context.showCount(tabId, 0);
  }
  return { tabId };
}

async function pageIndex(
  lang: DatasetLanguage,
  { dataset, t }: HandlerContext,
): Promise<ResponseOf<'page/get-index'>> {
  const state = await dataset.current();
  if (!state.ok) return { error: state.error };
  const label = (key: MessageKey) => t(key, NAME_MARK).split(NAME_MARK);
  const page = pageIndexOf(state.index, lang);
  return {
    ...page,
    matchers: judgeMatchersOf(state.index, page),
    badgeLabels: {
      'made-allegation': label('badgeLabelMadeAllegation'),
      'named-in-allegation': label('badgeLabelNamedInAllegation'),
      both: label('badgeLabelBothRoles'),
    },
  };
}

/**
 * Stands in for the person's name in a translated badge label: a private-use character, which no
 * translation contains (Chromium drops a NUL from a substitution).
 */
const NAME_MARK = '\ue000';

async function pageFound(
  tabId: number,
  people: readonly string[],
  { dataset, tabs, showCount }: HandlerContext,
): Promise<ResponseOf<'page/found'>> {
  const state = await dataset.current();
  const known = new Set(state.ok ? state.index.people.map((person) => person.id) : []);
  // Only ids the dataset knows are kept: a content script cannot make up people.
  const found = [...new Set(people)].filter((id) => known.has(id));
  await tabs.setPeopleFound(tabId, found);
  await showCount(tabId, found.length);
  return { count: found.length };
}

async function personCard(person: string, lang: DatasetLanguage, { dataset }: HandlerContext) {
  const state = await dataset.current();
  return state.ok ? personCardOf(state.index, person, lang) : { error: state.error };
}

async function chooseForSession(
  host: string,
  choice: SiteChoice,
  context: HandlerContext,
): Promise<ResponseOf<'private/choose'>> {
  const choices = await context.sessionChoices.choose(host, choice);
  await context.notifyPrivateTabs();
  return choices;
}

async function addReport(
  json: unknown,
  fromPrivateWindow: boolean,
  context: HandlerContext,
): Promise<ResponseOf<'report/add'>> {
  // The popup validated it too; the background does not take its word for it.
  const parsed = parseReport(json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  await context.outbox.add(storableReport(parsed.report, fromPrivateWindow));
  void context.reportEndpoint().then((endpoint) => context.outbox.flush(endpoint));
  return { ok: true };
}

async function outboxView({
  outbox,
  reportEndpoint,
}: HandlerContext): Promise<ResponseOf<'report/list'>> {
  const [entries, endpoint] = await Promise.all([outbox.list(), reportEndpoint()]);
  return { entries, endpointConfigured: endpoint !== undefined };
}

async function enableSite(
  tabId: number,
  context: HandlerContext,
): Promise<ResponseOf<'site/enable'>> {
  const pattern = sitePattern(await context.tabUrl(tabId));
  // Only where the reader granted the permission: the grant is theirs, not a message's.
  if (pattern === undefined || !(await context.hasPermission(pattern))) return { ok: false };
  await context.extraSites.enable(pattern, tabId);
  return { ok: true };
}

async function disableSite(
  pattern: string,
  context: HandlerContext,
): Promise<ResponseOf<'site/disable'>> {
  if ((await context.extraSites.list()).includes(pattern)) {
    await context.extraSites.disable(pattern);
    await context.removePermission(pattern);
  }
  return context.extraSites.list();
}
