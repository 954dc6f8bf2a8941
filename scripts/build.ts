/**
 * `npm run build` — the store builds: dist/chrome, dist/firefox and a zip of each.
 * `npm run build -- --local` — the local builds for tests and the demo: dist/local/{chrome,firefox}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { BROWSER_TARGETS, outDirFor, type BrowserTarget } from './build-target';
import { zipDirectory } from './zip';

const local = process.argv.includes('--local');

async function buildFor(browser: BrowserTarget): Promise<void> {
  process.env.FOOTNOTE_BROWSER = browser;
  process.env.FOOTNOTE_LOCAL = local ? '1' : '0';
  await build({ logLevel: 'warn' });
  const outDir = outDirFor(browser, local);
  if (local) {
    console.log(`built ${outDir}`);
    return;
  }
  const { version } = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    version: string;
  };
  const zipPath = `dist/footnote-${browser}-${version}.zip`;
  const zip = zipDirectory(outDir);
  writeFileSync(zipPath, zip);
  console.log(`built ${outDir} and ${zipPath} (${zip.byteLength} bytes)`);
}

for (const browser of BROWSER_TARGETS) await buildFor(browser);
