/**
 * Identity: how the dataset tells a tracked person from everyone else who shares a name, and the
 * checks that prove it. The match names, namesake rules and relevance terms go into the compiled
 * index from here; the checker runs each person's test sentences through the same judge the
 * content script uses (src/mentions/judge.ts), so a sentence that passes here behaves the same
 * on a page.
 */
import { createMentionJudge, type IdentityIndex } from '../mentions/judge';
import { problem, type Problem } from './rules';
import type { Dataset, Lexicon, Person, TestSentence } from './schema';
import { nameKey } from './text';

/** Every match name and "@handle" of the tracked people, with `person` their index. */
export function matchNamesOf(tracked: readonly Person[]) {
  return tracked.flatMap((p, person) => [
    ...p.names.map((name) => ({
      text: name.text,
      person,
      ...(name.notBeside.length > 0 ? { notBeside: name.notBeside } : {}),
      ...(name.needsConfirmation ? { needsConfirmation: true as const } : {}),
    })),
    ...p.handles.map((h) => ({ text: `@${h.handle}`, person, platform: h.platform })),
  ]);
}

export function relevanceLexiconOf(lexicon: Lexicon): {
  strong: string[];
  weak: string[][];
  neutral?: string[];
} {
  const neutral = [...lexicon.neutral.en, ...lexicon.neutral.ur];
  return {
    strong: [...new Set([...lexicon.strong.en, ...lexicon.strong.ur, ...lexicon.strong.hashtags])],
    weak: [...lexicon.weak.en, ...lexicon.weak.ur],
    ...(neutral.length > 0 ? { neutral } : {}),
  };
}

function identityIndexOf(dataset: Dataset, tracked: readonly Person[]): IdentityIndex {
  return {
    names: matchNamesOf(tracked),
    people: tracked.map((p) => ({
      caseIds: dataset.cases
        .filter((c) => c.people.some((cp) => cp.person === p.id))
        .map((c) => c.id),
      confirmingTerms: p.confirmingTerms,
      strongTermsOnly: p.strongTermsOnly,
    })),
    lexicon: relevanceLexiconOf(dataset.lexicon),
  };
}

/** The host a test sentence is read on when it names none: a news site, not a platform. */
export const DEFAULT_SENTENCE_HOST = 'news.example';

/** Scripts a match name can be written in, and whether the lexicon has strong terms in each. */
const SCRIPTS = [
  'Latin',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Cyrillic',
  'Han',
] as const;
const SCRIPT_TESTS = SCRIPTS.map((script) => ({
  script,
  test: new RegExp(`\\p{Script=${script}}`, 'u'),
}));

function scriptOf(text: string): string | undefined {
  return SCRIPT_TESTS.find(({ test }) => test.test(text))?.script;
}

interface LocatedPerson {
  readonly file: string;
  readonly value: Person;
}

/**
 * The identity rules: namesakes need a confirmation rule, names need a lexicon in their script,
 * every tracked person has test sentences in each language of their name, and every sentence
 * comes out as it says.
 */
export function checkIdentity(
  people: readonly LocatedPerson[],
  dataset: Dataset,
  problems: Problem[],
): void {
  const lexiconScripts = new Set(
    relevanceLexiconOf(dataset.lexicon)
      .strong.map(scriptOf)
      .filter((s) => s !== undefined),
  );
  for (const { file, value: person } of people) {
    if (!person.publicFigure) continue;
    checkNamesakes(file, person, problems);
    person.names.forEach((name, i) => {
      const script = scriptOf(name.text);
      if (script !== undefined && !lexiconScripts.has(script)) {
        problems.push(
          problem(
            file,
            `$.names[${i}].text`,
            'name-script-no-lexicon',
            `"${name.text}" is written in ${script} script, which has no strong term in lexicon.json.`,
          ),
        );
      }
    });
    checkSentenceCoverage(file, person, problems);
  }

  const tracked = dataset.people.filter((p) => p.publicFigure);
  const judge = createMentionJudge(identityIndexOf(dataset, tracked));
  const fileOf = new Map(people.map(({ file, value }) => [value.id, file]));
  tracked.forEach((person, personIndex) => {
    const file = fileOf.get(person.id) ?? `data/people/${person.id}.json`;
    // As the content script decides: a region it passes over is never judged.
    const badges = (sentence: TestSentence) =>
      judge.mayBeRelevant(sentence.text, 'harassment') &&
      judge
        .judge(
          [sentence.text],
          { host: sentence.host ?? DEFAULT_SENTENCE_HOST, linkOf: () => undefined },
          'harassment',
        )
        .some((mention) => mention.person === personIndex);
    person.checks.badge.forEach((sentence, i) => {
      if (badges(sentence)) return;
      problems.push(
        problem(
          file,
          `$.checks.badge[${i}]`,
          'check-sentence-failed',
          `This post should give "${person.id}" a badge but does not.`,
        ),
      );
    });
    person.checks.noBadge.forEach((sentence, i) => {
      if (!badges(sentence)) return;
      problems.push(
        problem(
          file,
          `$.checks.noBadge[${i}]`,
          'check-sentence-failed',
          `This post must not give "${person.id}" a badge but does.`,
        ),
      );
    });
  });
}

function checkNamesakes(file: string, person: Person, problems: Problem[]): void {
  const byKey = new Map(person.names.map((name, i) => [nameKey(name.text), { name, i }]));
  person.namesakes.forEach((namesake, n) =>
    namesake.sharedNames.forEach((shared, s) => {
      const found = byKey.get(nameKey(shared));
      const path = `$.namesakes[${n}].sharedNames[${s}]`;
      if (found === undefined) {
        problems.push(
          problem(
            file,
            path,
            'unknown-reference',
            `"${shared}" is not one of this person's names.`,
          ),
        );
      } else if (!found.name.needsConfirmation) {
        problems.push(
          problem(
            file,
            `$.names[${found.i}]`,
            'namesake-unconfirmed',
            `"${shared}" is shared with a listed namesake (${namesake.who}) but does not need confirmation.`,
          ),
        );
      }
    }),
  );
  if (person.names.some((name) => name.needsConfirmation) && person.confirmingTerms.length === 0) {
    problems.push(
      problem(
        file,
        '$.confirmingTerms',
        'namesake-unconfirmed',
        `"${person.id}" has names that need confirmation but no confirming terms.`,
      ),
    );
  }
}

function checkSentenceCoverage(file: string, person: Person, problems: Problem[]): void {
  const languages = person.name.ur === undefined ? ['en'] : ['en', 'ur'];
  for (const kind of ['badge', 'noBadge'] as const) {
    for (const lang of languages) {
      if (person.checks[kind].some((sentence) => sentence.lang === lang)) continue;
      problems.push(
        problem(
          file,
          `$.checks.${kind}`,
          'check-sentences-missing',
          `"${person.id}" has no "${kind}" test sentence in "${lang}".`,
        ),
      );
    }
  }
}
