/**
 * npm run data:publish -- --out DIR [--key FILE] [--allow-untrusted-key]
 *
 * Checks data/, compiles the index and writes a signed release into DIR (layout in
 * src/updates/release.ts): dataset-<version>.json, dataset-<version>.json.sig, then
 * release.json. The signing key is the file data:keygen wrote, from --key or else the
 * FOOTNOTE_SIGNING_KEY environment variable (the file's content). Before writing, the release is
 * verified exactly as the extension will verify it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/dataset/index';
import { MAX_DATASET_BYTES, RELEASE_MANIFEST_FILE } from '../src/updates/release';
import { readSigningKey, signRelease, type SigningKey } from '../src/updates/sign';
import { TRUSTED_KEYS } from '../src/updates/trusted-keys';
import { verifyRelease } from '../src/updates/verify';
import { buildCompiledIndexJson } from './dataset-files';

const USAGE =
  'Usage: npm run data:publish -- --out DIR [--key FILE] [--allow-untrusted-key]\n' +
  '  The key comes from --key FILE or the FOOTNOTE_SIGNING_KEY environment variable.';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    key: { type: 'string' },
    'allow-untrusted-key': { type: 'boolean', default: false },
  },
});
if (values.out === undefined) fail(USAGE, 2);
// npm runs scripts from the package root; relative paths mean the caller's directory.
const callerDir = process.env.INIT_CWD ?? process.cwd();
const outDir = resolve(callerDir, values.out);

function readKeyText(): string {
  if (values.key !== undefined) {
    const path = resolve(callerDir, values.key);
    if ((statSync(path).mode & 0o077) !== 0) {
      console.warn(`Warning: ${path} is readable by other users; chmod 600 it.`);
    }
    return readFileSync(path, 'utf8');
  }
  const fromEnv = process.env.FOOTNOTE_SIGNING_KEY;
  if (fromEnv === undefined || fromEnv.trim() === '') fail(`No signing key.\n${USAGE}`, 2);
  return fromEnv;
}

async function loadKey(): Promise<SigningKey> {
  try {
    return await readSigningKey(readKeyText());
  } catch (error) {
    fail(`Could not read the signing key: ${(error as Error).message}`);
  }
}

const key = await loadKey();
if (!Object.hasOwn(TRUSTED_KEYS, key.keyId) && !values['allow-untrusted-key']) {
  fail(
    `Key ${key.keyId} is not in src/updates/trusted-keys.ts: extensions would refuse this ` +
      'release. Ship an extension that trusts it first (or pass --allow-untrusted-key for a ' +
      'test build that does).',
  );
}

const { json, problems } = buildCompiledIndexJson();
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  fail(`data:publish: ${problems.length} problem(s); nothing written.`);
}
const { datasetVersion, published } = JSON.parse(json) as {
  datasetVersion: number;
  published: string;
};

const manifestPath = join(outDir, RELEASE_MANIFEST_FILE);
if (existsSync(manifestPath)) {
  const previous = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { datasetVersion?: unknown })
    .datasetVersion;
  if (typeof previous === 'number' && previous >= datasetVersion) {
    fail(
      `${manifestPath} already publishes version ${previous}; extensions only take a newer ` +
        `one. Raise datasetVersion in data/dataset.json (now ${datasetVersion}).`,
    );
  }
}

const release = await signRelease({
  datasetBytes: new TextEncoder().encode(json),
  datasetVersion,
  published,
  key,
});
const check = await verifyRelease({
  manifest: release.manifest,
  datasetBytes: release.datasetBytes,
  signature: release.signature,
  trustedKeys: { [key.keyId]: key.publicKey },
  currentVersion: 0,
  maxBytes: MAX_DATASET_BYTES,
});
if (!check.ok) fail(`The release does not verify (${check.reason.code}): ${check.reason.message}`);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, release.manifest.dataset), release.datasetBytes);
writeFileSync(join(outDir, release.manifest.signature), `${release.signature}\n`);
// The manifest last, through a rename: a server never serves a half-written one.
const partial = `${manifestPath}.partial`;
writeFileSync(partial, `${JSON.stringify(release.manifest, null, 2)}\n`);
renameSync(partial, manifestPath);

console.log(
  `Published dataset v${datasetVersion} (${published}) to ${outDir}: ` +
    `${release.manifest.dataset} (${release.manifest.size} bytes), ` +
    `${release.manifest.signature}, ${RELEASE_MANIFEST_FILE}; signed with ${key.keyId}.\n` +
    `Upload ${release.manifest.dataset} and its .sig first, ${RELEASE_MANIFEST_FILE} last.`,
);
