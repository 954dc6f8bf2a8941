/**
 * The record in the reader's language: a case whose public is Pakistani is read in Urdu as well
 * as English, every text of it, and so are the names and descriptors of its people.
 */
import { problem, type Problem } from './rules';
import type { Case, Person } from './schema';

/** Countries whose cases must carry every text in Urdu too. */
export const URDU_COUNTRIES: ReadonlySet<string> = new Set(['PK']);

interface Located<T> {
  readonly file: string;
  readonly value: T;
}

/** Each reader-facing text of a case, with its JSON path. */
function readerTexts(c: Case): { path: string; text: { en: string; ur?: string | undefined } }[] {
  return [
    { path: '$.title', text: c.title },
    { path: '$.status.text', text: c.status.text },
    { path: '$.summary.text', text: c.summary.text },
    ...c.events.map((e, i) => ({ path: `$.events[${i}].text`, text: e.text })),
    ...c.proceedings.map((p, i) => ({ path: `$.proceedings[${i}].title`, text: p.title })),
  ];
}

export function checkUrduRecord(
  cases: readonly Located<Case>[],
  people: readonly Located<Person>[],
  problems: Problem[],
): void {
  const personFile = new Map(people.map((p) => [p.value.id, p]));
  const checkedPeople = new Set<string>();
  for (const { file, value: c } of cases) {
    if (!URDU_COUNTRIES.has(c.country)) continue;
    for (const { path, text } of readerTexts(c)) {
      if (text.ur !== undefined) continue;
      problems.push(
        problem(
          file,
          `${path}.ur`,
          'urdu-missing',
          `This text of a ${c.country} case has no Urdu.`,
        ),
      );
    }
    for (const { person } of c.people) {
      const located = personFile.get(person);
      if (located === undefined || checkedPeople.has(person) || !located.value.publicFigure)
        continue;
      checkedPeople.add(person);
      for (const field of ['name', 'descriptor'] as const) {
        if (located.value[field].ur !== undefined) continue;
        problems.push(
          problem(
            located.file,
            `$.${field}.ur`,
            'urdu-missing',
            `"${person}" is in a ${c.country} case but has no Urdu ${field}.`,
          ),
        );
      }
    }
  }
}
