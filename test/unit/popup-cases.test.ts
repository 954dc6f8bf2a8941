/** The cases the popup draws for the people on a page: each once, with its people. */
import { describe, expect, it } from 'vitest';
import { buildCompiledIndexJson } from '../../scripts/dataset-files';
import { parseCompiledIndex } from '../../src/dataset/compiled';
import { casesOfPeople } from '../../src/popup/page-cases';

const parsed = parseCompiledIndex(JSON.parse(buildCompiledIndexJson().json));
if (!parsed.ok) throw new Error(parsed.error);
const { index } = parsed;
const summary = (personIds: string[], caseIds: string[] = []) =>
  casesOfPeople(index, personIds, caseIds).map((entry) => [entry.caseFile.id, entry.people]);

describe('the cases of the people on a page', () => {
  it('draws a case two people share once, listing both in page order', () => {
    expect(summary(['meesha-shafi', 'ali-zafar'])).toEqual([
      ['shafi-zafar', ['meesha-shafi', 'ali-zafar']],
    ]);
  });

  it('adds cases a search matched by title, once, after the people’s cases', () => {
    expect(summary(['ali-zafar'], ['batali', 'shafi-zafar'])).toEqual([
      ['shafi-zafar', ['ali-zafar']],
      ['batali', []],
    ]);
  });

  it('skips ids the dataset does not have', () => {
    expect(summary(['nobody'], ['no-such-case'])).toEqual([]);
  });
});
