/**
 * Badges: a small button after the first mention of each tracked person in a relevant post.
 * It is a real button (focusable, named for what it opens), never inside a link or another
 * control, and its clicks never reach the page's handlers.
 */
import type { Mention } from './scanner';
import { createShadowHost } from './shadow-host';

const BADGE_CSS = `
button {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-width: 1.15em;
  height: 1.15em;
  padding: 0 0.2em;
  margin-inline-start: 0.2em;
  border-radius: 0.6em;
  font: 600 0.7em/1 system-ui, sans-serif;
  vertical-align: super;
  color: #ffffff;
  background: #3d4db7;
  cursor: pointer;
  transition: background-color 120ms ease;
}
button:hover { background: #2c3a99; }
button:focus-visible { outline: 2px solid #1a57d6; outline-offset: 2px; }
button[aria-expanded="true"] { background: #1f2a78; }
@media (prefers-color-scheme: dark) {
  button { color: #111322; background: #a9b4ff; }
  button:hover { background: #c3cbff; }
  button:focus-visible { outline-color: #8fb3ff; }
}
@media (prefers-reduced-motion: reduce) { button { transition: none; } }
`;

const BADGE_TAG = 'footnote-badge';

const HOST_STYLE =
  'all: initial !important; display: inline !important; position: static !important; ' +
  'visibility: visible !important;';

/** Controls a badge sits after, not inside: a button inside a link would follow the link. */
const INTERACTIVE = 'a, button, label, summary, [role="link"], [role="button"]';

export interface BadgeOptions {
  readonly document: Document;
  /** Footnote's own elements, skipped by the scanner. */
  readonly ownUi: WeakSet<Element>;
  readonly label: (person: number) => string;
  readonly onActivate: (mention: Mention, button: HTMLButtonElement) => void;
}

export class Badges {
  private placed = new WeakMap<Element, Set<number>>();

  constructor(private readonly options: BadgeOptions) {}

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
      this.insertAfter(mention, this.createBadge(mention));
    }
  }

  /** Removes every badge (when settings change, or Footnote stops). */
  removeAll(): void {
    // Found in the page rather than kept in a list: a list would keep alive the badges of posts
    // a long feed has already dropped.
    for (const host of this.options.document.querySelectorAll(BADGE_TAG)) {
      if (this.options.ownUi.has(host)) host.remove();
    }
    this.placed = new WeakMap();
  }

  private createBadge(mention: Mention): HTMLElement {
    const { document, ownUi, label, onActivate } = this.options;
    const { host, shadow } = createShadowHost(document, BADGE_TAG, HOST_STYLE, BADGE_CSS);
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', label(mention.person));
    button.textContent = 'i';
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
    return host;
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
