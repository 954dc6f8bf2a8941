import type { CompiledCase } from '../dataset/compiled';
import { useUi } from './ui-context';

type Source = CompiledCase['sources'][number];

/** The sources of one statement. */
export function SourceList({
  ids,
  sourcesById,
}: {
  ids: readonly string[];
  sourcesById: ReadonlyMap<string, Source>;
}) {
  const { t } = useUi();
  return (
    <ul class="sources" aria-label={t('cardSources')}>
      {ids.map((id) => {
        const source = sourcesById.get(id);
        if (!source) return null;
        return (
          // Titles are in their publisher's language: each line takes the direction of its own.
          <li key={id} dir="auto">
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.title}
            </a>{' '}
            <span class="fn-muted">
              — <bdi>{source.publisher}</bdi>
              {source.date ? <>, {source.date}</> : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
