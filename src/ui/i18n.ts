/**
 * UI strings come from `_locales` through `browser.i18n`, so the browser's language picks
 * English or Urdu. The keys are checked against the English catalogue at compile time.
 */
import type { I18n } from 'webextension-polyfill';
import type english from '../static/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export function translator(i18n: I18n.Static): Translate {
  return (key, ...substitutions) => i18n.getMessage(key, substitutions);
}

const RIGHT_TO_LEFT = /^(?:ur|ar|fa|he|ps|sd|ug|yi)(?:[-_]|$)/i;

/**
 * The direction of the UI language. Not `@@bidi_dir`: Chromium answered `ltr` for an Urdu UI
 * (headless, --lang=ur), while the language itself is never wrong about its script.
 */
export function uiDirection(i18n: I18n.Static): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.test(i18n.getUILanguage()) ? 'rtl' : 'ltr';
}

/** Sets `lang` and `dir` on the page so Urdu renders right to left. */
export function applyDocumentLocale(i18n: I18n.Static, root: HTMLElement): void {
  root.lang = i18n.getUILanguage();
  root.dir = uiDirection(i18n);
}

/** The language dataset text is shown in: Urdu for an Urdu browser, else English. */
export function datasetLanguage(i18n: I18n.Static): 'en' | 'ur' {
  return i18n.getUILanguage().toLowerCase().startsWith('ur') ? 'ur' : 'en';
}
