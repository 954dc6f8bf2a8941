/** Settings both the welcome page and the options page offer, saved as soon as they change. */
import type { CompiledIndex } from '../dataset/compiled';
import type { Settings } from '../settings';
import type { Translate } from './i18n';

interface ChoiceProps {
  settings: Settings;
  t: Translate;
  save(change: Partial<Settings>): void;
}

/**
 * Gentle mode: the retelling of allegations folds behind a content note. The pages show it with
 * its help line; the popup, `compact`, as one line above the record it folds.
 */
export function GentleChoice({
  settings,
  t,
  save,
  compact = false,
}: ChoiceProps & { compact?: boolean }) {
  const box = (
    <input
      type="checkbox"
      checked={settings.gentle}
      aria-describedby={compact ? undefined : 'gentle-help'}
      onChange={(event) => save({ gentle: event.currentTarget.checked })}
    />
  );
  if (compact) {
    return (
      <label class="check-field">
        {box}
        <span>{t('gentleSetting')}</span>
      </label>
    );
  }
  return (
    <div class="check-setting">
      <label>
        {box}
        {t('gentleSetting')}
      </label>
      <p id="gentle-help" class="fn-muted">
        {t('gentleSettingHelp')}
      </p>
    </div>
  );
}

/** The region support resources are shown for. */
export function RegionChoice({
  settings,
  t,
  save,
  regions,
}: ChoiceProps & {
  /** Country codes the dataset has support resources for. */
  regions: readonly string[];
}) {
  const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });
  return (
    <label class="inline-field">
      {t('supportRegionLabel')}{' '}
      <select
        value={settings.region}
        onChange={(event) => save({ region: event.currentTarget.value })}
      >
        <option value="auto">{t('optionsRegionAuto')}</option>
        <option value="global">{t('supportWorldwide')}</option>
        {regions.map((code) => (
          <option key={code} value={code}>
            {names.of(code)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Country codes the dataset has support resources for, sorted ("global" is its own option). */
export function resourceRegions(index: CompiledIndex | undefined): string[] {
  if (!index) return [];
  return [...new Set(index.resources.map((resource) => resource.region))]
    .filter((region) => region !== 'global')
    .sort();
}
