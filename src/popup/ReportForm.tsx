import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledIndex } from '../dataset/compiled';
import { localText } from '../dataset/views';
import {
  createReport,
  REPORT_KINDS,
  type FieldError,
  type Report,
  type ReportKind,
} from '../reports/schema';
import type { MessageKey } from '../ui/i18n';
import { reportErrorText } from '../ui/error-text';
import { VALUE_SLOT, WithValue } from '../ui/with-value';
import type { ReportTarget } from './CaseCard';
import { tickPageAddressBox } from './page-address-consent';
import { useUi } from './ui-context';

export interface ReportFormProps {
  readonly index: CompiledIndex;
  readonly target: ReportTarget;
  /** The address of the reader's page, offered with a box to tick; undefined if not known. */
  loadPageUrl(): Promise<string | undefined>;
  /** The page is in a private window: its address is neither asked for nor offered. */
  readonly privateWindow: boolean;
  submit(report: Report): Promise<{ ok: true } | { ok: false; errors: readonly FieldError[] }>;
  /** After the report is queued: on to the reader's reports. */
  onDone(): void;
  /** Back to where the reader was, with nothing queued. */
  onCancel(): void;
}

const kindKey = (kind: string) => `reportKind_${kind.replaceAll('-', '_')}` as MessageKey;

/**
 * The report form. It checks the report with the same schema the background and the intake
 * service use, shows each problem at its field, and sends nothing until the report is valid.
 * A wrong match names the person instead of a source, so it asks for no source fields.
 */
export function ReportForm({
  index,
  target,
  loadPageUrl,
  privateWindow,
  submit,
  onDone,
  onCancel,
}: ReportFormProps) {
  const { t, lang } = useUi();
  const [pageUrl, setPageUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!privateWindow) void loadPageUrl().then(setPageUrl);
  }, []); // once, when the form opens
  // A source the record lacks is the common report, for an event or for the case as a whole.
  const [kind, setKind] = useState<ReportKind>(target.kind ?? 'missing-source');
  const [caseId, setCaseId] = useState(target.caseId);
  const [eventId, setEventId] = useState(target.eventId ?? '');
  const [chosenPerson, setChosenPerson] = useState(target.personId ?? '');
  const [fields, setFields] = useState({
    sourceUrl: '',
    publisher: '',
    title: '',
    date: '',
    note: '',
  });
  const [includePage, setIncludePage] = useState(false);
  // One id for the form's life: pressing the button twice queues one report, not two.
  const [reportId] = useState(() => crypto.randomUUID());
  // Errors show from the first attempt to send on, and follow every change after it, so an
  // error goes away as soon as its field is fixed.
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<readonly FieldError[]>([]);
  const [queued, setQueued] = useState(false);
  // The background did not answer (the request was rejected): nothing was queued.
  const [unanswered, setUnanswered] = useState(false);
  const caseFile = index.cases.find((candidate) => candidate.id === caseId);
  const wrongMatch = kind === 'wrong-match';
  const correction = kind === 'correction';
  // Tracked people of the case: the only ones a badge can have named, or a correction be from.
  const casePeople = index.people.filter((person) =>
    person.cases.some((entry) => entry.id === caseId),
  );
  const personId = casePeople.some((person) => person.id === chosenPerson)
    ? chosenPerson
    : (casePeople[0]?.id ?? '');

  const checked = createReport(
    {
      kind,
      caseId,
      ...(wrongMatch
        ? { personId, note: fields.note }
        : correction
          ? {
              personId,
              eventId,
              note: fields.note,
              // The link is optional here: an empty field is left out, not refused.
              ...(fields.sourceUrl.trim() && { sourceUrl: fields.sourceUrl }),
            }
          : { eventId, ...fields }),
      ...(includePage && pageUrl ? { pageUrl } : {}),
      datasetVersion: index.datasetVersion,
    },
    { id: reportId, now: Date.now() },
  );
  const shown = refused.length > 0 ? refused : attempted && !checked.ok ? checked.errors : [];
  const errors = new Map(shown.map((error) => [error.field, error]));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    if (!checked.ok) return;
    setUnanswered(false);
    let answer;
    try {
      answer = await submit(checked.report);
    } catch {
      setUnanswered(true);
      return;
    }
    if (answer.ok) setQueued(true);
    else setRefused(answer.errors);
  };
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setRefused([]);
      set(value);
    };

  if (queued) return <ReportQueued onDone={onDone} />;

  const text = (
    name: keyof typeof fields,
    label: MessageKey,
    type: 'text' | 'url' = 'text',
    multiline = false,
  ) => {
    const error = errors.get(name);
    const props = {
      id: `report-${name}`,
      name,
      value: fields[name],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': error ? `report-${name}-error` : undefined,
      onInput: (event: { currentTarget: { value: string } }) =>
        change(setFields)({ ...fields, [name]: event.currentTarget.value }),
    };
    return (
      <div class="field">
        <label for={`report-${name}`}>{t(label)}</label>
        {multiline ? (
          <textarea rows={3} maxLength={1000} {...props} />
        ) : type === 'url' ? (
          <input type="url" {...props} />
        ) : (
          <input type="text" {...props} />
        )}
        {error && (
          <p class="field-error" id={`report-${name}-error`}>
            {reportErrorText(t, error)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      class="report-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="report-form-title"
    >
      <h2 id="report-form-title">
        {t(
          correction
            ? 'reportCorrectionTitle'
            : wrongMatch
              ? 'reportWrongMatchTitle'
              : 'reportTitle',
        )}
      </h2>
      <p class="fn-muted">
        {t(
          correction
            ? 'reportCorrectionIntro'
            : wrongMatch
              ? 'reportWrongMatchIntro'
              : 'reportIntro',
        )}
      </p>
      {errors.size > 0 && (
        <div role="alert">
          <p>{t('reportFixErrors')}</p>
          {/* Problems with what the form has no field for (the case, the kind): said here. */}
          {shown
            .filter((error) => !(error.field in fields))
            .map((error) => (
              <p key={error.field} class="field-error">
                {reportErrorText(t, error)}
              </p>
            ))}
        </div>
      )}
      <fieldset>
        <legend>{t('reportKindLegend')}</legend>
        {REPORT_KINDS.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="kind"
              value={option}
              checked={kind === option}
              onChange={() => change(setKind)(option)}
            />
            {t(kindKey(option))}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="report-case">{t('reportCase')}</label>
        <select
          id="report-case"
          value={caseId}
          onChange={(event) => {
            change(setCaseId)(event.currentTarget.value);
            setEventId('');
          }}
        >
          {index.cases.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {localText(candidate.title, lang).text}
            </option>
          ))}
        </select>
      </div>
      {(wrongMatch || correction) && (
        <div class="field">
          <label for="report-person">
            {t(correction ? 'reportCorrectionPerson' : 'reportPerson')}
          </label>
          <select
            id="report-person"
            value={personId}
            onChange={(event) => change(setChosenPerson)(event.currentTarget.value)}
          >
            {casePeople.map((person) => (
              <option key={person.id} value={person.id}>
                {localText(person.name, lang).text}
              </option>
            ))}
          </select>
        </div>
      )}
      {!wrongMatch && (
        <div class="field">
          <label for="report-event">{t('reportEvent')}</label>
          <select
            id="report-event"
            value={eventId}
            onChange={(event) => change(setEventId)(event.currentTarget.value)}
          >
            <option value="">{t('reportEventNone')}</option>
            {caseFile?.events.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {/* An option holds text only: the date is isolated with LRI…PDI, as <bdi> would. */}
                {`\u2066${candidate.date}\u2069`} —{' '}
                {localText(candidate.text, lang).text.slice(0, 70)}
              </option>
            ))}
          </select>
        </div>
      )}
      {correction && text('sourceUrl', 'reportCorrectionSourceUrl', 'url')}
      {!wrongMatch && !correction && (
        <>
          {text('sourceUrl', 'reportSourceUrl', 'url')}
          {text('publisher', 'reportPublisher')}
          {text('title', 'reportSourceTitle')}
          {text('date', 'reportDate')}
        </>
      )}
      {text('note', correction ? 'reportCorrectionNote' : 'reportNote', 'text', true)}
      {privateWindow && <p class="fn-muted private-window">{t('reportPrivateWindow')}</p>}
      {pageUrl && (
        <label class="include-page">
          <input
            type="checkbox"
            checked={includePage}
            onChange={(event) =>
              void tickPageAddressBox(event.currentTarget).then(change(setIncludePage))
            }
          />
          <span>
            <WithValue text={t('reportIncludePage', VALUE_SLOT)} value={pageUrl} />
          </span>
        </label>
      )}
      {unanswered && (
        <p role="alert" class="field-error" data-error="no-answer">
          {t('reportQueueFailed')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('reportSubmit')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('reportCancel')}
        </button>
      </div>
    </form>
  );
}

/** Said once the report is in the outbox, with the way to it. */
function ReportQueued({ onDone }: { onDone(): void }) {
  const { t } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the reader was in is gone: bring focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="report-queued" role="status" aria-labelledby="report-queued-title">
      <h2 id="report-queued-title" tabIndex={-1} ref={heading}>
        {t('reportAdded')}
      </h2>
      <p>{t('reportAddedNext')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onDone}>
          {t('reportShowOutbox')}
        </button>
      </div>
    </section>
  );
}
