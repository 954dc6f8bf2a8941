import type { Report } from '../../../src/reports/schema';

let counter = 0;

/** A valid report with a fresh id each call (ids are UUID v4 in lowercase). */
export function sampleReport(change: Partial<Report> = {}): Report {
  counter += 1;
  const id = `3b241101-e2bb-4255-8caf-${counter.toString(16).padStart(12, '0')}`;
  return {
    id,
    kind: 'missing-source',
    caseId: 'shafi-zafar',
    eventId: 'shafi-allegation',
    sourceUrl: 'https://www.dawn.com/news/1390412',
    publisher: 'Dawn',
    title: 'Meesha Shafi accuses Ali Zafar of sexual harassment',
    date: '2018-04-19',
    note: 'The allegation event cites one outlet; Dawn reported it the same day.',
    createdAt: '2026-11-30T07:00:00.000Z',
    datasetVersion: 3,
    ...change,
  };
}
