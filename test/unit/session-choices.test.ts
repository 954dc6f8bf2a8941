import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import { parseRequest } from '../../src/messages';
import { SessionChoiceStore, windowSettings, withSessionChoices } from '../../src/session-choices';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '../../src/settings';

/** The background's answer to a window's session-choice requests, without the rest of it. */
function backgroundRuntime(store: SessionChoiceStore) {
  return {
    async sendMessage(message: unknown): Promise<unknown> {
      const request = parseRequest(message);
      if (request?.type === 'private/get-choices') return store.read();
      if (request?.type === 'private/choose') return store.choose(request.host, request.choice);
      throw new Error(`Unexpected request: ${JSON.stringify(message)}`);
    },
  };
}

const storedJson = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('session-only choices in private windows', () => {
  const local = fakeBrowser.storage.local;
  const store = () => new SessionChoiceStore(fakeBrowser.storage.session, local);
  beforeEach(() => fakeBrowser.reset());

  test('merge over the stored settings, a default mode or an empty list overriding them', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      sites: { 'x.com': 'off', 'bsky.app': 'every' },
      hiddenPeople: { 'x.com': ['ali-zafar'], 'bsky.app': ['meesha-shafi'] },
    } as const;
    const merged = withSessionChoices(stored, {
      sites: { 'x.com': 'default', 'www.dawn.com': 'every' },
      hiddenPeople: { 'x.com': [], 'www.dawn.com': ['ali-zafar'] },
    });
    expect(merged.sites).toEqual({ 'bsky.app': 'every', 'www.dawn.com': 'every' });
    expect(merged.hiddenPeople).toEqual({
      'x.com': [],
      'bsky.app': ['meesha-shafi'],
      'www.dawn.com': ['ali-zafar'],
    });
  });

  test('a private window hides a person and sets a mode for the session; storage.local never has the host', async () => {
    await updateSettings(local, { gentle: true });
    const before = await storedJson();
    const privateWindow = windowSettings(true, local, backgroundRuntime(store()));

    await privateWindow.setPersonHidden('news.example', 'ali-zafar', true);
    await privateWindow.setSiteMode('news.example', 'every');

    const inForce = await privateWindow.read();
    expect(inForce.hiddenPeople['news.example']).toEqual(['ali-zafar']);
    expect(inForce.sites['news.example']).toBe('every');
    expect(inForce.gentle).toBe(true); // the stored settings still apply
    expect(await storedJson()).toBe(before);
    expect(await storedJson()).not.toContain('news.example');
    // A normal window does not see what was chosen in a private one.
    const normal = await windowSettings(false, local, backgroundRuntime(store())).read();
    expect(normal.hiddenPeople).toEqual({});
    expect(normal.sites).toEqual({});
  });

  test('showing again, in a private window, a person hidden in a normal one leaves the stored choice alone', async () => {
    const normalWindow = windowSettings(false, local, backgroundRuntime(store()));
    await normalWindow.setPersonHidden('x.com', 'ali-zafar', true);
    const privateWindow = windowSettings(true, local, backgroundRuntime(store()));

    await privateWindow.setPersonHidden('x.com', 'meesha-shafi', true);
    expect((await privateWindow.read()).hiddenPeople['x.com']).toEqual([
      'ali-zafar',
      'meesha-shafi',
    ]);
    await privateWindow.setPersonHidden('x.com', 'ali-zafar', false);

    expect((await privateWindow.read()).hiddenPeople['x.com']).toEqual(['meesha-shafi']);
    expect((await readSettings(local)).hiddenPeople).toEqual({ 'x.com': ['ali-zafar'] });
  });

  test('a normal window stores its choices, as before', async () => {
    const normalWindow = windowSettings(false, local, backgroundRuntime(store()));
    await normalWindow.setSiteMode('x.com', 'off');
    await normalWindow.setPersonHidden('x.com', 'ali-zafar', true);
    expect(await readSettings(local)).toMatchObject({
      sites: { 'x.com': 'off' },
      hiddenPeople: { 'x.com': ['ali-zafar'] },
    });
    await normalWindow.setSiteMode('x.com', 'default');
    expect((await readSettings(local)).sites).toEqual({});
  });

  test('forgotten when the private session ends', async () => {
    const choices = store();
    await choices.choose('x.com', { kind: 'mode', mode: 'off' });
    await choices.forget();
    expect(await choices.read()).toEqual({ sites: {}, hiddenPeople: {} });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  test('two quick choices in a row are both kept', async () => {
    const choices = store();
    await Promise.all([
      choices.choose('x.com', { kind: 'person', person: 'ali-zafar', hidden: true }),
      choices.choose('x.com', { kind: 'person', person: 'meesha-shafi', hidden: true }),
    ]);
    expect((await choices.read()).hiddenPeople['x.com']).toEqual(['ali-zafar', 'meesha-shafi']);
  });

  test('what is read back from the session is checked like stored settings', async () => {
    await fakeBrowser.storage.session.set({
      privateWindowChoices: {
        sites: { 'x.com': 'loud', 'bsky.app': 'off', 'Not A Host': 'off' },
        hiddenPeople: { 'x.com': ['ali-zafar', 'Not An Id', 3], 'bsky.app': 'ali-zafar' },
      },
    });
    expect(await store().read()).toEqual({
      sites: { 'bsky.app': 'off' },
      hiddenPeople: { 'x.com': ['ali-zafar'] },
    });
  });
});
