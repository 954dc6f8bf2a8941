/** Steps the Chromium tests of the report form share: settings, the popup, the form. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ChromiumSession } from './chromium';
import { waitForContentScript } from './content-script';

/** Fills one address in the options page's group and saves it, as a reader does. */
export async function saveAddress(
  options: Page,
  group: 'Reports' | 'Dataset updates',
  value: string,
): Promise<void> {
  const fieldset = options.getByRole('group', { name: group });
  await fieldset.getByRole('textbox').fill(value);
  await fieldset.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(() => options.getByTestId('save-status').textContent(), { timeout: 15_000 })
    .toBe('Saved.');
}

/** Opens a page, waits for Footnote there, and opens the popup (as a page) for its tab. */
export async function openPopupFor(
  chromium: ChromiumSession,
  url: string,
): Promise<{ page: Page; popup: Page }> {
  const page = await chromium.openPage(url);
  const { tabId } = await waitForContentScript(page);
  const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  return { page, popup };
}

/** Opens the report form from the first event of the Shafi–Zafar case in the popup. */
export async function openReportForm(popup: Page): Promise<void> {
  await popup.locator('.case[data-case="shafi-zafar"] .event').first().getByRole('button').click();
  await popup.locator('.report-form').waitFor();
}

/** Sends the open form: the popup confirms it is queued, then shows the outbox. */
export async function queueAndOpenOutbox(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Add to outbox and send' }).click();
  await popup.getByRole('status').filter({ hasText: 'Your report is in the outbox.' }).waitFor();
  await popup.getByRole('button', { name: 'See your reports' }).click();
  await popup.locator('.outbox').waitFor();
}
