import { useState } from 'preact/hooks';
import { RELEVANCE_MODES, type Settings, type SiteMode } from '../settings';
import { RELEVANCE_LABELS } from '../ui/relevance-labels';
import { GentleChoice } from '../ui/SettingChoices';
import type { TabInfo } from './tab-info';
import { useUi } from './ui-context';

/**
 * The top of the popup: one line on what Footnote does on this tab, the per-site switch, and
 * gentle mode (so a reader can fold the details before reading them; the full view has it too).
 */
export function PageStatus({
  tab,
  settings,
  onChange,
  setSiteMode,
  runOnSite,
}: {
  /** The tab described; undefined for a full view opened from a link, which describes none. */
  tab: TabInfo | null | undefined;
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
  setSiteMode: (host: string, mode: SiteMode) => void;
  runOnSite: (tab: TabInfo) => Promise<boolean>;
}) {
  const { t } = useUi();
  const running = tab?.state?.contentScriptReady === true;
  return (
    <div class="page-status" data-testid="tab-status">
      {tab === undefined ? null : running ? (
        <>
          <p>{t('popupPeopleFound', String(tab.state?.peopleFound.length ?? 0))}</p>
          <p class="fn-muted">{t('popupRunning')}</p>
        </>
      ) : (
        <>
          <p>{t('popupNotRunning')}</p>
          {/* The browser would keep the site's permission on disk after a private window closes. */}
          {tab?.site && tab.host && tab.privateWindow && (
            <p class="fn-muted">{t('popupRunOnSitePrivate')}</p>
          )}
          {tab?.site && tab.host && !tab.privateWindow && (
            <RunOnSite tab={tab} host={tab.host} runOnSite={runOnSite} />
          )}
        </>
      )}
      {running && tab.host && (
        <SiteModeSwitch host={tab.host} settings={settings} setSiteMode={setSiteMode} />
      )}
      <GentleChoice settings={settings} t={t} save={onChange} compact />
    </div>
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

function SiteModeSwitch({
  host,
  settings,
  setSiteMode,
}: {
  host: string;
  settings: Settings;
  setSiteMode: (host: string, mode: SiteMode) => void;
}) {
  const { t } = useUi();
  const current = settings.sites[host];
  const choose = (value: string) => setSiteMode(host, value as SiteMode);
  return (
    <label class="inline-field site-mode">
      <span>{t('popupSiteMode', host)}</span>
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
