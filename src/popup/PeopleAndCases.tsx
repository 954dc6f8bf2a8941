import { useId, useState } from 'preact/hooks';
import { localText } from '../dataset/views';
import { CaseCard, caseCardId } from './CaseCard';
import { useCaseView } from './case-view';
import { roleLabelKey, statusLabelKey } from './labels';
import { LocalTextView } from './LocalTextView';
import { casesOfPeople } from './page-cases';
import { useUi } from './ui-context';

/**
 * One compact row per person (name, descriptor, role and case status), then their cases, each
 * drawn once however many of the people are in it. A row opens and closes its person's cases.
 */
export function PeopleAndCases({
  personIds,
  caseIds = [],
  open,
}: {
  personIds: readonly string[];
  /** Cases to show that none of the people is in (a search that matched a case's title). */
  caseIds?: readonly string[];
  /**
   * Whether the cases start open: always (search results, the full view), or only when there is
   * one (the popup: with several cases, the rows are the overview and open what the reader picks).
   */
  open: 'always' | 'when-one-case';
}) {
  const { index } = useCaseView();
  const cases = casesOfPeople(index, personIds, caseIds);
  const idPrefix = useId();
  const [openCases, setOpenCases] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        open === 'always' || cases.length === 1 ? cases.map((entry) => entry.caseFile.id) : caseIds,
      ),
  );
  const toggle = (ids: readonly string[]) => {
    const allOpen = ids.every((id) => openCases.has(id));
    const next = new Set(openCases);
    for (const id of ids) {
      if (allOpen) next.delete(id);
      else next.add(id);
    }
    setOpenCases(next);
  };
  return (
    <>
      {personIds.length > 0 && (
        <ul class="people">
          {personIds.map((personId) => (
            <PersonRow
              key={personId}
              personId={personId}
              openCases={openCases}
              toggle={toggle}
              idPrefix={idPrefix}
            />
          ))}
        </ul>
      )}
      {cases
        .filter((entry) => openCases.has(entry.caseFile.id))
        .map((entry) => (
          <CaseCard key={entry.caseFile.id} caseFile={entry.caseFile} idPrefix={idPrefix} />
        ))}
    </>
  );
}

function PersonRow({
  personId,
  openCases,
  toggle,
  idPrefix,
}: {
  personId: string;
  idPrefix: string;
  openCases: ReadonlySet<string>;
  toggle: (caseIds: readonly string[]) => void;
}) {
  const { t, lang } = useUi();
  const { index } = useCaseView();
  const person = index.people.find((candidate) => candidate.id === personId);
  if (!person) return null;
  const caseIds = person.cases.map((entry) => entry.id);
  const expanded = caseIds.every((id) => openCases.has(id));
  return (
    <li class="person" data-person={person.id}>
      <button
        type="button"
        class="person-row"
        aria-expanded={expanded}
        {...(expanded
          ? { 'aria-controls': caseIds.map((id) => caseCardId(idPrefix, id)).join(' ') }
          : {})}
        onClick={() => toggle(caseIds)}
      >
        <LocalTextView as="strong" class="person-name" text={localText(person.name, lang)} />
        <LocalTextView
          class="fn-muted person-descriptor"
          text={localText(person.descriptor, lang)}
        />
        {person.cases.map((entry) => {
          const caseFile = index.cases.find((candidate) => candidate.id === entry.id);
          return (
            <span key={entry.id} class="person-case">
              {t(roleLabelKey(entry.role))}
              {caseFile && (
                <>
                  {' · '}
                  <span class="status">{t(statusLabelKey(caseFile.status.kind))}</span>
                </>
              )}
            </span>
          );
        })}
      </button>
    </li>
  );
}
