/**
 * A compiled index `factor` times the size of a real one, for the benchmarks: every person and
 * case is copied `factor - 1` times under made-up names (Latin, Urdu and handles in the same
 * mix as the original), with the same namesake rules, confirming terms, timelines and sources.
 */
import type { CompiledIndex } from '../src/dataset/compiled';
import { generateNames } from './corpus';

const URDU = /\p{Script=Arabic}/u;

/** Replaces every string that is a key of `ids` (person ids) anywhere inside `value`. */
function remapIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (ids.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => remapIds(item, ids)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, remapIds(item, ids)]),
    ) as T;
  }
  return value;
}

export function scaleCompiledIndex(index: CompiledIndex, factor: number): CompiledIndex {
  const pool = generateNames(index.names.length * factor * 3, 'mixed', 99).map((n) => n.text);
  const take = (kind: 'handle' | 'urdu' | 'latin') => {
    const at = pool.findIndex((text) =>
      kind === 'handle'
        ? text.startsWith('@')
        : !text.startsWith('@') && URDU.test(text) === (kind === 'urdu'),
    );
    if (at < 0) throw new Error('name pool exhausted');
    return pool.splice(at, 1)[0] as string;
  };

  const scaled: CompiledIndex = structuredClone(index);
  for (let copy = 1; copy < factor; copy++) {
    const ids = new Map(index.people.map((p) => [p.id, `${p.id}-copy-${copy}`]));
    const caseIds = new Map(index.cases.map((c) => [c.id, `${c.id}-copy-${copy}`]));
    const offset = scaled.people.length;
    const renamed = new Map<string, string>();
    for (const entry of index.names) {
      const kind = entry.text.startsWith('@') ? 'handle' : URDU.test(entry.text) ? 'urdu' : 'latin';
      const text = take(kind);
      renamed.set(`${entry.person}:${entry.text}`, text);
      scaled.names.push({ ...entry, text, person: entry.person + offset });
    }
    index.people.forEach((person, i) => {
      scaled.people.push({
        ...structuredClone(person),
        id: ids.get(person.id) ?? person.id,
        names: person.names.map((text) => renamed.get(`${i}:${text}`) ?? text),
        cases: person.cases.map((c) => ({ ...c, id: caseIds.get(c.id) ?? c.id })),
      });
    });
    for (const caseFile of index.cases) {
      scaled.cases.push({
        ...remapIds(caseFile, ids),
        id: caseIds.get(caseFile.id) ?? caseFile.id,
      });
    }
  }
  return scaled;
}
