import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { zipDirectory } from '../../../scripts/zip';

const FILES: Record<string, string> = {
  'manifest.json': '{"name":"Footnote"}',
  'src/popup/index.html': '<!doctype html>',
  'assets/b.js': 'export const b = 2;',
  'assets/a.js': 'export const a = 1;',
};

const made: string[] = [];

/** Writes FILES in the given order, each with its own modification time. */
function folderWith(order: readonly string[], mtimeSeconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'footnote-zip-'));
  made.push(dir);
  order.forEach((path, i) => {
    const file = join(dir, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, FILES[path] as string);
    utimesSync(file, mtimeSeconds + i, mtimeSeconds + i);
  });
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('zipDirectory', () => {
  const paths = Object.keys(FILES);

  it('gives the same bytes whatever order and times the files were written in', () => {
    const first = zipDirectory(folderWith(paths, 1_700_000_000));
    const second = zipDirectory(folderWith([...paths].reverse(), 1_800_000_000));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('gives the same bytes in every time zone', () => {
    const dir = folderWith(paths, 1_700_000_000);
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Karachi';
      const karachi = zipDirectory(dir);
      process.env.TZ = 'America/Los_Angeles';
      const losAngeles = zipDirectory(dir);
      expect(Buffer.from(losAngeles).equals(Buffer.from(karachi))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('holds every file once, sorted by path, with its content', () => {
    const entries = unzipSync(zipDirectory(folderWith(paths, 1_700_000_000)));
    expect(Object.keys(entries)).toEqual([...paths].sort());
    for (const path of paths) expect(new TextDecoder().decode(entries[path])).toBe(FILES[path]);
  });
});
