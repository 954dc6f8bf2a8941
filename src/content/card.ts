/**
 * The in-page card a badge opens: why the badge is there (the name as matched, what made the
 * post relevant), who the person is, their role, each case's status with its date, a neutral
 * summary, sources, when it was last reviewed, and the ways on (all context, report a missing
 * source, "Not this person"). One card at a time, anchored to its badge and following it as the
 * page or a box inside it scrolls. It is a dialog that holds focus: Tab cycles inside it, and
 * Escape or a click outside closes it and gives focus back to the badge.
 *
 * Its host is the last child of <html>, `position: fixed`, rather than beside the badge: inside
 * the page's markup an `overflow: hidden` ancestor would clip it and a `transform` ancestor would
 * become its containing block. Keyboard order is kept by managing focus instead (into the card
 * on open, trapped while open, back to the badge on close).
 */
import type { DatasetUnavailable, FullViewReport, LocalText, PersonCard } from '../messages';
import { isDatasetUnavailable } from '../messages';
import type { MessageKey, Translate } from '../ui/i18n';
import { directionOf, sourceTextLanguage } from '../ui/text-language';
import { splitAtValue, VALUE_SLOT } from '../ui/value-slot';
import { placeCard, VIEW_MARGIN } from './card-placement';
import type { ContentContext } from './context';
import { createShadowHost, element, footnoteMark } from './shadow-host';

/*
 * Sizes are in px, never rem: inside the shadow root rem still follows the page's <html> font
 * size, and a site with `html { font-size: 62.5% }` made the card's small text 8.5 px. Each
 * element names its size in --size; one rule turns it into font-size, scaled by --k, which is
 * larger for Urdu (Naskh needs a larger size than Latin text to read): whatever element Urdu
 * text is in, in either UI, it is at least 15 px, and English text at least 13 px.
 */
const CARD_CSS = `
.card {
  --size: 14px;
  --k: 1;
  box-sizing: border-box;
  width: 100%;
  overflow: auto;
  overscroll-behavior: contain;
  padding: 0 16px 14px;
  border: 1px solid #d5d5dc;
  border-radius: 10px;
  background: #ffffff;
  color: #1c1c1e;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18);
  font: 14px/1.45 system-ui, 'Noto Sans', 'Noto Naskh Arabic', sans-serif;
  text-align: start;
}
.card, .card * { font-size: calc(var(--size) * var(--k)); }
/* 13 px × 1.16 ≥ 15 px; Naskh also needs more room between lines than Latin text. */
:lang(ur) {
  --k: 1.16;
  line-height: 1.8;
  font-family: 'Noto Naskh Arabic', 'Noto Nastaliq Urdu', system-ui, sans-serif;
}
/* English inside Urdu keeps the Latin size and fonts. */
:lang(en) { --k: 1; }
:lang(ur) [lang='en'] { font-family: system-ui, 'Noto Sans', sans-serif; }
.card:focus { outline: none; }
/* Stays in view while a long card scrolls, so its close button does too. */
.header {
  --size: 13px;
  position: sticky; top: 0; z-index: 1;
  display: flex; align-items: center; gap: 6px;
  margin: 0 -16px 8px; padding: 6px 6px; padding-inline-start: 16px;
  border-bottom: 1px solid #e4e4ea; background: inherit;
  font-weight: 600; color: #3d4db7;
}
.header svg { width: 18px; height: 18px; flex: none; }
.header span { flex: 1; }
h2 { --size: 17px; margin: 0; }
.why {
  --size: 14px;
  margin: 8px 0 3px; padding: 6px 9px; border-radius: 6px;
  background: #f1f2fa;
}
.role { margin-top: 0; }
h2:focus, p:focus { outline: none; }
h3 { --size: 15px; margin: 14px 0 3px; }
p { margin: 4px 0; }
ul { margin: 4px 0; padding-inline-start: 18px; }
.muted { --size: 13px; color: #5b5b63; }
.content-note {
  margin: 6px 0; padding: 6px 9px; border-radius: 6px;
  border-inline-start: 3px solid #8a93d6; background: #f1f2fa;
}
.content-note button { margin-top: 5px; }
a { color: #3d4db7; }
/* A date is one word: never 2018-10- on one line and 12 on the next. */
.date { white-space: nowrap; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 14px; }
button {
  --size: 13px;
  font: inherit;
  padding: 5px 11px; border-radius: 6px;
  border: 1px solid #3d4db7; background: transparent; color: #3d4db7; cursor: pointer;
}
button.close {
  --size: 20px;
  flex: none; border: none; line-height: 1;
  min-width: 24px; min-height: 24px; padding: 2px 6px;
}
:focus-visible { outline: 2px solid #1a57d6; outline-offset: 2px; }
/* The page's own tone, read where the badge sits, not the system's: a card over a dark page is
   dark whatever the operating system prefers. */
.card.dark { background: #1d1d21; color: #ececf1; border-color: #55555f; }
.dark .header { color: #b9c1ff; border-color: #3a3a42; }
.dark .muted { color: #a9a9b3; }
.dark .why, .dark .content-note { background: #272a3d; }
.dark a, .dark button { color: #b9c1ff; border-color: #b9c1ff; }
.dark :focus-visible { outline-color: #8fb3ff; }
`;

const HOST_STYLE =
  'all: initial !important; position: fixed !important; z-index: 2147483647 !important; ' +
  'display: block !important; visibility: visible !important;';

/** The card's width where the viewport allows it. */
const CARD_WIDTH = 384;

/** Sources shown per case on the card; the full view has them all. */
const SOURCES_PER_CASE = 3;

/** A translated sentence with a date (or other left-to-right value) isolated inside it. */
function withValue(document: Document, text: string, value: string): (Node | string)[] {
  const [before, after] = splitAtValue(text);
  return [before, element(document, 'bdi', { dir: 'ltr' }, value), after];
}

export interface CardOptions {
  readonly document: Document;
  readonly context: ContentContext;
  readonly ownUi: WeakSet<Element>;
  readonly t: Translate;
  /** The reader's language for dataset text (`en` or `ur`) and its direction. */
  readonly lang: string;
  readonly dir: string;
  readonly loadCard: (person: string) => Promise<PersonCard | DatasetUnavailable | null>;
  readonly openFullView: (person: string, report?: FullViewReport) => void;
  /** The site the page is on, as the reader knows it (for "Not this person"). */
  readonly site: string;
  /** Hides (or shows again) a person's badges on this site. */
  readonly setHidden: (person: string, hidden: boolean) => Promise<void>;
  /** Gentle mode (settings): each case's summary waits behind a content note. */
  readonly gentle: () => boolean;
}

/** Why a badge is there, with people already named: what the card's first line says. */
export interface BadgeReason {
  /** The name or handle as written on the page. */
  readonly written: string;
  readonly confirmedBy?:
    | { readonly kind: 'term'; readonly term: string }
    | { readonly kind: 'party'; readonly name: string };
  readonly relevance:
    | { readonly kind: 'every' }
    | { readonly kind: 'terms'; readonly terms: readonly string[] }
    | { readonly kind: 'party'; readonly name: string };
}

interface OpenCard {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly card: HTMLElement;
  /** What changes with the card's state (loading, the record, "Not this person"). */
  readonly body: HTMLElement;
  readonly badge: HTMLButtonElement;
  readonly closeListeners: AbortController;
  /** The reader chose "Not this person": the card stays while the badges go. */
  hidPerson: boolean;
  /** The animation frame a reposition is waiting for (0: none). */
  frame: number;
  /** The width last given to the host, so a scroll does not write it again. */
  width: number;
  /** The badge sits in right-to-left text: the card lines up with its right edge. */
  readonly alignEnd: boolean;
}

export class Card {
  private open: OpenCard | undefined;

  constructor(private readonly options: CardOptions) {
    options.context.onAbort(() => this.close(false));
  }

  /** Opens the card for `person` at `badge`; a second press on the same badge closes it. */
  toggle(person: string, badge: HTMLButtonElement, reason: BadgeReason): void {
    const wasOpenHere = this.open?.badge === badge;
    this.close(false);
    if (!wasOpenHere) void this.show(person, badge, reason);
  }

  /** The badges were taken down (settings changed): a card anchored to one goes too. */
  badgesRemoved(): void {
    if (!this.open?.hidPerson) this.close(false);
  }

  close(returnFocus: boolean): void {
    if (!this.open) return;
    const { host, badge, closeListeners, frame } = this.open;
    this.open = undefined;
    closeListeners.abort();
    cancelAnimationFrame(frame);
    host.remove();
    badge.setAttribute('aria-expanded', 'false');
    if (returnFocus && badge.isConnected) badge.focus();
  }

  private async show(person: string, badge: HTMLButtonElement, reason: BadgeReason): Promise<void> {
    const { document, ownUi, t, lang, dir } = this.options;
    const { host, shadow } = createShadowHost(document, 'footnote-card', HOST_STYLE, CARD_CSS);
    ownUi.add(host);
    const body = element(document, 'div', {}, element(document, 'p', {}, t('cardLoading')));
    const card = element(
      document,
      'section',
      {
        class: badge.dataset.pageTone === 'dark' ? 'card dark' : 'card',
        role: 'dialog',
        // Focus stays inside until it closes: a modal dialog to assistive technology too.
        'aria-modal': 'true',
        lang,
        dir,
        tabindex: '-1',
        'aria-label': t('cardLoading'),
      },
      element(
        document,
        'div',
        { class: 'header' },
        footnoteMark(document),
        element(document, 'span', {}, t('cardHeader')),
        this.closeButton(),
      ),
      body,
    );
    shadow.append(card);
    document.documentElement.append(host);

    const open: OpenCard = {
      host,
      shadow,
      card,
      body,
      badge,
      closeListeners: new AbortController(),
      hidPerson: false,
      frame: 0,
      width: 0,
      // The text's direction, not the UI's: an English post in the Urdu UI reads left to right.
      alignEnd: getComputedStyle(badge).direction === 'rtl',
    };
    this.open = open;
    this.position(open);
    badge.setAttribute('aria-expanded', 'true');
    this.listen(open);
    card.focus();

    let result: PersonCard | DatasetUnavailable | null;
    try {
      result = await this.options.loadCard(person);
    } catch {
      result = { error: { code: 'no-answer' } };
    }
    if (this.open !== open) return; // closed while loading
    body.replaceChildren(...this.content(result, person, card, reason));
    this.position(open);
    (card.querySelector<HTMLElement>('h2') ?? card).focus();
  }

  private closeButton(): HTMLButtonElement {
    const { document, t } = this.options;
    const closeButton = element(
      document,
      'button',
      { type: 'button', class: 'close', 'aria-label': t('cardClose') },
      '×',
    );
    closeButton.addEventListener('click', () => this.close(true));
    return closeButton;
  }

  private content(
    result: PersonCard | DatasetUnavailable | null,
    person: string,
    card: HTMLElement,
    reason: BadgeReason,
  ): Node[] {
    const { document, t } = this.options;
    if (result === null || isDatasetUnavailable(result)) {
      card.setAttribute('aria-label', t('cardError'));
      return [element(document, 'p', { role: 'alert' }, t('cardError'))];
    }
    card.removeAttribute('aria-label');
    card.setAttribute('aria-labelledby', 'footnote-card-title');
    const heading = this.localText('h2', result.name, {
      id: 'footnote-card-title',
      tabindex: '-1',
    });
    const nodes: Node[] = [
      heading,
      this.localText('p', result.descriptor, { class: 'muted' }),
      element(
        document,
        'p',
        { class: 'why' },
        element(document, 'strong', {}, `${t('cardWhyLabel')}: `),
        element(document, 'bdi', {}, this.reasonText(reason)),
      ),
    ];
    for (const caseCard of result.cases) {
      nodes.push(
        this.localText('h3', caseCard.title),
        element(
          document,
          'p',
          { class: 'role' },
          element(document, 'strong', {}, `${t('cardRoleLabel')}: `),
          t(`role_${caseCard.role.replaceAll('-', '_')}` as MessageKey),
        ),
        element(
          document,
          'p',
          { class: 'status' },
          element(document, 'strong', {}, `${t('statusLabel')}: `),
          this.localText('span', caseCard.status),
          ' ',
          element(
            document,
            'span',
            { class: 'muted' },
            ...withValue(document, t('cardAsOf', VALUE_SLOT), caseCard.statusAsOf),
          ),
        ),
        ...this.summary(caseCard.summary),
        element(document, 'p', { class: 'muted' }, t('cardSources')),
        element(
          document,
          'ul',
          {},
          ...caseCard.sources.slice(0, SOURCES_PER_CASE).map((source) =>
            element(
              document,
              'li',
              {},
              element(
                document,
                'a',
                {
                  href: source.url,
                  target: '_blank',
                  rel: 'noopener noreferrer',
                  // Titles keep their own language and direction inside either UI.
                  ...sourceTextLanguage(source.title),
                },
                source.title,
              ),
              ' — ',
              // Isolated, so an Urdu publisher in an English line (or the reverse) cannot
              // reorder the punctuation and date around it.
              element(document, 'bdi', sourceTextLanguage(source.publisher), source.publisher),
              ...(source.date
                ? [', ', element(document, 'bdi', { class: 'date', dir: 'ltr' }, source.date)]
                : []),
            ),
          ),
        ),
        element(
          document,
          'p',
          { class: 'muted' },
          ...withValue(document, t('cardLatestReport', VALUE_SLOT), caseCard.newestSourceFound),
          ' · ',
          ...withValue(
            document,
            t(
              caseCard.reviewMethod === 'live-check' ? 'cardReviewedLive' : 'cardReviewedStored',
              VALUE_SLOT,
            ),
            caseCard.lastReviewed,
          ),
        ),
      );
    }
    const allContext = element(document, 'button', { type: 'button' }, t('cardAllContext'));
    allContext.addEventListener('click', () => this.options.openFullView(person));
    const report = element(document, 'button', { type: 'button' }, t('cardReport'));
    report.addEventListener('click', () => this.options.openFullView(person, 'missing-source'));
    const notThisPerson = element(
      document,
      'button',
      { type: 'button', class: 'not-this-person' },
      t('cardNotThisPerson'),
    );
    notThisPerson.addEventListener('click', () => void this.hide(person, result.name.text, card));
    nodes.push(element(document, 'div', { class: 'actions' }, allContext, report, notThisPerson));
    return nodes;
  }

  /** One line: the name as matched (and what confirmed it), then what made the post relevant. */
  private reasonText({ written, confirmedBy, relevance }: BadgeReason): string {
    const { t } = this.options;
    const matched =
      confirmedBy === undefined
        ? t('cardWhyMatched', written)
        : confirmedBy.kind === 'term'
          ? t('cardWhyConfirmedByTerm', written, confirmedBy.term)
          : t('cardWhyConfirmedByParty', written, confirmedBy.name);
    const relevant =
      relevance.kind === 'every'
        ? t('cardWhyEvery')
        : relevance.kind === 'party'
          ? t('cardWhyParty', relevance.name)
          : relevance.terms.length === 1
            ? t('cardWhyTerm', relevance.terms[0] ?? '')
            : t('cardWhyTerms', relevance.terms[0] ?? '', relevance.terms[1] ?? '');
    return `${matched} ${relevant}`;
  }

  /**
   * "Not this person": the person's badges on this site go at once (the stored choice takes
   * them down), and the card stays to say so, with Undo and a wrong-match report.
   */
  private async hide(person: string, name: string, card: HTMLElement): Promise<void> {
    const { document, t, site } = this.options;
    const open = this.open;
    if (!open) return;
    open.hidPerson = true;
    await this.options.setHidden(person, true);
    if (this.open !== open) return;
    const undo = element(document, 'button', { type: 'button' }, t('cardUndoHide'));
    undo.addEventListener('click', () => {
      void this.options.setHidden(person, false);
      this.close(false);
    });
    const report = element(document, 'button', { type: 'button' }, t('cardReportWrongMatch'));
    report.addEventListener('click', () => this.options.openFullView(person, 'wrong-match'));
    const message = element(
      document,
      'p',
      { role: 'status', tabindex: '-1' },
      t('cardHidden', name, site),
    );
    card.setAttribute('aria-label', t('cardNotThisPerson'));
    card.removeAttribute('aria-labelledby');
    open.body.replaceChildren(
      message,
      element(document, 'div', { class: 'actions' }, undo, report),
    );
    this.schedulePosition();
    message.focus();
  }

  /**
   * A case's summary; in gentle mode folded behind the content note until the reader asks for
   * it (status, outcome and sources stay in view either way).
   */
  private summary(text: LocalText): HTMLElement[] {
    const { document, t } = this.options;
    const summary = this.localText('p', text, { class: 'summary', tabindex: '-1' });
    if (!this.options.gentle()) return [summary];
    summary.hidden = true;
    const show = element(
      document,
      'button',
      { type: 'button', 'aria-expanded': 'false' },
      t('gentleShowDetails'),
    );
    const note = element(
      document,
      'div',
      { class: 'content-note' },
      element(document, 'p', {}, t('gentleContentNote')),
      show,
    );
    show.addEventListener('click', () => {
      summary.hidden = false;
      show.remove();
      summary.focus();
      this.schedulePosition();
    });
    return [note, summary];
  }

  /** A dataset text with its language and direction marked, and "(in English)" when a fallback. */
  private localText(
    tag: 'h2' | 'h3' | 'p' | 'span',
    text: LocalText,
    attributes: Record<string, string> = {},
  ): HTMLElement {
    const { document, t, lang, dir } = this.options;
    const created = element(
      document,
      tag,
      { ...attributes, lang: text.lang, dir: directionOf(text.lang) },
      text.text,
    );
    if (text.lang !== lang) {
      created.append(' ', element(document, 'span', { class: 'muted', lang, dir }, t('inEnglish')));
    }
    return created;
  }

  /** Everything that lives while the card is open; all of it goes with `closeListeners`. */
  private listen(open: OpenCard): void {
    const { document } = this.options;
    const { host, shadow, badge } = open;
    const { signal } = open.closeListeners;
    host.addEventListener(
      'keydown',
      (event) => {
        event.stopPropagation(); // the page's shortcuts are not for the card
        if (event.key === 'Escape') this.close(true);
        else if (event.key === 'Tab') this.keepFocusInside(event, shadow);
      },
      { signal },
    );
    badge.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') this.close(true);
      },
      { signal },
    );
    document.addEventListener(
      'pointerdown',
      (event) => {
        const path = event.composedPath();
        if (!path.includes(host) && !path.includes(badge)) this.close(true);
      },
      { signal, capture: true },
    );
    // Capture: a scroll inside any box moves the badge too, and scroll events do not bubble.
    const reposition = () => this.schedulePosition();
    document.addEventListener('scroll', reposition, { signal, capture: true, passive: true });
    window.addEventListener('resize', reposition, { signal, passive: true });
  }

  /** Tab and Shift+Tab go round the card's controls while it is open. */
  private keepFocusInside(event: KeyboardEvent, shadow: ShadowRoot): void {
    const controls = [...shadow.querySelectorAll<HTMLElement>('a[href], button')].filter(
      (control) => control.getClientRects().length > 0,
    );
    const first = controls[0];
    const last = controls.at(-1);
    const active = shadow.activeElement as HTMLElement | null;
    const inControls = active !== null && controls.includes(active);
    let wrapTo: HTMLElement | undefined;
    if (event.shiftKey && (active === first || !inControls)) wrapTo = last;
    else if (!event.shiftKey && active === last) wrapTo = first;
    // Anywhere else the browser's own order applies: between the first and last it stays inside.
    if (wrapTo === undefined && controls.length > 0) return;
    event.preventDefault();
    wrapTo?.focus();
  }

  /** At most one reposition per frame, however many scroll events arrive. */
  private schedulePosition(): void {
    const open = this.open;
    if (!open || open.frame !== 0) return;
    open.frame = requestAnimationFrame(() => {
      open.frame = 0;
      if (this.open === open) this.position(open);
    });
  }

  /** Places the card by its badge (see card-placement.ts); reads layout first, then writes. */
  private position(open: OpenCard): void {
    const { host, card, badge } = open;
    if (!badge.isConnected) {
      // "Not this person" took the badge down: the card stays where it is to say so. Otherwise
      // the page dropped the post (a feed unloading it), and the card goes with it.
      if (!open.hidPerson) this.close(false);
      return;
    }
    const { documentElement } = this.options.document;
    // The smaller of each pair leaves out scrollbars, also in quirks mode.
    const view = {
      width: Math.min(window.innerWidth, documentElement.clientWidth || window.innerWidth),
      height: Math.min(window.innerHeight, documentElement.clientHeight || window.innerHeight),
    };
    const width = Math.min(CARD_WIDTH, view.width - 2 * VIEW_MARGIN);
    if (width !== open.width) {
      open.width = width;
      host.style.setProperty('width', `${width}px`, 'important');
    }
    const anchor = badge.getBoundingClientRect();
    const borders = card.offsetHeight - card.clientHeight;
    const place = placeCard(
      anchor,
      { width, height: card.scrollHeight + borders },
      view,
      open.alignEnd,
    );
    host.style.setProperty('left', `${place.left}px`, 'important');
    host.style.setProperty('top', `${place.top}px`, 'important');
    card.style.setProperty('max-height', `${place.maxHeight}px`);
  }
}
