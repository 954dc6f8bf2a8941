/**
 * One source, two extensions. `FOOTNOTE_BROWSER` picks the target (chrome | firefox) and
 * `FOOTNOTE_LOCAL=1` makes the local build that tests and the demo use: it also runs on
 * 127.0.0.1 and has test hooks. `npm run build` (scripts/build.ts) sets both and runs this
 * once per target.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type UserConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { buildTarget, FIREFOX_ADDON_ID, outDirFor } from './scripts/build-target.ts';
import { datasetPlugin } from './scripts/vite-plugin-dataset.ts';

/**
 * The local build runs on 127.0.0.1 by default. It is also granted localhost without running
 * there, so tests can turn Footnote on for "another site" without a permission prompt.
 */
const LOCAL_MATCHES = ['http://127.0.0.1/*'];
const LOCAL_GRANTED = ['http://localhost/*'];

function manifestFor(browser: 'chrome' | 'firefox', local: boolean): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown> & typeof baseManifest;
  if (local) {
    for (const script of manifest.content_scripts) script.matches.push(...LOCAL_MATCHES);
    manifest.host_permissions = LOCAL_GRANTED;
    // Tests start report and update servers on 127.0.0.1, over plain http.
    const csp = manifest.content_security_policy;
    csp.extension_pages = csp.extension_pages.replace(
      'connect-src',
      'connect-src http://127.0.0.1:*',
    );
  }
  if (browser === 'chrome') return manifest as ManifestV3Export;

  const { minimum_chrome_version: _chromeOnly, background, ...firefox } = manifest;
  return {
    ...firefox,
    // Firefox runs MV3 backgrounds as event pages with `scripts`, not as a service worker.
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: '140.0',
        // Nothing is sent to use Footnote; the page address in a report is asked for when the
        // reader ticks its box (src/popup/page-address-consent.ts).
        data_collection_permissions: { required: ['none'], optional: ['browsingActivity'] },
      },
      gecko_android: {
        strict_min_version: '142.0',
      },
    },
  } as ManifestV3Export;
}

export default defineConfig((): UserConfig => {
  const { browser, local } = buildTarget(process.env);
  // Benchmarks only: a local build with a dataset this many times larger, in its own folder.
  const scale = local ? Number(process.env.FOOTNOTE_DATASET_SCALE ?? 1) : 1;
  return {
    publicDir: 'src/static',
    define: { __FOOTNOTE_TEST_HOOKS__: JSON.stringify(local) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: (local && process.env.FOOTNOTE_OUT_DIR) || outDirFor(browser, local),
      emptyOutDir: true,
      target: 'es2022',
      // Readable output is easier for store reviewers; the size cost is small.
      minify: false,
      sourcemap: false,
      // Extension pages the manifest does not name (crxjs builds the ones it does): the welcome
      // page (opened on install) and the full view (the background opens it).
      rolldownOptions: {
        input: { welcome: 'src/welcome/index.html', full: 'src/full/index.html' },
      },
    },
    plugins: [
      datasetPlugin({ scale }),
      crx({
        manifest: manifestFor(browser, local),
        browser,
        // One self-contained file: no loader, so no web-accessible resources a page could probe.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
  };
});
