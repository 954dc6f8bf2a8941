/** The popup's search over the whole shipped dataset: every person by any of their names. */
import { describe, expect, it } from 'vitest';
import { parseCompiledIndex } from '../../src/dataset/compiled';
import { searchDataset } from '../../src/popup/search';
import { buildCompiledIndexJson } from '../../scripts/dataset-files';

const parsed = parseCompiledIndex(JSON.parse(buildCompiledIndexJson().json));
if (!parsed.ok) throw new Error(parsed.error);
const { index } = parsed;

describe('search over the shipped dataset', () => {
  const everyName = index.people.flatMap((person) =>
    [person.name.en, person.name.ur, ...person.names]
      .filter((name): name is string => name !== undefined)
      .map((name) => [person.id, name] as const),
  );

  it.each(everyName)('finds %s by "%s"', (id, name) => {
    const found = searchDataset(index, name).filter((result) => result.kind === 'person');
    expect(found.map((result) => result.id)).toContain(id);
  });

  it('finds every case by its title, in each language it has', () => {
    for (const caseFile of index.cases) {
      for (const title of [caseFile.title.en, caseFile.title.ur]) {
        if (title === undefined) continue;
        expect(searchDataset(index, title), title).toContainEqual({
          kind: 'case',
          id: caseFile.id,
        });
      }
    }
  });

  it('finds a person however the query is cased, accented or typed in Arabic letters', () => {
    expect(searchDataset(index, 'JUNOT DIAZ')).toContainEqual({ kind: 'person', id: 'junot-diaz' });
    // Arabic yeh (ي) for Urdu yeh (ی) in میشا شفیع.
    expect(searchDataset(index, 'ميشا شفيع')).toContainEqual({
      kind: 'person',
      id: 'meesha-shafi',
    });
  });
});
