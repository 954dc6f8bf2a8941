import { render } from 'preact';
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { sitePattern } from '../background/extra-sites';
import { OUTBOX_KEY } from '../background/outbox';
import { parseHttpUrl } from '../http-url';
import { FullViewReportSchema, sendRequest, type ResponseOf } from '../messages';
import { readSettings, updateSettings } from '../settings';
import { applyDocumentLocale, datasetLanguage, translator } from '../ui/i18n';
import { Popup, type PopupApi } from './Popup';
import '../ui/base.css';
import './popup.css';

const params = new URLSearchParams(location.search);
// Any page can link to the popup's address: the form's kind is read like any other input.
const initialReport = v.safeParse(FullViewReportSchema, params.get('report'));
const runtime = browser.runtime;

/**
 * The tab this popup describes: the active tab, or the one named by `?tab=` when the popup is
 * opened as a full page for a given tab (from an in-page card, or by tests).
 */
async function describedTab() {
  const fromUrl = Number.parseInt(params.get('tab') ?? '', 10);
  if (Number.isInteger(fromUrl) && fromUrl >= 0)
    return browser.tabs.get(fromUrl).catch(() => ({ id: fromUrl, url: undefined }));
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

const api: PopupApi = {
  ui: { t: translator(browser.i18n), lang: datasetLanguage(browser.i18n) },
  browserLanguage: navigator.language,
  initialPerson: params.get('person') ?? undefined,
  initialReport: initialReport.success ? initialReport.output : undefined,
  async loadTab() {
    const tab = await describedTab();
    if (tab?.id === undefined) return null;
    const state = await sendRequest(runtime, { type: 'tab/get-state', tabId: tab.id });
    return {
      tabId: tab.id,
      host: tab.url === undefined ? undefined : parseHttpUrl(tab.url)?.hostname,
      site: sitePattern(tab.url),
      privateWindow: 'incognito' in tab && tab.incognito,
      state,
    };
  },
  async runOnSite({ tabId, site }) {
    if (site === undefined) return false;
    const granted = await browser.permissions.request({ origins: [site] });
    if (!granted) return false;
    const { ok } = await sendRequest(runtime, { type: 'site/enable', tabId });
    return ok;
  },
  async pageAddress(tabId) {
    const answer = await browser.tabs
      .sendMessage(tabId, { type: 'page/get-address' }, { frameId: 0 })
      .catch(() => null);
    return (answer as ResponseOf<'page/get-address'>)?.url;
  },
  loadDataset: () => sendRequest(runtime, { type: 'dataset/get' }),
  loadSettings: () => readSettings(browser.storage.local),
  saveSettings: (change) => updateSettings(browser.storage.local, change),
  openOptions: () => browser.runtime.openOptionsPage(),
  loadOutbox: () => sendRequest(runtime, { type: 'report/list' }),
  watchOutbox(onChange) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && OUTBOX_KEY in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  addReport: (report, privateWindow) =>
    sendRequest(runtime, { type: 'report/add', report, privateWindow }),
  sendReportsNow: () => sendRequest(runtime, { type: 'report/send-now' }),
  deleteReport: (id) => sendRequest(runtime, { type: 'report/delete', id }),
};

applyDocumentLocale(browser.i18n, document.documentElement);
render(<Popup api={api} />, document.getElementById('app') as HTMLElement);
