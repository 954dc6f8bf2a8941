import type { CompiledCase } from '../dataset/compiled';
import { sourceTextLanguage } from '../ui/text-language';
import { useUi } from './ui-context';

type Source = CompiledCase['sources'][number];

/** Sources shown before "N more sources": every statement keeps at least this many in view. */
const SOURCES_IN_VIEW = 2;

/** The sources of one statement; a long list folds after the first few. */
export function SourceList({
  ids,
  sourcesById,
}: {
  ids: readonly string[];
  sourcesById: ReadonlyMap<string, Source>;
}) {
  const { t } = useUi();
  const sources = ids.flatMap((id) => sourcesById.get(id) ?? []);
  const folded = sources.slice(SOURCES_IN_VIEW);
  return (
    <>
      <SourceItems sources={sources.slice(0, SOURCES_IN_VIEW)} />
      {folded.length > 0 && (
        <details class="more-sources">
          <summary>{t('sourcesMore', String(folded.length))}</summary>
          <SourceItems sources={folded} />
        </details>
      )}
    </>
  );
}

function SourceItems({ sources }: { sources: readonly Source[] }) {
  const { t } = useUi();
  return (
    <ul class="sources" aria-label={t('cardSources')}>
      {sources.map((source) => {
        const title = sourceTextLanguage(source.title);
        const publisher = sourceTextLanguage(source.publisher);
        // Titles are in their publisher's language: each line takes the direction of its own.
        return (
          <li key={source.id} dir={title.dir}>
            <a
              href={source.url}
              target="_blank"
              rel="noopener noreferrer"
              lang={title.lang}
              dir={title.dir}
            >
              {source.title}
            </a>{' '}
            <span class="fn-muted">
              —{' '}
              <bdi lang={publisher.lang} dir={publisher.dir}>
                {source.publisher}
              </bdi>
              {source.date ? (
                <>
                  , <bdi dir="ltr">{source.date}</bdi>
                </>
              ) : (
                ''
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
