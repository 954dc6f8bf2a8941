import { render } from 'preact';
import browser from 'webextension-polyfill';
import { sendRequest } from '../messages';
import { readSettings, updateSettings } from '../settings';
import { supportedSites } from '../supported-sites';
import { applyDocumentLocale, translator } from '../ui/i18n';
import { Welcome, type WelcomeApi } from './Welcome';
import '../ui/base.css';
import '../ui/page.css';
import './welcome.css';

const api: WelcomeApi = {
  t: translator(browser.i18n),
  supportedSites: supportedSites(browser.runtime.getManifest()),
  load: () => readSettings(browser.storage.local),
  save: (change) => updateSettings(browser.storage.local, change),
  async loadIndex() {
    const answer = await sendRequest(browser.runtime, { type: 'dataset/get' });
    return 'index' in answer ? answer.index : undefined;
  },
  openOptions: () => browser.runtime.openOptionsPage(),
};

applyDocumentLocale(browser.i18n, document.documentElement);
document.title = api.t('welcomeTitle');
render(<Welcome api={api} />, document.getElementById('app') as HTMLElement);
