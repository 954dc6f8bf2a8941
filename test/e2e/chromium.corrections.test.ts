/**
 * The right of reply, end to end: a person named in the record disputes an entry from the
 * popup's report form, where that kind comes first, and the correction reaches the intake
 * service with the person, the event and what is disputed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore, startServer } from '../../server/server';
import {
  openPopupFor,
  openReportForm,
  queueAndOpenOutbox,
  saveAddress,
} from './harness/report-form';
import { useChromiumWithFixtures } from './harness/suite';

describe('a correction from a person named (Chromium)', () => {
  const suite = useChromiumWithFixtures();
  const dataDir = mkdtempSync(join(tmpdir(), 'footnote-corrections-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('is the first kind in the form and reaches the intake service', async () => {
    const server = await startServer({ port: 0, dataDir });
    try {
      const options = await suite.chromium.openExtensionPage('src/options/index.html');
      await saveAddress(options, 'Reports', `${server.url}/v1/reports`);
      await options.close();

      const { page, popup } = await openPopupFor(
        suite.chromium,
        `${suite.pages.url}sites/generic.html`,
      );
      await openReportForm(popup);
      const kinds = popup.getByRole('group', { name: 'What to report' }).getByRole('radio');
      expect(await kinds.first().getAttribute('value')).toBe('correction');
      await popup.getByLabel('Correction or reply from a person named').check();
      await popup.getByRole('heading', { name: 'Dispute an entry as a person named' }).waitFor();
      await popup.getByLabel('Person named', { exact: true }).selectOption('ali-zafar');
      await popup.getByRole('button', { name: 'Add to outbox and send' }).click();
      // What is disputed is required.
      await expect
        .poll(() => popup.locator('#report-note').getAttribute('aria-invalid'))
        .toBe('true');
      await popup
        .getByLabel(/What is wrong, or your reply/)
        .fill('His denial of the same day is not shown beside this event.');
      await queueAndOpenOutbox(popup);
      await expect
        .poll(() => popup.locator('[data-state="sent"]').count(), { timeout: 15_000 })
        .toBe(1);

      const store = await openStore({ dataDir });
      const [stored] = (await store.list()).map((entry) => entry.report);
      await store.close();
      expect(stored).toMatchObject({
        kind: 'correction',
        caseId: 'shafi-zafar',
        personId: 'ali-zafar',
        eventId: expect.any(String),
        note: 'His denial of the same day is not shown beside this event.',
      });
      expect(stored).not.toHaveProperty('sourceUrl');
      expect(stored).not.toHaveProperty('pageUrl');
      await Promise.all([popup.close(), page.close()]);
    } finally {
      await server.close();
    }
  });
});
