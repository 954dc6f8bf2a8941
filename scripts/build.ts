/**
 * `npm run build` — the store builds: dist/chrome, dist/firefox and a zip of each.
 * `npm run build -- --local` — the local builds for tests and the demo: dist/local/{chrome,firefox}.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { BROWSER_TARGETS, outDirFor, type BrowserTarget } from './build-target';

const local = process.argv.includes('--local');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zipDirectory(dir: string, zipPath: string): number {
  const entries = Object.fromEntries(
    filesUnder(dir).map((file) => [relative(dir, file), readFileSync(file)]),
  );
  const zip = zipSync(entries, { level: 9 });
  writeFileSync(zipPath, zip);
  return zip.byteLength;
}

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
  console.log(`built ${outDir} and ${zipPath} (${zipDirectory(outDir, zipPath)} bytes)`);
}

for (const browser of BROWSER_TARGETS) await buildFor(browser);
