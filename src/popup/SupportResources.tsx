import type { CompiledIndex } from '../dataset/compiled';
import { localText } from '../dataset/views';
import { telHref } from './phone';
import { LocalTextView } from './LocalTextView';
import { useUi } from './ui-context';

/** Regions the dataset has resources for, worldwide first. */
export function resourceRegions(index: CompiledIndex): string[] {
  const regions = new Set(index.resources.map((resource) => resource.region));
  regions.delete('global');
  return ['global', ...[...regions].sort()];
}

export function SupportResources({
  index,
  region,
  onRegionChange,
}: {
  index: CompiledIndex;
  region: string;
  onRegionChange: (region: string) => void;
}) {
  const { t } = useUi();
  const regionNames = new Intl.DisplayNames([document.documentElement.lang || 'en'], {
    type: 'region',
  });
  const label = (code: string) =>
    code === 'global' ? t('supportWorldwide') : (regionNames.of(code) ?? code);
  const local = index.resources.filter(
    (resource) => resource.region === region && region !== 'global',
  );
  const worldwide = index.resources.filter((resource) => resource.region === 'global');

  return (
    <section id="support" class="support" aria-labelledby="support-title">
      <h2 id="support-title">{t('supportTitle')}</h2>
      <p class="fn-muted">{t('supportIntro')}</p>
      <label class="inline-field">
        {t('supportRegionLabel')}{' '}
        <select value={region} onChange={(event) => onRegionChange(event.currentTarget.value)}>
          {resourceRegions(index).map((code) => (
            <option key={code} value={code}>
              {label(code)}
            </option>
          ))}
        </select>
      </label>
      {region !== 'global' && local.length === 0 && <p>{t('supportNone')}</p>}
      <ul class="resources">
        {[...local, ...worldwide].map((resource) => (
          <Resource key={resource.id} resource={resource} />
        ))}
      </ul>
    </section>
  );
}

function Resource({ resource }: { resource: CompiledIndex['resources'][number] }) {
  const { t, lang } = useUi();
  return (
    <li class="resource" data-region={resource.region}>
      <LocalTextView as="strong" text={localText(resource.name, lang)} />
      <LocalTextView as="p" text={localText(resource.helpsWith, lang)} />
      <p class="resource-contact">
        {resource.phone && (
          <a href={telHref(resource.phone)}>{t('supportCall', resource.phone.display)}</a>
        )}
        {resource.phone && resource.url && ' · '}
        {resource.url && (
          <a href={resource.url} target="_blank" rel="noopener noreferrer">
            {t('supportWebsite')}
          </a>
        )}
      </p>
      {resource.hours && (
        <LocalTextView as="p" class="fn-muted" text={localText(resource.hours, lang)} />
      )}
      <p class="fn-muted">
        {t('supportChecked', resource.checked)} —{' '}
        <a href={resource.source.url} target="_blank" rel="noopener noreferrer">
          {resource.source.publisher}
        </a>
      </p>
    </li>
  );
}
