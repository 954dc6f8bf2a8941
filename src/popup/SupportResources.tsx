import type { CompiledIndex } from '../dataset/compiled';
import { localText } from '../dataset/views';
import type { Settings } from '../settings';
import { RegionChoice, resourceRegions } from '../ui/SettingChoices';
import { VALUE_SLOT, WithValue } from '../ui/with-value';
import { telHref } from './phone';
import { LocalTextView } from './LocalTextView';
import { useUi } from './ui-context';

/** Support lines for the reader's region and worldwide, with the region to choose. */
export function SupportResources({
  index,
  settings,
  region,
  save,
}: {
  index: CompiledIndex;
  settings: Settings;
  /** The region shown: the chosen one, or the browser's where the choice is automatic. */
  region: string;
  save: (change: Partial<Settings>) => void;
}) {
  const { t } = useUi();
  const local = index.resources.filter(
    (resource) => resource.region === region && region !== 'global',
  );
  const worldwide = index.resources.filter((resource) => resource.region === 'global');

  return (
    <section id="support" class="support" aria-labelledby="support-title">
      <h2 id="support-title">{t('supportTitle')}</h2>
      <p class="fn-muted">{t('supportIntro')}</p>
      <RegionChoice settings={settings} t={t} save={save} regions={resourceRegions(index)} />
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
          <a href={telHref(resource.phone)}>
            {/* A number with spaces and brackets is reordered in an Urdu sentence unless isolated. */}
            <WithValue text={t('supportCall', VALUE_SLOT)} value={resource.phone.display} />
          </a>
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
