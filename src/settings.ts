/**
 * User settings, stored in `storage.local` under one key. Reading is forgiving: a missing or
 * malformed stored value falls back to the default for that field only, so one bad field never
 * costs the user the rest of their settings.
 */
import * as v from 'valibot';
import type { Storage } from 'webextension-polyfill';
import { parseHttpUrl } from './http-url';

export const RELEVANCE_MODES = ['harassment', 'every', 'off'] as const;
export type RelevanceMode = (typeof RELEVANCE_MODES)[number];

export interface Settings {
  /** Which posts get a badge: only posts about harassment, every mention, or none. */
  readonly relevance: RelevanceMode;
  /** Per-site choices that override `relevance`, by host name (e.g. `x.com`). */
  readonly sites: Readonly<Record<string, RelevanceMode>>;
  /** Region for support resources: a country code, `global`, or `auto` (from the browser's language). */
  readonly region: string;
  /** Where reports are sent (http or https); empty: reports wait in the outbox. */
  readonly reportEndpoint: string;
  /** The folder dataset updates are published to; empty: the bundled dataset only. */
  readonly updateUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  relevance: 'harassment',
  sites: {},
  region: 'auto',
  reportEndpoint: '',
  // No update service is run yet; curators set one when they publish (README).
  updateUrl: '',
};

/** An http(s) URL, or '' for "none"; anything else is not a usable address. */
export function isEndpoint(value: unknown): value is string {
  if (value === '') return true;
  return typeof value === 'string' && value.length <= 2048 && parseHttpUrl(value) !== undefined;
}

const REGION = /^(?:auto|global|[A-Z]{2})$/;

export const SETTINGS_KEY = 'settings';

const RelevanceSchema = v.picklist(RELEVANCE_MODES);

const HOST_NAME = /^[a-z0-9.-]{1,253}$/;

export function parseSettings(stored: unknown): Settings {
  const record = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const relevance = v.safeParse(RelevanceSchema, record.relevance);
  const sites: Record<string, RelevanceMode> = {};
  if (typeof record.sites === 'object' && record.sites !== null) {
    for (const [host, mode] of Object.entries(record.sites)) {
      const parsed = v.safeParse(RelevanceSchema, mode);
      if (HOST_NAME.test(host) && parsed.success) sites[host] = parsed.output;
    }
  }
  return {
    relevance: relevance.success ? relevance.output : DEFAULT_SETTINGS.relevance,
    sites,
    region:
      typeof record.region === 'string' && REGION.test(record.region)
        ? record.region
        : DEFAULT_SETTINGS.region,
    reportEndpoint: isEndpoint(record.reportEndpoint)
      ? record.reportEndpoint
      : DEFAULT_SETTINGS.reportEndpoint,
    updateUrl: isEndpoint(record.updateUrl) ? record.updateUrl : DEFAULT_SETTINGS.updateUrl,
  };
}

/** The region a browser's language points to: `en-PK` → PK, Urdu → PK, else worldwide. */
export function regionOfLanguage(language: string): string {
  const [lang, region] = language.split(/[-_]/);
  if (region && /^[a-z]{2}$/i.test(region)) return region.toUpperCase();
  return lang?.toLowerCase() === 'ur' ? 'PK' : 'global';
}

/** The region support resources are shown for. */
export function supportRegion(settings: Settings, browserLanguage: string): string {
  return settings.region === 'auto' ? regionOfLanguage(browserLanguage) : settings.region;
}

/** The per-site choices without the one for `host` (the site then follows the global mode). */
export function withoutSite(sites: Settings['sites'], host: string): Record<string, RelevanceMode> {
  return Object.fromEntries(Object.entries(sites).filter(([site]) => site !== host));
}

/** The mode in force on a site: its own choice if the reader made one, else the global one. */
export function relevanceFor(settings: Settings, host: string): RelevanceMode {
  return settings.sites[host] ?? settings.relevance;
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
