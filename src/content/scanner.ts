/**
 * Scans the page for tracked people, incrementally: one MutationObserver only queues what
 * changed, and the work runs later in slices that yield to the page (after uBlock Origin's
 * domWatcher and Dark Reader's tree observer). A post is read once, and again only when its
 * text changes.
 */
import type { JudgedMention, MentionJudge } from '../mentions/judge';
import type { RelevanceMode } from '../settings';
import { yieldToPage, type ContentContext } from './context';
import { CandidateFinder, type RegionChecks } from './candidates';
import { isInSkippedRegion, PostTextCollector, segmentsOf, type PostText } from './post-text';
import { postOf } from './posts';

/**
 * The mention of a person in a post that carries the badge (the first one a badge can sit
 * beside): the text node and offset where it ends, and why it counts.
 */
export interface Mention {
  readonly person: number;
  readonly node: Text;
  readonly endOffset: number;
  readonly why: Pick<JudgedMention, 'written' | 'confirmedBy' | 'relevance'>;
}

/** Where the page is, as the judge needs it. */
export interface PageSettings {
  readonly mode: RelevanceMode;
  /** The page's host name (handles count on their own platform). */
  readonly host: string;
  /** People the reader hid on this site ("Not this person"). */
  readonly hidden: ReadonlySet<number>;
}

export interface ScannerOptions {
  readonly context: ContentContext;
  readonly judge: MentionJudge;
  readonly page: () => PageSettings;
  /** Footnote's own elements in the page: never read, never observed. */
  readonly ownUi: WeakSet<Element>;
  /** A post that should get context, with the first mention of each person in it. */
  readonly onRelevantPost: (post: Element, mentions: readonly Mention[]) => void;
  /** Everyone found in relevant posts so far, after each pass that found someone new. */
  readonly onPeopleFound: (people: ReadonlySet<number>) => void;
  /** Called when all queued work is done. */
  readonly onIdle?: (stats: ScanStats) => void;
}

/**
 * Work per slice before giving the page a turn. Well under the 16 ms of a frame: a garbage
 * collection that falls inside a slice can double it.
 */
const SLICE_MS = 6;
/** More queued roots than this and one full rescan is cheaper than sorting them out. */
const FLOOD = 500;

/** The scanner's own cost on the main thread, for the page benchmark. */
export interface ScanStats {
  /** Sum of every slice of work, in ms. */
  totalMs: number;
  /** The longest single slice, in ms: the longest task Footnote adds. */
  longestMs: number;
}

export class PageScanner {
  readonly stats: ScanStats = { totalMs: 0, longestMs: 0 };
  private readonly roots = new Set<Element>();
  private finder: CandidateFinder | undefined;
  /** Regions the finder left, each with whether it already passed mayBeRelevant. */
  private readonly regions: [Element, boolean][] = [];
  private collector: PostTextCollector | undefined;
  private readonly posts: PostText[] = [];
  private readonly found = new Set<number>();
  private reportedCount = 0;
  private running = false;
  /** The address the found people belong to; a client-side navigation starts a new page. */
  private address = location.href;
  private observer: MutationObserver | undefined;
  /** What the finder asks of a text, in the page's relevance mode of the moment. */
  private readonly checks: RegionChecks;

  constructor(
    private readonly root: Element,
    private readonly options: ScannerOptions,
  ) {
    const { judge, page } = options;
    this.checks = {
      countNames: (text) => judge.countNames(text),
      mayBeRelevant: (text, namesCounted) => judge.mayBeRelevant(text, page().mode, namesCounted),
    };
  }

  /** Scans the whole root now and every change after. */
  start(): void {
    const observer = new MutationObserver((records) => this.queueMutations(records));
    observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    this.observer = observer;
    this.options.context.onAbort(() => observer.disconnect());
    this.rescanAll();
  }

  /**
   * Forgets queued work and reads everything again: after a flood of changes, or (forgetting
   * who was found) after a settings change.
   */
  rescanAll({ forgetFound = false } = {}): void {
    if (forgetFound) {
      this.found.clear();
      this.reportedCount = -1; // report even if nobody is found now
    }
    this.roots.clear();
    this.finder = undefined;
    this.regions.length = 0;
    this.collector = undefined;
    this.posts.length = 0;
    this.roots.add(this.root);
    void this.drain();
  }

  /**
   * Runs `change` (which edits the page) without its mutations coming back to the scanner as
   * page changes. Mutations the page made before are still handled.
   */
  withoutObserving(change: () => void): void {
    if (this.observer) this.queueMutations(this.observer.takeRecords());
    change();
    this.observer?.takeRecords();
  }

  private queueMutations(records: MutationRecord[]): void {
    if (location.href !== this.address) {
      // A single-page app moved to another page: what it shows now is what counts (the
      // address is only compared here; it never leaves the content script).
      this.address = location.href;
      this.rescanAll({ forgetFound: true });
      return;
    }
    const { ownUi } = this.options;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.queueRoot(record.target.parentElement);
        continue;
      }
      if (record.addedNodes.length === 0) continue;
      const target = record.target as Element;
      if (isInSkippedRegion(target, ownUi)) continue;
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) this.queueRoot(target);
        else if (node.nodeType === Node.ELEMENT_NODE && !ownUi.has(node as Element)) {
          this.queueRoot(node as Element);
        }
      }
    }
    if (this.roots.size > FLOOD) this.rescanAll();
    else if (this.roots.size > 0) void this.drain();
  }

  /** Queues the post around `element` (a change inside a post rereads the whole post). */
  private queueRoot(element: Element | null): void {
    if (element === null || !element.isConnected) return;
    const post = postOf(element);
    this.roots.add(post.contains(element) ? post : element);
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.options.context.isValid && this.hasWork()) {
        const started = performance.now();
        this.work(started + SLICE_MS);
        const spent = performance.now() - started;
        this.stats.totalMs += spent;
        this.stats.longestMs = Math.max(this.stats.longestMs, spent);
        if (this.hasWork()) await yieldToPage();
      }
    } finally {
      this.running = false;
    }
    if (!this.options.context.isValid) return;
    if (this.found.size !== this.reportedCount) {
      this.reportedCount = this.found.size;
      this.options.onPeopleFound(this.found);
    }
    this.options.onIdle?.(this.stats);
  }

  private hasWork(): boolean {
    return (
      this.roots.size > 0 ||
      this.finder !== undefined ||
      this.regions.length > 0 ||
      this.collector !== undefined ||
      this.posts.length > 0
    );
  }

  /**
   * One slice: roots are narrowed to candidate regions, regions are read node by node into
   * posts, posts are matched. Later stages go first, so work started is finished first.
   */
  private work(deadline: number): void {
    const { ownUi, judge, page } = this.options;
    while (performance.now() < deadline) {
      if (this.posts.length > 0) {
        this.scanPost(this.posts.pop() as PostText);
      } else if (this.collector !== undefined) {
        if (!this.collector.step(deadline)) {
          // Scanned last-first with pop(); reversed so badges appear top-down.
          this.posts.push(...[...this.collector.posts.values()].reverse());
          this.collector = undefined;
        }
      } else if (this.regions.length > 0) {
        const [region, knownRelevant] = this.regions.pop() as [Element, boolean];
        // Else the region's whole text: the finder may have read only the part naming someone.
        const relevant =
          region.isConnected &&
          (knownRelevant || judge.mayBeRelevant(region.textContent ?? '', page().mode));
        if (relevant) {
          this.collector = new PostTextCollector(region, ownUi);
        }
      } else if (this.finder !== undefined) {
        if (!this.finder.step(deadline)) {
          this.regions.push(...[...this.finder.regions].reverse());
          this.finder = undefined;
        }
      } else {
        const next = this.roots.values().next();
        if (next.done) return;
        this.roots.delete(next.value);
        if (next.value.isConnected) {
          this.finder = new CandidateFinder(next.value, this.checks, ownUi);
        }
      }
    }
  }

  private scanPost(group: PostText): void {
    if (!group.post.isConnected) return;
    const { segments, segmentNodes } = segmentsOf(group);
    const { mode, host, hidden } = this.options.page();
    const linkOf = (segment: number) =>
      segmentNodes[segment]?.parentElement?.closest<HTMLAnchorElement>('a[href]')?.href;
    const judged = this.options.judge.judge(segments, { host, linkOf, hidden }, mode);
    if (judged.length === 0) return;

    const mentions = new Map<number, Mention>();
    for (const { person, endSegment, endOffset, written, confirmedBy, relevance } of judged) {
      this.found.add(person);
      const node = segmentNodes[endSegment];
      if (!node || mentions.has(person) || !canCarryBadge(node)) continue;
      mentions.set(person, { person, node, endOffset, why: { written, confirmedBy, relevance } });
    }
    if (mentions.size > 0) this.options.onRelevantPost(group.post, [...mentions.values()]);
  }
}

/**
 * Whether a badge after this text would be seen and reachable: not in text hidden from
 * assistive technology (a button there is announced nowhere), and not in the summary of a closed
 * `<details>` (the badge goes after the summary, inside the part that is hidden).
 */
function canCarryBadge(node: Text): boolean {
  const parent = node.parentElement;
  if (parent === null || parent.closest('[aria-hidden="true"]')) return false;
  const details = parent.closest('summary')?.parentElement;
  return !(details instanceof HTMLDetailsElement && !details.open);
}
