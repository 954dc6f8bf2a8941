/**
 * A small valid dataset for the checker tests. Each test copies it, breaks one thing and checks
 * that the checker names the rule.
 */
import { expect } from 'vitest';
import {
  checkDataset,
  formatProblem,
  RULES,
  type CheckResult,
  type DatasetFileInput,
  type Problem,
  type RuleId,
} from '../../../src/dataset/index';

export const TODAY = '2026-11-30';

const citation = {
  publisher: 'Example News',
  title: 'Singer accused',
  date: '2024-01-02',
  url: 'https://news.example/singer-accused',
};

type Json = Record<string, unknown>;

export interface MinimalDataset {
  meta: Json;
  lexicon: Json;
  publishers: Json & { blocked: Json[]; reposts: Json[] };
  alice: Json;
  bob: Json & { handles: [Json & { source: Json }] };
  case: Json & {
    events: [Json, Json];
    sources: [Json, Json];
    people: [Json, Json];
    status: Json;
    summary: Json;
  };
  resources: Json & { resources: [Json] };
}

/** Fails the test when a value the test relies on is missing. */
export function defined<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}

export function minimalDataset(): MinimalDataset {
  const d: MinimalDataset = {
    meta: {
      $schema: './schema/dataset.schema.json',
      schemaVersion: 2,
      datasetVersion: 3,
      published: '2026-11-01',
    },
    lexicon: {
      $schema: './schema/lexicon.schema.json',
      strong: { en: ['harassment'], ur: ['ہراسانی'], hashtags: ['#MeToo'] },
      weak: { en: [['alleged', 'allegation'], ['case']], ur: [] },
    },
    publishers: {
      $schema: './schema/publishers.schema.json',
      blocked: [
        {
          domain: 'partisan.example',
          reason: 'Openly partisan for one side.',
          source: 'Research notes',
        },
      ],
      reposts: [{ domain: 'reposts.example', note: 'reposts other outlets' }],
    },
    alice: {
      $schema: '../schema/person.schema.json',
      id: 'alice-example',
      name: { en: 'Alice Example' },
      descriptor: { en: 'Singer' },
      publicFigure: true,
      names: [{ text: 'Alice Example' }],
      checks: {
        badge: [{ text: 'Alice Example spoke about harassment.', lang: 'en' }],
        noBadge: [{ text: 'Alice Example sang at the festival.', lang: 'en' }],
      },
    },
    bob: {
      $schema: '../schema/person.schema.json',
      id: 'bob-example',
      name: { en: 'Bob Example' },
      descriptor: { en: 'Actor' },
      publicFigure: true,
      names: [{ text: 'Bob Example' }],
      handles: [{ platform: 'x', handle: 'bobexample', source: citation }],
      checks: {
        badge: [{ text: 'Bob Example denied the harassment allegation.', lang: 'en' }],
        noBadge: [{ text: 'Bob Example stars in a new film.', lang: 'en' }],
      },
    },
    case: {
      $schema: '../schema/case.schema.json',
      id: 'example-case',
      title: { en: 'Alice Example’s allegation against Bob Example' },
      country: 'US',
      people: [
        { person: 'alice-example', role: 'made-allegation' },
        { person: 'bob-example', role: 'named-in-allegation' },
      ],
      status: {
        kind: 'denied',
        asOf: '2026-11-01',
        text: { en: 'Bob Example denies the allegation.' },
        sources: ['denial'],
      },
      summary: {
        text: { en: 'Alice Example alleged harassment; Bob Example denied it.' },
        sources: ['allegation', 'denial'],
      },
      events: [
        {
          id: 'allegation',
          date: '2024-01-01',
          kind: 'allegation',
          by: ['alice-example'],
          concerning: ['bob-example'],
          text: { en: 'Alice Example alleged that Bob Example harassed her.' },
          sources: ['allegation'],
        },
        {
          id: 'denial',
          date: '2024-01',
          kind: 'response',
          by: ['bob-example'],
          text: { en: 'Bob Example denied the allegation.' },
          sources: ['denial'],
        },
      ],
      sources: [
        { id: 'allegation', ...citation },
        { id: 'denial', ...citation, title: 'Actor denies', url: 'https://news.example/denial' },
      ],
      lastReviewed: '2026-11-01',
      reviewMethod: 'stored-copies',
      newestSourceFound: '2024-01-02',
    },
    resources: {
      $schema: '../schema/resources.schema.json',
      resources: [
        {
          id: 'example-helpline',
          name: { en: 'Example helpline' },
          helpsWith: { en: 'Online harassment.' },
          region: 'PK',
          phone: { dial: '+9280000000', display: '0800-00000' },
          source: { ...citation, title: 'Helpline launched' },
          checked: '2026-10-01',
        },
      ],
    },
  };
  return structuredClone(d);
}

export function filesOf(d: MinimalDataset): DatasetFileInput[] {
  return [
    { path: 'data/dataset.json', json: d.meta },
    { path: 'data/lexicon.json', json: d.lexicon },
    { path: 'data/publishers.json', json: d.publishers },
    { path: 'data/people/alice-example.json', json: d.alice },
    { path: 'data/people/bob-example.json', json: d.bob },
    { path: 'data/cases/example-case.json', json: d.case },
    { path: 'data/resources/pk.json', json: d.resources },
  ];
}

/** Asserts the checker reports `rule` at `file` and `path`, with a message containing `text`. */
export function expectProblem(
  problems: Problem[],
  rule: RuleId,
  where: { file?: string; path?: string; text?: string } = {},
): void {
  const match = problems.find(
    (p) =>
      p.rule === rule &&
      (where.file === undefined || p.file === where.file) &&
      (where.path === undefined || p.path === where.path) &&
      (where.text === undefined || p.message.includes(where.text)),
  );
  expect(
    match,
    `expected [${rule}] ${JSON.stringify(where)} in:\n${problems.map(formatProblem).join('\n')}`,
  ).toBeDefined();
  expect(match?.message).toContain(RULES[rule].fix);
}

/** Checks the minimal dataset after `mutate` broke (or fixed) one thing, with `extra` files. */
export function checkMutated(
  mutate: (d: MinimalDataset) => void,
  extra: DatasetFileInput[] = [],
): CheckResult {
  const d = minimalDataset();
  mutate(d);
  return checkDataset([...filesOf(d), ...extra], TODAY);
}
