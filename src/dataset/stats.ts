/**
 * What `npm run data:stats` reports about a checked dataset: how much of the world it covers
 * (by region, status, role, language), which cases have gone quiet, and what it costs to ship.
 * Pure: the script passes the compiled index's bytes.
 */
import { dateStart } from './text';
import { monthsBefore, newestSourceDate } from './fairness';
import type { Case, Dataset } from './schema';

/** A case whose newest source is older than this before its status date is listed as quiet. */
export const QUIET_CASE_MONTHS = 12;

export interface DatasetStats {
  readonly cases: number;
  readonly trackedPeople: number;
  readonly byCountry: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Case-person roles (one person in two cases counts twice). */
  readonly byRole: Readonly<Record<string, number>>;
  /** Cases with every reader-facing text in Urdu, and tracked people with an Urdu name. */
  readonly urdu: { readonly cases: number; readonly people: number };
  /** Cases whose newest source is more than QUIET_CASE_MONTHS older than their status date. */
  readonly quietCases: readonly { id: string; newestSource: string; statusAsOf: string }[];
}

function count<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Every text of a case a reader sees, each `{ en, ur? }`. */
export function readerTextsOf(c: Case): { en: string; ur?: string | undefined }[] {
  return [
    c.title,
    c.status.text,
    c.summary.text,
    ...c.events.map((e) => e.text),
    ...c.proceedings.map((p) => p.title),
  ];
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const tracked = dataset.people.filter((p) => p.publicFigure);
  const quietCases = dataset.cases.flatMap((c) => {
    const newest = newestSourceDate(c.sources);
    if (newest === undefined) return [];
    const quiet = dateStart(newest) < monthsBefore(c.status.asOf, QUIET_CASE_MONTHS);
    return quiet ? [{ id: c.id, newestSource: newest, statusAsOf: c.status.asOf }] : [];
  });
  return {
    cases: dataset.cases.length,
    trackedPeople: tracked.length,
    byCountry: count(dataset.cases, (c) => c.country),
    byStatus: count(dataset.cases, (c) => c.status.kind),
    byRole: count(
      dataset.cases.flatMap((c) => c.people),
      (p) => p.role,
    ),
    urdu: {
      cases: dataset.cases.filter((c) => readerTextsOf(c).every((t) => t.ur !== undefined)).length,
      people: tracked.filter((p) => p.name.ur !== undefined).length,
    },
    quietCases,
  };
}
