/**
 * The page address in a report is browsing activity in Firefox's data-consent terms. The Firefox
 * manifest declares it as optional collection (`data_collection_permissions`, vite.config.ts),
 * so Firefox asks the reader for it when they tick "Also send the address of the page I was on".
 * Chromium has no such consent: there the box simply works.
 */
import browser, { type Permissions } from 'webextension-polyfill';

const BROWSING_ACTIVITY = 'browsingActivity';

interface GeckoDataCollection {
  readonly browser_specific_settings?: {
    readonly gecko?: { readonly data_collection_permissions?: { readonly optional?: string[] } };
  };
}

/** Whether this build declares the page address as optional data collection (Firefox's does). */
function asksForDataConsent(): boolean {
  const manifest = browser.runtime.getManifest() as GeckoDataCollection;
  const declared = manifest.browser_specific_settings?.gecko?.data_collection_permissions;
  return declared?.optional?.includes(BROWSING_ACTIVITY) ?? false;
}

/**
 * Call from the box's change handler, at once: Firefox shows its prompt only during the click.
 * The box is unticked while the reader decides; resolves to whether it ends up ticked (unticking
 * needs no consent, ticking needs the reader's yes where the browser asks for it).
 */
export function tickPageAddressBox(box: HTMLInputElement): Promise<boolean> {
  const ticked = box.checked;
  box.checked = false;
  if (!ticked) return Promise.resolve(false);
  if (!asksForDataConsent()) return Promise.resolve(true);
  // `data_collection` is newer than the polyfill's types (Firefox 140+).
  const request = { data_collection: [BROWSING_ACTIVITY] } as Permissions.Permissions;
  return browser.permissions.request(request).catch(() => false);
}
