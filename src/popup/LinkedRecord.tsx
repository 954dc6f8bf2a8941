import type { FullViewTarget } from '../full/link';
import { useCaseView } from './case-view';
import { PeopleAndCases } from './PeopleAndCases';
import { useUi } from './ui-context';

/** The person or case a link names, open; a name the dataset does not have is said plainly. */
export function LinkedRecord({ target }: { target: FullViewTarget }) {
  const { t } = useUi();
  const { index } = useCaseView();
  const known =
    target.kind === 'person'
      ? index.people.some((person) => person.id === target.id)
      : index.cases.some((caseFile) => caseFile.id === target.id);
  if (!known) return <p role="alert">{t('fullViewUnknown')}</p>;
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
