/**
 * Renders icons/footnote.svg to the PNG sizes the manifest names, with the system Chromium.
 * Run by hand after editing the SVG (`npx tsx scripts/render-icons.ts`); the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../test/e2e/harness/browsers';

const svg = readFileSync('icons/footnote.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `icons/footnote-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
