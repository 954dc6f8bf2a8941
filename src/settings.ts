/**
 * User settings, stored in `storage.local` under one key. Reading is forgiving: a missing or
 * malformed stored value falls back to the default for that field only, so one bad field never
 * costs the user the rest of their settings.
 */
import * as v from 'valibot';
import type { Storage } from 'webextension-polyfill';
import { parseHttpUrl } from './http-url';
import { DatasetIdSchema } from './messages';

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
  /**
   * People whose badges the reader hid on a site ("Not this person"): host name → person ids.
   * A host with no one hidden has no key.
   */
  readonly hiddenPeople: Readonly<Record<string, readonly string[]>>;
  /**
   * Gentle mode: each case's status (with its outcome) and sources stay in view, while the
   * retelling of the allegations (the case summary and its timeline) folds behind a one-line
   * content note until the reader opens it. Card, popup and full view all follow it.
   */
  readonly gentle: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  relevance: 'harassment',
  sites: {},
  region: 'auto',
  reportEndpoint: '',
  // No update service is run yet; curators set one when they publish (README).
  updateUrl: '',
  hiddenPeople: {},
  gentle: false,
};

/** An http(s) URL, or '' for "none"; anything else is not a usable address. */
export function isEndpoint(value: unknown): value is string {
  if (value === '') return true;
  return typeof value === 'string' && value.length <= 2048 && parseHttpUrl(value) !== undefined;
}

/**
 * Why an address the reader typed cannot be saved: not a web address, or plain http where only
 * https can work (the store builds' pages may connect to https only; the local build also
 * reaches test servers on 127.0.0.1 over http). Undefined: usable, or empty ("not set").
 */
export function addressProblem(
  value: string,
  httpsOnly: boolean,
): 'not-web-address' | 'not-https' | undefined {
  if (!isEndpoint(value)) return 'not-web-address';
  if (httpsOnly && value !== '' && parseHttpUrl(value)?.protocol !== 'https:') return 'not-https';
  return undefined;
}

const REGION = /^(?:auto|global|[A-Z]{2})$/;

export const SETTINGS_KEY = 'settings';

const RelevanceSchema = v.picklist(RELEVANCE_MODES);

const HOST_NAME = /^[a-z0-9.-]{1,253}$/;
export const isHostName = (value: unknown): value is string =>
  typeof value === 'string' && HOST_NAME.test(value);
/** More than any reader hides on one site; keeps a runaway writer from filling storage. */
export const MAX_HIDDEN_PER_SITE = 500;

export const isPersonId = (value: unknown): value is string => v.is(DatasetIdSchema, value);

/** Valid ids once each, the newest (last) kept when over the cap; hosts left empty are dropped. */
function parseHiddenPeople(value: unknown): Record<string, readonly string[]> {
  const hidden: Record<string, readonly string[]> = {};
  if (typeof value !== 'object' || value === null) return hidden;
  for (const [host, ids] of Object.entries(value)) {
    if (!isHostName(host) || !Array.isArray(ids)) continue;
    const kept = [...new Set(ids.filter(isPersonId))].slice(-MAX_HIDDEN_PER_SITE);
    if (kept.length > 0) hidden[host] = kept;
  }
  return hidden;
}

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
      if (isHostName(host) && parsed.success) sites[host] = parsed.output;
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
    hiddenPeople: parseHiddenPeople(record.hiddenPeople),
    gentle: typeof record.gentle === 'boolean' ? record.gentle : DEFAULT_SETTINGS.gentle,
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

/** A site's own mode, or `default`: the site follows the global mode. */
export type SiteMode = RelevanceMode | 'default';

/** The per-site choices with `host` set to `mode`. */
export function withSiteMode(
  sites: Settings['sites'],
  host: string,
  mode: SiteMode,
): Record<string, RelevanceMode> {
  return mode === 'default' ? withoutSite(sites, host) : { ...sites, [host]: mode };
}

/** A site's hidden people after hiding `person` there, or showing them again. */
export function withPersonHidden(
  ids: readonly string[],
  person: string,
  hidden: boolean,
): string[] {
  const others = ids.filter((id) => id !== person);
  return hidden ? [...others, person].slice(-MAX_HIDDEN_PER_SITE) : others;
}

/** The mode in force on a site: its own choice if the reader made one, else the global one. */
export function relevanceFor(settings: Settings, host: string): RelevanceMode {
  return settings.sites[host] ?? settings.relevance;
}

/** Whether the reader hid this person's badges on this site ("Not this person"). */
export function isHiddenOn(settings: Settings, host: string, person: string): boolean {
  return settings.hiddenPeople[host]?.includes(person) ?? false;
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

/**
 * Hides a person's badges on a site, or shows them again, and returns the settings now stored.
 * Read from storage rather than taken from the caller, so a change made meanwhile in another
 * tab or the options page is not overwritten. Throws on a host or id that could not be stored.
 */
export async function setPersonHidden(
  area: Storage.StorageArea,
  host: string,
  person: string,
  hidden: boolean,
): Promise<Settings> {
  if (!isHostName(host)) throw new RangeError(`Not a host name: ${host}`);
  if (!isPersonId(person)) throw new RangeError(`Not a person id: ${person}`);
  const { hiddenPeople } = await readSettings(area);
  const ids = withPersonHidden(hiddenPeople[host] ?? [], person, hidden);
  const rest = Object.fromEntries(Object.entries(hiddenPeople).filter(([site]) => site !== host));
  return updateSettings(area, { hiddenPeople: ids.length > 0 ? { ...rest, [host]: ids } : rest });
}
