/**
 * Valibot schemas for the curated source files under data/ and the types they produce. The
 * structural rules live here (and, generated from here, in data/schema/*.schema.json for
 * editors); the rules that look across fields and files live in check.ts.
 */
import * as v from 'valibot';
import { PLATFORMS } from '../mentions/platforms';
import type { RuleId } from './rules';
import { isFullDate, isHttpUrl, isPartialDate, isPlainText } from './text';

/** Bumped when the shape of the data files or of the compiled index changes incompatibly. */
export const SCHEMA_VERSION = 2;

/** Length limits (characters) for text fields. */
export const LIMITS = {
  name: 80,
  descriptor: 80,
  title: 120,
  status: 300,
  event: 400,
  summary: 600,
  note: 200,
  resourceText: 300,
  short: 120,
  sourceTitle: 300,
  phoneDisplay: 60,
} as const;

// Messages that identify a rule: a schema issue carrying one of them is reported under that
// rule instead of the generic "schema" rule (see ruleForMessage).
const MESSAGE_RULES = {
  'Text contains markup.': 'text-markup',
  'Not a valid date.': 'date-invalid',
  'Not an http(s) URL.': 'source-incomplete',
  'No source cited.': 'statement-unsourced',
  'A source needs its publication date, or for an undated page "accessed".': 'source-incomplete',
} as const satisfies Record<string, RuleId>;
type RuleMessage = keyof typeof MESSAGE_RULES;
const msg = (m: RuleMessage): RuleMessage => m;

export function ruleForMessage(message: string): RuleId | undefined {
  return (MESSAGE_RULES as Record<string, RuleId>)[message];
}

export const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Ids are lowercase words joined by hyphens.'),
  v.description('Stable id: lowercase words joined by hyphens. Never reuse a published id.'),
);

export const plainText = (max: number) =>
  v.pipe(
    v.string(),
    v.nonEmpty('Text is empty.'),
    v.maxLength(max),
    v.check(isPlainText, msg('Text contains markup.')),
  );

/** A text field in English, optionally translated into Urdu. */
export const localized = (max: number) =>
  v.strictObject({
    en: plainText(max),
    ur: v.optional(plainText(max)),
  });

/** YYYY-MM-DD. */
export const FullDate = v.pipe(
  v.string(),
  v.check(isFullDate, msg('Not a valid date.')),
  v.description('YYYY-MM-DD'),
);
/** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source is. */
export const PartialDate = v.pipe(
  v.string(),
  v.check(isPartialDate, msg('Not a valid date.')),
  v.description('YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known'),
);
export const HttpUrl = v.pipe(v.string(), v.check(isHttpUrl, msg('Not an http(s) URL.')));

const citationEntries = {
  publisher: plainText(LIMITS.short),
  title: v.pipe(plainText(LIMITS.sourceTitle), v.description('The headline as published.')),
  date: v.optional(
    v.pipe(PartialDate, v.description('Publication date, as precise as the source gives it.')),
  ),
  accessed: v.optional(
    v.pipe(PartialDate, v.description('For a page without a publication date: when it was read.')),
  ),
  url: HttpUrl,
  archivedUrl: v.optional(HttpUrl),
  listingPageReason: v.optional(
    v.pipe(
      plainText(LIMITS.note),
      v.description(
        'Only when the page cited is a listing (blog page, archive): why, until its permalink is found.',
      ),
    ),
  ),
};
const hasDate = (c: { date?: string; accessed?: string }) =>
  c.date !== undefined || c.accessed !== undefined;
const NO_DATE = msg('A source needs its publication date, or for an undated page "accessed".');

/** A published source: what a statement rests on. */
export const Citation = v.pipe(
  v.strictObject(citationEntries),
  v.check((c) => hasDate(c), NO_DATE),
);

export const Source = v.pipe(
  v.strictObject({ id: Id, ...citationEntries }),
  v.check((c) => hasDate(c), NO_DATE),
);

/** Ids of sources in the case's "sources" list; at least one. */
export const SourceRefs = v.pipe(v.array(Id), v.minLength(1, msg('No source cited.')));

export { PLATFORMS };

/** A word or short phrase matched in page text (a title, a confirming term, a lexicon term). */
const Term = plainText(LIMITS.name);

export const MatchName = v.strictObject({
  text: v.pipe(plainText(LIMITS.name), v.description('A name to match on pages, as written.')),
  singleWordReason: v.optional(
    v.pipe(
      plainText(LIMITS.note),
      v.description('Why this single word identifies the person on its own.'),
    ),
  ),
  disambiguation: v.optional(
    v.pipe(
      plainText(LIMITS.note),
      v.description('How readers tell apart the people who share this name.'),
    ),
  ),
  notBeside: v.optional(
    v.pipe(
      v.array(Term),
      v.description(
        'Words that, standing right before or after the name, mean someone else: the titles and honorifics of known namesakes ("Senator", "Barrister", "سینیٹر").',
      ),
    ),
    [],
  ),
  needsConfirmation: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        'A public namesake shares this name: a match counts only when the post also has one of the person\'s "confirmingTerms" or names another party to the same case.',
      ),
    ),
    false,
  ),
});

export const Namesake = v.strictObject({
  sharedNames: v.pipe(
    v.array(plainText(LIMITS.name)),
    v.minLength(1),
    v.description('The match names of the person that the namesake shares.'),
  ),
  who: v.pipe(
    plainText(LIMITS.note),
    v.description('Who the namesake is, neutrally, e.g. "Pakistani lawyer and senator".'),
  ),
  source: v.pipe(Citation, v.description('A source that shows who the namesake is.')),
  reviewed: v.pipe(FullDate, v.description('When a curator reviewed this namesake.')),
});

export const SENTENCE_LANGUAGES = ['en', 'ur'] as const;

export const TestSentence = v.strictObject({
  text: v.pipe(plainText(LIMITS.event), v.description('A post, as a reader would meet it.')),
  lang: v.picklist(SENTENCE_LANGUAGES),
  host: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[a-z0-9.-]{1,253}$/),
      v.description('The site the post is on (default: a news site), e.g. "x.com" for a handle.'),
    ),
  ),
});

export const Handle = v.strictObject({
  platform: v.picklist(PLATFORMS),
  handle: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9._]{1,30}$/, 'A handle is letters, digits, "." or "_", without "@".'),
  ),
  source: v.pipe(Citation, v.description('A source that shows this handle belongs to the person.')),
});

/**
 * Why a loaded word (see wording.ts) is needed in the text beside it, e.g. a quoted court
 * finding. Without it the checker refuses the word.
 */
export const WordingReason = v.optional(
  v.pipe(
    plainText(LIMITS.note),
    v.description('Why a loaded word in this text is needed (the checker refuses it otherwise).'),
  ),
);

export const PersonFile = v.strictObject({
  $schema: v.literal('../schema/person.schema.json'),
  id: Id,
  name: localized(LIMITS.name),
  descriptor: v.pipe(
    localized(LIMITS.descriptor),
    v.description('Who they are in a few words, e.g. "Pakistani singer and actor".'),
  ),
  wordingReason: WordingReason,
  publicFigure: v.pipe(
    v.boolean(),
    v.description('True only for a public figure in the case. Only public figures are matched.'),
  ),
  names: v.optional(v.array(MatchName), []),
  handles: v.optional(v.array(Handle), []),
  namesakes: v.optional(
    v.pipe(
      v.array(Namesake),
      v.description('Public people who share a match name, as reviewed by a curator.'),
    ),
    [],
  ),
  strongTermsOnly: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        'Everyday news about the person uses weak terms ("case", "accused": a judge, a politician, an official): only a strong term or another party makes a post about their case.',
      ),
    ),
    false,
  ),
  confirmingTerms: v.optional(
    v.pipe(
      v.array(Term),
      v.description(
        'Words that, anywhere in a post, confirm that a name needing confirmation is this person (profession, works, another party).',
      ),
    ),
    [],
  ),
  checks: v.optional(
    v.pipe(
      v.strictObject({
        badge: v.array(TestSentence),
        noBadge: v.array(TestSentence),
      }),
      v.description(
        "Posts that must and must not give this person a badge; npm run data:check runs each through the extension's matching and relevance code.",
      ),
    ),
    { badge: [], noBadge: [] },
  ),
});

export const ROLES = ['made-allegation', 'named-in-allegation'] as const;

/** What kind of proceeding: a complaint to a forum, a civil suit, a criminal case, a review. */
export const PROCEEDING_KINDS = [
  'legal-notice',
  'complaint',
  'civil-suit',
  'criminal-case',
  'investigation',
  'internal-review',
] as const;

/**
 * A party's role in one proceeding. The roles in AGAINST_ROLES (fairness.ts) are the ones a
 * proceeding is brought against: their response is required.
 */
export const PROCEEDING_ROLES = [
  'plaintiff',
  'defendant',
  'complainant',
  'respondent',
  'accused',
  'investigated',
] as const;

/** Where a proceeding stands, as of the case status date. */
export const PROCEEDING_STATES = ['pending', 'stayed', 'decided', 'settled', 'closed'] as const;

export const Proceeding = v.strictObject({
  id: Id,
  kind: v.picklist(PROCEEDING_KINDS),
  title: v.pipe(localized(LIMITS.short), v.description('e.g. "Zafar\'s defamation suit".')),
  parties: v.pipe(
    v.array(v.strictObject({ person: Id, role: v.picklist(PROCEEDING_ROLES) })),
    v.minLength(1),
    v.description("The case's people who are parties, each with their role in this proceeding."),
  ),
  state: v.picklist(PROCEEDING_STATES),
});

/**
 * allegation: someone alleged something. response: the response of a person named.
 * legal-step: a filing, complaint, hearing or summons. ruling: a decision or order of a court
 * or other adjudicator. agency-claim: what an investigating agency says (a charge sheet), which
 * is not a finding. finding: the conclusion of a non-judicial review or investigation.
 * settlement: an agreed outcome (a settlement or assurance), as prominent as a ruling.
 * consequence: professional or public consequences. statement: another party's statement.
 */
export const EVENT_KINDS = [
  'allegation',
  'response',
  'legal-step',
  'ruling',
  'agency-claim',
  'finding',
  'settlement',
  'consequence',
  'statement',
] as const;

export const STATUS_KINDS = [
  'allegations',
  'denied',
  'ongoing',
  'dismissed',
  'finding',
  'settled',
  'acquitted',
  'convicted',
  'closed',
  'no-proceedings-found',
] as const;

export const CaseEvent = v.strictObject({
  id: Id,
  date: PartialDate,
  kind: v.picklist(EVENT_KINDS),
  by: v.optional(
    v.pipe(v.array(Id), v.description('Tracked people who made the statement or took the step.')),
    [],
  ),
  concerning: v.optional(
    v.pipe(
      v.array(Id),
      v.description('Tracked people the event is about (for an allegation: named in it).'),
    ),
    [],
  ),
  proceeding: v.optional(
    v.pipe(Id, v.description('The id of the proceeding (in "proceedings") this event belongs to.')),
  ),
  text: v.pipe(
    localized(LIMITS.event),
    v.description('Neutral and attributed: "X alleged that…", never "X harassed…".'),
  ),
  wordingReason: WordingReason,
  sources: SourceRefs,
});

export const REVIEW_METHODS = ['stored-copies', 'live-check'] as const;

/** A name written in a case's text that is not one of the case's people, and why it is there. */
export const NamedInText = v.strictObject({
  name: plainText(LIMITS.name),
  reason: v.pipe(
    plainText(LIMITS.note),
    v.description('Why the name is needed: an official, or an accuser who spoke publicly.'),
  ),
});

export const CaseFile = v.strictObject({
  $schema: v.literal('../schema/case.schema.json'),
  id: Id,
  title: localized(LIMITS.title),
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 country code.')),
  people: v.pipe(v.array(v.strictObject({ person: Id, role: v.picklist(ROLES) })), v.minLength(1)),
  status: v.strictObject({
    kind: v.picklist(STATUS_KINDS),
    asOf: v.pipe(FullDate, v.description('The date the status was confirmed.')),
    text: localized(LIMITS.status),
    wordingReason: WordingReason,
    sources: SourceRefs,
  }),
  summary: v.strictObject({
    text: localized(LIMITS.summary),
    wordingReason: WordingReason,
    sources: SourceRefs,
  }),
  proceedings: v.optional(v.array(Proceeding), []),
  events: v.pipe(v.array(CaseEvent), v.minLength(1)),
  noPublicResponse: v.optional(
    v.array(
      v.strictObject({
        person: Id,
        event: v.optional(
          v.pipe(Id, v.description('The allegation or agency claim nobody was found answering.')),
        ),
        proceeding: v.optional(
          v.pipe(Id, v.description('The proceeding in which no response of theirs was found.')),
        ),
        checked: v.pipe(FullDate, v.description('When you searched for a public response.')),
      }),
    ),
    [],
  ),
  namedInText: v.optional(
    v.pipe(
      v.array(NamedInText),
      v.description("Names in the case's text that are not the case's people, each with why."),
    ),
    [],
  ),
  sources: v.array(Source),
  lastReviewed: v.pipe(
    FullDate,
    v.description('The date every source of the case was last checked.'),
  ),
  reviewMethod: v.pipe(
    v.picklist(REVIEW_METHODS),
    v.description(
      'How lastReviewed was done: against stored copies of the sources, or a live check of each.',
    ),
  ),
  newestSourceFound: v.pipe(
    PartialDate,
    v.description('The date of the newest source found for the case at that review.'),
  ),
});

export const RESOURCE_REGION = /^(?:[A-Z]{2}|global)$/;

export const SupportResource = v.strictObject({
  id: Id,
  name: localized(LIMITS.short),
  helpsWith: localized(LIMITS.resourceText),
  region: v.pipe(
    v.string(),
    v.regex(RESOURCE_REGION, 'An ISO 3166-1 alpha-2 country code, or "global".'),
  ),
  area: v.optional(
    v.pipe(localized(LIMITS.short), v.description('Part of the region served, e.g. "Punjab".')),
  ),
  languages: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/)))),
  phone: v.optional(
    v.strictObject({
      dial: v.pipe(
        v.string(),
        v.regex(
          /^(?:\+[1-9][0-9]{6,14}|[0-9]{3,6})$/,
          'The number to dial: international form (+ and digits) or a short code (3-6 digits).',
        ),
      ),
      display: v.pipe(
        plainText(LIMITS.phoneDisplay),
        v.description('The number as shown to readers; it must be the same number as "dial".'),
      ),
    }),
  ),
  url: v.optional(HttpUrl),
  hours: v.optional(localized(LIMITS.short)),
  note: v.optional(localized(LIMITS.resourceText)),
  source: Citation,
  checked: v.pipe(FullDate, v.description('The date the contact details were checked.')),
});

export const ResourcesFile = v.strictObject({
  $schema: v.literal('../schema/resources.schema.json'),
  resources: v.array(SupportResource),
});

export const DatasetFile = v.strictObject({
  $schema: v.literal('./schema/dataset.schema.json'),
  schemaVersion: v.literal(SCHEMA_VERSION),
  datasetVersion: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.description('Raise by one for every release; never lower.'),
  ),
  published: FullDate,
});

/** Publishers the dataset does not cite, and sites that repost others' reporting. */
export const PublishersFile = v.strictObject({
  $schema: v.literal('./schema/publishers.schema.json'),
  blocked: v.array(
    v.strictObject({
      domain: v.pipe(v.string(), v.regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'A domain name.')),
      reason: plainText(LIMITS.note),
      source: plainText(LIMITS.note),
    }),
  ),
  reposts: v.array(
    v.strictObject({
      domain: v.pipe(v.string(), v.regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'A domain name.')),
      note: plainText(LIMITS.note),
    }),
  ),
});
/** Forms of one everyday word ("allegation", "allegations"): one group counts once. */
const WeakGroup = v.pipe(v.array(Term), v.minLength(1));
export const LexiconFile = v.strictObject({
  $schema: v.literal('./schema/lexicon.schema.json'),
  strong: v.pipe(
    v.strictObject({
      en: v.array(Term),
      ur: v.array(Term),
      hashtags: v.array(v.pipe(Term, v.regex(/^#\S+$/, 'A hashtag starts with "#".'))),
    }),
    v.description('Terms that make a post about harassment on their own.'),
  ),
  weak: v.pipe(
    v.strictObject({ en: v.array(WeakGroup), ur: v.array(WeakGroup) }),
    v.description(
      'Everyday words that count only with another term: a post needs two different groups.',
    ),
  ),
  neutral: v.optional(
    v.pipe(
      v.strictObject({ en: v.array(Term), ur: v.array(Term) }),
      v.description(
        'Phrases that contain a term but are not about sexual harassment ("presidential harassment", "سیاسی ہراسانی"): matched first, they count for nothing.',
      ),
    ),
    { en: [], ur: [] },
  ),
});

export type Localized = v.InferOutput<ReturnType<typeof localized>>;
export type Citation = v.InferOutput<typeof Citation>;
export type Source = v.InferOutput<typeof Source>;
export type Person = Omit<v.InferOutput<typeof PersonFile>, '$schema'>;
export type MatchName = v.InferOutput<typeof MatchName>;
export type TestSentence = v.InferOutput<typeof TestSentence>;
export type Role = (typeof ROLES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type StatusKind = (typeof STATUS_KINDS)[number];
export type CaseEvent = v.InferOutput<typeof CaseEvent>;
export type Case = Omit<v.InferOutput<typeof CaseFile>, '$schema'>;
export type SupportResource = v.InferOutput<typeof SupportResource>;
export type DatasetMeta = Omit<v.InferOutput<typeof DatasetFile>, '$schema'>;
export type Lexicon = Omit<v.InferOutput<typeof LexiconFile>, '$schema'>;
export type Publishers = Omit<v.InferOutput<typeof PublishersFile>, '$schema'>;
export type Proceeding = v.InferOutput<typeof Proceeding>;

/** The whole curated dataset, once every file has passed the schema. */
export interface Dataset {
  meta: DatasetMeta;
  people: Person[];
  cases: Case[];
  resources: SupportResource[];
  lexicon: Lexicon;
  publishers: Publishers;
}

/** The schema of each kind of data file, and the file it is generated into for editors. */
export const FILE_KINDS = {
  dataset: { schema: DatasetFile, jsonSchemaFile: 'dataset.schema.json' },
  lexicon: { schema: LexiconFile, jsonSchemaFile: 'lexicon.schema.json' },
  publishers: { schema: PublishersFile, jsonSchemaFile: 'publishers.schema.json' },
  person: { schema: PersonFile, jsonSchemaFile: 'person.schema.json' },
  case: { schema: CaseFile, jsonSchemaFile: 'case.schema.json' },
  resources: { schema: ResourcesFile, jsonSchemaFile: 'resources.schema.json' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;
