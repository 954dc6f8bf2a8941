import { useState } from 'preact/hooks';
import type { CompiledIndex } from '../dataset/compiled';
import { localText } from '../dataset/views';
import type { OutboxEntry, OutboxView } from '../messages';
import type { Report } from '../reports/schema';
import { sendFailureText, sendRefusalText } from '../ui/error-text';
import { personName } from '../ui/person-name';
import { directionOf } from '../ui/text-language';
import { useUi } from './ui-context';

export interface OutboxProps {
  readonly view: OutboxView;
  /** The dataset in use, for case titles and names; ids are shown while it is not loaded. */
  readonly index: CompiledIndex | null;
  sendNow(): void;
  remove(id: string): void;
}

/** The reader's reports and where each stands; copy or download them whatever the state. */
export function Outbox({ view, index, sendNow, remove }: OutboxProps) {
  const { t } = useUi();
  const [copied, setCopied] = useState(false);
  const reports = view.entries.map((entry) => entry.report);
  const json = JSON.stringify(reports, null, 2);
  // The reader's own calendar day, written as the UI's language writes dates.
  const localDate = (time: number) =>
    new Intl.DateTimeFormat(document.documentElement.lang || 'en', { dateStyle: 'medium' }).format(
      time,
    );

  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = 'footnote-reports.json';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <section class="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outboxTitle')}</h2>
      {!view.endpointConfigured && <p class="notice">{t('outboxNoEndpoint')}</p>}
      {view.entries.length === 0 ? (
        <p>{t('outboxEmpty')}</p>
      ) : (
        <>
          <ul class="outbox-list">
            {view.entries.map((entry) => (
              <li key={entry.report.id} data-report={entry.report.id} data-state={entry.state.kind}>
                <ReportSummary report={entry.report} index={index} />
                <p class="report-state">{stateText(entry, t, localDate)}</p>
                <button
                  type="button"
                  class="link-button small"
                  onClick={() => remove(entry.report.id)}
                >
                  {t('outboxDelete')}
                </button>
              </li>
            ))}
          </ul>
          <div class="actions">
            {view.endpointConfigured && (
              <button type="button" class="secondary" onClick={sendNow}>
                {t('outboxSendNow')}
              </button>
            )}
            <button
              type="button"
              class="secondary"
              onClick={() => void navigator.clipboard.writeText(json).then(() => setCopied(true))}
            >
              {t('outboxCopy')}
            </button>
            <button type="button" class="secondary" onClick={download}>
              {t('outboxDownload')}
            </button>
            {copied && <span role="status">{t('outboxCopied')}</span>}
          </div>
        </>
      )}
    </section>
  );
}

/**
 * Which case (and event) a report is about, and its link or, for a wrong match or a correction,
 * the person: by title and name in the reader's language, by id only where the dataset no longer has them.
 */
function ReportSummary({ report, index }: { report: Report; index: CompiledIndex | null }) {
  const { t, lang } = useUi();
  const caseFile = index?.cases.find((candidate) => candidate.id === report.caseId);
  const title = caseFile ? localText(caseFile.title, lang) : { text: report.caseId, lang: 'en' };
  const caseTitle = (
    <strong lang={title.lang} dir={directionOf(title.lang)}>
      {title.text}
    </strong>
  );
  if (report.kind === 'wrong-match' || report.kind === 'correction') {
    const kind = report.kind === 'correction' ? 'reportKind_correction' : 'reportKind_wrong_match';
    const name = personName(index, report.personId, lang);
    return (
      <p>
        {caseTitle} · {t(kind)}:{' '}
        <span lang={name.lang} dir={directionOf(name.lang)}>
          {name.text}
        </span>
      </p>
    );
  }
  const event = caseFile?.events.find((candidate) => candidate.id === report.eventId);
  return (
    <>
      <p>
        {caseTitle}
        {event && (
          <>
            {' · '}
            <bdi dir="ltr">{event.date}</bdi>
          </>
        )}
      </p>
      <p class="report-url" dir="ltr">
        {report.sourceUrl}
      </p>
    </>
  );
}

function stateText(
  { state }: OutboxEntry,
  t: ReturnType<typeof useUi>['t'],
  localDate: (time: number) => string,
): string {
  switch (state.kind) {
    case 'waiting':
      return state.lastError
        ? t('outboxWaitingError', sendFailureText(t, state.lastError))
        : t('outboxWaiting');
    case 'sent':
      return t('outboxSent', localDate(state.sentAt));
    case 'refused':
      return t(
        'outboxRefused',
        state.reasons.map((reason) => sendRefusalText(t, reason)).join(' '),
      );
  }
}
