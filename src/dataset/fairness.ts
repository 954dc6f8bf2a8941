/**
 * The fairness rules: the checker as a standards desk. Allegations are attributed and answered,
 * proceedings show the response of whoever they are brought against, outcomes are as prominent
 * as allegations, sources are what they say they are, dates are honest, helplines dial what
 * they show. Pure: the word lists are in wording.ts, the ages below, the blocked publishers in
 * data/publishers.json.
 *
 * checkCaseFairness needs only the case (it also runs on the compiled index the extension
 * loads); checkDatasetFairness needs people, publishers and today's date (checker only).
 */
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';
import { problem, type Problem } from './rules';
import type { Case, CaseEvent, Person, Publishers, Source, SupportResource } from './schema';
import { dateStart, nameKey } from './text';
import { sentencesOf, WORDING, wordPattern, type WordLists } from './wording';

/** How old a case's status and review may be, in months, by whether the matter is open. */
export const REVIEW_AGE_MONTHS = { open: 6, closed: 24 } as const;
/** How long ago a support resource's contact details may have been checked, in months. */
export const RESOURCE_CHECK_MONTHS = 12;
/** An open case warns when its newest source is this many months older than its status. */
export const SOURCES_OLD_WARNING_MONTHS = 6;

/** Status kinds of a matter that is still open. */
const OPEN_STATUSES: ReadonlySet<Case['status']['kind']> = new Set([
  'ongoing',
  'allegations',
  'denied',
]);

/** Roles a proceeding is brought against: these parties' responses are required. */
export const AGAINST_ROLES: ReadonlySet<string> = new Set([
  'defendant',
  'respondent',
  'accused',
  'investigated',
]);

/** Event kinds by which a party takes part in a proceeding (a defence, plea, appeal). */
const PARTICIPATION_KINDS: ReadonlySet<CaseEvent['kind']> = new Set([
  'response',
  'legal-step',
  'statement',
]);

/** Event kinds that happen inside a proceeding. */
const PROCEEDING_EVENT_KINDS: ReadonlySet<CaseEvent['kind']> = new Set([
  'legal-step',
  'agency-claim',
  'ruling',
  'settlement',
]);

const OUTCOME_KINDS: ReadonlySet<CaseEvent['kind']> = new Set(['ruling', 'finding', 'settlement']);

/** What a closed status needs in the timeline: the event kind, and words its text has. */
const STATUS_OUTCOMES: Partial<
  Record<Case['status']['kind'], { kind: CaseEvent['kind']; words?: RegExp }>
> = {
  acquitted: { kind: 'ruling', words: /\b(?:acquit\w*|not guilty)\b/i },
  convicted: { kind: 'ruling', words: /\b(?:convicted|(?<!not )guilty)\b/i },
  dismissed: { kind: 'ruling', words: /\b(?:dismiss\w*|reject\w*|quash\w*|struck out)\b/i },
  settled: { kind: 'settlement' },
  finding: { kind: 'finding' },
};

/** A URL path or query that marks a listing, search, tag or archive page. */
const LISTING_URL =
  /\/(?:tags?|category|categories|topics?|search|archives?|page)(?:\/|$)|[?&](?:s|q|search|tag|cat)=|\/\d{4}\/\d{2}\/?$/i;

const TRUNCATED_TITLE = /(?:…|\.\.\.)\s*$/u;

/** "pleaded not guilty" is a plea, not a verdict. */
const PLEA = /\bplead(?:ed|s)? not guilty\b|\bplea of not guilty\b/gi;

// ---------------------------------------------------------------------------------------------
// Dates

/** The last day a (possibly partial) date covers, as YYYY-MM-DD. */
export function dateEnd(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 4) return `${date}-12-31`;
  const [year, month] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 0, month ?? 1, 0)).getUTCDate();
  return `${date}-${String(last).padStart(2, '0')}`;
}

/** The date `months` months before `date` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1 - months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day ?? 1, last));
  return target.toISOString().slice(0, 10);
}

/** The newest publication date among sources, as written (partial dates compare by start). */
export function newestSourceDate(sources: readonly Source[]): string | undefined {
  let newest: string | undefined;
  for (const s of sources) {
    if (s.date === undefined) continue;
    if (newest === undefined || dateStart(s.date) > dateStart(newest)) newest = s.date;
  }
  return newest;
}

// ---------------------------------------------------------------------------------------------
// Wording

interface Patterns {
  attribution: RegExp;
  conduct: RegExp;
  loaded: RegExp;
  verdict: RegExp;
  caseVocabulary: RegExp;
  notNames: ReadonlySet<string>;
}

const patternCache = new Map<WordLists, Patterns>();
function patterns(lists: WordLists): Patterns {
  let p = patternCache.get(lists);
  if (!p) {
    p = {
      attribution: wordPattern(lists.attribution),
      conduct: wordPattern(lists.conductVerbs),
      loaded: wordPattern(lists.loaded, 'giu'),
      verdict: wordPattern(lists.verdict, 'giu'),
      caseVocabulary: wordPattern(lists.caseVocabulary, 'giu'),
      notNames: new Set(lists.notNames),
    };
    patternCache.set(lists, p);
  }
  return p;
}

/** Each language of a localized text that has word lists, with its patterns. */
function textsWithLists(text: { en: string; ur?: string | undefined }) {
  const out: { lang: 'en' | 'ur'; text: string; p: Patterns }[] = [
    { lang: 'en', text: text.en, p: patterns(WORDING.en) },
  ];
  if (text.ur !== undefined) {
    out.push({ lang: 'ur', text: text.ur, p: patterns(WORDING.ur) });
  }
  return out;
}

function matchesOf(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

/** Words inside double quotes ("…", “…”). */
function quotedParts(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|“([^”]*)”/gu)].map((m) => m[1] ?? m[2] ?? '');
}

interface TextOwner {
  path: string;
  /** Where the localized text is, when not at `${path}.text`. */
  textAt?: string;
  text: { en: string; ur?: string | undefined };
  wordingReason?: string | undefined;
  /** Allegations, agency claims and summaries must carry attribution. */
  needsAttribution: boolean;
  /** Verdict words allowed (rulings; summaries and statuses that cite a ruling). */
  verdictAllowed: boolean;
  /** Verdict words refused even with a reason (an agency claim). */
  verdictNever: boolean;
}

function checkWording(file: string, owner: TextOwner, problems: Problem[]): void {
  for (const { lang, text, p } of textsWithLists(owner.text)) {
    const path = `${owner.textAt ?? `${owner.path}.text`}.${lang}`;
    if (owner.needsAttribution && !p.attribution.test(text)) {
      problems.push(
        problem(
          file,
          path,
          'text-unattributed',
          'This text does not say who makes the allegation or statement.',
        ),
      );
    }
    // Each sentence, and each clause of it (split at ";"), that names conduct says who says so.
    for (const clause of sentencesOf(text).flatMap((sentence) => sentence.split(/[;؛]\s+/u))) {
      if (p.conduct.test(clause) && !p.attribution.test(clause)) {
        problems.push(
          problem(file, path, 'text-unattributed', `"${clause}" states alleged conduct as fact.`),
        );
      }
    }
    const loaded = matchesOf(p.loaded, text);
    if (loaded.length > 0 && owner.wordingReason === undefined) {
      problems.push(
        problem(
          file,
          path,
          'text-loaded-word',
          `Loaded word(s): ${[...new Set(loaded.map((w) => `"${w}"`))].join(', ')}.`,
        ),
      );
    }
    const withoutPleas = text.replace(PLEA, '');
    const verdict = matchesOf(p.verdict, withoutPleas);
    const quotedVerdict = quotedParts(withoutPleas).some((q) => matchesOf(p.verdict, q).length > 0);
    if (owner.verdictNever && verdict.length > 0) {
      problems.push(
        problem(
          file,
          path,
          'text-verdict-word',
          `An agency claim uses the verdict word(s) ${verdict.map((w) => `"${w}"`).join(', ')}${quotedVerdict ? ' in a quote' : ''}; it is not a court finding.`,
        ),
      );
    } else if (verdict.length > 0 && !owner.verdictAllowed && owner.wordingReason === undefined) {
      problems.push(
        problem(
          file,
          path,
          'text-verdict-word',
          `The verdict word(s) ${verdict.map((w) => `"${w}"`).join(', ')} appear outside a ruling.`,
        ),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Case rules (also run on the compiled index)

function covers(later: string, earlier: string): boolean {
  return dateEnd(later) >= dateStart(earlier);
}

export function checkCaseFairness(file: string, c: Case, problems: Problem[]): void {
  const caseIds = new Set(c.people.map((p) => p.person));
  const eventIds = new Set(c.events.map((e) => e.id));
  const proceedings = new Map(c.proceedings.map((p) => [p.id, p]));

  // References: proceedings, their parties, events' proceedings, no-response entries.
  const seen = new Set<string>();
  c.proceedings.forEach((pr, i) => {
    if (seen.has(pr.id)) {
      problems.push(
        problem(
          file,
          `$.proceedings[${i}].id`,
          'duplicate-id',
          `The proceeding id "${pr.id}" is used twice.`,
        ),
      );
    }
    seen.add(pr.id);
    pr.parties.forEach((party, j) => {
      if (!caseIds.has(party.person)) {
        problems.push(
          problem(
            file,
            `$.proceedings[${i}].parties[${j}].person`,
            'unknown-reference',
            `"${party.person}" is not listed in this case's "people".`,
          ),
        );
      }
    });
  });
  c.events.forEach((e, i) => {
    if (e.proceeding !== undefined && !proceedings.has(e.proceeding)) {
      problems.push(
        problem(
          file,
          `$.events[${i}].proceeding`,
          'unknown-reference',
          `No proceeding in this case's "proceedings" has the id "${e.proceeding}".`,
        ),
      );
    }
  });
  c.noPublicResponse.forEach((n, i) => {
    if (n.event !== undefined && !eventIds.has(n.event)) {
      problems.push(
        problem(
          file,
          `$.noPublicResponse[${i}].event`,
          'unknown-reference',
          `No event has the id "${n.event}".`,
        ),
      );
    }
    if (n.proceeding !== undefined && !proceedings.has(n.proceeding)) {
      problems.push(
        problem(
          file,
          `$.noPublicResponse[${i}].proceeding`,
          'unknown-reference',
          `No proceeding has the id "${n.proceeding}".`,
        ),
      );
    }
  });

  // A response names who responded.
  c.events.forEach((e, i) => {
    if (e.kind === 'response' && e.by.length === 0) {
      problems.push(
        problem(
          file,
          `$.events[${i}].by`,
          'response-no-responder',
          `The response "${e.id}" does not say whose response it is.`,
        ),
      );
    }
  });

  // Every allegation and agency claim is answered by each person it concerns, or a dated
  // search for an answer is recorded against it.
  c.events.forEach((e, i) => {
    if (e.kind !== 'allegation' && e.kind !== 'agency-claim') return;
    for (const person of e.concerning) {
      const answered = c.events.some(
        (r) =>
          r !== e &&
          r.by.includes(person) &&
          covers(r.date, e.date) &&
          (r.kind === 'response' ||
            (e.proceeding !== undefined &&
              r.proceeding === e.proceeding &&
              PARTICIPATION_KINDS.has(r.kind))),
      );
      const searched = c.noPublicResponse.some((n) => n.person === person && n.event === e.id);
      if (!answered && !searched) {
        problems.push(
          problem(
            file,
            `$.events[${i}]`,
            'allegation-response-missing',
            `The ${e.kind} "${e.id}" (${e.date}) concerns "${person}", but no response of theirs dated on or after it is recorded.`,
          ),
        );
      }
    }
  });

  // Legal steps about a person belong to a proceeding, where roles and responses are checked.
  c.events.forEach((e, i) => {
    if (!PROCEEDING_EVENT_KINDS.has(e.kind) || e.concerning.length === 0) return;
    if (e.proceeding !== undefined) return;
    problems.push(
      problem(
        file,
        `$.events[${i}].proceeding`,
        'event-proceeding-missing',
        `The ${e.kind} "${e.id}" concerns ${e.concerning.map((p) => `"${p}"`).join(', ')} but names no proceeding.`,
      ),
    );
  });

  // Whoever a proceeding is brought against has their response in it, or a dated absence.
  c.proceedings.forEach((pr, i) => {
    pr.parties.forEach((party, j) => {
      if (!AGAINST_ROLES.has(party.role)) return;
      const answered = c.events.some(
        (e) =>
          e.proceeding === pr.id && e.by.includes(party.person) && PARTICIPATION_KINDS.has(e.kind),
      );
      const searched = c.noPublicResponse.some(
        (n) => n.person === party.person && n.proceeding === pr.id,
      );
      if (!answered && !searched) {
        problems.push(
          problem(
            file,
            `$.proceedings[${i}].parties[${j}]`,
            'proceeding-response-missing',
            `"${party.person}" is ${party.role} in "${pr.id}" but no response of theirs in it is recorded.`,
          ),
        );
      }
    });
  });

  // Wording of every text the case shows.
  const rulingSources = new Set(
    c.events.filter((e) => e.kind === 'ruling').flatMap((e) => e.sources),
  );
  const citesRuling = (sources: readonly string[]) => sources.some((s) => rulingSources.has(s));
  checkWording(
    file,
    {
      path: '$',
      textAt: '$.title',
      text: c.title,
      needsAttribution: false,
      verdictAllowed: false,
      verdictNever: false,
    },
    problems,
  );
  checkWording(
    file,
    {
      path: '$.summary',
      text: c.summary.text,
      wordingReason: c.summary.wordingReason,
      needsAttribution: true,
      verdictAllowed: citesRuling(c.summary.sources),
      verdictNever: false,
    },
    problems,
  );
  checkWording(
    file,
    {
      path: '$.status',
      text: c.status.text,
      wordingReason: c.status.wordingReason,
      needsAttribution: false,
      verdictAllowed: citesRuling(c.status.sources),
      verdictNever: false,
    },
    problems,
  );
  c.events.forEach((e, i) =>
    checkWording(
      file,
      {
        path: `$.events[${i}]`,
        text: e.text,
        wordingReason: e.wordingReason,
        needsAttribution: e.kind === 'allegation' || e.kind === 'agency-claim',
        verdictAllowed: e.kind === 'ruling',
        verdictNever: e.kind === 'agency-claim',
      },
      problems,
    ),
  );

  // A closed status, or a decided proceeding, has its outcome in the timeline.
  const outcome = STATUS_OUTCOMES[c.status.kind];
  if (
    outcome &&
    !c.events.some(
      (e) => e.kind === outcome.kind && (!outcome.words || outcome.words.test(e.text.en)),
    )
  ) {
    problems.push(
      problem(
        file,
        '$.status.kind',
        'status-outcome-missing',
        `The status is "${c.status.kind}" but the timeline has no ${outcome.kind} event that says so.`,
      ),
    );
  }
  c.proceedings.forEach((pr, i) => {
    const needed =
      pr.state === 'decided' ? 'ruling' : pr.state === 'settled' ? 'settlement' : undefined;
    if (needed && !c.events.some((e) => e.proceeding === pr.id && e.kind === needed)) {
      problems.push(
        problem(
          file,
          `$.proceedings[${i}].state`,
          'status-outcome-missing',
          `The proceeding "${pr.id}" is "${pr.state}" but has no ${needed} event.`,
        ),
      );
    }
  });
  if (
    c.status.kind === 'ongoing' &&
    !c.proceedings.some((pr) => pr.state === 'pending' || pr.state === 'stayed')
  ) {
    problems.push(
      problem(
        file,
        '$.status.kind',
        'status-ongoing-no-pending',
        'The status is "ongoing" but no proceeding is pending or stayed.',
      ),
    );
  }

  // Outcomes are as prominent as allegations.
  const prominent = new Set([...c.summary.sources, ...c.status.sources]);
  c.events.forEach((e, i) => {
    if (!OUTCOME_KINDS.has(e.kind)) return;
    if (e.sources.some((s) => prominent.has(s))) return;
    problems.push(
      problem(
        file,
        `$.events[${i}]`,
        'outcome-not-in-summary',
        `The ${e.kind} "${e.id}" is not cited in the summary or the status.`,
      ),
    );
  });

  // The newest source found is what the case cites.
  const newest = newestSourceDate(c.sources);
  if (newest !== undefined && c.newestSourceFound !== newest) {
    problems.push(
      problem(
        file,
        '$.newestSourceFound',
        'review-dates-inconsistent',
        `"newestSourceFound" is ${c.newestSourceFound}; the newest source cited is dated ${newest}.`,
      ),
    );
  }

  // A source is not dated before the event it supports.
  const sourceById = new Map(c.sources.map((s) => [s.id, s]));
  c.events.forEach((e, i) =>
    e.sources.forEach((id, j) => {
      const s = sourceById.get(id);
      if (s?.date !== undefined && dateEnd(s.date) < dateStart(e.date)) {
        problems.push(
          problem(
            file,
            `$.events[${i}].sources[${j}]`,
            'source-before-event',
            `The source "${id}" (${s.date}) is dated before the event "${e.id}" (${e.date}).`,
          ),
        );
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Dataset rules (checker only: they need people, publishers or today's date)

interface Located<T> {
  file: string;
  value: T;
}

export interface FairnessInput {
  people: readonly Located<Person>[];
  cases: readonly Located<Case>[];
  resources: readonly { file: string; index: number; value: SupportResource }[];
  publishers: Publishers;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

const REPOST_LABEL = /\b(?:repost|reposted|copy|via|aggregat\w*)\b/i;

function checkCitation(
  file: string,
  path: string,
  citation: {
    publisher: string;
    title: string;
    url: string;
    listingPageReason?: string | undefined;
  },
  publishers: Publishers,
  problems: Problem[],
): void {
  const host = hostOf(citation.url);
  const blocked = publishers.blocked.find((b) => onDomain(host, b.domain));
  if (blocked) {
    problems.push(
      problem(
        file,
        `${path}.url`,
        'source-blocked-publisher',
        `${blocked.domain} is blocked: ${blocked.reason}`,
      ),
    );
  }
  const repost = publishers.reposts.find((r) => onDomain(host, r.domain));
  if (repost && !REPOST_LABEL.test(citation.publisher)) {
    problems.push(
      problem(
        file,
        `${path}.publisher`,
        'source-repost-unlabelled',
        `${repost.domain} reposts others' reporting (${repost.note}); the publisher "${citation.publisher}" does not say whose.`,
      ),
    );
  }
  if (TRUNCATED_TITLE.test(citation.title)) {
    problems.push(
      problem(
        file,
        `${path}.title`,
        'source-title-truncated',
        `The title "${citation.title}" is cut short.`,
      ),
    );
  }
  let pathAndQuery: string;
  try {
    const url = new URL(citation.url);
    pathAndQuery = url.pathname + url.search;
  } catch {
    pathAndQuery = '';
  }
  if (LISTING_URL.test(pathAndQuery) && citation.listingPageReason === undefined) {
    problems.push(
      problem(
        file,
        `${path}.url`,
        'source-listing-page',
        `${citation.url} is a listing, search, tag or archive page.`,
      ),
    );
  }
}

/**
 * Runs of two or more capitalised words in a text, less the words of organisations, places,
 * titles and months (WORDING.notNames): what may be a personal name. Punctuation between words
 * and the end of a sentence break a run; a word with digits ("Rs2") is not a name.
 */
export function nameCandidates(text: string, notNames: ReadonlySet<string>): string[] {
  const candidates: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) candidates.push(run.join(' '));
    run = [];
  };
  for (const chunk of text.split(/\s+/u)) {
    const leading = /^[^\p{L}\p{N}]/u.test(chunk);
    const trailing = /[^\p{L}\p{N}]$/u.test(chunk.replace(/['’]s?$/u, ''));
    const word = chunk
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .replace(/['’]s?$/u, '')
      .replace(/[^\p{L}\p{N}]+$/u, '');
    if (leading) flush();
    const isName = /^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(word) && !notNames.has(word.toLowerCase());
    if (isName) run.push(word);
    else flush();
    if (trailing) flush();
  }
  flush();
  return candidates;
}

function checkNamesInText(
  file: string,
  c: Case,
  peopleById: ReadonlyMap<string, Person>,
  problems: Problem[],
): void {
  const known = new Set<string>();
  const addWords = (name: string) => {
    for (const word of nameKey(name).split(' ')) known.add(word);
  };
  for (const { person } of c.people) {
    const p = peopleById.get(person);
    if (!p) continue;
    addWords(p.name.en);
    for (const n of p.names) addWords(n.text);
  }
  const listed = new Set<string>();
  for (const n of c.namedInText) for (const word of nameKey(n.name).split(' ')) listed.add(word);
  const { notNames } = patterns(WORDING.en);
  const texts: { path: string; text: string }[] = [
    { path: '$.title.en', text: c.title.en },
    { path: '$.summary.text.en', text: c.summary.text.en },
    { path: '$.status.text.en', text: c.status.text.en },
    ...c.events.map((e, i) => ({ path: `$.events[${i}].text.en`, text: e.text.en })),
  ];
  for (const { path, text } of texts) {
    for (const candidate of nameCandidates(text, notNames)) {
      const words = nameKey(candidate).split(' ');
      if (words.every((w) => known.has(w) || listed.has(w))) continue;
      problems.push(
        problem(
          file,
          path,
          'name-in-text-unlisted',
          `"${candidate}" looks like a personal name that is neither one of the case's people nor in "namedInText".`,
        ),
      );
    }
  }
}

function checkPhone(file: string, index: number, r: SupportResource, problems: Problem[]): void {
  if (r.phone === undefined) return;
  const path = `$.resources[${index}].phone`;
  const { dial, display } = r.phone;
  const region = r.region === 'global' ? undefined : (r.region as CountryCode);
  const fail = (what: string) =>
    problems.push(problem(file, path, 'phone-mismatch', `${r.id}: ${what}`));
  if (!dial.startsWith('+')) {
    // A short code: libphonenumber does not parse these; the text shown is the same digits.
    if (/\p{L}/u.test(display) || display.replace(/\D/g, '') !== dial) {
      fail(`the short code ${dial} is shown as "${display}".`);
    }
    return;
  }
  const parsed = parsePhoneNumberFromString(dial);
  if (!parsed || !parsed.isValid() || parsed.number !== dial) {
    fail(`${dial} is not a valid phone number.`);
    return;
  }
  if (region !== undefined && parsed.country !== region) {
    fail(`${dial} is a number in ${parsed.country ?? 'no country'}, not ${region}.`);
  }
  const shown = findPhoneNumbersInText(display, region ?? parsed.country);
  if (shown.length === 0 || shown.some((s) => s.number.number !== dial)) {
    fail(
      `"${display}" shows ${shown.length === 0 ? 'no number that can be dialled' : shown.map((s) => s.number.number).join(', ')}, but the link dials ${dial}.`,
    );
  }
}

export function checkDatasetFairness(
  input: FairnessInput,
  today: string,
  problems: Problem[],
): void {
  const peopleById = new Map(input.people.map((p) => [p.value.id, p.value]));

  // Descriptors: neutral, and in Urdu where the name is.
  for (const { file, value: person } of input.people) {
    for (const { lang, text, p } of textsWithLists(person.descriptor)) {
      const words = matchesOf(p.caseVocabulary, text);
      if (words.length > 0) {
        problems.push(
          problem(
            file,
            `$.descriptor.${lang}`,
            'descriptor-not-neutral',
            `The descriptor "${text}" uses case vocabulary: ${words.map((w) => `"${w}"`).join(', ')}.`,
          ),
        );
      }
      const loaded = matchesOf(p.loaded, text);
      if (loaded.length > 0 && person.wordingReason === undefined) {
        problems.push(
          problem(
            file,
            `$.descriptor.${lang}`,
            'text-loaded-word',
            `Loaded word(s) in the descriptor: ${loaded.map((w) => `"${w}"`).join(', ')}.`,
          ),
        );
      }
    }
    if (person.name.ur !== undefined && person.descriptor.ur === undefined) {
      problems.push(
        problem(
          file,
          '$.descriptor',
          'descriptor-missing-urdu',
          `"${person.id}" has an Urdu name but no Urdu descriptor.`,
        ),
      );
    }
    person.handles.forEach((h, i) =>
      checkCitation(file, `$.handles[${i}].source`, h.source, input.publishers, problems),
    );
  }

  for (const { file, value: c } of input.cases) {
    c.sources.forEach((s, i) =>
      checkCitation(file, `$.sources[${i}]`, s, input.publishers, problems),
    );
    checkNamesInText(file, c, peopleById, problems);

    const open = OPEN_STATUSES.has(c.status.kind);
    const months = open ? REVIEW_AGE_MONTHS.open : REVIEW_AGE_MONTHS.closed;
    const oldest = monthsBefore(today, months);
    for (const [path, date] of [
      ['$.status.asOf', c.status.asOf],
      ['$.lastReviewed', c.lastReviewed],
    ] as const) {
      if (date < oldest) {
        problems.push(
          problem(
            file,
            path,
            'review-overdue',
            `${date} is more than ${months} months ago (a ${open ? 'open' : 'closed'} case).`,
          ),
        );
      }
    }
    const newest = newestSourceDate(c.sources);
    if (
      c.status.kind === 'ongoing' &&
      newest !== undefined &&
      dateEnd(newest) < monthsBefore(c.status.asOf, SOURCES_OLD_WARNING_MONTHS)
    ) {
      problems.push(
        problem(
          file,
          '$.status',
          'status-sources-old',
          `The status is ongoing as of ${c.status.asOf}, but the newest source is from ${newest}.`,
        ),
      );
    }
  }

  for (const { file, index, value: r } of input.resources) {
    checkCitation(file, `$.resources[${index}].source`, r.source, input.publishers, problems);
    const oldest = monthsBefore(today, RESOURCE_CHECK_MONTHS);
    if (r.checked < oldest) {
      problems.push(
        problem(
          file,
          `$.resources[${index}].checked`,
          'resource-check-overdue',
          `${r.id} was last checked on ${r.checked}, more than ${RESOURCE_CHECK_MONTHS} months ago.`,
        ),
      );
    }
    checkPhone(file, index, r, problems);
  }
}
