/**
 * npm run data:new -- case|person <id> — writes a skeleton data/cases/<id>.json or
 * data/people/<id>.json for a curator to fill in. Every "TODO" in it fails the checker
 * (rule todo-left), so a half-filled skeleton never ships. Never overwrites a file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './dataset-files';

const [kind, id] = process.argv.slice(2);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fail(message: string): never {
  console.error(`data:new: ${message}`);
  console.error(
    'Usage: npm run data:new -- case|person <id>   (id: lowercase words joined by hyphens)',
  );
  process.exit(1);
}

if (kind !== 'case' && kind !== 'person') fail('say "case" or "person".');
if (id === undefined || !ID.test(id)) fail(`"${id ?? ''}" is not an id.`);

const TODO = 'TODO';
const source = {
  id: 'TODO-source',
  publisher: TODO,
  title: 'TODO: the headline as published',
  date: 'TODO',
  url: 'https://TODO.example/',
};
const skeletons = {
  case: {
    $schema: '../schema/case.schema.json',
    id,
    title: { en: 'TODO: who alleged what, in a few neutral words' },
    country: 'TODO',
    people: [{ person: 'TODO-person-id', role: 'named-in-allegation' }],
    status: {
      kind: 'allegations',
      asOf: 'TODO',
      text: { en: 'TODO: where the matter stands, as reported up to <date of the newest source>.' },
      sources: ['TODO-source'],
    },
    summary: {
      text: { en: 'TODO: attributed, with the response and every outcome.' },
      sources: ['TODO-source'],
    },
    events: [
      {
        id: 'TODO-allegation',
        date: 'TODO',
        kind: 'allegation',
        by: [],
        concerning: ['TODO-person-id'],
        text: { en: 'TODO: "X alleged that …", never "X harassed …".' },
        sources: ['TODO-source'],
      },
    ],
    sources: [source],
    lastReviewed: 'TODO',
    reviewMethod: 'stored-copies',
    newestSourceFound: 'TODO',
  },
  person: {
    $schema: '../schema/person.schema.json',
    id,
    name: { en: 'TODO' },
    descriptor: { en: 'TODO: who they are, with no case vocabulary' },
    publicFigure: true,
    names: [{ text: 'TODO: the full name as written in the sources' }],
    checks: {
      badge: [{ text: 'TODO: a post about this person and the case', lang: 'en' }],
      noBadge: [{ text: 'TODO: a namesake, or this person in an everyday post', lang: 'en' }],
    },
  },
};

const path = join(DATA_DIR, kind === 'case' ? 'cases' : 'people', `${id}.json`);
if (existsSync(path)) fail(`${path} exists; edit it instead.`);
writeFileSync(path, `${JSON.stringify(skeletons[kind], null, 2)}\n`, { flag: 'wx' });
console.log(`Wrote ${path}. Fill in every TODO (see data/README.md), then npm run data:check.`);
