/**
 * npm run data:stats — counts by region, status, role and language, the cases whose newest
 * source is more than a year older than their status, and what the compiled index weighs.
 */
import { gzipSync } from 'node:zlib';
import { compileIndex, formatProblem } from '../src/dataset/index';
import { datasetStats, QUIET_CASE_MONTHS } from '../src/dataset/stats';
import { checkDatasetFiles } from './dataset-files';

const started = performance.now();
const { dataset, problems } = checkDatasetFiles();
const checkMs = performance.now() - started;
if (!dataset) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`data:stats: fix the ${problems.length} problem(s) first (npm run data:check).`);
  process.exit(1);
}

const stats = datasetStats(dataset);
const compiled = JSON.stringify(compileIndex(dataset));
const line = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');

console.log(`Cases: ${stats.cases}   Tracked people: ${stats.trackedPeople}`);
console.log(`By region: ${line(stats.byCountry)}`);
console.log(`By status: ${line(stats.byStatus)}`);
console.log(`By role: ${line(stats.byRole)}`);
console.log(
  `In Urdu: ${stats.urdu.cases} case(s) with every text translated; ` +
    `${stats.urdu.people} tracked people with an Urdu name`,
);
console.log(
  `Quiet (newest source over ${QUIET_CASE_MONTHS} months before the status date): ` +
    (stats.quietCases.length === 0
      ? 'none'
      : stats.quietCases
          .map((q) => `${q.id} (newest ${q.newestSource}, status ${q.statusAsOf})`)
          .join('; ')),
);
console.log(
  `Compiled index: ${Buffer.byteLength(compiled)} bytes, ${gzipSync(compiled).length} gzipped. ` +
    `Checked in ${checkMs.toFixed(0)} ms.`,
);
