/**
 * The compiled lookup index: what the extension needs at run time, built from a checked dataset
 * at build time, and validated again whenever the extension loads one (bundled or updated).
 */
import * as v from 'valibot';
import { checkCase } from './check';
import { matchNamesOf, relevanceLexiconOf } from './identity';
import { formatProblem, isWarning, type Problem } from './rules';
import {
  CaseFile,
  FullDate,
  Handle,
  Id,
  LIMITS,
  localized,
  PLATFORMS,
  plainText,
  ROLES,
  SCHEMA_VERSION,
  SupportResource,
  type Dataset,
} from './schema';

const Term = plainText(LIMITS.name);

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const CompiledPerson = v.strictObject({
  id: Id,
  name: localized(LIMITS.name),
  descriptor: localized(LIMITS.descriptor),
  /** The person's match names and "@handles", as in the top-level `names`. */
  names: v.array(plainText(LIMITS.name)),
  handles: v.array(v.omit(Handle, ['source'])),
  cases: v.array(v.strictObject({ id: Id, role: v.picklist(ROLES) })),
  confirmingTerms: v.array(Term),
  strongTermsOnly: v.optional(v.literal(true)),
});

const CompiledCase = v.omit(CaseFile, ['$schema']);

export const CompiledIndexSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  datasetVersion: v.pipe(Count, v.minValue(1)),
  published: FullDate,
  /**
   * Every match name and "@handle" with the index of its person in `people`, and the rules that
   * tell the person from namesakes (see src/mentions/judge.ts).
   */
  names: v.array(
    v.strictObject({
      text: Term,
      person: Count,
      notBeside: v.optional(v.array(Term)),
      needsConfirmation: v.optional(v.literal(true)),
      platform: v.optional(v.picklist(PLATFORMS)),
    }),
  ),
  people: v.array(CompiledPerson),
  cases: v.array(CompiledCase),
  resources: v.array(SupportResource),
  /** Relevance terms and hashtags, English and Urdu: strong ones, and groups of weak ones. */
  lexicon: v.strictObject({
    strong: v.array(Term),
    weak: v.array(v.array(Term)),
    neutral: v.optional(v.array(Term)),
  }),
});

export type CompiledIndex = v.InferOutput<typeof CompiledIndexSchema>;
export type CompiledPerson = v.InferOutput<typeof CompiledPerson>;
export type CompiledCase = v.InferOutput<typeof CompiledCase>;

/**
 * Builds the run-time index from a dataset that passed checkDataset. Only public figures are
 * carried over: nobody else is matched, listed or linked from a case.
 */
export function compileIndex(dataset: Dataset): CompiledIndex {
  const tracked = dataset.people.filter((p) => p.publicFigure);
  const trackedIds = new Set(tracked.map((p) => p.id));
  const onlyTracked = (ids: readonly string[]) => ids.filter((id) => trackedIds.has(id));

  const people: CompiledPerson[] = tracked.map((p) => ({
    id: p.id,
    name: p.name,
    descriptor: p.descriptor,
    names: [...new Set([...p.names.map((n) => n.text), ...p.handles.map((h) => `@${h.handle}`)])],
    handles: p.handles.map(({ platform, handle }) => ({ platform, handle })),
    cases: dataset.cases.flatMap((c) =>
      c.people.filter((cp) => cp.person === p.id).map((cp) => ({ id: c.id, role: cp.role })),
    ),
    confirmingTerms: p.confirmingTerms,
    ...(p.strongTermsOnly ? { strongTermsOnly: true as const } : {}),
  }));

  return {
    schemaVersion: SCHEMA_VERSION,
    datasetVersion: dataset.meta.datasetVersion,
    published: dataset.meta.published,
    names: matchNamesOf(tracked),
    people,
    cases: dataset.cases.map((c) => ({
      ...c,
      people: c.people.filter((cp) => trackedIds.has(cp.person)),
      events: c.events.map((e) => ({
        ...e,
        by: onlyTracked(e.by),
        concerning: onlyTracked(e.concerning),
      })),
      proceedings: c.proceedings.map((pr) => ({
        ...pr,
        parties: pr.parties.filter((party) => trackedIds.has(party.person)),
      })),
      noPublicResponse: c.noPublicResponse.filter((n) => trackedIds.has(n.person)),
    })),
    resources: dataset.resources,
    lexicon: relevanceLexiconOf(dataset.lexicon),
  };
}

const MAX_REPORTED = 5;

/** Cross-references inside the index, and the editorial rules each case must still pass. */
function indexProblems(index: CompiledIndex): string[] {
  const found: string[] = [];
  index.names.forEach((n, i) => {
    if (n.person >= index.people.length) {
      found.push(`names[${i}] points to person ${n.person}, but there are ${index.people.length}.`);
    }
  });
  const caseIds = new Set(index.cases.map((c) => c.id));
  index.people.forEach((p, i) =>
    p.cases.forEach((c, j) => {
      if (!caseIds.has(c.id)) found.push(`people[${i}].cases[${j}]: no case "${c.id}".`);
    }),
  );
  const personIds = new Set(index.people.map((p) => p.id));
  const caseProblems: Problem[] = [];
  index.cases.forEach((c, i) => checkCase(`cases[${i}]`, c, personIds, caseProblems));
  return [...found, ...caseProblems.filter((p) => !isWarning(p.rule)).map(formatProblem)];
}

/**
 * Validates a compiled index (bundled or downloaded). Never throws: a corrupted or tampered
 * index yields `ok: false` with a readable error, and the caller keeps its last good index.
 */
export function parseCompiledIndex(
  json: unknown,
): { ok: true; index: CompiledIndex } | { ok: false; error: string } {
  try {
    const result = v.safeParse(CompiledIndexSchema, json);
    if (!result.success) {
      const details = result.issues.slice(0, MAX_REPORTED).map((issue) => {
        const where = v.getDotPath(issue) ?? '(root)';
        return `${where}: ${issue.message}`;
      });
      return { ok: false, error: `Invalid dataset index: ${details.join('; ')}` };
    }
    const problems = indexProblems(result.output);
    if (problems.length > 0) {
      return {
        ok: false,
        error: `Invalid dataset index: ${problems.slice(0, MAX_REPORTED).join('; ')}`,
      };
    }
    return { ok: true, index: result.output };
  } catch (error) {
    return { ok: false, error: `Invalid dataset index: ${String(error)}` };
  }
}
