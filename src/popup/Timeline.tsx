import { useId, useState } from 'preact/hooks';
import { localText } from '../dataset/views';
import { useCaseView, type CasePartProps } from './case-view';
import { keyEventIds } from './key-events';
import { eventLabelKey } from './labels';
import { LocalTextView } from './LocalTextView';
import { SourceList } from './SourceList';
import { useUi } from './ui-context';

/** The case's dated events with their sources: the key events first, "Show all" for the rest. */
export function Timeline({ caseFile, sourcesById, nameOf }: CasePartProps) {
  const { t, lang } = useUi();
  const { onReport } = useCaseView();
  const [showAll, setShowAll] = useState(false);
  const keyIds = keyEventIds(caseFile.events);
  const folded = caseFile.events.length - keyIds.size;
  const shown = showAll ? caseFile.events : caseFile.events.filter((event) => keyIds.has(event.id));
  // Unique per drawing: the same case can show twice in one popup.
  const listId = `${useId()}-timeline-${caseFile.id}`;
  return (
    <>
      <h4>{t('caseTimeline')}</h4>
      <ol class="timeline" id={listId}>
        {shown.map((event) => (
          <li key={event.id} class={`event event-${event.kind}`} data-event={event.id}>
            <p class="event-head">
              <time dateTime={event.date} dir="ltr">
                {event.date}
              </time>{' '}
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
      {folded > 0 && (
        <button
          type="button"
          class="secondary show-all"
          aria-expanded={showAll}
          aria-controls={listId}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll
            ? t('timelineKeyOnly')
            : t('timelineShowAll', String(caseFile.events.length), String(folded))}
        </button>
      )}
    </>
  );
}
