/**
 * Search over the dataset for the popup: people by any of their names, cases by title.
 * Case, accents and Urdu/Arabic letter variants are folded as the page matcher folds them.
 */
import type { CompiledIndex } from '../dataset/compiled';
import { foldText } from '../matcher/normalize';

export type SearchResult =
  { readonly kind: 'person'; readonly id: string } | { readonly kind: 'case'; readonly id: string };

export function searchDataset(index: CompiledIndex, query: string): SearchResult[] {
  const needle = foldText(query).trim();
  if (needle.length < 2) return [];
  const has = (text: string | undefined) => text !== undefined && foldText(text).includes(needle);
  const people: SearchResult[] = index.people
    .filter((person) => [person.name.en, person.name.ur, ...person.names].some(has))
    .map((person) => ({ kind: 'person', id: person.id }));
  const cases: SearchResult[] = index.cases
    .filter((caseFile) => has(caseFile.title.en) || has(caseFile.title.ur))
    .map((caseFile) => ({ kind: 'case', id: caseFile.id }));
  return [...people, ...cases];
}
