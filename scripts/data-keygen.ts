/**
 * npm run data:keygen -- --out FILE — makes an Ed25519 key pair for signing dataset releases.
 * Writes the private key file (mode 0600, never overwriting, never inside this repository) and
 * prints the public key and key id to add to src/updates/trusted-keys.ts.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '../src/updates/sign';
import { REPO_ROOT } from './dataset-files';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (values.out === undefined) {
  console.error('Usage: npm run data:keygen -- --out FILE   (a path outside the repository)');
  process.exit(2);
}
// npm runs scripts from the package root; a relative path means the caller's directory.
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
const fromRepo = relative(REPO_ROOT, out);
if (!fromRepo.startsWith('..')) {
  console.error(`Refusing to write a private key inside the repository (${out}).`);
  process.exit(2);
}

const key = await generateSigningKey();
try {
  // 'wx': an existing key is never replaced by accident; releases signed with it would orphan.
  writeFileSync(out, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
} catch (error) {
  console.error(`Could not write ${out}: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`Wrote the private key to ${out} (mode 0600). Keep it out of the repository.`);
console.log('Add the public key to TRUSTED_KEYS in src/updates/trusted-keys.ts:');
console.log(`  '${key.keyId}': '${key.publicKey}',`);
