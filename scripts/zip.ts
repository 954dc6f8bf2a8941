/**
 * The store zips, byte for byte the same from the same files: AMO reviewers rebuild from source
 * and compare. Entries are sorted by path, every entry gets the same timestamp and the same
 * compression level, so neither the file system's order, nor when the build ran, nor the
 * builder's time zone changes a byte.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const LEVEL = 9;

/**
 * 1980-01-01 12:00 in the time zone in force now: fflate writes local DOS time, so a date made
 * from local fields reads back as the same fields in any zone (1980 is the earliest DOS year).
 * Made at each call: a Date made earlier under another zone would read back as other fields.
 */
const fixedMtime = () => new Date(1980, 0, 1, 12);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The zip of every file under `dir`, with paths relative to it and `/` as the separator. */
export function zipDirectory(dir: string): Uint8Array {
  const paths = filesUnder(dir)
    .map((file) => relative(dir, file).split(sep).join('/'))
    .sort();
  const entries: Zippable = {};
  for (const path of paths) entries[path] = readFileSync(join(dir, path));
  return zipSync(entries, { level: LEVEL, mtime: fixedMtime() });
}
