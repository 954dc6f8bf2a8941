import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../messages';
import type { Translate } from '../ui/i18n';

export interface PopupApi {
  readonly t: Translate;
  loadTabState(): Promise<TabState | null>;
  openOptions(): Promise<void>;
}

type Load =
  { status: 'loading' } | { status: 'ready'; state: TabState | null } | { status: 'error' };

export function Popup({ api }: { api: PopupApi }) {
  const { t } = api;
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    api.loadTabState().then(
      (state) => setLoad({ status: 'ready', state }),
      () => setLoad({ status: 'error' }),
    );
  }, [api]);

  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <TabSummary load={load} t={t} />
      <button type="button" class="link-button" onClick={() => void api.openOptions()}>
        {t('popupOpenOptions')}
      </button>
    </main>
  );
}

function TabSummary({ load, t }: { load: Load; t: Translate }) {
  switch (load.status) {
    case 'loading':
      return <p class="fn-muted">{t('popupLoading')}</p>;
    case 'error':
      return <p role="alert">{t('popupError')}</p>;
    case 'ready':
      if (!load.state?.contentScriptReady)
        return <p data-testid="tab-status">{t('popupNotRunning')}</p>;
      return (
        <div data-testid="tab-status">
          <p>{t('popupRunning')}</p>
          <p>{t('popupPeopleFound', String(load.state.peopleFound.length))}</p>
        </div>
      );
  }
}
