import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  readSettings,
  relevanceFor,
  SETTINGS_KEY,
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
    });
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
      future: 1,
    });
  });
});
