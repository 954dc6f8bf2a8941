/**
 * Node side of the dataset: reads data/ from disk, runs the pure checker and compiler from
 * src/dataset, and keeps the editors' JSON Schemas (data/schema/) in step with the valibot schema.
 * Used by scripts/data-check.ts, scripts/data-compile.ts and the build (buildCompiledIndexJson).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as prettier from 'prettier';
import {
  checkDataset,
  compileIndex,
  FILE_KINDS,
  type CheckResult,
  type DatasetFileInput,
  type Problem,
} from '../src/dataset/index';
import { problem } from '../src/dataset/rules';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA_DIR = join(REPO_ROOT, 'data');
const SCHEMA_DIR_NAME = 'schema';

/** Today's date in UTC as YYYY-MM-DD: the reference for the "no future dates" rule. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Every JSON file under `dataDir` except the editors' schemas, with paths as "data/…" (relative
 * to the data folder's parent). Files that are not valid JSON come back as problems.
 */
export function readDatasetFiles(dataDir: string = DATA_DIR): {
  files: DatasetFileInput[];
  problems: Problem[];
} {
  const schemaDir = join(dataDir, SCHEMA_DIR_NAME) + sep;
  const files: DatasetFileInput[] = [];
  const problems: Problem[] = [];
  for (const absolute of jsonFilesUnder(dataDir)) {
    if (absolute.startsWith(schemaDir)) continue;
    const path = relative(dirname(dataDir), absolute).split(sep).join('/');
    try {
      files.push({ path, json: JSON.parse(readFileSync(absolute, 'utf8')) });
    } catch (error) {
      problems.push(problem(path, '$', 'json-syntax', `${(error as Error).message}.`));
    }
  }
  return { files, problems };
}

/** Reads and checks the dataset in `dataDir`. */
export function checkDatasetFiles(
  today: string = todayUtc(),
  dataDir: string = DATA_DIR,
): CheckResult {
  const { files, problems } = readDatasetFiles(dataDir);
  if (problems.length > 0) return { problems, warnings: [] };
  return checkDataset(files, today);
}

/**
 * The compiled index as JSON (empty when the dataset has problems), for the build.
 * Minified: it ships inside the extension.
 */
export function buildCompiledIndexJson(today: string = todayUtc()): {
  json: string;
  problems: Problem[];
} {
  const { dataset, problems } = checkDatasetFiles(today);
  if (!dataset) return { json: '', problems };
  return { json: JSON.stringify(compileIndex(dataset)), problems };
}

/** The JSON Schema of each kind of data file, formatted as committed (file name → text). */
export async function generateJsonSchemas(): Promise<Map<string, string>> {
  const schemas = new Map<string, string>();
  for (const [kind, { schema, jsonSchemaFile }] of Object.entries(FILE_KINDS)) {
    // Custom checks (plain text, calendar dates, http URLs) have no JSON Schema form; the
    // checker enforces them.
    const jsonSchema = {
      ...toJsonSchema(schema, { errorMode: 'ignore' }),
      title: `Footnote dataset: ${kind} file`,
    };
    const path = join(DATA_DIR, SCHEMA_DIR_NAME, jsonSchemaFile);
    const options = (await prettier.resolveConfig(path)) ?? {};
    schemas.set(
      jsonSchemaFile,
      await prettier.format(JSON.stringify(jsonSchema), { ...options, filepath: path }),
    );
  }
  return schemas;
}

export async function outdatedJsonSchemaProblems(dataDir: string = DATA_DIR): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [name, text] of await generateJsonSchemas()) {
    const path = join(dataDir, SCHEMA_DIR_NAME, name);
    let committed: string | undefined;
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== text) {
      problems.push(
        problem(
          `data/${SCHEMA_DIR_NAME}/${name}`,
          '$',
          'json-schema-outdated',
          committed === undefined ? 'The file is missing.' : 'The file differs from the schema.',
        ),
      );
    }
  }
  return problems;
}

export async function writeJsonSchemas(dataDir: string = DATA_DIR): Promise<void> {
  mkdirSync(join(dataDir, SCHEMA_DIR_NAME), { recursive: true });
  for (const [name, text] of await generateJsonSchemas()) {
    writeFileSync(join(dataDir, SCHEMA_DIR_NAME, name), text);
  }
}
