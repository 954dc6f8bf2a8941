import { render } from 'preact';
import browser from 'webextension-polyfill';
import { applyDocumentLocale, translator } from '../ui/i18n';
import { Popup, type PopupApi } from './Popup';
import { sendRequest } from '../messages';
import '../ui/base.css';
import './popup.css';

/**
 * The tab this popup describes: the active tab, or the one named by `?tab=` when the popup is
 * opened as a full page for a given tab (from an in-page card, or by tests).
 */
async function describedTabId(): Promise<number | undefined> {
  const fromUrl = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  if (Number.isInteger(fromUrl) && fromUrl >= 0) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

const api: PopupApi = {
  t: translator(browser.i18n),
  async loadTabState() {
    const tabId = await describedTabId();
    return tabId === undefined
      ? null
      : sendRequest(browser.runtime, { type: 'tab/get-state', tabId });
  },
  openOptions: () => browser.runtime.openOptionsPage(),
};

applyDocumentLocale(browser.i18n, document.documentElement);
render(<Popup api={api} />, document.getElementById('app') as HTMLElement);
