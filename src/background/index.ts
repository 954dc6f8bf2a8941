/**
 * The background worker: wires the browser to the handlers. Every listener is registered
 * synchronously at start-up, so a worker woken by an event sees the event that woke it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { httpsOnly } from '../https-only';
import { parseRequest, type RequestOf } from '../messages';
import { addressProblem, readSettings, SETTINGS_KEY } from '../settings';
import { MAX_DATASET_BYTES, type TrustedKeys } from '../updates/release';
import { TRUSTED_KEYS } from '../updates/trusted-keys';
import testTrustedKey from '../../test/fixtures/update-test-trusted-key.json';
import { SessionChoiceStore } from '../session-choices';
import { translator } from '../ui/i18n';
import { DatasetStore } from './dataset';
import { ExtraSites } from './extra-sites';
import { handleRequest, type HandlerContext } from './handlers';
import { recordMessage } from './test-hooks';
import { alarmScheduler, Outbox, OUTBOX_ALARM } from './outbox';
import { TabStateStore } from './tab-state';
import { scheduleUpdateChecks, UPDATE_ALARM, Updater } from './updater';

/** The local build (tests, demo) also trusts a test key, so tests can publish updates. */
const trustedKeys: TrustedKeys = __FOOTNOTE_TEST_HOOKS__
  ? { ...TRUSTED_KEYS, ...testTrustedKey }
  : TRUSTED_KEYS;

const HTTPS_ONLY = httpsOnly();

const settings = () => readSettings(browser.storage.local);
// An http endpoint stored before (or by hand) is never tried by a store build: reports wait.
const reportEndpoint = async () => {
  const { reportEndpoint: endpoint } = await settings();
  return addressProblem(endpoint, HTTPS_ONLY) === undefined ? endpoint || undefined : undefined;
};
const updateUrl = async () => (await settings()).updateUrl || undefined;

const tabs = new TabStateStore(browser.storage.session);
const bundled = new DatasetStore(async () =>
  (await fetch(browser.runtime.getURL('dataset.json'))).json(),
);
const updater = new Updater({
  area: browser.storage.local,
  fetch: (url, init) => fetch(url, init),
  now: Date.now,
  trustedKeys,
  bundled: () => bundled.current(),
  maxBytes: MAX_DATASET_BYTES,
  httpsOnly: HTTPS_ONLY,
});
const outbox = new Outbox({
  area: browser.storage.local,
  fetch: (url, init) => fetch(url, init),
  now: Date.now,
  scheduler: alarmScheduler(browser.alarms),
});

const sessionChoices = new SessionChoiceStore(browser.storage.session, browser.storage.local);

const context: HandlerContext = {
  tabs,
  dataset: updater,
  updater,
  updateUrl,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  outbox,
  reportEndpoint,
  extraSites: new ExtraSites(browser.scripting),
  tabUrl: (tabId) =>
    browser.tabs.get(tabId).then(
      (tab) => tab.url,
      () => undefined,
    ),
  hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  async removePermission(pattern) {
    // A site the manifest itself grants cannot be removed; turning Footnote off there is enough.
    await browser.permissions.remove({ origins: [pattern] }).catch(() => undefined);
  },
  async showCount(tabId, count) {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  },
  sessionChoices,
  t: translator(browser.i18n),
  async notifyPrivateTabs() {
    const privateTabIds = (await browser.tabs.query({})).flatMap((tab) =>
      tab.incognito && tab.id !== undefined ? [tab.id] : [],
    );
    const changed: RequestOf<'page/private-choices-changed'> = {
      type: 'page/private-choices-changed',
    };
    await Promise.all(
      // A tab where Footnote does not run has no one to answer.
      privateTabIds.map((id) => browser.tabs.sendMessage(id, changed).catch(() => undefined)),
    );
  },
  async openFullView(person, report, besideTab) {
    const tab = await browser.tabs.get(besideTab);
    const query = new URLSearchParams({ tab: String(besideTab), ...(report ? { report } : {}) });
    const url = browser.runtime.getURL(`src/full/index.html?${query}#person=${person}`);
    // Chromium opens extension pages of a "spanning" extension in a normal window only, and
    // refuses an incognito opener there: beside a private tab, let the browser choose the window.
    await browser.tabs.create(
      tab.incognito ? { url } : { url, index: tab.index + 1, openerTabId: besideTab },
    );
  },
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (__FOOTNOTE_TEST_HOOKS__) recordMessage(message, sender);
  const request = parseRequest(message);
  if (request === undefined) return undefined; // not ours: stay silent, let other listeners answer
  return handleRequest(request, sender, context);
});

/** Shown once, on install (not on updates or reloads): what the badge means, where it runs. */
const WELCOME_PAGE = 'src/welcome/index.html';

browser.runtime.onInstalled.addListener(({ reason }) => {
  void scheduleUpdateChecks(browser.alarms, Math.random);
  void updateUrl().then((url) => updater.check(url));
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) void reportEndpoint().then((endpoint) => outbox.flush(endpoint));
  if (alarm.name === UPDATE_ALARM) void updateUrl().then((url) => updater.check(url));
});

browser.storage.onChanged.addListener((changes, area) => {
  // A newly set endpoint is tried at once: reports waited for it.
  if (area === 'local' && SETTINGS_KEY in changes) {
    void reportEndpoint().then((endpoint) => outbox.flush(endpoint));
  }
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // A new document is loading: what was found on the last one no longer applies. Its content
  // script, if Footnote runs there, announces itself again.
  if (changeInfo.status === 'loading') {
    void tabs.forget(tabId).then(() => context.showCount(tabId, 0));
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  void tabs.forget(tabId);
});

browser.windows.onRemoved.addListener(() => {
  // The private browsing session ends with its last window; so do its choices about sites.
  void browser.windows.getAll().then(async (windows) => {
    if (!windows.some((window) => window.incognito)) await sessionChoices.forget();
  });
});

void browser.action.setBadgeBackgroundColor({ color: '#3d4db7' });
