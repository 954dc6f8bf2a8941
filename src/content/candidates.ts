/**
 * Finds the regions of a subtree that may mention a tracked person, without visiting every
 * text node: an element's `textContent` is built natively in one call, and a quick
 * boundary-free count of the names in it (`countNames`) rules out whole subtrees. Only where
 * the check passes does the search go one level down; the detailed, node-by-node reading
 * (post-text.ts) then runs on the few regions left. On a long feed where one post in ten
 * names someone, that is most of the page never read node by node.
 *
 * The check sees the subtree's text without the block separators and skipped elements the
 * detailed reading applies, so it can only say "maybe" more often, never less — except for a
 * name interrupted by skipped content (`Ali <code>x</code>Zafar`), which is not matched.
 */
import { isSkippedElement, isSkippedTag } from './post-text';
import { isBlockTag, isPost, postOf } from './posts';

/** An element being decided: its children are checked one by one, resumably. */
interface Frame {
  readonly element: Element;
  /** Its own text is known to pass the check (false: not checked, as for a wide container). */
  readonly checked: boolean;
  /** Its text, when the check read it (an only child's is not read: its parent's passed). */
  readonly text: string | undefined;
  /** The names counted in `text` (countNames). */
  readonly names: number;
  /** The next child to check; undefined before the element itself was looked at. */
  next: Element | null | undefined;
  anyChildPassed: boolean;
  /** A child that is not a block (nor skipped) was seen: a name may run across children. */
  anyInlineChild: boolean;
}

/**
 * An element with this many children or more is not checked itself: its children are checked
 * anyway, and building the whole text of a feed once more costs about as much again (and as one
 * native call, it could not be cut into slices).
 */
const WIDE = 16;

export class CandidateFinder {
  /**
   * Regions to read in detail, each a post (or the nearest region holding the match), and
   * whether it is already known to pass `mayBeRelevant` (true where the finder read exactly
   * that element's text; a region known not to pass is not kept).
   */
  readonly regions = new Map<Element, boolean>();
  private readonly stack: Frame[] = [];
  /** Children checked so far; the clock is read every 64. */
  private childrenChecked = 0;

  constructor(
    root: Element,
    private readonly checks: RegionChecks,
    private readonly ownUi: WeakSet<Element>,
  ) {
    if (!isSkippedElement(root, ownUi)) this.stack.push(frame(root, false));
  }

  /** Works until `deadline`; false once every part of the root is decided. */
  step(deadline: number): boolean {
    const { stack } = this;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Frame;
      if (top.next === undefined) {
        const { element } = top;
        const post = isPost(element);
        if (post || element.firstElementChild === null || (top.checked && hasOwnText(element))) {
          stack.pop();
          if (top.checked || this.passes(element)) {
            this.addRegion(top, post ? element : postOf(element));
          }
          continue;
        }
        top.next = element.firstElementChild;
      }
      if (this.checkChildren(top, deadline)) return true;
    }
    return false;
  }

  /**
   * Checks the frame's children from `top.next` on, until one passes (it is pushed, to be
   * decided next), all are checked (the frame is popped), or `deadline` comes (true). A loop of
   * its own, apart from the frames': on a feed it runs over thousands of siblings, and in
   * Chromium the finder took 0.87–0.91 of its time so (isolated world, the page benchmark's
   * feeds, the two finders alternating in fresh worlds of one page).
   */
  private checkChildren(top: Frame, deadline: number): boolean {
    const { checks, ownUi } = this;
    for (let child = top.next ?? null; child !== null;) {
      if ((++this.childrenChecked & 63) === 0 && performance.now() >= deadline) {
        top.next = child;
        return true;
      }
      const next = child.nextElementSibling;
      // The tag first, before any text is read (a script's can be large); the other skip rules
      // only for the few children that are kept.
      const tagName = child.tagName;
      if (!isSkippedTag(tagName)) {
        if (!isBlockTag(tagName)) top.anyInlineChild = true;
        const wide = child.childElementCount >= WIDE;
        // An only child of a checked element with no text of its own (it is not a post, and
        // hasOwnText said no) holds the very text that passed. Pages wrap their content in such
        // chains (`#root > .app > main`); each level read again would be the whole page's text.
        const onlyTextHolder =
          top.checked && next === null && child.previousElementSibling === null;
        const text = wide || onlyTextHolder ? undefined : (child.textContent ?? '');
        const names = text === undefined ? 0 : checks.countNames(text);
        if ((text === undefined || names > 0) && !isSkippedElement(child, ownUi)) {
          top.anyChildPassed = true; // a wide child is decided by its own children
          top.next = next;
          this.stack.push(frame(child, !wide, text, names));
          return false;
        }
      }
      child = next;
    }
    this.stack.pop();
    // Nothing below matches alone, yet the whole may: the name spans children (`<b>Ali</b> Zafar`).
    if (
      !top.anyChildPassed &&
      (top.checked || (maySpanChildren(top) && this.passes(top.element)))
    ) {
      this.addRegion(top, postOf(top.element));
    }
    return false;
  }

  private passes(element: Element): boolean {
    return this.checks.countNames(element.textContent ?? '') > 0;
  }

  /**
   * Keeps `region`, the post around the frame's element (postOf). A post whose text was read
   * here is judged relevant or not at once: most posts naming someone are not, and need go no
   * further.
   */
  private addRegion({ element, text, names }: Frame, region: Element): void {
    if (this.regions.has(region)) return;
    if (region !== element || text === undefined) this.regions.set(region, false);
    else if (this.checks.mayBeRelevant(text, names)) this.regions.set(region, true);
  }
}

/** What the finder asks of a text (see MentionJudge). */
export interface RegionChecks {
  /** How many names may be in it, up to two; 0: none can be. */
  countNames(text: string): number;
  /** False: no post within it gets a badge (`namesCounted`: its countNames). */
  mayBeRelevant(text: string, namesCounted: number): boolean;
}

function frame(element: Element, checked: boolean, text?: string, names = 0): Frame {
  return {
    element,
    checked,
    text,
    names,
    next: undefined,
    anyChildPassed: false,
    anyInlineChild: false,
  };
}

/**
 * Whether a name can run across the children of an unchecked element (a feed, the page's root)
 * none of which passed alone, so that its whole text is worth building. Not when every child
 * is a block and it holds no text of its own: the detailed reading separates blocks, so no name
 * found there runs across them. Reading a feed's whole text again just to learn that was the
 * longest task of a scan of a page naming nobody (16–20 ms on the page benchmark's feed).
 */
function maySpanChildren({ element, anyInlineChild }: Frame): boolean {
  return anyInlineChild || hasOwnText(element);
}

/**
 * Whether the element holds text directly (mixed content), not only inside children. Found
 * natively: walking a feed's child nodes made a wrapper for each of the thousands of white-space
 * nodes between its posts, the longest task of a scan. (XPath's white space is narrower than
 * trim()'s: a node of no-break spaces counts as text, which only widens a region.)
 */
function hasOwnText(element: Element): boolean {
  const ownText = element.ownerDocument.evaluate(
    'text()[normalize-space()]',
    element,
    null,
    XPathResult.FIRST_ORDERED_NODE_TYPE,
    null,
  );
  return ownText.singleNodeValue !== null;
}
