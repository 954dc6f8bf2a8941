/**
 * Signed dataset updates in Chromium, against an update host on 127.0.0.1: a newer signed
 * release is picked up by "Check now" and its new case shows in the popup; a tampered release,
 * a server that is down and a rollback each leave the dataset in use and say why.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildCompiledIndexJson } from '../../scripts/dataset-files';
import { serveDirectory, type StaticServer } from '../../scripts/static-server';
import type { CompiledIndex } from '../../src/dataset/compiled';
import { RELEASE_MANIFEST_FILE } from '../../src/updates/release';
import { readSigningKey, signRelease } from '../../src/updates/sign';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { REPO_ROOT } from './harness/paths';

const POLL = { timeout: 15_000 };
const BUNDLED = JSON.parse(buildCompiledIndexJson().json) as CompiledIndex;
const NEW_CASE_TITLE = 'Update-only test case';

/** The bundled index at another version, with one more case that only the update has. */
function indexAtVersion(version: number): Uint8Array<ArrayBuffer> {
  const index: CompiledIndex = structuredClone(BUNDLED);
  index.datasetVersion = version;
  const template = index.cases[0] as CompiledIndex['cases'][number];
  index.cases.push({ ...template, id: 'update-only-case', title: { en: NEW_CASE_TITLE } });
  for (const person of index.people) {
    if (template.people.some((entry) => entry.person === person.id)) {
      person.cases.push({
        id: 'update-only-case',
        role: person.cases[0]?.role ?? 'named-in-allegation',
      });
    }
  }
  return new TextEncoder().encode(JSON.stringify(index)) as Uint8Array<ArrayBuffer>;
}

async function publish(dir: string, version: number, tamper = false): Promise<void> {
  const key = await readSigningKey(
    readFileSync(join(REPO_ROOT, 'test/fixtures/update-signing-key.json'), 'utf8'),
  );
  const release = await signRelease({
    datasetBytes: indexAtVersion(version),
    datasetVersion: version,
    published: BUNDLED.published,
    key,
  });
  mkdirSync(dir, { recursive: true });
  const bytes = release.datasetBytes.slice();
  // One byte changed after signing, as a compromised host or network could.
  if (tamper) bytes.set([(bytes[10] ?? 0) ^ 1], 10);
  writeFileSync(join(dir, release.manifest.dataset), bytes);
  writeFileSync(join(dir, release.manifest.signature), release.signature);
  writeFileSync(join(dir, RELEASE_MANIFEST_FILE), JSON.stringify(release.manifest));
}

describe('dataset updates in Chromium', () => {
  let host: StaticServer;
  let chromium: ChromiumSession;
  let root: string;
  let options: Page;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'footnote-updates-'));
    const next = BUNDLED.datasetVersion + 1;
    await publish(join(root, 'good'), next);
    await publish(join(root, 'tampered'), next, true);
    await publish(join(root, 'rollback'), BUNDLED.datasetVersion);
    host = await serveDirectory(root, { allowAnyOrigin: true });
    chromium = await launchChromium();
    options = await chromium.openExtensionPage('src/options/index.html');
  });
  afterAll(async () => {
    await chromium?.close();
    await host?.close();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(chromium.errors.splice(0)).toEqual([]);
  });

  async function checkAt(url: string): Promise<string> {
    const updates = options.getByRole('group', { name: 'Dataset updates' });
    await updates.getByLabel(/Address updates are published at/).fill(url);
    await updates.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        () =>
          chromium
            .readStorage('local')
            .then((s) => (s.settings as { updateUrl?: string }).updateUrl),
        POLL,
      )
      .toBe(url);
    const before = await options.getByTestId('update-status').textContent();
    await updates.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => options.getByTestId('update-status').textContent(), POLL)
      .not.toBe(before);
    return (await options.getByTestId('update-status').textContent()) ?? '';
  }

  const inUse = (version: number, source: string) =>
    `In use: dataset version ${version}, published ${BUNDLED.published} (${source}).`;

  test('a tampered release is refused and the bundled dataset stays in use', async () => {
    const status = await checkAt(`${host.url}tampered/`);
    expect(status).toContain(inUse(BUNDLED.datasetVersion, 'came with Footnote'));
    expect(await options.locator('[data-failure]').getAttribute('data-failure')).toBe(
      'hash-mismatch',
    );
  });

  test('a server that is down is reported, and the dataset stays in use', async () => {
    const down = await serveDirectory(root);
    const url = `${down.url}good/`;
    await down.close();
    const status = await checkAt(url);
    expect(status).toContain(inUse(BUNDLED.datasetVersion, 'came with Footnote'));
    expect(await options.locator('[data-failure]').getAttribute('data-failure')).toBe(
      'unreachable',
    );
  });

  test('a newer signed release is used at once, and its new case is in the popup', async () => {
    const status = await checkAt(`${host.url}good/`);
    expect(status).toContain(inUse(BUNDLED.datasetVersion + 1, 'downloaded update'));
    expect(await options.locator('[data-failure]').count()).toBe(0);
    const popup = await chromium.openExtensionPage('src/popup/index.html');
    await popup.getByLabel('Search people and cases').fill('update-only');
    await expect
      .poll(() => popup.locator('.case h3').first().textContent(), POLL)
      .toBe(NEW_CASE_TITLE);
    await popup.close();
  });

  test('a rollback to an older release is refused and the update stays in use', async () => {
    const status = await checkAt(`${host.url}rollback/`);
    expect(status).toContain(inUse(BUNDLED.datasetVersion + 1, 'downloaded update'));
    expect(await options.locator('[data-failure]').getAttribute('data-failure')).toBe('not-newer');
  });
});
