/**
 * The content script: finds tracked people in the page and puts context beside them. Page text
 * never leaves it; the background learns only the ids of the people found. The page's address
 * goes only to the extension's own report form when the reader opens it, to be shown beside
 * the box that would send it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createMentionJudge, loadJudgeMatchers, type MentionJudge } from '../mentions/judge';
import {
  isDatasetUnavailable,
  parseRequest,
  sendRequest,
  type PageStart,
  type ResponseOf,
} from '../messages';
import { windowSettings, type WindowSettings } from '../session-choices';
import { relevanceFor, SETTINGS_KEY, type Settings } from '../settings';
import type { DatasetLanguage } from '../dataset/views';
import { datasetLanguage, translator, uiDirection } from '../ui/i18n';
import { Badges } from './badges';
import { Card, type BadgeReason } from './card';
import { ContentContext, yieldToPage } from './context';
import { PageScanner, type Mention, type PageSettings } from './scanner';
import {
  countAddressGiven,
  countScan,
  listenForTestSettings,
  markReady,
  testHost,
  timedStartUp,
} from './test-hooks';

async function start(): Promise<void> {
  const context = new ContentContext(() => browser.runtime?.id !== undefined);
  const { tabId } = await sendRequest(browser.runtime, { type: 'page/hello' });
  const lang = datasetLanguage(browser.i18n);
  const index = await sendRequest(browser.runtime, { type: 'page/get-index', lang });
  if (isDatasetUnavailable(index)) return; // the popup says why; the page stays untouched
  // The local build lets a fixture page stand in for a platform's site (handles count there).
  const host = (__FOOTNOTE_TEST_HOOKS__ && testHost()) || location.hostname;
  const personIndex = new Map(index.people.map((person, i) => [person.id, i]));
  const pageSettingsOf = (settings: Settings): PageSettings => ({
    mode: relevanceFor(settings, host),
    host,
    hidden: new Set((settings.hiddenPeople[host] ?? []).flatMap((id) => personIndex.get(id) ?? [])),
  });
  // In a private window, choices about this site last for the session only (session-choices.ts).
  const settingsHere = windowSettings(
    browser.extension.inIncognitoContext === true,
    browser.storage.local,
    browser.runtime,
  );
  // The matchers come built: the page only loads them, and makes the judge in a task of its own.
  const startUp = <T>(work: () => T): T => (__FOOTNOTE_TEST_HOOKS__ ? timedStartUp(work) : work());
  const matchers = startUp(() => loadJudgeMatchers(index.matchers));
  await yieldToPage();
  const judge = startUp(() => createMentionJudge(index, matchers));
  if (!context.isValid) return;
  const settings = await settingsHere.read();
  let page = pageSettingsOf(settings);
  let gentle = settings.gentle;
  const scanner = watchPage(
    context,
    index,
    judge,
    lang,
    host,
    settingsHere,
    () => page,
    () => gentle,
  );
  const reread = () =>
    void settingsHere.read().then((next: Settings) => {
      page = pageSettingsOf(next);
      gentle = next.gentle;
      scanner.restart();
    });

  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) reread();
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  context.onAbort(() => browser.storage.onChanged.removeListener(onStorageChanged));
  const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
    if (!fromOwnExtension(sender)) return undefined;
    const request = parseRequest(message);
    // storage.onChanged does not reach a content script for storage.session: the background says.
    if (request?.type === 'page/private-choices-changed') reread();
    return request?.type === 'page/get-address' ? answerAddress() : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  context.onAbort(() => browser.runtime.onMessage.removeListener(onMessage));

  if (__FOOTNOTE_TEST_HOOKS__) {
    listenForTestSettings(context);
    markReady(tabId);
  }
}

/** The extension's own pages and background, never another extension or a page. */
function fromOwnExtension(sender: Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('')) === true
  );
}

/** The only thing the content script answers: the page address, to the extension's own pages. */
function answerAddress(): Promise<ResponseOf<'page/get-address'>> | undefined {
  if (window !== window.top) return undefined;
  const url = /^https?:/.test(location.href) ? location.href : null;
  if (__FOOTNOTE_TEST_HOOKS__ && url !== null) countAddressGiven();
  return Promise.resolve(url === null ? null : { url });
}

function watchPage(
  context: ContentContext,
  index: PageStart,
  judge: MentionJudge,
  lang: DatasetLanguage,
  host: string,
  settingsHere: WindowSettings,
  page: () => PageSettings,
  gentle: () => boolean,
) {
  const t = translator(browser.i18n);
  const ownUi = new WeakSet<Element>();
  const personId = (person: number) => index.people[person]?.id ?? '';
  const send = (people: ReadonlySet<number>) =>
    sendRequest(browser.runtime, { type: 'page/found', people: [...people].map(personId) });

  const card = new Card({
    document,
    context,
    ownUi,
    t,
    lang,
    dir: uiDirection(browser.i18n),
    loadCard: (person) => sendRequest(browser.runtime, { type: 'person/get-card', person, lang }),
    openFullView: (person, report) =>
      void sendRequest(browser.runtime, { type: 'person/open-full-view', person, report }),
    site: host,
    setHidden: (person, hidden) => settingsHere.setPersonHidden(host, person, hidden),
    gentle,
  });
  const nameOf = (person: number) => index.people[person]?.name.text ?? '';
  /** The judge's reasons with people named, for the card's "why" line. */
  const reasonOf = ({ why }: Mention): BadgeReason => ({
    written: why.written,
    ...(why.confirmedBy && {
      confirmedBy:
        why.confirmedBy.kind === 'term'
          ? why.confirmedBy
          : { kind: 'party', name: nameOf(why.confirmedBy.person) },
    }),
    relevance:
      why.relevance.kind === 'party'
        ? { kind: 'party', name: nameOf(why.relevance.person) }
        : why.relevance,
  });
  const badges = new Badges({
    document,
    context,
    ownUi,
    describe: (person) => {
      const entry = index.people[person];
      const [only, ...others] = entry?.roles ?? [];
      const role = only !== undefined && others.length === 0 ? only : 'both';
      return { label: index.badgeLabels[role].join(entry?.name.text ?? ''), role };
    },
    onActivate: (mention, button) =>
      card.toggle(personId(mention.person), button, reasonOf(mention)),
  });
  const scanner = new PageScanner(document.body ?? document.documentElement, {
    context,
    judge,
    page,
    ownUi,
    onRelevantPost: (post, mentions) =>
      scanner.withoutObserving(() => badges.place(post, mentions)),
    onPeopleFound: (people) => void send(people).catch(() => context.abort()),
    onIdle: __FOOTNOTE_TEST_HOOKS__ ? countScan : undefined,
  });
  context.onAbort(() => badges.removeAll());
  scanner.start();
  return {
    /** Settings changed: take every badge down and read the page again under the new mode. */
    restart() {
      card.badgesRemoved();
      scanner.withoutObserving(() => badges.removeAll());
      scanner.rescanAll({ forgetFound: true });
    },
  };
}

void start();
