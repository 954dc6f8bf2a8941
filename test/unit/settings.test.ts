import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  readSettings,
  SETTINGS_KEY,
  updateSettings,
} from '../../src/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a fresh install reads the defaults', async () => {
    await expect(readSettings(fakeBrowser.storage.local)).resolves.toEqual(DEFAULT_SETTINGS);
  });

  test('a saved choice is read back', async () => {
    await updateSettings(fakeBrowser.storage.local, { relevance: 'off' });
    await expect(readSettings(fakeBrowser.storage.local)).resolves.toEqual({ relevance: 'off' });
  });

  test('a malformed stored value falls back to the default instead of failing', () => {
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ relevance: 'sometimes' })).toEqual(DEFAULT_SETTINGS);
  });

  test('fields this version does not know survive an update', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { relevance: 'every', future: 1 } });
    await updateSettings(fakeBrowser.storage.local, { relevance: 'off' });
    const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(stored[SETTINGS_KEY]).toEqual({ relevance: 'off', future: 1 });
  });
});
