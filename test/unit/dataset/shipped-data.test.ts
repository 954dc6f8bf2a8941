import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileIndex, formatProblem, parseCompiledIndex, RULES } from '../../../src/dataset/index';
import { defined } from './minimal-dataset';
import {
  buildCompiledIndexJson,
  checkDatasetFiles,
  DATA_DIR,
  outdatedJsonSchemaProblems,
  readDatasetFiles,
  todayUtc,
} from '../../../scripts/dataset-files';

describe('the shipped dataset (data/)', () => {
  const { dataset, problems } = checkDatasetFiles(todayUtc());

  it('passes the checker', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(dataset).toBeDefined();
  });

  it('cites at least one listed source for every statement', () => {
    for (const c of defined(dataset).cases) {
      const ids = new Set(c.sources.map((s) => s.id));
      const statements = [c.status, c.summary, ...c.events];
      for (const statement of statements) {
        expect(statement.sources.length).toBeGreaterThan(0);
        for (const id of statement.sources) expect(ids.has(id)).toBe(true);
      }
    }
  });

  it('tracks public figures only', () => {
    expect(defined(dataset).people.every((p) => p.publicFigure)).toBe(true);
  });

  it('says the Shafi–Zafar matter is ongoing as of its review date', () => {
    const c = defined(defined(dataset).cases.find((x) => x.id === 'shafi-zafar'));
    expect(c.status.kind).toBe('ongoing');
    expect(c.status.asOf).toBe(c.lastReviewed);
    expect(c.events.find((e) => e.id === 'fia-charge-sheet')?.kind).toBe('agency-claim');
    expect(c.status.text.en).toContain('as reported up to 26 March 2026');
    expect(c.newestSourceFound).toBe('2026-03-26');
  });

  it('describes the FIA charge sheet as the agency’s position, without verdict words', () => {
    const c = defined(defined(dataset).cases.find((x) => x.id === 'shafi-zafar'));
    const text = defined(c.events.find((e) => e.id === 'fia-charge-sheet')).text.en;
    expect(text).not.toMatch(/guilty/i);
    expect(text).toContain('not a court finding');
  });

  it('has roles per proceeding: Shafi is the accused in the criminal case, Zafar its complainant', () => {
    const c = defined(defined(dataset).cases.find((x) => x.id === 'shafi-zafar'));
    const fia = defined(c.proceedings.find((p) => p.id === 'fia-criminal-case'));
    expect(fia.parties).toEqual([
      { person: 'ali-zafar', role: 'complainant' },
      { person: 'meesha-shafi', role: 'accused' },
    ]);
    expect(c.people.find((p) => p.person === 'meesha-shafi')?.role).toBe('made-allegation');
  });

  it('documents every rule in data/README.md', () => {
    const readme = readFileSync(join(DATA_DIR, 'README.md'), 'utf8');
    for (const rule of Object.keys(RULES)) expect(readme, rule).toContain(`\`${rule}\``);
  });

  it('compiles to an index that the extension-side parser accepts', () => {
    const { json } = buildCompiledIndexJson(todayUtc());
    const result = parseCompiledIndex(JSON.parse(json));
    expect(result.ok ? '' : result.error).toBe('');
    expect(JSON.stringify(compileIndex(defined(dataset)))).toBe(json);
  });

  it('has the editors’ JSON Schemas up to date', async () => {
    expect((await outdatedJsonSchemaProblems()).map(formatProblem)).toEqual([]);
  });
});

describe('dataset-files', () => {
  it('json-syntax: reports a file that is not JSON', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'footnote-data-')), 'data');
    cpSync(DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'cases', 'broken.json'), '{ "id": "broken", }');
    const { problems } = readDatasetFiles(dir);
    expect(problems).toMatchObject([{ file: 'data/cases/broken.json', rule: 'json-syntax' }]);
    expect(checkDatasetFiles(todayUtc(), dir).problems[0]?.rule).toBe('json-syntax');
  });

  it('skips the schema folder', () => {
    expect(readDatasetFiles().files.some((f) => f.path.startsWith('data/schema/'))).toBe(false);
  });

  it('json-schema-outdated: reports a hand-edited or missing editors’ schema', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'footnote-data-')), 'data');
    cpSync(DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'schema', 'case.schema.json'), '{}\n');
    const problems = await outdatedJsonSchemaProblems(dir);
    expect(problems).toMatchObject([
      { file: 'data/schema/case.schema.json', rule: 'json-schema-outdated' },
    ]);
  });
});
