import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompiledIndex } from '../dataset/compiled';
import { localText } from '../dataset/views';
import type {
  DatasetAnswer,
  DatasetError,
  DatasetUnavailable,
  FullViewReport,
  OutboxView,
  TabState,
} from '../messages';
import type { FieldError, Report } from '../reports/schema';
import {
  RELEVANCE_MODES,
  supportRegion,
  withoutSite,
  type RelevanceMode,
  type Settings,
} from '../settings';
import { datasetErrorText } from '../ui/error-text';
import { RELEVANCE_LABELS } from '../ui/relevance-labels';
import { CaseCard, type ReportTarget } from './CaseCard';
import { LocalTextView } from './LocalTextView';
import { Outbox } from './Outbox';
import { ReportForm } from './ReportForm';
import { searchDataset } from './search';
import { SupportResources } from './SupportResources';
import { UiContext, useUi, type Ui } from './ui-context';

export interface TabInfo {
  readonly tabId: number;
  /** The tab's host name, where the browser lets the popup see it. */
  readonly host: string | undefined;
  /** The tab's site as a permission pattern (`https://host/*`), where known. */
  readonly site: string | undefined;
  /** In a private (incognito) window: a report from it never keeps the page address. */
  readonly privateWindow: boolean;
  readonly state: TabState | null;
}

export interface PopupApi {
  readonly ui: Ui;
  /** The browser's language, for the default support region. */
  readonly browserLanguage: string;
  /** A person to show first (the full view opened from an in-page card). */
  readonly initialPerson: string | undefined;
  /** Open the report form of this kind for that person's first case at once. */
  readonly initialReport: FullViewReport | undefined;
  loadTab(): Promise<TabInfo | null>;
  /**
   * Asks the reader's permission for the tab's site and, if given, turns Footnote on there.
   * Must be called straight from the click: browsers ask only in answer to a user action.
   */
  runOnSite(tab: TabInfo): Promise<boolean>;
  /** Asks the tab's content script for the page address (for the report form's opt-in box). */
  pageAddress(tabId: number): Promise<string | undefined>;
  loadDataset(): Promise<DatasetAnswer | DatasetUnavailable>;
  loadSettings(): Promise<Settings>;
  saveSettings(change: Partial<Settings>): Promise<Settings>;
  openOptions(): Promise<void>;
  loadOutbox(): Promise<OutboxView>;
  /** Calls back whenever the outbox changes (a report sent in the background); returns the unsubscribe. */
  watchOutbox(onChange: () => void): () => void;
  addReport(
    report: Report,
    privateWindow: boolean,
  ): Promise<{ ok: true } | { ok: false; errors: readonly FieldError[] }>;
  sendReportsNow(): Promise<OutboxView>;
  deleteReport(id: string): Promise<OutboxView>;
}

type View = { kind: 'context' } | { kind: 'report'; target: ReportTarget } | { kind: 'outbox' };

type Load<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

function useLoad<T>(load: () => Promise<T>): Load<T> {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  useEffect(() => {
    load().then(
      (value) => setState({ status: 'ready', value }),
      (error: unknown) => setState({ status: 'error', error: String(error) }),
    );
  }, [load]);
  return state;
}

export function Popup({ api }: { api: PopupApi }) {
  const { t } = api.ui;
  const tab = useLoad(api.loadTab);
  const privateWindow = tab.status === 'ready' && tab.value?.privateWindow === true;
  const dataset = useLoad(api.loadDataset);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | undefined>(api.initialPerson);
  const [view, setView] = useState<View>({ kind: 'context' });
  const [outbox, setOutbox] = useState<OutboxView | null>(null);
  useEffect(() => void api.loadSettings().then(setSettings), [api]);
  useEffect(() => {
    const reload = () => void api.loadOutbox().then(setOutbox);
    reload();
    return api.watchOutbox(reload);
  }, [api]);
  const save = (change: Partial<Settings>) => void api.saveSettings(change).then(setSettings);
  const report = (target: ReportTarget) => setView({ kind: 'report', target });

  const index = dataset.status === 'ready' && 'index' in dataset.value ? dataset.value.index : null;
  useEffect(() => {
    const person = index?.people.find((candidate) => candidate.id === api.initialPerson);
    const firstCase = person?.cases[0];
    if (api.initialReport && person && firstCase) {
      report({ caseId: firstCase.id, kind: api.initialReport, personId: person.id });
    }
  }, [index, api]);
  const datasetError: DatasetError | null =
    dataset.status === 'error'
      ? { code: 'no-answer' }
      : dataset.status === 'ready' && 'error' in dataset.value
        ? dataset.value.error
        : null;

  return (
    <UiContext.Provider value={api.ui}>
      <main class="popup">
        <header class="popup-header">
          <h1>{t('popupTitle')}</h1>
          <button type="button" class="link-button" onClick={() => void api.openOptions()}>
            {t('popupOpenOptions')}
          </button>
        </header>
        {datasetError !== null && (
          <p role="alert" class="error">
            {t('popupDatasetError', datasetErrorText(t, datasetError))}
          </p>
        )}
        {tab.status === 'error' && (
          <p role="alert" class="error">
            {t('popupError')}
          </p>
        )}
        {/* After the tab is known: the form asks that tab for its address once, when it opens. */}
        {index && view.kind === 'report' && tab.status !== 'loading' && (
          <ReportForm
            index={index}
            target={view.target}
            loadPageUrl={() =>
              tab.status === 'ready' && tab.value
                ? api.pageAddress(tab.value.tabId)
                : Promise.resolve(undefined)
            }
            privateWindow={privateWindow}
            submit={(report) => api.addReport(report, privateWindow)}
            onDone={() => {
              void api.loadOutbox().then(setOutbox);
              setView({ kind: 'outbox' });
            }}
          />
        )}
        {view.kind === 'outbox' && outbox && (
          <>
            <button type="button" class="link-button" onClick={() => setView({ kind: 'context' })}>
              {t('popupBack')}
            </button>
            <Outbox
              view={outbox}
              index={index}
              sendNow={() => void api.sendReportsNow().then(setOutbox)}
              remove={(id) => void api.deleteReport(id).then(setOutbox)}
            />
          </>
        )}
        {index && view.kind === 'context' && (
          <>
            <label class="search">
              <span>{t('popupSearchLabel')}</span>
              <input
                type="search"
                value={query}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            </label>
            {query.trim().length >= 2 ? (
              <SearchResults index={index} query={query} onReport={report} />
            ) : selected ? (
              <PersonView
                index={index}
                personId={selected}
                onReport={report}
                onBack={() => setSelected(undefined)}
              />
            ) : (
              tab.status === 'ready' && (
                <TabPeople
                  index={index}
                  tab={tab.value}
                  onReport={report}
                  runOnSite={api.runOnSite}
                />
              )
            )}
            {tab.status === 'ready' &&
              tab.value?.host &&
              settings &&
              tab.value.state?.contentScriptReady && (
                <SiteMode host={tab.value.host} settings={settings} onChange={save} />
              )}
            {outbox && outbox.entries.length > 0 && (
              <button type="button" class="link-button" onClick={() => setView({ kind: 'outbox' })}>
                {t('popupReports')} ({outbox.entries.length})
              </button>
            )}
            {settings && (
              <SupportResources
                index={index}
                region={supportRegion(settings, api.browserLanguage)}
                onRegionChange={(region) => save({ region })}
              />
            )}
          </>
        )}
        {(tab.status === 'loading' || dataset.status === 'loading') && (
          <p class="fn-muted">{t('popupLoading')}</p>
        )}
      </main>
    </UiContext.Provider>
  );
}

function TabPeople({
  index,
  tab,
  onReport,
  runOnSite,
}: {
  index: CompiledIndex;
  tab: TabInfo | null;
  onReport: (target: ReportTarget) => void;
  runOnSite: (tab: TabInfo) => Promise<boolean>;
}) {
  const { t } = useUi();
  if (!tab?.state?.contentScriptReady) {
    return (
      <div data-testid="tab-status">
        <p>{t('popupNotRunning')}</p>
        {tab?.site && tab.host && <RunOnSite tab={tab} host={tab.host} runOnSite={runOnSite} />}
      </div>
    );
  }
  const found = tab.state.peopleFound;
  return (
    <section data-testid="tab-status" aria-labelledby="on-this-page">
      <h2 id="on-this-page">{t('popupOnThisPage')}</h2>
      <p class="fn-muted">
        {t('popupRunning')} {t('popupPeopleFound', String(found.length))}
      </p>
      {found.length === 0 ? (
        <p>
          {t('popupNothingFound')} <a href="#support">{t('popupSupportLink')}</a>
        </p>
      ) : (
        found.map((personId) => (
          <PersonView key={personId} index={index} personId={personId} onReport={onReport} />
        ))
      )}
    </section>
  );
}

function RunOnSite({
  tab,
  host,
  runOnSite,
}: {
  tab: TabInfo;
  host: string;
  runOnSite: (tab: TabInfo) => Promise<boolean>;
}) {
  const { t } = useUi();
  const [outcome, setOutcome] = useState<'running' | 'refused' | undefined>(undefined);
  if (outcome === 'running') return <p role="status">{t('popupRunOnSiteDone')}</p>;
  return (
    <>
      <p class="fn-muted">{t('popupRunOnSiteHelp')}</p>
      <button
        type="button"
        class="primary"
        onClick={() => void runOnSite(tab).then((ok) => setOutcome(ok ? 'running' : 'refused'))}
      >
        {t('popupRunOnSite', host)}
      </button>
      {outcome === 'refused' && <p role="status">{t('popupRunOnSiteRefused')}</p>}
    </>
  );
}

function PersonView({
  index,
  personId,
  onReport,
  onBack,
}: {
  index: CompiledIndex;
  personId: string;
  onReport: (target: ReportTarget) => void;
  onBack?: () => void;
}) {
  const { t, lang } = useUi();
  const person = index.people.find((candidate) => candidate.id === personId);
  if (!person) return null;
  const caseIds = new Set(person.cases.map((entry) => entry.id));
  return (
    <section class="person" data-person={person.id} aria-labelledby={`person-${person.id}`}>
      {onBack && (
        <button type="button" class="link-button" onClick={onBack}>
          {t('popupBack')}
        </button>
      )}
      <LocalTextView as="h2" id={`person-${person.id}`} text={localText(person.name, lang)} />
      <LocalTextView as="p" class="fn-muted" text={localText(person.descriptor, lang)} />
      {index.cases
        .filter((caseFile) => caseIds.has(caseFile.id))
        .map((caseFile) => (
          <CaseCard key={caseFile.id} caseFile={caseFile} index={index} onReport={onReport} />
        ))}
    </section>
  );
}

function SearchResults({
  index,
  query,
  onReport,
}: {
  index: CompiledIndex;
  query: string;
  onReport: (target: ReportTarget) => void;
}) {
  const { t } = useUi();
  const results = useMemo(() => searchDataset(index, query), [index, query]);
  if (results.length === 0) return <p role="status">{t('popupSearchNoResults', query.trim())}</p>;
  return (
    <div role="region" aria-label={t('popupSearchResults')}>
      {results.map((result) =>
        result.kind === 'person' ? (
          <PersonView key={result.id} index={index} personId={result.id} onReport={onReport} />
        ) : (
          <CaseCard
            key={result.id}
            caseFile={
              index.cases.find(
                (caseFile) => caseFile.id === result.id,
              ) as CompiledIndex['cases'][number]
            }
            index={index}
            onReport={onReport}
          />
        ),
      )}
    </div>
  );
}

function SiteMode({
  host,
  settings,
  onChange,
}: {
  host: string;
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}) {
  const { t } = useUi();
  const current = settings.sites[host];
  const choose = (value: string) =>
    onChange({
      sites:
        value === 'default'
          ? withoutSite(settings.sites, host)
          : { ...settings.sites, [host]: value as RelevanceMode },
    });
  return (
    <label class="inline-field site-mode">
      {t('popupSiteMode', host)}{' '}
      <select value={current ?? 'default'} onChange={(event) => choose(event.currentTarget.value)}>
        <option value="default">{t('popupSiteDefault')}</option>
        {RELEVANCE_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(RELEVANCE_LABELS[mode])}
          </option>
        ))}
      </select>
    </label>
  );
}
