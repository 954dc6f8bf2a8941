import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  addressProblem,
  DEFAULT_SETTINGS,
  isHiddenOn,
  MAX_HIDDEN_PER_SITE,
  parseSettings,
  readSettings,
  relevanceFor,
  SETTINGS_KEY,
  setPersonHidden,
  supportRegion,
  updateSettings,
} from '../../src/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a fresh install reads the defaults', async () => {
    await expect(readSettings(fakeBrowser.storage.local)).resolves.toEqual(DEFAULT_SETTINGS);
  });

  test('a saved choice is read back', async () => {
    await updateSettings(fakeBrowser.storage.local, { relevance: 'off' });
    await expect(readSettings(fakeBrowser.storage.local)).resolves.toEqual({
      relevance: 'off',
      sites: {},
      region: 'auto',
      reportEndpoint: '',
      updateUrl: '',
      hiddenPeople: {},
      gentle: false,
    });
  });

  test('gentle mode is off until the reader turns it on, and only a boolean turns it on', () => {
    expect(parseSettings({ gentle: true }).gentle).toBe(true);
    expect(parseSettings({ gentle: 'yes' }).gentle).toBe(false);
  });

  test('a malformed stored value falls back to the default instead of failing', () => {
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ relevance: 'sometimes' })).toEqual(DEFAULT_SETTINGS);
  });

  test('support resources follow the browser language until the reader picks a region', () => {
    expect(supportRegion(DEFAULT_SETTINGS, 'en-PK')).toBe('PK');
    expect(supportRegion(DEFAULT_SETTINGS, 'ur')).toBe('PK');
    expect(supportRegion(DEFAULT_SETTINGS, 'en-GB')).toBe('GB');
    expect(supportRegion(DEFAULT_SETTINGS, 'en')).toBe('global');
    expect(supportRegion({ ...DEFAULT_SETTINGS, region: 'IN' }, 'en-GB')).toBe('IN');
  });

  test('a report endpoint must be an http(s) address; anything else is not kept', () => {
    expect(parseSettings({ reportEndpoint: 'https://reports.example/v1' }).reportEndpoint).toBe(
      'https://reports.example/v1',
    );
    expect(parseSettings({ reportEndpoint: 'javascript:alert(1)' }).reportEndpoint).toBe('');
    expect(parseSettings({ reportEndpoint: 'not a url' }).reportEndpoint).toBe('');
  });

  test('a per-site choice overrides the global mode on that site only', () => {
    const settings = parseSettings({
      relevance: 'harassment',
      sites: { 'x.com': 'off', 'bad host!': 'off' },
    });
    expect(settings.sites).toEqual({ 'x.com': 'off' });
    expect(relevanceFor(settings, 'x.com')).toBe('off');
    expect(relevanceFor(settings, 'www.reddit.com')).toBe('harassment');
  });

  test('fields this version does not know survive an update', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { relevance: 'every', future: 1 } });
    await updateSettings(fakeBrowser.storage.local, { relevance: 'off' });
    const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(stored[SETTINGS_KEY]).toEqual({
      relevance: 'off',
      sites: {},
      region: 'auto',
      reportEndpoint: '',
      updateUrl: '',
      hiddenPeople: {},
      gentle: false,
      future: 1,
    });
  });

  describe('people hidden on a site ("Not this person")', () => {
    const area = () => fakeBrowser.storage.local;

    test('hiding a person applies to that site only, and survives a new read', async () => {
      const settings = await setPersonHidden(area(), 'x.com', 'ali-zafar', true);
      expect(settings.hiddenPeople).toEqual({ 'x.com': ['ali-zafar'] });
      const read = await readSettings(area());
      expect(isHiddenOn(read, 'x.com', 'ali-zafar')).toBe(true);
      expect(isHiddenOn(read, 'www.reddit.com', 'ali-zafar')).toBe(false);
      expect(isHiddenOn(read, 'x.com', 'meesha-shafi')).toBe(false);
    });

    test('hiding twice keeps one entry; showing the last one again removes the site', async () => {
      await setPersonHidden(area(), 'x.com', 'ali-zafar', true);
      await setPersonHidden(area(), 'x.com', 'ali-zafar', true);
      await setPersonHidden(area(), 'x.com', 'aziz-ansari', true);
      expect((await readSettings(area())).hiddenPeople).toEqual({
        'x.com': ['ali-zafar', 'aziz-ansari'],
      });
      await setPersonHidden(area(), 'x.com', 'ali-zafar', false);
      expect((await readSettings(area())).hiddenPeople).toEqual({ 'x.com': ['aziz-ansari'] });
      await setPersonHidden(area(), 'x.com', 'aziz-ansari', false);
      const stored = (await area().get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>;
      expect(stored.hiddenPeople).toEqual({});
    });

    test('showing someone who was not hidden changes nothing', async () => {
      await setPersonHidden(area(), 'x.com', 'ali-zafar', true);
      const settings = await setPersonHidden(area(), 'dawn.com', 'ali-zafar', false);
      expect(settings.hiddenPeople).toEqual({ 'x.com': ['ali-zafar'] });
    });

    test('nothing else stored is lost, including fields this version does not know', async () => {
      await area().set({
        [SETTINGS_KEY]: {
          relevance: 'every',
          sites: { 'x.com': 'off' },
          hiddenPeople: { 'dawn.com': ['meesha-shafi'] },
          future: 1,
        },
      });
      await setPersonHidden(area(), 'x.com', 'ali-zafar', true);
      const stored = (await area().get(SETTINGS_KEY))[SETTINGS_KEY];
      expect(stored).toMatchObject({
        relevance: 'every',
        sites: { 'x.com': 'off' },
        hiddenPeople: { 'dawn.com': ['meesha-shafi'], 'x.com': ['ali-zafar'] },
        future: 1,
      });
    });

    test('a host or id that could not be stored is refused, not silently dropped', async () => {
      await expect(setPersonHidden(area(), 'bad host!', 'ali-zafar', true)).rejects.toThrow(
        RangeError,
      );
      await expect(setPersonHidden(area(), 'x.com', 'Ali Zafar', true)).rejects.toThrow(RangeError);
      expect((await readSettings(area())).hiddenPeople).toEqual({});
    });

    test('a malformed stored value keeps what is valid: hosts, ids, once each', () => {
      const settings = parseSettings({
        hiddenPeople: {
          'x.com': ['ali-zafar', 'ali-zafar', 'Ali Zafar', 7, 'a'.repeat(121), 'meesha-shafi'],
          'bad host!': ['ali-zafar'],
          'dawn.com': 'ali-zafar',
          'www.reddit.com': ['<script>'],
        },
      });
      expect(settings.hiddenPeople).toEqual({ 'x.com': ['ali-zafar', 'meesha-shafi'] });
      expect(parseSettings({ hiddenPeople: ['x.com'] }).hiddenPeople).toEqual({});
      expect(parseSettings({ hiddenPeople: null }).hiddenPeople).toEqual({});
    });

    test('a site holds at most the cap, the most recently hidden kept', async () => {
      const ids = Array.from({ length: MAX_HIDDEN_PER_SITE }, (_, i) => `person-${i}`);
      await area().set({ [SETTINGS_KEY]: { hiddenPeople: { 'x.com': ids } } });
      const settings = await setPersonHidden(area(), 'x.com', 'ali-zafar', true);
      const kept = settings.hiddenPeople['x.com'] ?? [];
      expect(kept).toHaveLength(MAX_HIDDEN_PER_SITE);
      expect(kept.at(-1)).toBe('ali-zafar');
      expect(kept).not.toContain('person-0');
      expect(
        parseSettings({ hiddenPeople: { 'x.com': [...ids, 'extra'] } }).hiddenPeople['x.com'],
      ).toHaveLength(MAX_HIDDEN_PER_SITE);
    });
  });
});

describe('addressProblem: what the options page accepts as an address', () => {
  test('the store build accepts only https; empty is "not set", never a problem', () => {
    expect(addressProblem('https://reports.example.org/v1/reports', true)).toBeUndefined();
    expect(addressProblem('', true)).toBeUndefined();
    expect(addressProblem('http://reports.example.org/v1/reports', true)).toBe('not-https');
    expect(addressProblem('HTTP://127.0.0.1:8787/v1/reports', true)).toBe('not-https');
    expect(addressProblem('javascript:alert(1)', true)).toBe('not-web-address');
  });

  test('the local build also accepts plain http, for test servers on 127.0.0.1', () => {
    expect(addressProblem('http://127.0.0.1:8787/v1/reports', false)).toBeUndefined();
    expect(addressProblem('https://reports.example.org/', false)).toBeUndefined();
    expect(addressProblem('', false)).toBeUndefined();
    expect(addressProblem('ftp://example.org/', false)).toBe('not-web-address');
    expect(addressProblem('not an address', false)).toBe('not-web-address');
  });
});
