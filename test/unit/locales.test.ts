import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EVENT_KINDS, STATUS_KINDS } from '../../src/dataset/schema';
import { eventLabelKey, statusLabelKey } from '../../src/popup/labels';
import { REPORT_KINDS } from '../../src/reports/schema';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

const read = (lang: string): Catalogue =>
  JSON.parse(readFileSync(`src/static/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;

const english = read('en');
const urdu = read('ur');

/** The $NAME$ placeholders a message uses, sorted. */
const placeholdersIn = (message: string) =>
  [...message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]).sort();

describe('the Urdu and English catalogues', () => {
  test('have the same keys: no string falls back to English in the Urdu UI', () => {
    expect(Object.keys(urdu).sort()).toEqual(Object.keys(english).sort());
  });

  test.each(Object.keys(english))('%s uses the same placeholders in both', (key) => {
    const en = english[key];
    const ur = urdu[key];
    expect(placeholdersIn(ur?.message ?? '')).toEqual(placeholdersIn(en?.message ?? ''));
    expect(Object.keys(ur?.placeholders ?? {}).sort()).toEqual(
      Object.keys(en?.placeholders ?? {}).sort(),
    );
  });

  test('label every status, event kind and report kind the dataset and reports can hold', () => {
    const keys = [
      ...STATUS_KINDS.map(statusLabelKey),
      ...EVENT_KINDS.map(eventLabelKey),
      ...REPORT_KINDS.map((kind) => `reportKind_${kind.replaceAll('-', '_')}`),
    ];
    for (const key of keys) expect(english, key).toHaveProperty(key);
  });
});
