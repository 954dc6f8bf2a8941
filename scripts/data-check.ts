/**
 * npm run data:check — checks data/ against the schema and the editorial rules (data/README.md).
 * Prints each problem as "file: path: [rule] message" and exits 1 if there is any; otherwise
 * prints one line of counts. `--write-schemas` regenerates data/schema/*.schema.json first.
 */
import { formatProblem } from '../src/dataset/index';
import { checkDatasetFiles, outdatedJsonSchemaProblems, writeJsonSchemas } from './dataset-files';

if (process.argv.includes('--write-schemas')) await writeJsonSchemas();

const { dataset, problems, warnings } = checkDatasetFiles();
problems.push(...(await outdatedJsonSchemaProblems()));
for (const w of warnings) console.warn(`warning: ${formatProblem(w)}`);

if (problems.length > 0 || !dataset) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`data:check: ${problems.length} problem(s).`);
  process.exit(1);
}

const tracked = dataset.people.filter((p) => p.publicFigure);
const matchNames = tracked.reduce((n, p) => n + p.names.length + p.handles.length, 0);
const events = dataset.cases.reduce((n, c) => n + c.events.length, 0);
const sources = dataset.cases.reduce((n, c) => n + c.sources.length, 0);
console.log(
  `data:check OK: dataset v${dataset.meta.datasetVersion} (${dataset.meta.published}), ` +
    `${dataset.people.length} people (${tracked.length} public figures, ${matchNames} match names/handles), ` +
    `${dataset.cases.length} cases, ${events} events, ${sources} sources, ` +
    `${dataset.resources.length} support resources.`,
);
