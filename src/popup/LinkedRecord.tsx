import { useEffect } from 'preact/hooks';
import { localText } from '../dataset/views';
import type { FullViewTarget } from '../full/link';
import { useCaseView } from './case-view';
import { PeopleAndCases } from './PeopleAndCases';
import { useUi } from './ui-context';

/** The person or case a link names, open; a name the dataset does not have is said plainly. */
export function LinkedRecord({ target }: { target: FullViewTarget }) {
  const { t, lang } = useUi();
  const { index } = useCaseView();
  const named =
    target.kind === 'person'
      ? index.people.find((person) => person.id === target.id)?.name
      : index.cases.find((caseFile) => caseFile.id === target.id)?.title;
  // The tab's title says whose record it is, among the reader's other tabs.
  const title = named && localText(named, lang).text;
  useEffect(() => {
    if (title) document.title = `${title} — ${t('popupTitle')}`;
  }, [title, t]);
  if (!named) return <p role="alert">{t('fullViewUnknown')}</p>;
  return (
    <section class="linked" aria-label={t('fullViewLinked')}>
      {target.kind === 'person' ? (
        <PeopleAndCases personIds={[target.id]} open="always" />
      ) : (
        <PeopleAndCases personIds={[]} caseIds={[target.id]} open="always" />
      )}
    </section>
  );
}
