/**
 * Badges: Footnote's mark after the first mention of each tracked person in a relevant post.
 * It is a real button (focusable, named for what it opens and the person's role), never inside
 * a link or another control, and its clicks never reach the page's handlers. Its shape says the
 * role without colour (a filled circle: made an allegation; an outlined square: named in one;
 * an outlined circle: both, in different cases), and its colours come from the page behind it.
 */
import type { BadgeRole } from '../messages';
import type { ContentContext } from './context';
import { backgroundAt, BADGE_INK, cssColour, toneFor } from './page-tone';
import type { Mention } from './scanner';
import { createShadowHost, footnoteMark } from './shadow-host';

const BADGE_CSS = `
button {
  --ink: ${cssColour(BADGE_INK.light)};
  --on-ink: #ffffff;
  all: unset;
  position: relative;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 1.1em;
  height: 1.1em;
  margin-inline-start: 0.25em;
  /* Centred on the text, with negative margins so the line counts it 0.5em tall: it never
     makes a line taller, so the text around it does not move. */
  margin-block: -0.3em;
  vertical-align: middle;
  border: max(1.5px, 0.1em) solid var(--ink);
  border-radius: 0.22em;
  color: var(--ink);
  background: transparent;
  cursor: pointer;
}
button[data-page-tone="dark"] { --ink: ${cssColour(BADGE_INK.dark)}; --on-ink: #14161f; }
button[data-role="made-allegation"] { border-radius: 50%; background: var(--ink); color: var(--on-ink); }
button[data-role="both"] { border-radius: 50%; }
/* A 24 px target around the small mark, without taking room in the line. */
button::before {
  content: "";
  position: absolute;
  left: 50%;
  top: 50%;
  width: max(24px, 100%);
  height: max(24px, 100%);
  transform: translate(-50%, -50%);
}
svg { width: 0.75em; height: 0.75em; }
button:hover, button[aria-expanded="true"] { box-shadow: 0 0 0 0.12em var(--ink); }
button:focus-visible { outline: 2px solid var(--ink); outline-offset: 2px; }
/* High-contrast modes: the system's colours, keeping the fill that tells the roles apart. */
@media (forced-colors: active) {
  button, button[data-page-tone="dark"] { --ink: ButtonText; --on-ink: ButtonFace; forced-color-adjust: none; }
}
`;

const BADGE_TAG = 'footnote-badge';

/** The badge takes the font of the text it follows: its size, and line metrics that match. */
const HOST_STYLE =
  'all: initial !important; display: inline !important; position: static !important; ' +
  'visibility: visible !important; font: inherit !important;';

/** Controls a badge sits after, not inside: a button inside a link would follow the link. */
const INTERACTIVE = 'a, button, label, summary, [role="link"], [role="button"]';

export interface BadgeOptions {
  readonly document: Document;
  readonly context: ContentContext;
  /** Footnote's own elements, skipped by the scanner. */
  readonly ownUi: WeakSet<Element>;
  /** The badge's accessible name and the role its shape shows. */
  readonly describe: (person: number) => { readonly label: string; readonly role: BadgeRole };
  readonly onActivate: (mention: Mention, button: HTMLButtonElement) => void;
}

export class Badges {
  private placed = new WeakMap<Element, Set<number>>();
  /** Badges placed since the last frame, their page tone not read yet. */
  private untoned: { host: HTMLElement; button: HTMLButtonElement }[] = [];
  private toneFrame = 0;

  constructor(private readonly options: BadgeOptions) {
    options.context.onAbort(() => cancelAnimationFrame(this.toneFrame));
  }

  /** Places a badge for each mention whose person has none in this post yet. */
  place(post: Element, mentions: readonly Mention[]): void {
    let people = this.placed.get(post);
    if (people === undefined) {
      people = new Set();
      this.placed.set(post, people);
    }
    // Last offsets first: splitting a text node keeps earlier offsets in it valid.
    const ordered = [...mentions].sort((a, b) => b.endOffset - a.endOffset);
    for (const mention of ordered) {
      if (people.has(mention.person) || !mention.node.isConnected) continue;
      if (mention.endOffset > mention.node.length) continue; // text changed since it was read
      people.add(mention.person);
      const badge = this.createBadge(mention);
      this.insertAfter(mention, badge.host);
      this.untoned.push(badge);
    }
    this.toneNextFrame();
  }

  /**
   * Reads the page's tone behind every badge placed since the last frame, all reads before any
   * write, in the frame that computes the page's style anyway. Read at placing, each post's
   * badges made the browser compute the style of the whole page again (on a feed of 10,000
   * posts, most of the first scan: npm run bench:page). Until then a badge has the light tone;
   * the frame that first paints it has its tone.
   */
  private toneNextFrame(): void {
    if (this.toneFrame !== 0 || this.untoned.length === 0) return;
    this.toneFrame = requestAnimationFrame(() => {
      this.toneFrame = 0;
      const placed = this.untoned.filter(({ host }) => host.isConnected);
      this.untoned = [];
      const tones = placed.map(({ host }) => toneFor(backgroundAt(host.parentElement)));
      placed.forEach(({ button }, i) => {
        // The card opened from this badge takes the page's tone too.
        button.dataset.pageTone = tones[i];
      });
    });
  }

  /** Removes every badge (when settings change, or Footnote stops). */
  removeAll(): void {
    // Found in the page rather than kept in a list: a list would keep alive the badges of posts
    // a long feed has already dropped.
    for (const host of this.options.document.querySelectorAll(BADGE_TAG)) {
      if (this.options.ownUi.has(host)) host.remove();
    }
    this.placed = new WeakMap();
    this.untoned = [];
  }

  private createBadge(mention: Mention): { host: HTMLElement; button: HTMLButtonElement } {
    const { document, ownUi, describe, onActivate } = this.options;
    const { label, role } = describe(mention.person);
    const { host, shadow } = createShadowHost(document, BADGE_TAG, HOST_STYLE, BADGE_CSS);
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', label);
    button.dataset.role = role;
    button.append(footnoteMark(document));
    const activate = (event: Event) => {
      event.preventDefault();
      event.stopPropagation();
      onActivate(mention, button);
    };
    button.addEventListener('click', activate);
    // Keep presses from the page's own handlers (a post that opens on click, say).
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup']) {
      button.addEventListener(type, (event) => event.stopPropagation());
    }
    shadow.append(button);
    ownUi.add(host);
    return { host, button };
  }

  private insertAfter({ node, endOffset }: Mention, host: HTMLElement): void {
    const control = node.parentElement?.closest(INTERACTIVE);
    if (control) {
      control.after(host);
      return;
    }
    if (endOffset < node.length) node.splitText(endOffset);
    node.after(host);
  }
}
