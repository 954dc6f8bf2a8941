/**
 * The cases to draw for a set of people: each case once, with the people of that set who are in
 * it, in the order the people were given (the order they were found on the page).
 */
import type { CompiledCase, CompiledIndex } from '../dataset/compiled';

export interface CaseWithPeople {
  readonly caseFile: CompiledCase;
  /** Ids of the given people who are in this case. */
  readonly people: readonly string[];
}

export function casesOfPeople(
  index: CompiledIndex,
  personIds: readonly string[],
  extraCaseIds: readonly string[] = [],
): CaseWithPeople[] {
  const order: string[] = [];
  const peopleByCase = new Map<string, string[]>();
  const add = (caseId: string, personId?: string) => {
    let people = peopleByCase.get(caseId);
    if (!people) {
      people = [];
      peopleByCase.set(caseId, people);
      order.push(caseId);
    }
    if (personId !== undefined && !people.includes(personId)) people.push(personId);
  };
  for (const personId of personIds) {
    const person = index.people.find((candidate) => candidate.id === personId);
    for (const entry of person?.cases ?? []) add(entry.id, personId);
  }
  for (const caseId of extraCaseIds) add(caseId);
  return order.flatMap((caseId) => {
    const caseFile = index.cases.find((candidate) => candidate.id === caseId);
    return caseFile ? [{ caseFile, people: peopleByCase.get(caseId) ?? [] }] : [];
  });
}
