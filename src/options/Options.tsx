import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CompiledIndex } from '../dataset/compiled';
import type { DatasetLanguage } from '../dataset/views';
import type { DatasetAnswer, DatasetUnavailable, UpdateStatus } from '../messages';
import { addressProblem, RELEVANCE_MODES, withoutSite, type Settings } from '../settings';
import type { Translate } from '../ui/i18n';
import { datasetErrorText, updateFailureText } from '../ui/error-text';
import { RELEVANCE_LABELS } from '../ui/relevance-labels';
import { GentleChoice, RegionChoice, resourceRegions } from '../ui/SettingChoices';
import { SupportedSites } from '../ui/SupportedSites';
import { personName } from '../ui/person-name';
import { directionOf } from '../ui/text-language';
import { VALUE_SLOT, WithValue } from '../ui/with-value';
import type { SupportedSite } from '../supported-sites';

export interface OptionsApi {
  readonly t: Translate;
  /** The language people's names are shown in. */
  readonly lang: DatasetLanguage;
  /** The sites Footnote runs on by default (from the manifest). */
  readonly supportedSites: readonly SupportedSite[];
  /** Store builds: addresses must be https (see `addressProblem`). */
  readonly httpsOnly: boolean;
  load(): Promise<Settings>;
  save(change: Partial<Settings>): Promise<Settings>;
  /** Undoes "Not this person": shows the person's badges on the site again. */
  showPersonAgain(host: string, person: string): Promise<Settings>;
  loadDataset(): Promise<DatasetAnswer | DatasetUnavailable>;
  updateStatus(): Promise<UpdateStatus>;
  /** Site patterns the reader turned Footnote on for, and turning one off again. */
  extraSites(): Promise<readonly string[]>;
  disableSite(pattern: string): Promise<readonly string[]>;
  checkNow(): Promise<UpdateStatus>;
}

type SaveStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

/**
 * Why a setting was not saved, in the reader's language: the error's code where it has one that
 * the catalogue words (a background that did not answer), else a plain sentence; never the raw,
 * English text of an exception.
 */
export function saveFailureText(t: Translate, error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'no-answer'
    ? t('optionsSaveFailed', datasetErrorText(t, { code }))
    : t('optionsSaveFailedGeneric');
}

export function Options({ api }: { api: OptionsApi }) {
  const { t } = api;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dataset, setDataset] = useState<DatasetAnswer | DatasetUnavailable | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  useEffect(() => {
    void api.load().then(setSettings);
    void api.loadDataset().then(setDataset);
  }, [api]);

  const apply = (saving: Promise<Settings>) => {
    saving.then(
      (saved) => {
        setSettings(saved);
        setStatus({ kind: 'saved' });
      },
      (error: unknown) => setStatus({ kind: 'failed', error }),
    );
  };
  const save = (change: Partial<Settings>) => apply(api.save(change));
  const index = dataset && 'index' in dataset ? dataset.index : undefined;

  return (
    <main class="page options">
      <h1>{t('optionsTitle')}</h1>
      {settings && (
        <>
          <fieldset>
            <legend>{t('optionsRelevanceLegend')}</legend>
            {RELEVANCE_MODES.map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name="relevance"
                  value={mode}
                  checked={settings.relevance === mode}
                  onChange={() => save({ relevance: mode })}
                />
                {t(RELEVANCE_LABELS[mode])}
              </label>
            ))}
            <GentleChoice settings={settings} t={t} save={save} />
          </fieldset>
          <section aria-labelledby="supported-sites-title">
            <h2 id="supported-sites-title">{t('sitesLegend')}</h2>
            <SupportedSites sites={api.supportedSites} t={t} headingId="supported-sites-title" />
          </section>
          <SiteChoices settings={settings} t={t} save={save} />
          <HiddenPeople
            settings={settings}
            index={index}
            lang={api.lang}
            t={t}
            showAgain={(host, person) => apply(api.showPersonAgain(host, person))}
          />
          <ExtraSites api={api} />
          <fieldset>
            <legend>{t('optionsRegionLegend')}</legend>
            <RegionChoice settings={settings} t={t} save={save} regions={resourceRegions(index)} />
          </fieldset>
          <AddressField
            legend={t('optionsReportLegend')}
            label={t('optionsReportEndpoint')}
            id="report-endpoint"
            value={settings.reportEndpoint}
            t={t}
            httpsOnly={api.httpsOnly}
            onSave={(reportEndpoint) => save({ reportEndpoint })}
          >
            {settings.reportEndpoint === '' && <p class="fn-muted">{t('optionsReportNotSet')}</p>}
          </AddressField>
          <Updates
            api={api}
            settings={settings}
            save={save}
            onUpdated={() => void api.loadDataset().then(setDataset)}
          />
        </>
      )}
      <p role="status" data-testid="save-status">
        {status.kind === 'saved' && t('optionsSaved')}
        {status.kind === 'failed' && saveFailureText(t, status.error)}
      </p>
      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('optionsAboutLegend')}</h2>
        {dataset && 'index' in dataset && (
          <p data-testid="dataset-about">
            {/* A date written as digits and hyphens: isolated, or Urdu reorders it (03-12-2026). */}
            <WithValue
              text={t(
                'optionsAboutDataset',
                String(dataset.index.datasetVersion),
                VALUE_SLOT,
                String(dataset.index.people.length),
                String(dataset.index.cases.length),
              )}
              value={dataset.index.published}
            />
          </p>
        )}
        {dataset && 'error' in dataset && (
          <p role="alert">{t('popupDatasetError', datasetErrorText(t, dataset.error))}</p>
        )}
        <p>{t('optionsAboutCuration')}</p>
      </section>
    </main>
  );
}

interface SectionProps {
  settings: Settings;
  t: Translate;
  save(change: Partial<Settings>): void;
}

function SiteChoices({ settings, t, save }: SectionProps) {
  const sites = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));
  const forget = (host: string) => save({ sites: withoutSite(settings.sites, host) });
  return (
    <fieldset>
      <legend>{t('optionsSitesLegend')}</legend>
      {sites.length === 0 && <p>{t('optionsSitesNone')}</p>}
      <ul class="sites">
        {sites.map(([host, mode]) => (
          <li key={host}>
            <span dir="ltr">{host}</span>: {t(RELEVANCE_LABELS[mode])}{' '}
            <button type="button" onClick={() => forget(host)}>
              <WithValue text={t('optionsSiteRemove', VALUE_SLOT)} value={host} />
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * The people whose badges the reader hid per site ("Not this person"), by name where the
 * dataset in use still has them (by id where it no longer does), each with a way back.
 */
function HiddenPeople({
  settings,
  index,
  lang,
  t,
  showAgain,
}: {
  settings: Settings;
  index: CompiledIndex | undefined;
  lang: DatasetLanguage;
  t: Translate;
  showAgain(host: string, person: string): void;
}) {
  const sites = Object.entries(settings.hiddenPeople).sort(([a], [b]) => a.localeCompare(b));
  const nameOf = (id: string) => {
    return personName(index, id, lang);
  };
  return (
    <fieldset data-testid="hidden-people">
      <legend>{t('optionsHiddenLegend')}</legend>
      <p>{t(sites.length === 0 ? 'optionsHiddenNone' : 'optionsHiddenHelp')}</p>
      {sites.map(([host, ids]) => (
        <section key={host} data-site={host} aria-labelledby={`hidden-on-${host}`}>
          <h3 id={`hidden-on-${host}`}>
            <span dir="ltr">{host}</span>
          </h3>
          <ul class="sites">
            {ids.map((id) => {
              const name = nameOf(id);
              return (
                <li key={id} data-person={id}>
                  <span lang={name.lang} dir={directionOf(name.lang)}>
                    {name.text}
                  </span>{' '}
                  <button
                    type="button"
                    aria-label={t('optionsHiddenShowLabel', name.text, host)}
                    onClick={() => showAgain(host, id)}
                  >
                    {t('optionsHiddenShow')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </fieldset>
  );
}

function ExtraSites({ api }: { api: OptionsApi }) {
  const { t } = api;
  const [sites, setSites] = useState<readonly string[]>([]);
  useEffect(() => void api.extraSites().then(setSites), [api]);
  return (
    <fieldset>
      <legend>{t('optionsExtraSitesLegend')}</legend>
      {sites.length === 0 && <p>{t('optionsExtraSitesNone')}</p>}
      <ul class="sites">
        {sites.map((pattern) => (
          <li key={pattern}>
            <span dir="ltr">{pattern}</span>{' '}
            <button type="button" onClick={() => void api.disableSite(pattern).then(setSites)}>
              <WithValue text={t('optionsExtraSiteRemove', VALUE_SLOT)} value={pattern} />
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** An address setting (https only in store builds), checked as typed, saved with its own button. */
function AddressField({
  legend,
  label,
  id,
  value: saved,
  t,
  httpsOnly,
  onSave,
  children,
}: {
  legend: string;
  label: string;
  id: string;
  value: string;
  t: Translate;
  httpsOnly: boolean;
  onSave(value: string): void;
  children?: ComponentChildren;
}) {
  const [value, setValue] = useState(saved);
  const problem = addressProblem(value.trim(), httpsOnly);
  const valid = problem === undefined;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) onSave(value.trim());
        }}
      >
        <label for={id}>{label}</label>
        <input
          id={id}
          class="address"
          type="url"
          dir="ltr"
          value={value}
          aria-invalid={valid ? undefined : 'true'}
          aria-describedby={valid ? undefined : `${id}-error`}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        {!valid && (
          <p id={`${id}-error`} class="field-error">
            {t(problem === 'not-https' ? 'optionsAddressNotHttps' : 'optionsInvalidUrl')}
          </p>
        )}
        <button type="submit">{t('optionsSave')}</button>
      </form>
      {children}
    </fieldset>
  );
}

/** Where dataset updates come from, what is in use, and how the last check went. */
function Updates({
  api,
  settings,
  save,
  onUpdated,
}: {
  api: OptionsApi;
  settings: Settings;
  save(change: Partial<Settings>): void;
  onUpdated(): void;
}) {
  const { t } = api;
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => void api.updateStatus().then(setStatus), [api]);
  const checkNow = () => {
    setChecking(true);
    void api
      .checkNow()
      .then((next) => {
        setStatus(next);
        onUpdated();
      })
      .finally(() => setChecking(false));
  };
  const inUse = status?.inUse;
  return (
    <AddressField
      legend={t('optionsUpdatesLegend')}
      label={t('optionsUpdateUrl')}
      id="update-url"
      value={settings.updateUrl}
      t={t}
      httpsOnly={api.httpsOnly}
      onSave={(updateUrl) => save({ updateUrl })}
    >
      <button type="button" onClick={checkNow} disabled={checking}>
        {t('optionsCheckNow')}
      </button>
      <div data-testid="update-status" role="status">
        {inUse && (
          <p>
            <WithValue
              text={t(
                'optionsInUse',
                String(inUse.datasetVersion),
                VALUE_SLOT,
                t(inUse.source === 'update' ? 'optionsSourceUpdate' : 'optionsSourceBundled'),
              )}
              value={inUse.published}
            />
          </p>
        )}
        {/* Not set is a choice (the dataset that came with Footnote), not a failure. */}
        {settings.updateUrl === '' ? (
          <p class="fn-muted">{t('optionsUpdateNotSet')}</p>
        ) : (
          <p>
            {status?.lastCheckedAt
              ? t('optionsLastChecked', new Date(status.lastCheckedAt).toLocaleString())
              : t('optionsNeverChecked')}
          </p>
        )}
        {settings.updateUrl !== '' && status?.lastFailure && (
          <p class="field-error" data-failure={status.lastFailure.code}>
            {t('optionsUpdateFailed', updateFailureText(t, status.lastFailure))}
          </p>
        )}
      </div>
    </AddressField>
  );
}
