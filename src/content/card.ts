/**
 * The in-page card a badge opens: who the person is, each case's status with its date, a
 * neutral summary, sources, when it was last reviewed, and the ways on (all context, report a
 * missing source). One card at a time, anchored to its badge. Escape or a click outside closes
 * it and gives focus back to the badge.
 */
import type { DatasetUnavailable, LocalText, PersonCard } from '../messages';
import { isDatasetUnavailable } from '../messages';
import type { Translate } from '../ui/i18n';
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
  readonly openFullView: (person: string, report: boolean) => void;
}

export class Card {
  private open:
    { host: HTMLElement; badge: HTMLButtonElement; closeListeners: AbortController } | undefined;

  constructor(private readonly options: CardOptions) {
    options.context.onAbort(() => this.close(false));
  }

  /** Opens the card for `person` at `badge`; a second press on the same badge closes it. */
  toggle(person: string, badge: HTMLButtonElement): void {
    const wasOpenHere = this.open?.badge === badge;
    this.close(false);
    if (!wasOpenHere) void this.show(person, badge);
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

  private async show(person: string, badge: HTMLButtonElement): Promise<void> {
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
    this.open = { host, badge, closeListeners };
    badge.setAttribute('aria-expanded', 'true');
    this.listenForClose(host, badge, closeListeners.signal);

    let result: PersonCard | DatasetUnavailable | null;
    try {
      result = await this.options.loadCard(person);
    } catch {
      result = { error: t('cardError') };
    }
    if (this.open?.host !== host) return; // closed while loading
    card.replaceChildren(...this.content(result, person, card));
    this.position(host, badge);
    const heading = card.querySelector('h2');
    (heading ?? card).focus();
  }

  private content(
    result: PersonCard | DatasetUnavailable | null,
    person: string,
    card: HTMLElement,
  ): Node[] {
    const { document, t } = this.options;
    const closeButton = element(
      document,
      'button',
      { type: 'button', class: 'close', 'aria-label': t('cardClose') },
      '×',
    );
    closeButton.addEventListener('click', () => this.close(true));
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
    ];
    for (const caseCard of result.cases) {
      nodes.push(
        this.localText('h3', caseCard.title),
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
    allContext.addEventListener('click', () => this.options.openFullView(person, false));
    const report = element(document, 'button', { type: 'button' }, t('cardReport'));
    report.addEventListener('click', () => this.options.openFullView(person, true));
    nodes.push(element(document, 'div', { class: 'actions' }, allContext, report));
    return nodes;
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
