import { useEffect, useState } from 'preact/hooks';
import { RELEVANCE_MODES, type RelevanceMode, type Settings } from '../settings';
import type { MessageKey, Translate } from '../ui/i18n';

export interface OptionsApi {
  readonly t: Translate;
  load(): Promise<Settings>;
  save(change: Partial<Settings>): Promise<Settings>;
}

const RELEVANCE_LABELS: Record<RelevanceMode, MessageKey> = {
  harassment: 'optionsRelevanceHarassment',
  every: 'optionsRelevanceEvery',
  off: 'optionsRelevanceOff',
};

type SaveStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; error: string };

export function Options({ api }: { api: OptionsApi }) {
  const { t } = api;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  useEffect(() => {
    void api.load().then(setSettings);
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
      )}
      <p role="status" data-testid="save-status">
        {status.kind === 'saved' && t('optionsSaved')}
        {status.kind === 'failed' && t('optionsSaveFailed', status.error)}
      </p>
    </main>
  );
}
