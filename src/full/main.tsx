import { render } from 'preact';
import browser from 'webextension-polyfill';
import { browserApi } from '../popup/api';
import { Popup } from '../popup/Popup';
import { applyDocumentLocale } from '../ui/i18n';
import '../ui/base.css';
import '../popup/popup.css';
import './full.css';

const app = document.getElementById('app') as HTMLElement;
const show = () => render(<Popup key={location.hash} api={browserApi('full', location)} />, app);

applyDocumentLocale(browser.i18n, document.documentElement);
// A case link inside the full view changes only the hash: show what it names.
window.addEventListener('hashchange', show);
show();
