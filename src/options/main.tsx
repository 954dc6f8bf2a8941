import { render } from 'preact';
import browser from 'webextension-polyfill';
import { httpsOnly } from '../https-only';
import { sendRequest } from '../messages';
import { readSettings, setPersonHidden, updateSettings } from '../settings';
import { supportedSites } from '../supported-sites';
import { applyDocumentLocale, datasetLanguage, translator } from '../ui/i18n';
import { Options, type OptionsApi } from './Options';
import '../ui/base.css';
import '../ui/page.css';
import './options.css';

const api: OptionsApi = {
  t: translator(browser.i18n),
  lang: datasetLanguage(browser.i18n),
  supportedSites: supportedSites(browser.runtime.getManifest()),
  httpsOnly: httpsOnly(),
  load: () => readSettings(browser.storage.local),
  save: (change) => updateSettings(browser.storage.local, change),
  showPersonAgain: (host, person) => setPersonHidden(browser.storage.local, host, person, false),
  loadDataset: () => sendRequest(browser.runtime, { type: 'dataset/get' }),
  updateStatus: () => sendRequest(browser.runtime, { type: 'dataset/update-status' }),
  checkNow: () => sendRequest(browser.runtime, { type: 'dataset/check-now' }),
  extraSites: () => sendRequest(browser.runtime, { type: 'site/list' }),
  disableSite: (pattern) => sendRequest(browser.runtime, { type: 'site/disable', pattern }),
};

applyDocumentLocale(browser.i18n, document.documentElement);
render(<Options api={api} />, document.getElementById('app') as HTMLElement);
