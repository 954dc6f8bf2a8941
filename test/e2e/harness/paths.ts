import { resolve } from 'node:path';
import { outDirFor, type BrowserTarget } from '../../../scripts/build-target';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** The local build (`npm run build:local`) that the browser tests load. */
export function localExtensionDir(browser: BrowserTarget): string {
  return resolve(REPO_ROOT, outDirFor(browser, true));
}
