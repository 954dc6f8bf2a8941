import { useState } from 'preact/hooks';
import type { CompiledCase } from '../dataset/compiled';
import { localText } from '../dataset/views';
import { personName } from '../ui/person-name';
import { VALUE_SLOT, WithValue } from '../ui/with-value';
import { useCaseView, type CasePartProps } from './case-view';
import { roleLabelKey, statusLabelKey } from './labels';
import { directionOf } from '../ui/text-language';
import { LocalTextView } from './LocalTextView';
import { SourceList } from './SourceList';
import { Timeline } from './Timeline';
import { useUi } from './ui-context';

/** The report form takes its target from here. */
export type { ReportTarget } from './case-view';

/**
 * A case can be drawn twice in one popup (on this page and in search results): its ids carry the
 * prefix of the list it is in, so each label and control points at its own card.
 */
export const caseCardId = (idPrefix: string, caseId: string) => `${idPrefix}-case-card-${caseId}`;

/**
 * One case, drawn once: its people with their roles, the status with its date and sources, then
 * the summary and the timeline. Responses and outcomes sit in the timeline beside the allegations.
 * In gentle mode the status and its sources stay in view; the rest waits behind a content note.
 */
export function CaseCard({
  caseFile,
  idPrefix,
}: {
  caseFile: CompiledCase;
  /** Unique per list of cards (see `caseCardId`). */
  idPrefix: string;
}) {
  const { t, lang } = useUi();
  const { index, onReport, gentle, caseLink } = useCaseView();
  const [detailsShown, setDetailsShown] = useState(false);
  const sourcesById = new Map(caseFile.sources.map((source) => [source.id, source]));
  const titleId = `${idPrefix}-case-${caseFile.id}`;
  const nameOf = (personId: string) => personName(index, personId, lang).text;
  const link = caseLink(caseFile.id);

  return (
    <article
      class="case"
      id={caseCardId(idPrefix, caseFile.id)}
      aria-labelledby={titleId}
      data-case={caseFile.id}
    >
      <LocalTextView as="h3" id={titleId} text={localText(caseFile.title, lang)} />
      <ul class="case-people" aria-label={t('casePeople')}>
        {caseFile.people.map((entry) => {
          const name = personName(index, entry.person, lang);
          return (
            <li key={entry.person}>
              <bdi lang={name.lang} dir={directionOf(name.lang)}>
                {name.text}
              </bdi>
              : {t(roleLabelKey(entry.role))}
            </li>
          );
        })}
      </ul>
      <p class="case-status">
        <strong>
          {t('statusLabel')}: {t(statusLabelKey(caseFile.status.kind))}
        </strong>{' '}
        <span class="fn-muted">
          <WithValue text={t('cardAsOf', VALUE_SLOT)} value={caseFile.status.asOf} />
        </span>
      </p>
      <LocalTextView as="p" text={localText(caseFile.status.text, lang)} />
      <SourceList ids={caseFile.status.sources} sourcesById={sourcesById} />
      {gentle && !detailsShown ? (
        <div class="content-note">
          <p>{t('gentleContentNote')}</p>
          <button type="button" class="secondary" onClick={() => setDetailsShown(true)}>
            {t('gentleShowDetails')}
          </button>
        </div>
      ) : (
        <CaseDetails caseFile={caseFile} sourcesById={sourcesById} nameOf={nameOf} />
      )}
      <p class="fn-muted review-dates">
        <WithValue text={t('cardLatestReport', VALUE_SLOT)} value={caseFile.newestSourceFound} />
        <br />
        <WithValue
          text={t(
            caseFile.reviewMethod === 'live-check' ? 'cardReviewedLive' : 'cardReviewedStored',
            VALUE_SLOT,
          )}
          value={caseFile.lastReviewed}
        />
      </p>
      <p class="actions">
        <button type="button" class="secondary" onClick={() => onReport({ caseId: caseFile.id })}>
          {t('cardReport')}
        </button>
        <a
          class="case-link"
          href={link.href}
          {...(link.newTab ? { target: '_blank', rel: 'noopener' } : {})}
        >
          {t('caseOpenFullView')}
        </a>
      </p>
    </article>
  );
}

/** What gentle mode folds: the summary, any "no public response found", the timeline. */
function CaseDetails({ caseFile, sourcesById, nameOf }: CasePartProps) {
  const { t, lang } = useUi();
  const proceedingTitle = (proceedingId: string) =>
    localText(
      caseFile.proceedings.find((proceeding) => proceeding.id === proceedingId)?.title ?? {
        en: proceedingId,
      },
      lang,
    ).text;
  return (
    <div class="case-details">
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
      <Timeline caseFile={caseFile} sourcesById={sourcesById} nameOf={nameOf} />
    </div>
  );
}
