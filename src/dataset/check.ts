/**
 * The dataset checker: schema validation of every file, then the editorial rules that look
 * across fields and files. Pure: the caller reads the files and passes today's date.
 */
import * as v from 'valibot';
import { checkIdentity } from './identity';
import { checkUrduRecord } from './language';
import { isWarning, problem, type Problem, type RuleId } from './rules';
import {
  FILE_KINDS,
  ruleForMessage,
  type Case,
  type Citation,
  type Dataset,
  type DatasetMeta,
  type FileKind,
  type Lexicon,
  type Person,
  type Publishers,
  type SupportResource,
} from './schema';
import { checkCaseFairness, checkDatasetFairness } from './fairness';
import { dateStart, nameKey, wordCount } from './text';

const EMPTY_LEXICON: Lexicon = {
  strong: { en: [], ur: [], hashtags: [] },
  weak: { en: [], ur: [] },
  neutral: { en: [], ur: [] },
};

export interface DatasetFileInput {
  /** Path of the file as it should appear in messages, e.g. "data/cases/shafi-zafar.json". */
  path: string;
  json: unknown;
}

export interface CheckResult {
  /** Present only when there are no problems. */
  dataset?: Dataset;
  problems: Problem[];
  /** Problems of rules whose severity is "warning": printed, but they do not fail the check. */
  warnings: Problem[];
}

type PathKey = string | number;

export function jsonPath(keys: readonly PathKey[]): string {
  return (
    '$' +
    keys
      .map((k) =>
        typeof k === 'number'
          ? `[${k}]`
          : /^[A-Za-z_$][\w$]*$/.test(k)
            ? `.${k}`
            : `[${JSON.stringify(k)}]`,
      )
      .join('')
  );
}

const KIND_BY_PATH: [RegExp, FileKind][] = [
  [/(?:^|\/)dataset\.json$/, 'dataset'],
  [/(?:^|\/)lexicon\.json$/, 'lexicon'],
  [/(?:^|\/)publishers\.json$/, 'publishers'],
  [/(?:^|\/)people\/[^/]+\.json$/, 'person'],
  [/(?:^|\/)cases\/[^/]+\.json$/, 'case'],
  [/(?:^|\/)resources\/[^/]+\.json$/, 'resources'],
];

export function fileKindOf(path: string): FileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  return KIND_BY_PATH.find(([pattern]) => pattern.test(normalized))?.[1];
}

const CITATION_FIELDS = new Set(['publisher', 'title', 'date', 'url']);

/**
 * Schema issues at places where an editorial rule speaks more clearly than "schema": a missing
 * or empty citation field, statement sources, status date, review date, public-figure flag,
 * resource source.
 */
function ruleForIssue(kind: FileKind, keys: PathKey[], issue: v.BaseIssue<unknown>): RuleId {
  const byMessage = ruleForMessage(issue.message);
  if (byMessage) return byMessage;
  if (issue.type === 'max_length' && typeof issue.input === 'string') return 'text-too-long';
  const last = keys.at(-1);
  const where = keys.filter((k) => typeof k === 'string').join('.');
  if (kind === 'case' && last === 'sources' && keys.length > 1) return 'statement-unsourced';
  if (
    typeof last === 'string' &&
    CITATION_FIELDS.has(last) &&
    (keys.includes('source') || (kind === 'case' && keys[0] === 'sources'))
  ) {
    return 'source-incomplete';
  }
  if (kind === 'case' && where === 'status.asOf') return 'status-no-as-of';
  if (kind === 'case' && where === 'lastReviewed') return 'last-reviewed-missing';
  if (kind === 'person' && where === 'publicFigure') return 'public-figure-unmarked';
  if (kind === 'person' && where === 'handles.platform') return 'handle-no-platform';
  if (kind === 'resources' && (where === 'resources.source' || where === 'resources.checked')) {
    return 'resource-unsourced';
  }
  return 'schema';
}

function describeIssue(keys: PathKey[], issue: v.BaseIssue<unknown>): string {
  const last = keys.at(-1);
  if (issue.expected === 'never') return `Unknown field ${JSON.stringify(last)}.`;
  if (issue.received === 'undefined' && last !== undefined) {
    return `${JSON.stringify(last)} is missing.`;
  }
  if (issue.type === 'max_length') {
    return `Text is ${String(issue.received)} characters long; the limit is ${String(issue.expected).replace('<=', '')}.`;
  }
  return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
}

interface Located<T> {
  file: string;
  value: T;
}

interface ParsedFiles {
  meta: Located<DatasetMeta>[];
  lexicon: Located<Lexicon>[];
  publishers: Located<Publishers>[];
  people: Located<Person>[];
  cases: Located<Case>[];
  resources: { file: string; index: number; value: SupportResource }[];
}

/** The JSON paths of every string that still says "TODO" (skeletons and curator drafts do). */
function todosIn(json: unknown, at: PathKey[] = []): PathKey[][] {
  if (typeof json === 'string') return /\bTODO\b/.test(json) ? [at] : [];
  if (Array.isArray(json)) return json.flatMap((item, i) => todosIn(item, [...at, i]));
  if (typeof json === 'object' && json !== null) {
    return Object.entries(json).flatMap(([key, value]) => todosIn(value, [...at, key]));
  }
  return [];
}

function parseFiles(files: readonly DatasetFileInput[], problems: Problem[]): ParsedFiles {
  const parsed: ParsedFiles = {
    meta: [],
    lexicon: [],
    publishers: [],
    people: [],
    cases: [],
    resources: [],
  };
  for (const { path, json } of files) {
    for (const at of todosIn(json)) {
      problems.push(problem(path, jsonPath(at), 'todo-left', 'A "TODO" is left in this field.'));
    }
    const kind = fileKindOf(path);
    if (!kind) {
      problems.push(problem(path, '$', 'file-unknown', 'This file is not in a known place.'));
      continue;
    }
    const result = v.safeParse(FILE_KINDS[kind].schema, json);
    if (!result.success) {
      for (const issue of result.issues) {
        const keys = (issue.path ?? []).map((item) => item.key as PathKey);
        problems.push(
          problem(
            path,
            jsonPath(keys),
            ruleForIssue(kind, keys, issue),
            describeIssue(keys, issue),
          ),
        );
      }
      continue;
    }
    const { $schema: _schemaRef, ...value } = result.output;
    switch (kind) {
      case 'dataset':
        parsed.meta.push({ file: path, value: value as DatasetMeta });
        break;
      case 'lexicon':
        parsed.lexicon.push({ file: path, value: value as Lexicon });
        break;
      case 'publishers':
        parsed.publishers.push({ file: path, value: value as Publishers });
        break;
      case 'person':
        parsed.people.push({ file: path, value: value as Person });
        break;
      case 'case':
        parsed.cases.push({ file: path, value: value as Case });
        break;
      case 'resources':
        (value as { resources: SupportResource[] }).resources.forEach((resource, index) =>
          parsed.resources.push({ file: path, index, value: resource }),
        );
        break;
    }
  }
  return parsed;
}

function checkDuplicateIds(
  items: { file: string; path: string; id: string }[],
  what: string,
  problems: Problem[],
): void {
  const first = new Map<string, { file: string; path: string }>();
  for (const item of items) {
    const seen = first.get(item.id);
    if (seen) {
      problems.push(
        problem(
          item.file,
          item.path,
          'duplicate-id',
          `The ${what} id "${item.id}" is already used at ${seen.file}: ${seen.path}.`,
        ),
      );
    } else {
      first.set(item.id, item);
    }
  }
}

/** A person who has a given match name, and where. */
interface NameHolder {
  file: string;
  path: string;
  person: string;
  disambiguated: boolean;
}

function checkPeople(people: Located<Person>[], problems: Problem[]): void {
  checkDuplicateIds(
    people.map(({ file, value }) => ({ file, path: '$.id', id: value.id })),
    'person',
    problems,
  );
  const holders = new Map<string, NameHolder[]>();
  const hold = (key: string, entry: NameHolder) => {
    const list = holders.get(key) ?? [];
    if (!list.some((h) => h.person === entry.person)) list.push(entry);
    holders.set(key, list);
  };
  for (const { file, value: person } of people) {
    if (!person.publicFigure && (person.names.length > 0 || person.handles.length > 0)) {
      problems.push(
        problem(
          file,
          '$.publicFigure',
          'private-person-has-names',
          `"${person.id}" is not marked as a public figure but has names or handles to match.`,
        ),
      );
    }
    person.names.forEach((name, i) => {
      const path = `$.names[${i}]`;
      if (wordCount(name.text) === 1 && !name.singleWordReason) {
        problems.push(
          problem(
            file,
            `${path}.text`,
            'name-single-word',
            `"${name.text}" is a single word and would match unrelated people.`,
          ),
        );
      }
      hold(nameKey(name.text), {
        file,
        path: `${path}.text`,
        person: person.id,
        disambiguated: name.disambiguation !== undefined,
      });
    });
    person.handles.forEach((handle, i) => {
      hold(nameKey(`@${handle.handle}`), {
        file,
        path: `$.handles[${i}].handle`,
        person: person.id,
        disambiguated: false,
      });
    });
  }
  for (const [key, list] of holders) {
    if (list.length < 2 || list.every((h) => h.disambiguated)) continue;
    const names = list.map((h) => `"${h.person}"`).join(', ');
    for (const h of list) {
      if (h.disambiguated) continue;
      problems.push(
        problem(
          h.file,
          h.path,
          'name-duplicate',
          `The match name "${key}" belongs to ${names} without a marked disambiguation.`,
        ),
      );
    }
  }
}

export function checkCase(
  file: string,
  c: Case,
  personIds: ReadonlySet<string>,
  problems: Problem[],
): void {
  const caseIds = new Set<string>();
  c.people.forEach(({ person }, i) => {
    caseIds.add(person);
    if (!personIds.has(person)) {
      problems.push(
        problem(
          file,
          `$.people[${i}].person`,
          'unknown-reference',
          `No person has the id "${person}".`,
        ),
      );
    }
  });
  checkDuplicateIds(
    c.events.map((e, i) => ({ file, path: `$.events[${i}].id`, id: e.id })),
    'event',
    problems,
  );
  checkDuplicateIds(
    c.sources.map((s, i) => ({ file, path: `$.sources[${i}].id`, id: s.id })),
    'source',
    problems,
  );

  const sourceIds = new Set(c.sources.map((s) => s.id));
  const cited = new Set<string>();
  const checkRefs = (path: string, refs: readonly string[]) =>
    refs.forEach((ref, i) => {
      cited.add(ref);
      if (!sourceIds.has(ref)) {
        problems.push(
          problem(
            file,
            `${path}[${i}]`,
            'unknown-reference',
            `No source in this case's "sources" has the id "${ref}".`,
          ),
        );
      }
    });
  const checkCasePeople = (path: string, refs: readonly string[]) =>
    refs.forEach((ref, i) => {
      if (!caseIds.has(ref)) {
        problems.push(
          problem(
            file,
            `${path}[${i}]`,
            'unknown-reference',
            `"${ref}" is not listed in this case's "people".`,
          ),
        );
      }
    });

  checkRefs('$.status.sources', c.status.sources);
  checkRefs('$.summary.sources', c.summary.sources);
  c.events.forEach((e, i) => {
    checkRefs(`$.events[${i}].sources`, e.sources);
    checkCasePeople(`$.events[${i}].by`, e.by);
    checkCasePeople(`$.events[${i}].concerning`, e.concerning);
  });
  checkCasePeople(
    '$.noPublicResponse',
    c.noPublicResponse.map((n) => n.person),
  );
  c.sources.forEach((s, i) => {
    if (!cited.has(s.id)) {
      problems.push(
        problem(file, `$.sources[${i}]`, 'source-unused', `The source "${s.id}" is not cited.`),
      );
    }
  });

  // Each person named in an allegation gets their response shown, or an explicit, dated absence.
  if (c.events.some((e) => e.kind === 'allegation')) {
    const named = new Set([
      ...c.people.filter((p) => p.role === 'named-in-allegation').map((p) => p.person),
      ...c.events.filter((e) => e.kind === 'allegation').flatMap((e) => e.concerning),
    ]);
    const answered = new Set([
      ...c.events.filter((e) => e.kind === 'response').flatMap((e) => e.by),
      ...c.noPublicResponse.map((n) => n.person),
    ]);
    for (const person of named) {
      if (answered.has(person)) continue;
      problems.push(
        problem(
          file,
          '$.events',
          'response-missing',
          `The case has an allegation naming "${person}" but no response from them and no "noPublicResponse" entry.`,
        ),
      );
    }
  }

  checkCaseFairness(file, c, problems);

  const newestEvent = c.events
    .map((e) => dateStart(e.date))
    .sort()
    .at(-1);
  if (newestEvent !== undefined && c.lastReviewed < newestEvent) {
    problems.push(
      problem(
        file,
        '$.lastReviewed',
        'last-reviewed-stale',
        `"lastReviewed" (${c.lastReviewed}) is older than the newest event (${newestEvent}).`,
      ),
    );
  }
  if (newestEvent !== undefined && c.status.asOf < newestEvent) {
    problems.push(
      problem(
        file,
        '$.status.asOf',
        'status-stale',
        `The status is as of ${c.status.asOf}, before the newest event (${newestEvent}).`,
      ),
    );
  }
}

/** Every date field in the dataset, with where it is, for the "not in the future" rule. */
function datesOf(parsed: ParsedFiles): { file: string; path: string; date: string }[] {
  const dates: { file: string; path: string; date: string }[] = [];
  const citationDates = (file: string, path: string, c: Citation) => {
    if (c.date !== undefined) dates.push({ file, path: `${path}.date`, date: c.date });
    if (c.accessed !== undefined) dates.push({ file, path: `${path}.accessed`, date: c.accessed });
  };
  for (const { file, value } of parsed.meta) {
    dates.push({ file, path: '$.published', date: value.published });
  }
  for (const { file, value } of parsed.people) {
    value.handles.forEach((h, i) => citationDates(file, `$.handles[${i}].source`, h.source));
  }
  for (const { file, value: c } of parsed.cases) {
    dates.push({ file, path: '$.status.asOf', date: c.status.asOf });
    dates.push({ file, path: '$.lastReviewed', date: c.lastReviewed });
    c.events.forEach((e, i) => dates.push({ file, path: `$.events[${i}].date`, date: e.date }));
    c.sources.forEach((s, i) => citationDates(file, `$.sources[${i}]`, s));
    c.noPublicResponse.forEach((n, i) =>
      dates.push({ file, path: `$.noPublicResponse[${i}].checked`, date: n.checked }),
    );
  }
  for (const { file, index, value } of parsed.resources) {
    dates.push({ file, path: `$.resources[${index}].checked`, date: value.checked });
    citationDates(file, `$.resources[${index}].source`, value.source);
  }
  return dates;
}

/**
 * Checks the dataset's files. `today` (YYYY-MM-DD) is the reference for "in the future".
 * Schema problems are reported first; the cross-file rules run once every file has the right
 * shape, so one typo does not cascade into a page of follow-on problems.
 */
export function checkDataset(files: readonly DatasetFileInput[], today: string): CheckResult {
  const found: Problem[] = [];
  const result = checkParsed(files, today, found);
  const problems = found.filter((p) => !isWarning(p.rule));
  const warnings = found.filter((p) => isWarning(p.rule));
  return problems.length === 0 && result
    ? { problems, warnings, dataset: result }
    : { problems, warnings };
}

function checkParsed(
  files: readonly DatasetFileInput[],
  today: string,
  problems: Problem[],
): Dataset | undefined {
  const parsed = parseFiles(files, problems);
  if (problems.length > 0) return undefined;

  if (parsed.meta.length !== 1) {
    for (const { file } of parsed.meta.slice(1)) {
      problems.push(problem(file, '$', 'dataset-meta', 'A second dataset.json was found.'));
    }
    if (parsed.meta.length === 0) {
      problems.push(problem('data/dataset.json', '$', 'dataset-meta', 'dataset.json is missing.'));
    }
  }
  if (parsed.lexicon.length > 1) {
    for (const { file } of parsed.lexicon.slice(1)) {
      problems.push(problem(file, '$', 'dataset-meta', 'A second lexicon.json was found.'));
    }
  }

  checkPeople(parsed.people, problems);
  checkDuplicateIds(
    parsed.cases.map(({ file, value }) => ({ file, path: '$.id', id: value.id })),
    'case',
    problems,
  );
  const personIds = new Set(parsed.people.map((p) => p.value.id));
  for (const { file, value } of parsed.cases) checkCase(file, value, personIds, problems);

  checkDuplicateIds(
    parsed.resources.map(({ file, index, value }) => ({
      file,
      path: `$.resources[${index}].id`,
      id: value.id,
    })),
    'resource',
    problems,
  );
  for (const { file, index, value } of parsed.resources) {
    if (value.phone === undefined && value.url === undefined) {
      problems.push(
        problem(
          file,
          `$.resources[${index}]`,
          'resource-no-contact',
          `The resource "${value.id}" has neither a phone number nor a URL.`,
        ),
      );
    }
  }

  for (const { file, path, date } of datesOf(parsed)) {
    if (dateStart(date) > today) {
      problems.push(problem(file, path, 'date-future', `${date} is after today (${today}).`));
    }
  }
  if (parsed.publishers.length > 1) {
    for (const { file } of parsed.publishers.slice(1)) {
      problems.push(problem(file, '$', 'dataset-meta', 'A second publishers.json was found.'));
    }
  }
  const publishers = parsed.publishers[0]?.value ?? { blocked: [], reposts: [] };
  checkDatasetFairness(
    {
      people: parsed.people,
      cases: parsed.cases,
      resources: parsed.resources,
      publishers,
    },
    today,
    problems,
  );

  checkUrduRecord(parsed.cases, parsed.people, problems);

  const [meta] = parsed.meta;
  if (problems.some((p) => !isWarning(p.rule)) || !meta) return undefined;
  const dataset: Dataset = {
    meta: meta.value,
    people: parsed.people.map((p) => p.value),
    cases: parsed.cases.map((c) => c.value),
    resources: parsed.resources.map((r) => r.value),
    lexicon: parsed.lexicon[0]?.value ?? EMPTY_LEXICON,
    publishers,
  };
  // Last: the test sentences need a dataset whose references all resolve.
  checkIdentity(parsed.people, dataset, problems);
  return problems.some((p) => !isWarning(p.rule)) ? undefined : dataset;
}
