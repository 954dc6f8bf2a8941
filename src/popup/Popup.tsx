import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompiledIndex } from '../dataset/compiled';
import { fullViewPath, type FullViewTarget } from '../full/link';
import type {
  DatasetAnswer,
  DatasetError,
  DatasetUnavailable,
  FullViewReport,
  OutboxView,
} from '../messages';
import type { FieldError, Report } from '../reports/schema';
import { supportRegion, type Settings, type SiteMode } from '../settings';
import { datasetErrorText } from '../ui/error-text';
import { CaseViewContext, type CaseView, type ReportTarget } from './case-view';
import { LinkedRecord } from './LinkedRecord';
import { Outbox } from './Outbox';
import { PageStatus } from './PageStatus';
import { PeopleAndCases } from './PeopleAndCases';
import { ReportForm } from './ReportForm';
import { searchDataset } from './search';
import { SupportResources } from './SupportResources';
import type { TabInfo } from './tab-info';
import { UiContext, useUi, type Ui } from './ui-context';

export interface PopupApi {
  readonly ui: Ui;
  /** The toolbar popup, or the same parts laid out for a wide tab (the full view). */
  readonly layout: 'popup' | 'full';
  /** The browser's language, for the default support region. */
  readonly browserLanguage: string;
  /** A person or case to show first (a full-view link, or the in-page card's "All context"). */
  readonly target: FullViewTarget | undefined;
  /** Open the report form of this kind for the target person's first case at once. */
  readonly initialReport: FullViewReport | undefined;
  /** The address of an extension page, such as a case's full view. */
  extensionUrl(path: string): string;
  /** The tab described; null when there is none (a full view opened from a link). */
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
  /** For settings that are not about a site (those are `setSiteMode`'s). */
  saveSettings(change: Partial<Settings>): Promise<Settings>;
  /** Sets the tab's site's mode: stored, or for the session only in a private window. */
  setSiteMode(host: string, mode: SiteMode): Promise<Settings>;
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

/**
 * The popup, top to bottom: what Footnote does on this tab (with the per-site switch), the
 * people on the page and their cases, search, support resources and the reader's reports; the
 * report form and the outbox replace them while open. The full view lays the same parts out for a wide tab.
 */
export function Popup({ api }: { api: PopupApi }) {
  const { t } = api.ui;
  const tab = useLoad(api.loadTab);
  const privateWindow = tab.status === 'ready' && tab.value?.privateWindow === true;
  const dataset = useLoad(api.loadDataset);
  const [settings, setSettings] = useState<Settings | null>(null);
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
  const tabInfo = tab.status === 'ready' ? tab.value : null;
  useEffect(() => {
    const { target, initialReport } = api;
    const person =
      target?.kind === 'person'
        ? index?.people.find((candidate) => candidate.id === target.id)
        : undefined;
    const firstCase = person?.cases[0];
    if (initialReport && person && firstCase) {
      report({ caseId: firstCase.id, kind: initialReport, personId: person.id });
    }
  }, [index, api]);
  const datasetError: DatasetError | null =
    dataset.status === 'error'
      ? { code: 'no-answer' }
      : dataset.status === 'ready' && 'error' in dataset.value
        ? dataset.value.error
        : null;
  const caseView: CaseView | null =
    index && settings
      ? {
          index,
          onReport: report,
          gentle: settings.gentle,
          caseLink: (caseId) => ({
            href: api.extensionUrl(fullViewPath({ kind: 'case', id: caseId })),
            newTab: api.layout === 'popup',
          }),
        }
      : null;

  return (
    <UiContext.Provider value={api.ui}>
      <main class={`popup layout-${api.layout}`}>
        <header class="popup-header">
          <h1>{t('popupTitle')}</h1>
          <nav class="popup-nav" aria-label={t('popupTitle')}>
            {view.kind === 'context' && <a href="#support">{t('popupSupportLink')}</a>}
            {outbox && outbox.entries.length > 0 && (
              <button type="button" class="link-button" onClick={() => setView({ kind: 'outbox' })}>
                {t('popupReports')} ({outbox.entries.length})
              </button>
            )}
            <button type="button" class="link-button" onClick={() => void api.openOptions()}>
              {t('popupOpenOptions')}
            </button>
          </nav>
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
            onCancel={() => setView({ kind: 'context' })}
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
        {/* Search and help stay even when the tab cannot be read. */}
        {caseView && settings && view.kind === 'context' && tab.status !== 'loading' && (
          <CaseViewContext.Provider value={caseView}>
            <div class="record">
              <PageStatus
                tab={api.layout === 'full' && tabInfo === null ? undefined : tabInfo}
                settings={settings}
                onChange={save}
                setSiteMode={(host, mode) => void api.setSiteMode(host, mode).then(setSettings)}
                runOnSite={api.runOnSite}
              />
              {/* A linked person or case is what the reader asked for; the page's list would repeat it. */}
              {api.target ? (
                <LinkedRecord target={api.target} />
              ) : (
                tabInfo?.state?.contentScriptReady && (
                  <OnThisPage peopleFound={tabInfo.state.peopleFound} />
                )
              )}
            </div>
            <div class="aside">
              <SearchSection index={caseView.index} />
              <SupportResources
                index={caseView.index}
                settings={settings}
                region={supportRegion(settings, api.browserLanguage)}
                save={save}
              />
              <ReportsSection outbox={outbox} open={() => setView({ kind: 'outbox' })} />
            </div>
          </CaseViewContext.Provider>
        )}
        {(tab.status === 'loading' || dataset.status === 'loading' || settings === null) && (
          <p class="fn-muted">{t('popupLoading')}</p>
        )}
      </main>
    </UiContext.Provider>
  );
}

/** The people found on the tab. With one case it is open at once; with several, rows fold them. */
function OnThisPage({ peopleFound }: { peopleFound: readonly string[] }) {
  const { t } = useUi();
  return (
    <section class="on-this-page" aria-labelledby="on-this-page">
      <h2 id="on-this-page">{t('popupOnThisPage')}</h2>
      {peopleFound.length === 0 ? (
        <p>
          {t('popupNothingFound')} <a href="#support">{t('popupSupportLink')}</a>
        </p>
      ) : (
        <PeopleAndCases personIds={peopleFound} open="when-one-case" />
      )}
    </section>
  );
}

/**
 * The reader's reports, always in the popup (after search and help): how many there are and
 * how reporting works, with the way to the list (where each report's state is shown).
 */
function ReportsSection({ outbox, open }: { outbox: OutboxView | null; open(): void }) {
  const { t } = useUi();
  const count = outbox?.entries.length ?? 0;
  return (
    <section class="reports-section" aria-labelledby="reports-section-title">
      <h2 id="reports-section-title">{t('popupReports')}</h2>
      <p>{count === 0 ? t('popupReportsNone') : t('popupReportsCount', String(count))}</p>
      <p class="fn-muted">{t('popupReportsHow')}</p>
      {outbox && (
        <button type="button" class="secondary" onClick={open}>
          {t('popupReportsOpen')}
        </button>
      )}
    </section>
  );
}

function SearchSection({ index }: { index: CompiledIndex }) {
  const { t } = useUi();
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  return (
    <section class="search-section" role="search">
      <label class="search">
        <span>{t('popupSearchLabel')}</span>
        <input
          type="search"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      {trimmed.length >= 2 && <SearchResults key={trimmed} index={index} query={trimmed} />}
    </section>
  );
}

function SearchResults({ index, query }: { index: CompiledIndex; query: string }) {
  const { t } = useUi();
  const results = useMemo(() => searchDataset(index, query), [index, query]);
  if (results.length === 0) return <p role="status">{t('popupSearchNoResults', query)}</p>;
  const ids = (kind: 'person' | 'case') =>
    results.filter((result) => result.kind === kind).map((result) => result.id);
  return (
    <div role="region" aria-label={t('popupSearchResults')}>
      <PeopleAndCases personIds={ids('person')} caseIds={ids('case')} open="always" />
    </div>
  );
}
