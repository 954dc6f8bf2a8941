/** Which events a collapsed timeline shows, and that every case keeps its responses and outcomes. */
import { describe, expect, it } from 'vitest';
import { buildCompiledIndexJson } from '../../scripts/dataset-files';
import { parseCompiledIndex } from '../../src/dataset/compiled';
import { keyEventIds, type TimelineEvent } from '../../src/popup/key-events';

const event = (id: string, kind: string, proceeding?: string): TimelineEvent => ({
  id,
  kind,
  proceeding,
});

describe('the key events of a timeline', () => {
  it('keeps the first allegation, every response, finding and settlement, and the latest event', () => {
    const events = [
      event('a1', 'allegation'),
      event('r1', 'response'),
      event('a2', 'allegation'),
      event('s1', 'legal-step'),
      event('f1', 'finding'),
      event('st', 'settlement'),
      event('c1', 'consequence'),
      event('x', 'statement'),
    ];
    expect([...keyEventIds(events)].sort()).toEqual(['a1', 'f1', 'r1', 'st', 'x'].sort());
  });

  it('keeps only the latest ruling of each proceeding, rulings outside proceedings together', () => {
    const events = [
      event('ru1', 'ruling', 'suit'),
      event('ru2', 'ruling', 'appeal'),
      event('ru3', 'ruling', 'suit'),
      event('ru4', 'ruling'),
      event('ru5', 'ruling'),
      event('last', 'legal-step', 'suit'),
    ];
    expect([...keyEventIds(events)].sort()).toEqual(['last', 'ru2', 'ru3', 'ru5']);
  });

  it('is empty for no events', () => {
    expect(keyEventIds([]).size).toBe(0);
  });

  it('folds part of the longest shipped case and never a response or outcome', () => {
    const parsed = parseCompiledIndex(JSON.parse(buildCompiledIndexJson().json));
    if (!parsed.ok) throw new Error(parsed.error);
    for (const caseFile of parsed.index.cases) {
      const kept = keyEventIds(caseFile.events);
      for (const shown of caseFile.events.filter((e) =>
        ['response', 'finding', 'settlement'].includes(e.kind),
      ))
        expect(kept.has(shown.id), `${caseFile.id}/${shown.id}`).toBe(true);
    }
    const shafiZafar = parsed.index.cases.find((caseFile) => caseFile.id === 'shafi-zafar');
    expect(shafiZafar && keyEventIds(shafiZafar.events).size).toBeLessThan(
      (shafiZafar?.events.length ?? 0) / 2,
    );
  });
});
