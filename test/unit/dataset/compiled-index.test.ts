import { describe, expect, it } from 'vitest';
import { checkDataset, compileIndex, parseCompiledIndex } from '../../../src/dataset/index';
import { defined, filesOf, minimalDataset, TODAY } from './minimal-dataset';

function compiledMinimal() {
  const d = minimalDataset();
  d.bob.publicFigure = true;
  const { dataset } = checkDataset(filesOf(d), TODAY);
  if (!dataset) throw new Error('minimal dataset should pass');
  return compileIndex(dataset);
}

describe('compileIndex', () => {
  it('lists every match name and @handle with the index of its person', () => {
    const index = compiledMinimal();
    expect(index.names).toEqual([
      { text: 'Alice Example', person: 0 },
      { text: 'Bob Example', person: 1 },
      { text: '@bobexample', person: 1, platform: 'x' },
    ]);
    expect(index.people[1]?.cases).toEqual([{ id: 'example-case', role: 'named-in-allegation' }]);
    expect(index.lexicon).toEqual({
      strong: ['harassment', 'ہراسانی', '#MeToo'],
      weak: [['alleged', 'allegation'], ['case']],
    });
    expect(index.datasetVersion).toBe(3);
  });

  it('carries the namesake rules of each name', () => {
    const d = minimalDataset();
    d.alice.names = [
      { text: 'Alice Example', notBeside: ['Senator'], needsConfirmation: true },
      { text: 'Alice Ex' },
    ];
    d.alice.confirmingTerms = ['singer'];
    d.alice.checks = {
      badge: [{ text: 'The singer Alice Example spoke about harassment.', lang: 'en' }],
      noBadge: [{ text: 'Senator Alice Example spoke about harassment.', lang: 'en' }],
    };
    const { dataset, problems } = checkDataset(filesOf(d), TODAY);
    expect(problems).toEqual([]);
    const index = compileIndex(defined(dataset));
    expect(index.names.slice(0, 2)).toEqual([
      { text: 'Alice Example', person: 0, notBeside: ['Senator'], needsConfirmation: true },
      { text: 'Alice Ex', person: 0 },
    ]);
    expect(index.people[0]?.confirmingTerms).toEqual(['singer']);
    expect(parseCompiledIndex(JSON.parse(JSON.stringify(index))).ok).toBe(true);
  });

  it('leaves out people who are not public figures', () => {
    const d = minimalDataset();
    d.alice.publicFigure = false;
    d.alice.names = [];
    const { dataset } = checkDataset(filesOf(d), TODAY);
    const index = compileIndex(defined(dataset));
    expect(index.people.map((p) => p.id)).toEqual(['bob-example']);
    expect(index.cases[0]?.people.map((p) => p.person)).toEqual(['bob-example']);
    expect(index.cases[0]?.events[0]?.by).toEqual([]);
    expect(parseCompiledIndex(JSON.parse(JSON.stringify(index))).ok).toBe(true);
  });
});

describe('parseCompiledIndex', () => {
  it('accepts a compiled index after a JSON round trip', () => {
    const result = parseCompiledIndex(JSON.parse(JSON.stringify(compiledMinimal())));
    expect(result.ok).toBe(true);
  });

  it.each([
    ['not an object', 'garbage'],
    ['null', null],
    ['an empty object', {}],
  ])('rejects %s with a readable error', (_label, json) => {
    const result = parseCompiledIndex(json);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/^Invalid dataset index: /);
  });

  it('rejects a name pointing past the people list', () => {
    const index = compiledMinimal();
    index.names.push({ text: 'Ghost Name', person: 7 });
    const result = parseCompiledIndex(index);
    expect(!result.ok && result.error).toContain('names[3] points to person 7');
  });

  it('rejects an event that lost its sources', () => {
    const index = compiledMinimal();
    defined(defined(index.cases[0]).events[0]).sources = [];
    const result = parseCompiledIndex(index);
    expect(!result.ok && result.error).toContain('cases.0.events.0.sources');
  });

  it('rejects a case whose response was removed (same editorial rules as the checker)', () => {
    const index = compiledMinimal();
    const c = defined(index.cases[0]);
    c.events = c.events.filter((e) => e.kind !== 'response');
    const result = parseCompiledIndex(index);
    expect(!result.ok && result.error).toContain('[response-missing]');
  });

  it('rejects markup smuggled into text', () => {
    const index = compiledMinimal();
    defined(index.cases[0]).summary.text.en = '<img src=x onerror=alert(1)>';
    expect(parseCompiledIndex(index).ok).toBe(false);
  });

  it('never throws, even on hostile input', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const result = parseCompiledIndex(hostile);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toContain('boom');
  });
});
