/** What the local build's content script writes on the page once the background answered it. */
export interface ContentScriptMark {
  readonly tabId: number;
}

interface PageLike {
  waitForFunction(fn: () => unknown, options?: { timeout?: number }): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}

/** Waits for the content script to have been answered by the background, and returns its mark. */
export async function waitForContentScript(page: PageLike): Promise<ContentScriptMark> {
  await page.waitForFunction(() => document.documentElement.dataset.footnoteTest !== undefined, {
    timeout: 15_000,
  });
  const mark = await page.evaluate(() => document.documentElement.dataset.footnoteTest ?? '');
  return JSON.parse(mark) as ContentScriptMark;
}
