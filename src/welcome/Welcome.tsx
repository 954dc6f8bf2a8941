import { useEffect, useState } from 'preact/hooks';
import type { CompiledIndex } from '../dataset/compiled';
import type { Settings } from '../settings';
import type { SupportedSite } from '../supported-sites';
import type { Translate } from '../ui/i18n';
import { GentleChoice, RegionChoice, resourceRegions } from '../ui/SettingChoices';
import { SupportedSites } from '../ui/SupportedSites';

export interface WelcomeApi {
  readonly t: Translate;
  /** The sites Footnote runs on by default (from the manifest). */
  readonly supportedSites: readonly SupportedSite[];
  load(): Promise<Settings>;
  save(change: Partial<Settings>): Promise<Settings>;
  /** The dataset in use, for the regions it has support resources for; undefined if none. */
  loadIndex(): Promise<CompiledIndex | undefined>;
  openOptions(): Promise<void>;
}

/**
 * The page opened once, on install: what a badge means and does not mean, where Footnote runs,
 * what stays on the device, and the two choices worth making before the first badge.
 */
export function Welcome({ api }: { api: WelcomeApi }) {
  const { t } = api;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [index, setIndex] = useState<CompiledIndex | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api.load().then(setSettings);
    void api.loadIndex().then(setIndex);
  }, [api]);
  const save = (change: Partial<Settings>) =>
    void api.save(change).then((next) => {
      setSettings(next);
      setSaved(true);
    });

  return (
    <main class="page welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="welcome-lead">{t('welcomeIntro')}</p>

      <section aria-labelledby="welcome-badge">
        <h2 id="welcome-badge">{t('welcomeBadgeHeading')}</h2>
        <ul>
          <li>{t('welcomeBadgeContext')}</li>
          <li>{t('welcomeBadgeFair')}</li>
          <li>{t('welcomeBadgeNot')}</li>
        </ul>
      </section>

      <section aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">{t('sitesLegend')}</h2>
        <SupportedSites sites={api.supportedSites} t={t} headingId="welcome-sites" />
      </section>

      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
        <ul>
          <li>{t('welcomePrivacyPage')}</li>
          <li>{t('welcomePrivacyReports')}</li>
        </ul>
      </section>

      <section aria-labelledby="welcome-choices">
        <h2 id="welcome-choices">{t('welcomeChoicesHeading')}</h2>
        {settings && (
          <>
            <p>{t('welcomeRegionHelp')}</p>
            <RegionChoice settings={settings} t={t} save={save} regions={resourceRegions(index)} />
            <GentleChoice settings={settings} t={t} save={save} />
          </>
        )}
        <p role="status" data-testid="save-status">
          {saved && t('optionsSaved')}
        </p>
        <button type="button" onClick={() => void api.openOptions()}>
          {t('welcomeOpenSettings')}
        </button>
      </section>
    </main>
  );
}
