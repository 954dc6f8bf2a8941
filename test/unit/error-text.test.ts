import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DATASET_ERROR_CODES,
  FETCH_FAILURE_CODES,
  SEND_FAILURE_CODES,
  SERVER_REFUSAL_CODES,
} from '../../src/messages';
import { REPORT_ERROR_CODES } from '../../src/reports/schema';
import {
  datasetErrorText,
  ERROR_KEY_PREFIXES,
  errorKey,
  reportErrorText,
  sendFailureText,
  sendRefusalText,
  updateFailureText,
} from '../../src/ui/error-text';
import type { Translate } from '../../src/ui/i18n';
import { REFUSAL_CODES } from '../../src/updates/verify';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const read = (lang: string): Catalogue =>
  JSON.parse(readFileSync(`src/static/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;
const catalogues = { en: read('en'), ur: read('ur') };

const CODES_BY_PREFIX: Record<string, readonly string[]> = {
  [ERROR_KEY_PREFIXES.report]: REPORT_ERROR_CODES,
  [ERROR_KEY_PREFIXES.sendFailure]: SEND_FAILURE_CODES,
  [ERROR_KEY_PREFIXES.sendRefusal]: SERVER_REFUSAL_CODES,
  [ERROR_KEY_PREFIXES.update]: [...REFUSAL_CODES, ...FETCH_FAILURE_CODES],
  [ERROR_KEY_PREFIXES.dataset]: DATASET_ERROR_CODES,
};
const ERROR_KEYS = Object.entries(CODES_BY_PREFIX).flatMap(([prefix, codes]) =>
  codes.map((code) => errorKey(prefix, code)),
);

/** The message for `key` with `$1`… filled in, as browser.i18n would. */
const translate =
  (catalogue: Catalogue): Translate =>
  (key, ...substitutions) => {
    const entry = catalogue[key];
    if (!entry) throw new Error(`no message ${key}`);
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()] as { content: string } | undefined;
      return substitutions[Number(content?.content.slice(1)) - 1] ?? '';
    });
  };

describe('error codes are worded in both languages', () => {
  test.each(ERROR_KEYS)('%s is in the English and the Urdu catalogue', (key) => {
    expect(catalogues.en).toHaveProperty(key);
    expect(catalogues.ur).toHaveProperty(key);
  });

  test('Urdu wording is Urdu: Arabic script, no English sentence', () => {
    for (const key of ERROR_KEYS) {
      const message = catalogues.ur[key]?.message ?? '';
      expect(message, key).toMatch(/\p{Script=Arabic}/u);
      expect(message, key).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    }
  });

  test('parameters are filled in: too long, server status', () => {
    const en = translate(catalogues.en);
    const ur = translate(catalogues.ur);
    expect(reportErrorText(en, { code: 'too-long', params: { max: '200' } })).toBe(
      'Too long: at most 200 characters.',
    );
    expect(reportErrorText(ur, { code: 'too-long', params: { max: '200' } })).toContain('200');
    expect(sendFailureText(en, { code: 'server-status', params: { status: '503' } })).toBe(
      'the report server answered 503',
    );
    expect(
      updateFailureText(ur, { code: 'http-error', params: { status: '404' }, message: '' }),
    ).toContain('404');
  });

  test('a refusal in the schema’s own code reads like the form’s error; others by status', () => {
    const en = translate(catalogues.en);
    expect(sendRefusalText(en, { code: 'markup' })).toBe(reportErrorText(en, { code: 'markup' }));
    expect(sendRefusalText(en, { code: 'duplicate-id' })).toBe(
      'The server already has a different report with this id.',
    );
    expect(datasetErrorText(en, { code: 'unreadable' })).toBe('its file could not be read');
  });
});
