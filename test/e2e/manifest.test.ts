/** The store builds: valid MV3 manifests that ask for no more than the content script needs. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSER_TARGETS, FIREFOX_ADDON_ID, outDirFor } from '../../scripts/build-target';
import { REPO_ROOT } from './harness/paths';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: unknown;
  background: { service_worker?: string; scripts?: string[] };
  content_scripts: { matches: string[]; js: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(resolve(REPO_ROOT, dir, 'manifest.json'), 'utf8')) as Manifest;

describe.each(BROWSER_TARGETS)('the %s store build', (browser) => {
  const manifest = readManifest(outDirFor(browser, false));

  test('is Manifest V3 with no web-accessible resources and no host permissions', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.host_permissions).toBeUndefined();
    // None of these shows an install warning; other sites are asked for when the reader wants.
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting', 'activeTab']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  test('runs its content script only on https sites, never on this machine', () => {
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(match).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  test('names a background the browser can start', () => {
    if (browser === 'chrome') {
      expect(manifest.background.service_worker).toBeTruthy();
      expect(manifest.background.scripts).toBeUndefined();
    } else {
      expect(manifest.background.scripts).toHaveLength(1);
      expect(manifest.background.service_worker).toBeUndefined();
      expect(manifest.browser_specific_settings?.gecko?.id).toBe(FIREFOX_ADDON_ID);
    }
  });
});

test('the local build used by tests also runs on 127.0.0.1', () => {
  const matches = readManifest(outDirFor('chrome', true)).content_scripts[0]?.matches;
  expect(matches).toContain('http://127.0.0.1/*');
});
