/**
 * The editorial rules the dataset checker enforces. Each rule has a stable id (used in tests, in
 * the checker's output and in data/README.md) and the fix a curator should make.
 */

export const RULES = {
  schema: {
    rule: 'The file matches the schema for its folder.',
    fix: 'Compare the field with data/schema/*.schema.json (your editor shows it through "$schema").',
  },
  'todo-left': {
    rule: 'No field still says "TODO": a skeleton (npm run data:new) or a curator draft is not a record until filled in.',
    fix: 'Write what the sources say in that field, or remove the field or the entry.',
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
  'urdu-missing': {
    rule: 'A Pakistani case reads in Urdu as well as English: every text of it, and the names and descriptors of its people.',
    fix: 'Add "ur" beside "en", translated with the same care: attribution kept (الزام لگایا، کہا، کے مطابق), nothing added, names as the Urdu press writes them.',
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
  'allegation-response-missing': {
    rule: 'Every allegation and agency claim has, for each person it concerns, a response by that person dated on or after it, or a dated "noPublicResponse" entry tied to that event.',
    fix: 'Add a "response" event by the person dated on or after the allegation, or a "noPublicResponse" entry with "person", "event" (the allegation\'s id) and the date you searched ("checked").',
  },
  'response-no-responder': {
    rule: 'A response event names who responded.',
    fix: 'Set "by" to the person whose response it is.',
  },
  'proceeding-response-missing': {
    rule: 'Anyone a proceeding is brought against (defendant, respondent, accused, investigated), accusers included, has a response in that proceeding or a dated "noPublicResponse" entry for it.',
    fix: 'Add an event with "proceeding" set and "by" the person (their defence, plea, appeal or statement), or a "noPublicResponse" entry with "person", "proceeding" and "checked".',
  },
  'event-proceeding-missing': {
    rule: 'A legal step, agency claim, ruling or settlement about a person names the proceeding it belongs to, so the roles in it (and the responses they need) are known.',
    fix: 'Add the proceeding to "proceedings" (kind, title, parties with their roles, state) and set "proceeding" on the event.',
  },
  'text-unattributed': {
    rule: 'Allegations, agency claims and summaries are attributed ("alleged", "said", "wrote", "told", "according to", "accused … of"); no sentence states alleged conduct ("harassed", "groped", "assaulted", "raped", "abused") as fact.',
    fix: 'Say who says so: "X alleged that Y harassed her", "the FIA said …". Never "Y harassed her".',
  },
  'text-loaded-word': {
    rule: 'Loaded words (victim, harasser, predator, disgraced, scandal, cleared, exonerated, admitted, confessed, claim(ed), lied) are not used unless a reason is written beside the text.',
    fix: 'Use a neutral word ("accuser", "allegation", "said", "the review found no grounds to act"), or add "wordingReason" to the text\'s owner saying why the word is needed.',
  },
  'text-verdict-word': {
    rule: '"guilty", "convicted" and "sentenced" appear only in ruling events (and in a summary or status that cites a ruling), never quoted inside an agency claim.',
    fix: 'Describe an agency\'s charge sheet in its own neutral terms ("the FIA asked the court to try …") and keep verdict words for what a court decided.',
  },
  'descriptor-not-neutral': {
    rule: "A person's descriptor says who they are, not what the case says about them: no case vocabulary (accused, alleged, harasser, victim, survivor, accuser, convicted, acquitted, #MeToo …).",
    fix: 'Describe the person by their work or office, e.g. "Pakistani singer and actor".',
  },
  'descriptor-missing-urdu': {
    rule: 'A person whose name is given in Urdu has their descriptor in Urdu too.',
    fix: 'Add "descriptor.ur".',
  },
  'source-before-event': {
    rule: 'A source is not dated before the event it supports.',
    fix: 'Cite a source published on or after the event, or correct the date of the event or of the source.',
  },
  'source-blocked-publisher': {
    rule: 'No source is from a publisher on the blocked list in data/publishers.json (partisan sites, sites that published false claims).',
    fix: 'Cite a reliable report of the same fact; if there is none, leave the fact out.',
  },
  'source-repost-unlabelled': {
    rule: 'A source on a reposting or aggregating site (data/publishers.json "reposts") says what it reposts.',
    fix: 'Cite the original report; if only the repost exists, write the publisher as "<site> (repost of <original>)".',
  },
  'source-title-truncated': {
    rule: 'A source title is the headline as published, not cut short with "…" or "...".',
    fix: 'Copy the full headline from the page.',
  },
  'source-listing-page': {
    rule: 'A source is the page of the report itself, not a listing, search, tag, category, topic or paginated archive page (their content moves).',
    fix: 'Cite the permalink of the article or post (until it is found, "listingPageReason" on the source says why the listing is cited).',
  },
  'status-outcome-missing': {
    rule: 'A status or proceeding that says acquitted, dismissed, convicted, settled, decided or finding has the matching ruling, settlement or finding event in the timeline.',
    fix: 'Add the ruling, settlement or finding event with its source, or correct the status.',
  },
  'status-ongoing-no-pending': {
    rule: 'An ongoing case has a pending (or stayed) proceeding.',
    fix: 'Model the open proceeding in "proceedings" with "state": "pending" or "stayed", or correct the status.',
  },
  'review-overdue': {
    rule: "A case's status date and review date are not older than the set age (REVIEW_AGE_MONTHS in fairness.ts: 6 months for an ongoing case, 24 for a closed one).",
    fix: 'Re-check the case\'s sources, update the status, and set "status.asOf" and "lastReviewed".',
  },
  'status-sources-old': {
    severity: 'warning',
    rule: 'An ongoing case whose newest source is much older than its status date may have moved on (a warning, not an error).',
    fix: 'Search for newer reports; if there are none, say in the status text "as reported up to <date of the newest source>".',
  },
  'review-dates-inconsistent': {
    rule: '"newestSourceFound" is the date of the newest source the case cites.',
    fix: 'Set "newestSourceFound" to the newest source\'s date.',
  },
  'outcome-not-in-summary': {
    rule: 'Every ruling, finding and settlement is cited in the summary or the status: outcomes are as prominent as allegations.',
    fix: 'Mention the outcome in the summary or status and cite one of its sources there.',
  },
  'name-in-text-unlisted': {
    rule: 'A personal name in a case\'s event text is one of the case\'s people or is listed in "namedInText" with a reason; private complainants are described by their role.',
    fix: 'Describe the person by role ("a former colleague"), or add the name to "namedInText" with why it is needed (an official, an accuser who spoke publicly).',
  },
  'resource-check-overdue': {
    rule: 'A support resource was checked no longer ago than the set age (RESOURCE_CHECK_MONTHS in fairness.ts).',
    fix: 'Check the contact details against the organisation\'s own site and set "checked" to that date.',
  },
  'phone-mismatch': {
    rule: "A helpline number is stored as the number to dial and the text shown, and both are the same valid number for the resource's region.",
    fix: 'Set "phone.dial" to the number in international form (+ country code) or a short code, and "phone.display" to the same number as readers should see it.',
  },
} as const satisfies Record<string, { rule: string; fix: string; severity?: 'warning' }>;

export type RuleId = keyof typeof RULES;

/** Rules whose problems are reported as warnings: shown, but they do not fail the check. */
export function isWarning(rule: RuleId): boolean {
  const definition = RULES[rule];
  return 'severity' in definition && definition.severity === 'warning';
}

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
