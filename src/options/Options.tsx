import { useEffect, useState } from 'preact/hooks';
import type { DatasetAnswer, DatasetUnavailable } from '../messages';
import { isEndpoint, RELEVANCE_MODES, withoutSite, type Settings } from '../settings';
import type { Translate } from '../ui/i18n';
import { RELEVANCE_LABELS } from '../ui/relevance-labels';

export interface OptionsApi {
  readonly t: Translate;
  load(): Promise<Settings>;
  save(change: Partial<Settings>): Promise<Settings>;
  loadDataset(): Promise<DatasetAnswer | DatasetUnavailable>;
}

type SaveStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; error: string };

export function Options({ api }: { api: OptionsApi }) {
  const { t } = api;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dataset, setDataset] = useState<DatasetAnswer | DatasetUnavailable | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  useEffect(() => {
    void api.load().then(setSettings);
    void api.loadDataset().then(setDataset);
  }, [api]);

  const save = (change: Partial<Settings>) => {
    api.save(change).then(
      (saved) => {
        setSettings(saved);
        setStatus({ kind: 'saved' });
      },
      (error: unknown) => setStatus({ kind: 'failed', error: String(error) }),
    );
  };

  return (
    <main class="options">
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
          </fieldset>
          <SiteChoices settings={settings} t={t} save={save} />
          <fieldset>
            <legend>{t('optionsRegionLegend')}</legend>
            <label class="inline-field">
              {t('supportRegionLabel')}{' '}
              <select
                value={settings.region}
                onChange={(event) => save({ region: event.currentTarget.value })}
              >
                <option value="auto">{t('optionsRegionAuto')}</option>
                <option value="global">{t('supportWorldwide')}</option>
                {regionsOf(dataset).map((code) => (
                  <option key={code} value={code}>
                    {new Intl.DisplayNames([document.documentElement.lang || 'en'], {
                      type: 'region',
                    }).of(code)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <EndpointField settings={settings} t={t} save={save} />
        </>
      )}
      <p role="status" data-testid="save-status">
        {status.kind === 'saved' && t('optionsSaved')}
        {status.kind === 'failed' && t('optionsSaveFailed', status.error)}
      </p>
      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('optionsAboutLegend')}</h2>
        {dataset && 'index' in dataset && (
          <p data-testid="dataset-about">
            {t(
              'optionsAboutDataset',
              String(dataset.index.datasetVersion),
              dataset.index.published,
              String(dataset.index.people.length),
              String(dataset.index.cases.length),
            )}
          </p>
        )}
        {dataset && 'error' in dataset && (
          <p role="alert">{t('popupDatasetError', dataset.error)}</p>
        )}
        <p>{t('optionsAboutCuration')}</p>
      </section>
    </main>
  );
}

function regionsOf(dataset: DatasetAnswer | DatasetUnavailable | null): string[] {
  if (!dataset || !('index' in dataset)) return [];
  return [...new Set(dataset.index.resources.map((resource) => resource.region))]
    .filter((region) => region !== 'global')
    .sort();
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
              {t('optionsSiteRemove', host)}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function EndpointField({ settings, t, save }: SectionProps) {
  const [value, setValue] = useState(settings.reportEndpoint);
  const valid = isEndpoint(value.trim());
  return (
    <fieldset>
      <legend>{t('optionsReportLegend')}</legend>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) save({ reportEndpoint: value.trim() });
        }}
      >
        <label for="report-endpoint">{t('optionsReportEndpoint')}</label>
        <input
          id="report-endpoint"
          type="url"
          dir="ltr"
          value={value}
          aria-invalid={valid ? undefined : 'true'}
          aria-describedby={valid ? undefined : 'report-endpoint-error'}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        {!valid && (
          <p id="report-endpoint-error" class="field-error">
            {t('optionsInvalidUrl')}
          </p>
        )}
        <button type="submit">{t('optionsSave')}</button>
      </form>
    </fieldset>
  );
}
