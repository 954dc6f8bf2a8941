/**
 * Whether a post gets context. By default only posts about harassment do: the post contains a
 * term from the lexicon (kept in the dataset, English and Urdu, with hashtags), or it mentions
 * two people who are parties to the same case.
 */
import type { RelevanceMode } from '../settings';

export interface RelevanceInput {
  readonly mode: RelevanceMode;
  /** Indexes of the tracked people mentioned in the post. */
  readonly people: readonly number[];
  /** Case ids of a person, by index. */
  readonly casesOf: (person: number) => readonly string[];
  /** Asked only when needed: does the post contain a lexicon term? */
  readonly hasLexiconTerm: () => boolean;
}

export function isRelevant({ mode, people, casesOf, hasLexiconTerm }: RelevanceInput): boolean {
  if (mode === 'off' || people.length === 0) return false;
  if (mode === 'every') return true;
  return sharesACase(people, casesOf) || hasLexiconTerm();
}

function sharesACase(people: readonly number[], casesOf: (person: number) => readonly string[]) {
  const seen = new Set<string>();
  for (const person of people) {
    for (const caseId of casesOf(person)) {
      if (seen.has(caseId)) return true;
    }
    for (const caseId of casesOf(person)) seen.add(caseId);
  }
  return false;
}
