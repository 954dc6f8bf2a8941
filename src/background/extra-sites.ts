/**
 * Sites the reader turned Footnote on for, beyond the ones it runs on by default. The reader
 * grants the site's permission in the popup (optional host permissions, asked at that moment);
 * then the content script is registered for that site and run in the tab at once.
 */
import type { Scripting } from 'webextension-polyfill';
import { parseHttpUrl } from '../http-url';

/** The content script as built (crxjs writes it next to the manifest under this path). */
export const CONTENT_SCRIPT_FILE = 'src/content/index.js';
const ID_PREFIX = 'site:';

/** `https://news.example/a?b` → `https://news.example/*`; undefined for non-web addresses. */
export function sitePattern(url: string | undefined): string | undefined {
  const parsed = url === undefined ? undefined : parseHttpUrl(url);
  return parsed && `${parsed.protocol}//${parsed.hostname}/*`;
}

export class ExtraSites {
  constructor(private readonly scripting: Scripting.Static) {}

  /** Registers the content script for the site and runs it in the tab now. */
  async enable(pattern: string, tabId: number): Promise<void> {
    const id = ID_PREFIX + pattern;
    const existing = await this.scripting.getRegisteredContentScripts({ ids: [id] });
    if (existing.length === 0) {
      await this.scripting.registerContentScripts([
        {
          id,
          matches: [pattern],
          js: [CONTENT_SCRIPT_FILE],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
    }
    await this.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  }

  /** Site patterns Footnote was turned on for. */
  async list(): Promise<string[]> {
    const scripts = await this.scripting.getRegisteredContentScripts();
    return scripts
      .filter((script) => script.id.startsWith(ID_PREFIX))
      .map((script) => script.id.slice(ID_PREFIX.length));
  }

  async disable(pattern: string): Promise<void> {
    await this.scripting.unregisterContentScripts({ ids: [ID_PREFIX + pattern] });
  }
}
