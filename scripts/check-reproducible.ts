/**
 * `npm run build:check-reproducible` — after `npm run build`, builds again and fails unless each
 * store zip is byte-identical to the one already in dist/: what AMO reviewers rebuild from
 * source must match what was uploaded.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = 'dist';

function zipHashes(): Map<string, string> {
  const zips = readdirSync(DIST).filter((name) => name.endsWith('.zip'));
  if (zips.length === 0) throw new Error('No zips in dist/: run `npm run build` first.');
  return new Map(
    zips.map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(DIST, name)))
        .digest('hex'),
    ]),
  );
}

const before = zipHashes();
execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const after = zipHashes();

let same = true;
for (const [name, hash] of before) {
  const again = after.get(name);
  if (again === hash) console.log(`${hash}  ${DIST}/${name}`);
  else {
    same = false;
    console.error(`${DIST}/${name} differs between two builds: ${hash} then ${again ?? 'missing'}`);
  }
}
if (!same) process.exit(1);
