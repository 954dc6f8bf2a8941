/**
 * User settings, stored in `storage.local` under one key. Reading is forgiving: a missing or
 * malformed stored value falls back to the default for that field only, so one bad field never
 * costs the user the rest of their settings.
 */
import * as v from 'valibot';
import type { Storage } from 'webextension-polyfill';

export const RELEVANCE_MODES = ['harassment', 'every', 'off'] as const;
export type RelevanceMode = (typeof RELEVANCE_MODES)[number];

export interface Settings {
  /** Which posts get a badge: only posts about harassment, every mention, or none. */
  readonly relevance: RelevanceMode;
}

export const DEFAULT_SETTINGS: Settings = { relevance: 'harassment' };

export const SETTINGS_KEY = 'settings';

const RelevanceSchema = v.picklist(RELEVANCE_MODES);

export function parseSettings(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? stored : {};
  const relevance = v.safeParse(RelevanceSchema, (record as Record<string, unknown>).relevance);
  return { relevance: relevance.success ? relevance.output : DEFAULT_SETTINGS.relevance };
}

export async function readSettings(area: Storage.StorageArea): Promise<Settings> {
  return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/**
 * Merges `change` into what is stored. Fields not named keep their stored value, including
 * fields this version does not know (written by a newer version, kept for when it returns).
 */
export async function updateSettings(
  area: Storage.StorageArea,
  change: Partial<Settings>,
): Promise<Settings> {
  const stored: unknown = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const kept = typeof stored === 'object' && stored !== null ? stored : {};
  const next = { ...kept, ...parseSettings(stored), ...change };
  await area.set({ [SETTINGS_KEY]: next });
  return parseSettings(next);
}
