/** The browser behind the popup and the full view: the same parts, two ways of opening them. */
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { sitePattern } from '../background/extra-sites';
import { OUTBOX_KEY } from '../background/outbox';
import { fullViewTarget } from '../full/link';
import { parseHttpUrl } from '../http-url';
import { FullViewReportSchema, sendRequest, type ResponseOf } from '../messages';
import { windowSettings } from '../session-choices';
import { updateSettings } from '../settings';
import { datasetLanguage, translator } from '../ui/i18n';
import type { PopupApi } from './Popup';

const runtime = browser.runtime;

/**
 * The tab described: the one named by `?tab=` (the full view opened from an in-page card, or
 * tests), else the active tab for the popup; a full view opened from a link describes none.
 */
async function describedTab(params: URLSearchParams, layout: PopupApi['layout']) {
  const fromUrl = Number.parseInt(params.get('tab') ?? '', 10);
  if (Number.isInteger(fromUrl) && fromUrl >= 0)
    return browser.tabs.get(fromUrl).catch(() => ({ id: fromUrl, url: undefined }));
  if (layout === 'full') return undefined;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

export function browserApi(layout: PopupApi['layout'], location: Location): PopupApi {
  const params = new URLSearchParams(location.search);
  // Any page can link to these pages: the form's kind is read like any other input.
  const initialReport = v.safeParse(FullViewReportSchema, params.get('report'));
  const tabDescribed = describedTab(params, layout);
  // The settings in force in the described tab's window: a private one adds the session's choices.
  const settingsThere = tabDescribed.then((tab) =>
    windowSettings(
      tab !== undefined && 'incognito' in tab && tab.incognito,
      browser.storage.local,
      runtime,
    ),
  );
  return {
    ui: { t: translator(browser.i18n), lang: datasetLanguage(browser.i18n) },
    layout,
    browserLanguage: navigator.language,
    target: fullViewTarget(location.search, location.hash),
    initialReport: initialReport.success ? initialReport.output : undefined,
    extensionUrl: (path) => runtime.getURL(path),
    async loadTab() {
      const tab = await tabDescribed;
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
    loadSettings: () => settingsThere.then((settings) => settings.read()),
    async saveSettings(change) {
      await updateSettings(browser.storage.local, change);
      return (await settingsThere).read();
    },
    async setSiteMode(host, mode) {
      const settings = await settingsThere;
      await settings.setSiteMode(host, mode);
      return settings.read();
    },
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
}
