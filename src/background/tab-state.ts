/**
 * Per-tab state, kept in `storage.session` so it survives the service worker being stopped
 * (MV3 workers are stopped after about 30 s idle) and is gone when the browser closes.
 */
import type { Storage } from 'webextension-polyfill';
import type { TabState } from '../messages';

const keyOf = (tabId: number): string => `tab:${tabId}`;

const EMPTY_STATE: TabState = { contentScriptReady: false, peopleFound: [] };

export class TabStateStore {
  constructor(private readonly area: Storage.StorageArea) {}

  async get(tabId: number): Promise<TabState | null> {
    const key = keyOf(tabId);
    const stored = (await this.area.get(key))[key];
    return isTabState(stored) ? stored : null;
  }

  /** A new document in the tab: whatever was found on the previous one no longer applies. */
  async startDocument(tabId: number): Promise<void> {
    const state: TabState = { ...EMPTY_STATE, contentScriptReady: true };
    await this.area.set({ [keyOf(tabId)]: state });
  }

  /** Records who was found in the tab's current document (the full list, not an addition). */
  async setPeopleFound(tabId: number, peopleFound: readonly string[]): Promise<void> {
    const state: TabState = { contentScriptReady: true, peopleFound };
    await this.area.set({ [keyOf(tabId)]: state });
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove(keyOf(tabId));
  }
}

function isTabState(value: unknown): value is TabState {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<TabState>;
  return (
    typeof candidate.contentScriptReady === 'boolean' &&
    Array.isArray(candidate.peopleFound) &&
    candidate.peopleFound.every((id) => typeof id === 'string')
  );
}
