/**
 * The in-page card a badge opens: why the badge is there (the name as matched, what made the
 * post relevant), who the person is, their role, each case's status with its date, a neutral
 * summary, sources, when it was last reviewed, and the ways on (all context, report a missing
 * source, "Not this person"). One card at a time, anchored to its badge. Escape or a click
 * outside closes it and gives focus back to the badge.
 */
import type { DatasetUnavailable, FullViewReport, LocalText, PersonCard } from '../messages';
import { isDatasetUnavailable } from '../messages';
import type { MessageKey, Translate } from '../ui/i18n';
import type { ContentContext } from './context';
import { createShadowHost, element } from './shadow-host';

const CARD_CSS = `
:host { color-scheme: light dark; }
.card {
  box-sizing: border-box;
  width: min(24rem, calc(100vw - 16px));
  max-height: min(32rem, calc(100vh - 16px));
  overflow: auto;
  /* Room above the heading for the close button, whichever side it is on. */
  padding: 1.9rem 1rem 0.9rem;
  border: 1px solid #d5d5dc;
  border-radius: 10px;
  background: #ffffff;
  color: #1c1c1e;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18);
  font: 14px/1.45 system-ui, 'Noto Sans', 'Noto Naskh Arabic', sans-serif;
  text-align: start;
}
h2 { font-size: 1.05rem; margin: 0; }
.why {
  margin: 0.5rem 0 0.2rem; padding: 0.35rem 0.55rem; border-radius: 6px;
  background: #f1f2fa; font-size: 0.85rem;
}
.role { font-size: 0.85rem; margin-top: 0; }
h2:focus { outline: none; }
h3 { font-size: 0.95rem; margin: 0.9rem 0 0.2rem; }
p { margin: 0.25rem 0; }
ul { margin: 0.25rem 0; padding-inline-start: 1.1rem; }
.muted { color: #5b5b63; font-size: 0.85rem; }
a { color: #3d4db7; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.9rem; }
button {
  font: inherit; font-size: 0.85rem; padding: 0.3rem 0.7rem; border-radius: 6px;
  border: 1px solid #3d4db7; background: transparent; color: #3d4db7; cursor: pointer;
}
button.close { position: absolute; inset-inline-end: 0.5rem; top: 0.35rem; border: none; font-size: 1.1rem; padding: 0.1rem 0.4rem; }
:focus-visible { outline: 2px solid #1a57d6; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1d1d21; color: #ececf1; border-color: #3a3a42; }
  .muted { color: #a9a9b3; }
  .why { background: #272a3d; }
  a, button { color: #a9b4ff; border-color: #a9b4ff; }
  :focus-visible { outline-color: #8fb3ff; }
}
`;

const HOST_STYLE =
  'all: initial !important; position: absolute !important; z-index: 2147483647 !important; ' +
  'display: block !important; visibility: visible !important;';

/** Sources shown per case on the card; the full view has them all. */
const SOURCES_PER_CASE = 3;

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

export class Card {
  private open:
    | {
        host: HTMLElement;
        badge: HTMLButtonElement;
        closeListeners: AbortController;
        /** The reader chose "Not this person": the card stays while the badges go. */
        hidPerson: boolean;
      }
    | undefined;

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
    const { host, badge, closeListeners } = this.open;
    this.open = undefined;
    closeListeners.abort();
    host.remove();
    badge.setAttribute('aria-expanded', 'false');
    if (returnFocus && badge.isConnected) badge.focus();
  }

  private async show(person: string, badge: HTMLButtonElement, reason: BadgeReason): Promise<void> {
    const { document, ownUi, t, dir } = this.options;
    const { host, shadow } = createShadowHost(document, 'footnote-card', HOST_STYLE, CARD_CSS);
    ownUi.add(host);
    const card = element(document, 'section', {
      class: 'card',
      role: 'dialog',
      dir,
      'aria-label': t('cardLoading'),
    });
    card.append(element(document, 'p', { class: 'muted' }, t('cardLoading')));
    shadow.append(card);
    document.documentElement.append(host);
    this.position(host, badge);

    const closeListeners = new AbortController();
    this.open = { host, badge, closeListeners, hidPerson: false };
    badge.setAttribute('aria-expanded', 'true');
    this.listenForClose(host, badge, closeListeners.signal);

    let result: PersonCard | DatasetUnavailable | null;
    try {
      result = await this.options.loadCard(person);
    } catch {
      result = { error: { code: 'no-answer' } };
    }
    if (this.open?.host !== host) return; // closed while loading
    card.replaceChildren(...this.content(result, person, card, reason));
    this.position(host, badge);
    const heading = card.querySelector('h2');
    (heading ?? card).focus();
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
    const closeButton = this.closeButton();
    if (result === null || isDatasetUnavailable(result)) {
      card.setAttribute('aria-label', t('cardError'));
      return [closeButton, element(document, 'p', { role: 'alert' }, t('cardError'))];
    }
    card.removeAttribute('aria-label');
    card.setAttribute('aria-labelledby', 'footnote-card-title');
    const heading = this.localText('h2', result.name, {
      id: 'footnote-card-title',
      tabindex: '-1',
    });
    const nodes: Node[] = [
      closeButton,
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
          { dir: 'auto' },
          element(document, 'strong', {}, `${t('statusLabel')}: `),
          this.localText('span', caseCard.status),
          ' ',
          element(document, 'span', { class: 'muted' }, t('cardAsOf', caseCard.statusAsOf)),
        ),
        this.localText('p', caseCard.summary),
        element(document, 'p', { class: 'muted' }, t('cardSources')),
        element(
          document,
          'ul',
          {},
          ...caseCard.sources
            .slice(0, SOURCES_PER_CASE)
            .map((source) =>
              element(
                document,
                'li',
                {},
                element(
                  document,
                  'a',
                  { href: source.url, target: '_blank', rel: 'noopener noreferrer' },
                  source.title,
                ),
                ` — ${source.publisher}${source.date ? `, ${source.date}` : ''}`,
              ),
            ),
        ),
        element(
          document,
          'p',
          { class: 'muted' },
          t('cardLatestReport', caseCard.newestSourceFound),
          ' · ',
          t(
            caseCard.reviewMethod === 'live-check' ? 'cardReviewedLive' : 'cardReviewedStored',
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
    if (!this.open) return;
    this.open.hidPerson = true;
    await this.options.setHidden(person, true);
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
    card.replaceChildren(
      this.closeButton(),
      message,
      element(document, 'div', { class: 'actions' }, undo, report),
    );
    message.focus();
  }

  /** A dataset text with its language marked, and "(in English)" when it is a fallback. */
  private localText(
    tag: 'h2' | 'h3' | 'p' | 'span',
    text: LocalText,
    attributes: Record<string, string> = {},
  ): HTMLElement {
    const { document, t } = this.options;
    const created = element(
      document,
      tag,
      { ...attributes, lang: text.lang, dir: 'auto' },
      text.text,
    );
    if (text.lang !== this.options.lang) {
      created.append(' ', element(document, 'span', { class: 'muted' }, t('inEnglish')));
    }
    return created;
  }

  private listenForClose(host: HTMLElement, badge: HTMLButtonElement, signal: AbortSignal): void {
    const { document } = this.options;
    host.addEventListener(
      'keydown',
      (event) => {
        event.stopPropagation();
        if (event.key === 'Escape') this.close(true);
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
  }

  /** Below the badge, kept inside the viewport horizontally; read once per open, not per frame. */
  private position(host: HTMLElement, badge: HTMLButtonElement): void {
    const rect = badge.getBoundingClientRect();
    const width = host.getBoundingClientRect().width;
    const view = this.options.document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(rect.left, view - width - 8));
    host.style.setProperty('left', `${left + window.scrollX}px`, 'important');
    host.style.setProperty('top', `${rect.bottom + 6 + window.scrollY}px`, 'important');
  }
}
