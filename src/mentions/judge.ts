/**
 * Decides which mentions in a post get a badge: the right person, and a post about the case.
 * Pure (no browser APIs): the content script runs it on every post it reads, and the dataset
 * checker runs each person's test sentences through it, so what the checker proves is what the
 * page does.
 *
 * A mention counts when
 * 1. it is this person and not a namesake: a handle only on its own platform or as a link to its
 *    profile there; a name not right beside a word that marks a namesake ("Senator Ali Zafar");
 *    a name that needs confirmation only when the post also has one of the person's confirming
 *    terms or names another party to the same case;
 * 2. and the post is about the case (in the default mode): it names another party to one of the
 *    person's cases, or has a strong term (sexual harassment, #MeToo), or two different weak ones
 *    (alleged … case). "Every mention" skips this step; "off" badges nothing.
 */
import { base64ToBytes, bytesToBase64 } from '../base64';
import { buildMatcher, loadMatcher, type Match, type Matcher } from '../matcher';
import type { RelevanceMode } from '../settings';
import { isProfileLink, platformOfHost, type Platform } from './platforms';

/** A match name or "@handle" of a person, with the rules that tell the person from others. */
export interface NameEntry {
  readonly text: string;
  /** Index of the person in `IdentityIndex.people`. */
  readonly person: number;
  /** Words that, right before or after the name, mean it is someone else. */
  readonly notBeside?: readonly string[];
  /** The name is shared with someone else: it counts only when the post confirms who it is. */
  readonly needsConfirmation?: boolean;
  /** For a handle: the platform it belongs to. */
  readonly platform?: Platform;
}

export interface IdentityPerson {
  readonly caseIds: readonly string[];
  /** Words that, anywhere in the post, confirm a name that needs it is this person. */
  readonly confirmingTerms: readonly string[];
  /**
   * Everyday news about this person is full of weak terms ("case", "accused": a judge, a
   * politician), so only a strong term or another party makes a post about their case.
   */
  readonly strongTermsOnly?: boolean;
}

export interface RelevanceLexicon {
  /** Terms that make a post about harassment on their own. */
  readonly strong: readonly string[];
  /** Groups of forms of one everyday word; two different groups are needed. */
  readonly weak: readonly (readonly string[])[];
  /**
   * Phrases that contain a term but are not about harassment ("presidential harassment"):
   * found first as the longer match, they hide the term inside them and count for nothing.
   */
  readonly neutral?: readonly string[];
}

/** What the judge needs from the dataset: a part of the content script's page index. */
export interface IdentityIndex {
  readonly names: readonly NameEntry[];
  readonly people: readonly IdentityPerson[];
  readonly lexicon: RelevanceLexicon;
}

export interface PageContext {
  /** The page's host name: handles count on their own platform's hosts. */
  readonly host: string;
  /** The address the text of a segment links to, if it sits in a link. */
  readonly linkOf: (segment: number) => string | undefined;
  /** People the reader said are not the person meant, on this site. */
  readonly hidden?: ReadonlySet<number>;
}

/** Why a post counts as about the case, with what the page says as written there. */
export type RelevanceSignal =
  | { readonly kind: 'every' }
  | { readonly kind: 'terms'; readonly terms: readonly string[] }
  | { readonly kind: 'party'; readonly person: number };

/** What confirmed a name that needed it. */
export type Confirmation =
  | { readonly kind: 'term'; readonly term: string }
  | { readonly kind: 'party'; readonly person: number };

export interface JudgedMention {
  readonly person: number;
  readonly startSegment: number;
  readonly startOffset: number;
  readonly endSegment: number;
  readonly endOffset: number;
  /** The name or handle as written on the page. */
  readonly written: string;
  readonly confirmedBy?: Confirmation;
  readonly relevance: RelevanceSignal;
}

export interface MentionJudge {
  /**
   * How many names may be in this text, counted up to two (see Matcher.occurrencesUpTo): 0 means
   * no name can be in it.
   */
  countNames(text: string): number;
  /**
   * False means `judge` finds nothing in any post whose text lies within this text, so a page
   * region can be passed over without reading it node by node. In the default mode a mention
   * needs a lexicon term or a second name beside it, which most posts naming someone lack.
   * `namesCounted` is the text's countNames, for a caller that has it already (the page's
   * candidate finder counts every text it reads), so the names are not counted again.
   */
  mayBeRelevant(text: string, mode: RelevanceMode, namesCounted?: number): boolean;
  /** Every mention that gets a badge, in page order (several per person possible). */
  judge(segments: readonly string[], page: PageContext, mode: RelevanceMode): JudgedMention[];
}

/** What may stand between a name and a word beside it: space, quotes, brackets, commas. */
const GAP = /^[\s"'“”‘’«»()[\],:;\-–—،]*$/u;
/** Longest run of such characters still taken as "right beside". */
const MAX_GAP = 4;

function isGap(text: string, from: number, to: number): boolean {
  return from <= to && to - from <= MAX_GAP && GAP.test(text.slice(from, to));
}

interface Occurrence {
  /** Index of the name entry. */
  readonly id: number;
  readonly entry: NameEntry;
  readonly start: number;
  readonly end: number;
  readonly startSegment: number;
  readonly startOffset: number;
  readonly endSegment: number;
  readonly endOffset: number;
}

/**
 * The judge's matchers. Built once from the index, in the background, and sent to each page
 * serialized (serializeJudgeMatchers): built in the page, they cost every page 20–50 ms of
 * start-up in Chromium, and the engine was still compiling and collecting after that build
 * while the first scan ran (npm run bench:page).
 */
export interface JudgeMatchers {
  /** Every name and handle; prepared for mayContain. */
  readonly names: Matcher;
  /** The relevance terms, strong, weak and neutral; prepared for mayContain. */
  readonly lexicon: Matcher;
  /** Every person's confirming terms. */
  readonly confirming: Matcher;
  /** Every name entry's "not beside" words, found in a post with one pass. */
  readonly beside: Matcher;
}

/** Each matcher serialized, in base64: sent in extension messages, which are JSON in Chromium. */
export type SerializedJudgeMatchers = Readonly<Record<keyof JudgeMatchers, string>>;

/**
 * Each matcher's pattern texts, in id order (id = position). The order is fixed by the index, so
 * matchers built elsewhere from the same index give ids that mean what idsOf says here.
 */
function patternTextsOf(index: IdentityIndex): Record<keyof JudgeMatchers, readonly string[]> {
  const { strong, weak, neutral = [] } = index.lexicon;
  return {
    names: index.names.map(({ text }) => text),
    lexicon: [...strong, ...weak.flat(), ...neutral],
    confirming: index.people.flatMap((person) => person.confirmingTerms),
    beside: index.names.flatMap((entry) => entry.notBeside ?? []),
  };
}

/**
 * What the ids of the lexicon, confirming and beside patterns stand for (see patternTextsOf).
 * Plain loops: this runs in every page, and with flatMap it made an array per name entry
 * (12.8 ms of start-up with a dataset 100× the shipped one, npm run bench:dataset).
 */
function idsOf(index: IdentityIndex) {
  const { strong, weak } = index.lexicon;
  /** The weak group of each weak term, by id - strongCount. */
  const weakGroup = ownersOf(weak, (group) => group.length);
  return {
    strongCount: strong.length,
    weakGroup,
    neutralFrom: strong.length + weakGroup.length,
    /** The person each confirming term belongs to. */
    termOwner: ownersOf(index.people, (person) => person.confirmingTerms.length),
    /** The name entry each "not beside" word belongs to. */
    besideOwner: ownersOf(index.names, (entry) => entry.notBeside?.length ?? 0),
  };
}

/** Each item's index, repeated as many times as it has patterns, in order. */
function ownersOf<T>(items: readonly T[], patternCount: (item: T) => number): number[] {
  const owners: number[] = [];
  for (let item = 0; item < items.length; item++) {
    for (let left = patternCount(items[item] as T); left > 0; left--) owners.push(item);
  }
  return owners;
}

export function buildJudgeMatchers(index: IdentityIndex): JudgeMatchers {
  const texts = patternTextsOf(index);
  const build = (key: keyof JudgeMatchers) =>
    buildMatcher(texts[key].map((text, id) => ({ text, id })));
  const names = build('names');
  const lexicon = build('lexicon');
  // Built now, not on the first mayContain: that would be inside the page's first scan.
  names.prepareMayContain();
  lexicon.prepareMayContain();
  return {
    names,
    lexicon,
    confirming: build('confirming'),
    beside: build('beside'),
  };
}

const MATCHER_KEYS = ['names', 'lexicon', 'confirming', 'beside'] as const;

export function serializeJudgeMatchers(matchers: JudgeMatchers): SerializedJudgeMatchers {
  const [names, lexicon, confirming, beside] = MATCHER_KEYS.map((key) =>
    bytesToBase64(new Uint8Array(matchers[key].serialize())),
  ) as [string, string, string, string];
  return { names, lexicon, confirming, beside };
}

/** Loads serialized matchers without rebuilding them; throws on text that is not one. */
export function loadJudgeMatchers(serialized: SerializedJudgeMatchers): JudgeMatchers {
  const [names, lexicon, confirming, beside] = MATCHER_KEYS.map((key) =>
    loadMatcher(base64ToBytes(serialized[key]).buffer),
  ) as [Matcher, Matcher, Matcher, Matcher];
  return { names, lexicon, confirming, beside };
}

/** `matchers` must be built from this same index (buildJudgeMatchers). */
export function createMentionJudge(
  index: IdentityIndex,
  matchers: JudgeMatchers = buildJudgeMatchers(index),
): MentionJudge {
  const { names, lexicon, confirming, beside } = matchers;
  const { strongCount, weakGroup, neutralFrom, termOwner, besideOwner } = idsOf(index);
  const caseSets = index.people.map((person) => new Set(person.caseIds));
  const sharesCase = (a: number, b: number) =>
    a !== b && (index.people[a]?.caseIds ?? []).some((id) => caseSets[b]?.has(id) === true);

  /** Whether a word that rules the name out stands right before or after the occurrence. */
  function standsBeside(text: string, besideWords: readonly Match[], occurrence: Occurrence) {
    return besideWords.some(
      (word) =>
        besideOwner[word.id] === occurrence.id &&
        (isGap(text, word.end, occurrence.start) || isGap(text, occurrence.end, word.start)),
    );
  }

  function isOwnHandle(entry: NameEntry, occurrence: Occurrence, page: PageContext): boolean {
    if (entry.platform === undefined) return true;
    if (platformOfHost(page.host) === entry.platform) return true;
    const href = page.linkOf(occurrence.startSegment);
    return href !== undefined && isProfileLink(href, entry.platform, entry.text.slice(1));
  }

  function judge(segments: readonly string[], page: PageContext, mode: RelevanceMode) {
    if (mode === 'off') return [];
    const found = names.searchSegments(segments);
    if (found.length === 0) return [];
    const segmentStart: number[] = [];
    let offset = 0;
    for (const segment of segments) {
      segmentStart.push(offset);
      offset += segment.length;
    }
    const text = segments.join('');

    const candidates: Occurrence[] = [];
    for (const match of found) {
      const entry = index.names[match.id];
      if (entry === undefined || page.hidden?.has(entry.person)) continue;
      const { startSegment, startOffset, endSegment, endOffset } = match;
      const occurrence: Occurrence = {
        id: match.id,
        entry,
        start: (segmentStart[startSegment] ?? 0) + startOffset,
        end: (segmentStart[endSegment] ?? 0) + endOffset,
        startSegment,
        startOffset,
        endSegment,
        endOffset,
      };
      if (isOwnHandle(entry, occurrence, page)) candidates.push(occurrence);
    }
    let besideWords: readonly Match[] = [];
    if (candidates.some(({ entry }) => entry.notBeside !== undefined)) {
      besideWords = beside.search(text);
    }
    const occurrences = candidates.filter((o) => !standsBeside(text, besideWords, o));
    if (occurrences.length === 0) return [];

    // Who it is: names that need no confirmation first, then confirming terms, then parties.
    const confirmed = new Map<number, Confirmation | undefined>();
    const unconfirmed = new Set<number>();
    for (const { entry } of occurrences) {
      if (!entry.needsConfirmation) confirmed.set(entry.person, undefined);
    }
    for (const { entry } of occurrences) {
      if (!confirmed.has(entry.person)) unconfirmed.add(entry.person);
    }
    if (unconfirmed.size > 0) {
      for (const match of confirming.search(text)) {
        const person = termOwner[match.id] ?? -1;
        if (unconfirmed.delete(person)) {
          confirmed.set(person, { kind: 'term', term: text.slice(match.start, match.end) });
        }
      }
    }
    // Another party to a case: confirmed, and named somewhere else in the post (one name shared
    // by two people of a case is not two parties). Two namesakes never vouch for each other.
    const startsOf = new Map<number, Set<number>>();
    for (const { entry, start } of occurrences) {
      const starts = startsOf.get(entry.person) ?? new Set();
      startsOf.set(entry.person, starts.add(start));
    }
    const partyOf = (person: number) => {
      const own = startsOf.get(person) ?? new Set();
      return [...confirmed.keys()].find(
        (other) =>
          sharesCase(person, other) &&
          [...(startsOf.get(other) ?? [])].some((start) => !own.has(start)),
      );
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const person of unconfirmed) {
        const party = partyOf(person);
        if (party === undefined) continue;
        unconfirmed.delete(person);
        confirmed.set(person, { kind: 'party', person: party });
        changed = true;
      }
    }

    // Whether the post is about the case, per person.
    let terms: { strong: boolean; terms: readonly string[] } | null | undefined;
    const termSignal = () => (terms === undefined ? (terms = relevanceTerms(text)) : terms);
    const relevance = new Map<number, RelevanceSignal>();
    for (const person of confirmed.keys()) {
      if (mode === 'every') {
        relevance.set(person, { kind: 'every' });
        continue;
      }
      const party = partyOf(person);
      if (party !== undefined) {
        relevance.set(person, { kind: 'party', person: party });
        continue;
      }
      const signal = termSignal();
      if (signal === null) continue;
      if (signal.strong || !index.people[person]?.strongTermsOnly) {
        relevance.set(person, { kind: 'terms', terms: signal.terms });
      }
    }

    const judged: JudgedMention[] = [];
    for (const occurrence of occurrences) {
      const { person } = occurrence.entry;
      const signal = relevance.get(person);
      if (signal === undefined) continue;
      const confirmedBy = confirmed.get(person);
      judged.push({
        person,
        startSegment: occurrence.startSegment,
        startOffset: occurrence.startOffset,
        endSegment: occurrence.endSegment,
        endOffset: occurrence.endOffset,
        written: text.slice(occurrence.start, occurrence.end),
        ...(confirmedBy ? { confirmedBy } : {}),
        relevance: signal,
      });
    }
    return judged;
  }

  /** One strong term, or two weak ones of different groups, as written; null if neither. */
  function relevanceTerms(text: string): { strong: boolean; terms: readonly string[] } | null {
    const weak = new Map<number, string>();
    for (const match of lexicon.search(text)) {
      const written = text.slice(match.start, match.end);
      if (match.id < strongCount) return { strong: true, terms: [written] };
      if (match.id >= neutralFrom) continue;
      const group = weakGroup[match.id - strongCount] ?? -1;
      if (!weak.has(group)) weak.set(group, written);
    }
    return weak.size >= 2 ? { strong: false, terms: [...weak.values()].slice(0, 2) } : null;
  }

  const countNames = (text: string) => names.occurrencesUpTo(text, 2);

  function mayBeRelevant(text: string, mode: RelevanceMode, namesCounted?: number): boolean {
    if (mode === 'off') return false;
    const count = namesCounted ?? countNames(text);
    // Relevance is a strong or weak term, or another party: a second name.
    return count > 0 && (mode === 'every' || count > 1 || lexicon.mayContain(text));
  }

  return { countNames, mayBeRelevant, judge };
}
