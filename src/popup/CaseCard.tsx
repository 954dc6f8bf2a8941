import type { CompiledCase, CompiledIndex } from '../dataset/compiled';
import { localText } from '../dataset/views';
import type { ReportKind } from '../reports/schema';
import { LocalTextView } from './LocalTextView';
import { eventLabelKey, statusLabelKey } from './labels';
import { useUi } from './ui-context';

/** What the report form opens on; the reader can change any of it. */
export interface ReportTarget {
  readonly caseId: string;
  readonly eventId?: string;
  /** The kind to preselect (from the in-page card); otherwise chosen from the event. */
  readonly kind?: ReportKind;
  /** The person a wrong-match report is about (the one the badge named). */
  readonly personId?: string;
}

type Source = CompiledCase['sources'][number];

/**
 * One case, whole: status with its date, summary, and the dated timeline with the sources of
 * every event. Responses and outcomes sit in the timeline beside the allegations, never behind
 * more clicks than they are.
 */
export function CaseCard({
  caseFile,
  index,
  onReport,
}: {
  caseFile: CompiledCase;
  index: CompiledIndex;
  onReport: (target: ReportTarget) => void;
}) {
  const { t, lang } = useUi();
  const sourcesById = new Map(caseFile.sources.map((source) => [source.id, source]));
  const titleId = `case-${caseFile.id}`;
  const nameOf = (personId: string) =>
    localText(index.people.find((person) => person.id === personId)?.name ?? { en: personId }, lang)
      .text;
  const proceedingTitle = (proceedingId: string) =>
    localText(
      caseFile.proceedings.find((proceeding) => proceeding.id === proceedingId)?.title ?? {
        en: proceedingId,
      },
      lang,
    ).text;

  return (
    <article class="case" aria-labelledby={titleId} data-case={caseFile.id}>
      <LocalTextView as="h3" id={titleId} text={localText(caseFile.title, lang)} />
      <p class="case-status">
        <strong>
          {t('statusLabel')}: {t(statusLabelKey(caseFile.status.kind))}
        </strong>{' '}
        <span class="fn-muted">{t('cardAsOf', caseFile.status.asOf)}</span>
      </p>
      <LocalTextView as="p" text={localText(caseFile.status.text, lang)} />
      <SourceList ids={caseFile.status.sources} sourcesById={sourcesById} />
      <LocalTextView as="p" text={localText(caseFile.summary.text, lang)} />
      <SourceList ids={caseFile.summary.sources} sourcesById={sourcesById} />
      {caseFile.noPublicResponse
        .filter((entry) => entry.event === undefined)
        .map((entry) => (
          <p key={`${entry.person}-${entry.proceeding ?? ''}`} class="no-response">
            {entry.proceeding === undefined
              ? t('caseNoResponse', nameOf(entry.person), entry.checked)
              : t(
                  'caseNoResponseProceeding',
                  nameOf(entry.person),
                  proceedingTitle(entry.proceeding),
                  entry.checked,
                )}
          </p>
        ))}
      <h4>{t('caseTimeline')}</h4>
      <ol class="timeline">
        {caseFile.events.map((event) => (
          <li key={event.id} class={`event event-${event.kind}`} data-event={event.id}>
            <p class="event-head">
              <time dateTime={event.date}>{event.date}</time>{' '}
              <span class="event-kind">{t(eventLabelKey(event.kind))}</span>
            </p>
            <LocalTextView as="p" text={localText(event.text, lang)} />
            <SourceList ids={event.sources} sourcesById={sourcesById} />
            {caseFile.noPublicResponse
              .filter((entry) => entry.event === event.id)
              .map((entry) => (
                <p key={entry.person} class="no-response">
                  {t('caseNoResponseEvent', nameOf(entry.person), entry.checked)}
                </p>
              ))}
            <button
              type="button"
              class="link-button small"
              onClick={() => onReport({ caseId: caseFile.id, eventId: event.id })}
            >
              {t('caseReportEvent')}
            </button>
          </li>
        ))}
      </ol>
      <p class="fn-muted review-dates">
        {t('cardLatestReport', caseFile.newestSourceFound)}
        <br />
        {t(
          caseFile.reviewMethod === 'live-check' ? 'cardReviewedLive' : 'cardReviewedStored',
          caseFile.lastReviewed,
        )}
      </p>
      <button type="button" class="secondary" onClick={() => onReport({ caseId: caseFile.id })}>
        {t('cardReport')}
      </button>
    </article>
  );
}

function SourceList({
  ids,
  sourcesById,
}: {
  ids: readonly string[];
  sourcesById: Map<string, Source>;
}) {
  const { t } = useUi();
  return (
    <ul class="sources" aria-label={t('cardSources')}>
      {ids.map((id) => {
        const source = sourcesById.get(id);
        if (!source) return null;
        return (
          <li key={id}>
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.title}
            </a>{' '}
            <span class="fn-muted">
              — {source.publisher}
              {source.date ? `, ${source.date}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
