/**
 * The editorial rules the dataset checker enforces. Each rule has a stable id (used in tests, in
 * the checker's output and in data/README.md) and the fix a curator should make.
 */

export const RULES = {
  schema: {
    rule: 'The file matches the schema for its folder.',
    fix: 'Compare the field with data/schema/*.schema.json (your editor shows it through "$schema").',
  },
  'json-syntax': {
    rule: 'Every data file is valid JSON.',
    fix: 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).',
  },
  'json-schema-outdated': {
    rule: 'data/schema/*.schema.json (what editors validate against) matches the schema in src/dataset.',
    fix: 'Run "npm run data:check -- --write-schemas" and commit the result.',
  },
  'file-unknown': {
    rule: 'Data files live in data/dataset.json, data/lexicon.json, data/people/, data/cases/ or data/resources/.',
    fix: 'Move the file into the folder for its kind, or remove it.',
  },
  'dataset-meta': {
    rule: 'There is exactly one data/dataset.json with the versions and publish date.',
    fix: 'Keep one data/dataset.json.',
  },
  'statement-unsourced': {
    rule: 'Every statement (event, summary, status) cites at least one source.',
    fix: 'Add the id of a source from this case\'s "sources" list; if no source supports the statement, remove it.',
  },
  'source-incomplete': {
    rule: 'Every source has a publisher, a title, a date and an http(s) URL.',
    fix: 'Fill in publisher, title, date (YYYY, YYYY-MM or YYYY-MM-DD; for a page with no publication date, "accessed" instead) and url (http:// or https://) as the source shows them.',
  },
  'source-unused': {
    rule: 'Every source listed in a case is cited by a statement.',
    fix: 'Cite the source from the statement it supports, or remove it from "sources".',
  },
  'response-missing': {
    rule: 'A case with an allegation shows the response of each person named, or says, with a date, that no public response was found.',
    fix: 'Add an event of kind "response" with "by" set to the person, or a "noPublicResponse" entry for them with the date you checked.',
  },
  'public-figure-unmarked': {
    rule: 'Every person says explicitly whether they are a public figure.',
    fix: 'Set "publicFigure": true for a public figure in the case, or false otherwise.',
  },
  'private-person-has-names': {
    rule: 'Only public figures are matched on pages; a person who is not a public figure has no names or handles to match.',
    fix: 'Empty "names" and "handles", or (only if they are a public figure in the case) set "publicFigure": true.',
  },
  'name-single-word': {
    rule: 'A single-word match name (a bare surname, a first name) is not matched on its own unless allowed with a reason.',
    fix: 'Use the full name, or add "singleWordReason" saying why the single word identifies this person.',
  },
  'name-duplicate': {
    rule: 'The same match name or handle on two people needs a marked disambiguation on each.',
    fix: 'Remove the name from one person, or add "disambiguation" to the name on every person who has it.',
  },
  'namesake-unconfirmed': {
    rule: 'A match name shared with a listed namesake counts only when the post confirms who it is.',
    fix: 'Set "needsConfirmation": true on the shared name and give the person "confirmingTerms" (profession, works, another party).',
  },
  'handle-no-platform': {
    rule: 'Every handle names its platform: a handle matches only on its own platform and as a link to its profile there.',
    fix: 'Set "platform" to one of x, instagram, facebook, tiktok, youtube, threads, bluesky.',
  },
  'name-script-no-lexicon': {
    rule: 'A match name is written in a script the lexicon has strong terms in; otherwise it can match but a post in that script is never found relevant by its own words.',
    fix: 'Add strong terms in that script to lexicon.json, or remove the name.',
  },
  'check-sentences-missing': {
    rule: 'Every tracked person has posts that must and must not give them a badge, in English and in Urdu when the name has Urdu.',
    fix: 'Add sentences to "checks.badge" and "checks.noBadge" with "lang" set; include namesakes and everyday uses of the name among the noBadge ones.',
  },
  'check-sentence-failed': {
    rule: "Every test sentence comes out as it says when run through the extension's matching and relevance code.",
    fix: 'Change the identity rules ("notBeside", "needsConfirmation", "confirmingTerms", lexicon.json) until it does; never change a sentence to make it pass.',
  },
  'unknown-reference': {
    rule: 'Every id a file refers to exists (people in a case, people in events, sources cited).',
    fix: 'Correct the id, or add the person or source it refers to.',
  },
  'duplicate-id': {
    rule: 'Ids are unique: people, cases and resources across the dataset; events and sources within their case.',
    fix: 'Give one of the two a different id (ids are stable: never reuse a published id for something else).',
  },
  'date-invalid': {
    rule: 'Dates are real calendar dates written YYYY-MM-DD (YYYY or YYYY-MM where only that much is known and allowed).',
    fix: 'Write the date as YYYY-MM-DD; for events and sources YYYY-MM or YYYY is allowed when the day is not known.',
  },
  'date-future': {
    rule: 'No date is in the future.',
    fix: 'Correct the date; a future hearing is not an event until it has happened.',
  },
  'last-reviewed-missing': {
    rule: 'Every case says when its sources were last checked ("lastReviewed").',
    fix: 'Set "lastReviewed" to the date you checked every source of the case.',
  },
  'last-reviewed-stale': {
    rule: '"lastReviewed" is not older than the newest event of the case.',
    fix: 'Re-check the case\'s sources and set "lastReviewed" to that date.',
  },
  'status-no-as-of': {
    rule: 'A case status says as of which date it holds ("asOf").',
    fix: 'Set "status.asOf" to the date you confirmed the status.',
  },
  'status-stale': {
    rule: 'A case status is not older than the newest event of the case.',
    fix: 'Re-check where the matter stands and update "status" and its "asOf" date.',
  },
  'text-too-long': {
    rule: 'Text fields stay short: cards are read at a glance.',
    fix: 'Shorten the text; split a long event into two events.',
  },
  'text-markup': {
    rule: 'Text is plain: no HTML tags or entities, no Markdown.',
    fix: 'Write the text plainly; the extension never renders markup.',
  },
  'resource-unsourced': {
    rule: 'Every support resource cites the source its contact details were checked against, and when.',
    fix: 'Add "source" (publisher, title, date, url) and "checked" (YYYY-MM-DD) to the resource.',
  },
  'resource-no-contact': {
    rule: 'Every support resource has a phone number or a URL.',
    fix: 'Add the confirmed "phone" or "url"; if neither is confirmed, leave the resource out.',
  },
} as const satisfies Record<string, { rule: string; fix: string }>;

export type RuleId = keyof typeof RULES;

/** One thing wrong with the dataset: where, which rule, and what to do about it. */
export interface Problem {
  /** The data file, as given to the checker (for example "data/cases/shafi-zafar.json"). */
  file: string;
  /** JSON path inside the file, for example "$.events[3].sources". "$" is the whole file. */
  path: string;
  rule: RuleId;
  /** What is wrong, then how to fix it. */
  message: string;
}

export function problem(file: string, path: string, rule: RuleId, what: string): Problem {
  return { file, path, rule, message: `${what} ${RULES[rule].fix}` };
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path}: [${p.rule}] ${p.message}`;
}
