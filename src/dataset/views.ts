/**
 * What the extension's parts are sent from the compiled index: the content script's page index
 * (names and labels only) and the in-page card of a person. Text is picked in the reader's
 * language where the dataset has it, else English, and says which it is.
 */
import type { CardSource, LocalText, PageIndex, PersonCard } from '../messages';
import type { CompiledCase, CompiledIndex } from './compiled';

export type DatasetLanguage = 'en' | 'ur';

export function localText(
  text: { en: string; ur?: string | undefined },
  lang: DatasetLanguage,
): LocalText {
  return lang === 'ur' && text.ur !== undefined
    ? { text: text.ur, lang: 'ur' }
    : { text: text.en, lang: 'en' };
}

export function pageIndexOf(index: CompiledIndex, lang: DatasetLanguage): PageIndex {
  return {
    datasetVersion: index.datasetVersion,
    names: index.names,
    people: index.people.map((person) => ({
      id: person.id,
      name: localText(person.name, lang),
      caseIds: person.cases.map((c) => c.id),
      roles: [...new Set(person.cases.map((c) => c.role))],
      confirmingTerms: person.confirmingTerms,
      ...(person.strongTermsOnly ? { strongTermsOnly: true } : {}),
    })),
    lexicon: index.lexicon,
  };
}

/** The newest sources first: a reader wants where things stand now. */
function caseSources(caseFile: CompiledCase): CardSource[] {
  const cited = new Set([
    ...caseFile.status.sources,
    ...caseFile.summary.sources,
    ...caseFile.events.flatMap((event) => event.sources),
  ]);
  return caseFile.sources
    .filter((source) => cited.has(source.id))
    .map(({ publisher, title, date, url }) => ({
      publisher,
      title,
      url,
      ...(date ? { date } : {}),
    }))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

export function personCardOf(
  index: CompiledIndex,
  personId: string,
  lang: DatasetLanguage,
): PersonCard | null {
  const person = index.people.find((candidate) => candidate.id === personId);
  if (person === undefined) return null;
  const roles = new Map(person.cases.map((c) => [c.id, c.role]));
  return {
    id: person.id,
    name: localText(person.name, lang),
    descriptor: localText(person.descriptor, lang),
    cases: index.cases
      .flatMap((caseFile) => {
        const role = roles.get(caseFile.id);
        return role === undefined ? [] : [{ caseFile, role }];
      })
      .map(({ caseFile, role }) => ({
        id: caseFile.id,
        role,
        title: localText(caseFile.title, lang),
        status: localText(caseFile.status.text, lang),
        statusAsOf: caseFile.status.asOf,
        summary: localText(caseFile.summary.text, lang),
        sources: caseSources(caseFile),
        lastReviewed: caseFile.lastReviewed,
        reviewMethod: caseFile.reviewMethod,
        newestSourceFound: caseFile.newestSourceFound,
      })),
  };
}
