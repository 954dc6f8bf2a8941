/**
 * npm run data:compile [out] — checks data/ and writes the compiled lookup index (default
 * dist/dataset.json), printing its size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatProblem } from '../src/dataset/index';
import { buildCompiledIndexJson } from './dataset-files';

const out = process.argv[2] ?? 'dist/dataset.json';
const { json, problems } = buildCompiledIndexJson();
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
const namesBytes = Buffer.byteLength(
  JSON.stringify((JSON.parse(json) as { names: unknown }).names),
);
console.log(
  `Wrote ${out}: ${Buffer.byteLength(json)} bytes (match names for the content script: ${namesBytes} bytes).`,
);
