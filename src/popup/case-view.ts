import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CompiledCase, CompiledIndex } from '../dataset/compiled';
import type { ReportKind } from '../reports/schema';

/** What the report form opens on; the reader can change any of it. */
export interface ReportTarget {
  readonly caseId: string;
  readonly eventId?: string;
  /** The kind to preselect (from the in-page card); otherwise chosen from the event. */
  readonly kind?: ReportKind;
  /** The person a wrong-match report is about (the one the badge named). */
  readonly personId?: string;
}

/** Everything a case card needs from the page that shows it, the popup or the full view. */
export interface CaseView {
  readonly index: CompiledIndex;
  readonly onReport: (target: ReportTarget) => void;
  /** Gentle mode: the summary and timeline wait behind a content note. */
  readonly gentle: boolean;
  /** The link to a case's own full view, and whether it opens a new tab (from the popup). */
  readonly caseLink: (caseId: string) => { href: string; newTab: boolean };
}

export const CaseViewContext = createContext<CaseView | null>(null);

export function useCaseView(): CaseView {
  const view = useContext(CaseViewContext);
  if (view === null) throw new Error('CaseViewContext is missing');
  return view;
}

/** What the parts of one case card share: the case, its sources by id, and people's names. */
export interface CasePartProps {
  readonly caseFile: CompiledCase;
  readonly sourcesById: ReadonlyMap<string, CompiledCase['sources'][number]>;
  readonly nameOf: (personId: string) => string;
}
