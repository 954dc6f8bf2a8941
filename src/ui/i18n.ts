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

/** Sets `lang` and `dir` on the page so Urdu renders right to left. */
export function applyDocumentLocale(i18n: I18n.Static, root: HTMLElement): void {
  root.lang = i18n.getUILanguage();
  root.dir = i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
