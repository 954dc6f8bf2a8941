import type { TabState } from '../messages';

/** The tab the popup (or a full view opened from a page) describes. */
export interface TabInfo {
  readonly tabId: number;
  /** The tab's host name, where the browser lets the popup see it. */
  readonly host: string | undefined;
  /** The tab's site as a permission pattern (`https://host/*`), where known. */
  readonly site: string | undefined;
  /** In a private (incognito) window: a report from it never keeps the page address. */
  readonly privateWindow: boolean;
  readonly state: TabState | null;
}
