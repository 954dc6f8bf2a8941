import { render } from 'preact';
import browser from 'webextension-polyfill';
import { applyDocumentLocale } from '../ui/i18n';
import { browserApi } from './api';
import { Popup } from './Popup';
import '../ui/base.css';
import './popup.css';

applyDocumentLocale(browser.i18n, document.documentElement);
render(
  <Popup api={browserApi('popup', location)} />,
  document.getElementById('app') as HTMLElement,
);
