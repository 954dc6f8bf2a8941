/** Where each build goes; shared by the vite config, the build script and the tests. */
export type BrowserTarget = 'chrome' | 'firefox';

export const BROWSER_TARGETS: readonly BrowserTarget[] = ['chrome', 'firefox'];

export function buildTarget(env: NodeJS.ProcessEnv): { browser: BrowserTarget; local: boolean } {
  const browser = env.FOOTNOTE_BROWSER ?? 'chrome';
  if (browser !== 'chrome' && browser !== 'firefox') {
    throw new Error(`FOOTNOTE_BROWSER must be "chrome" or "firefox", not "${browser}"`);
  }
  return { browser, local: env.FOOTNOTE_LOCAL === '1' };
}

export function outDirFor(browser: BrowserTarget, local: boolean): string {
  return local ? `dist/local/${browser}` : `dist/${browser}`;
}

/** Stable add-on id for Firefox (a GUID: it names no domain we would have to own). */
export const FIREFOX_ADDON_ID = '{5c1b5a2e-6f0b-4d8e-9a57-2f7c0e8b41d3}';
