/**
 * The Footnote dataset: schema, editorial checker and compiled lookup index. Pure TypeScript,
 * no browser APIs and no Node APIs, so the same code runs in the checker, the build and the
 * extension.
 *
 * Source files (data/, edited by curators; see data/README.md):
 *   dataset.json (versions, publish date), lexicon.json (relevance terms), people/<id>.json,
 *   cases/<id>.json (one case with its timeline and sources), resources/<region>.json.
 *
 * API
 * - `checkDataset(files: { path, json }[], today: 'YYYY-MM-DD'): { dataset?, problems, warnings }`
 *   — validates every file against its schema, then the editorial rules (RULES in rules.ts),
 *   the fairness rules among them (fairness.ts, word lists in wording.ts). `dataset` is present
 *   only when `problems` is empty; `warnings` (rules with severity "warning") never block it. Each Problem is
 *   `{ file, path (JSON path, e.g. "$.events[2].sources"), rule (stable id), message }`;
 *   `formatProblem` prints one as "file: path: [rule] message".
 * - `compileIndex(dataset): CompiledIndex` — the run-time index: `names` (match names and
 *   "@handles", each with `person`, an index into `people`), `people` (public figures only, with
 *   their case ids and roles), `cases` (title, status with asOf, summary, events with kind, date,
 *   text en/ur and source ids, sources, lastReviewed, people with roles), `resources`, `lexicon`,
 *   plus `schemaVersion`, `datasetVersion` and `published`.
 * - `parseCompiledIndex(json): { ok: true, index } | { ok: false, error }` — never throws; runs
 *   the index schema, its cross-references and the per-case editorial rules.
 * - Schemas (valibot) and types: see schema.ts (`Dataset`, `Person`, `Case`, `CaseEvent`,
 *   `Source`, `SupportResource`, `Localized`, `FILE_KINDS` for generating JSON Schema).
 */
export { checkDataset, fileKindOf, jsonPath } from './check';
export type { CheckResult, DatasetFileInput } from './check';
export { compileIndex, parseCompiledIndex, CompiledIndexSchema } from './compiled';
export type { CompiledCase, CompiledIndex, CompiledPerson } from './compiled';
export { formatProblem, isWarning, RULES } from './rules';
export {
  AGAINST_ROLES,
  RESOURCE_CHECK_MONTHS,
  REVIEW_AGE_MONTHS,
  SOURCES_OLD_WARNING_MONTHS,
} from './fairness';
export { WORDING } from './wording';
export type { Problem, RuleId } from './rules';
export {
  EVENT_KINDS,
  FILE_KINDS,
  LIMITS,
  PLATFORMS,
  PROCEEDING_KINDS,
  PROCEEDING_ROLES,
  PROCEEDING_STATES,
  REVIEW_METHODS,
  ROLES,
  SCHEMA_VERSION,
  STATUS_KINDS,
} from './schema';
export type {
  Case,
  CaseEvent,
  Citation,
  Dataset,
  DatasetMeta,
  EventKind,
  FileKind,
  Lexicon,
  Localized,
  Person,
  Proceeding,
  Publishers,
  Role,
  Source,
  StatusKind,
  SupportResource,
} from './schema';
