import type {
  CorrectionReport,
  SourcedReport,
  WrongMatchReport,
} from '../../../src/reports/schema';

let counter = 0;

/** A fresh report id each call (ids are UUID v4 in lowercase). */
function nextId(): string {
  counter += 1;
  return `3b241101-e2bb-4255-8caf-${counter.toString(16).padStart(12, '0')}`;
}

/** A valid missing-source report. */
export function sampleReport(change: Partial<SourcedReport> = {}): SourcedReport {
  return {
    id: nextId(),
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

/** A valid report of a badge on the wrong person, without the page address. */
export function sampleWrongMatch(change: Partial<WrongMatchReport> = {}): WrongMatchReport {
  return {
    id: nextId(),
    kind: 'wrong-match',
    caseId: 'shafi-zafar',
    personId: 'ali-zafar',
    note: 'The post is about the senator, not the singer.',
    createdAt: '2026-11-30T07:30:00.000Z',
    datasetVersion: 3,
    ...change,
  };
}

/** A valid correction from a person named in the record, with a link to their statement. */
export function sampleCorrection(change: Partial<CorrectionReport> = {}): CorrectionReport {
  return {
    id: nextId(),
    kind: 'correction',
    caseId: 'shafi-zafar',
    personId: 'ali-zafar',
    eventId: 'shafi-allegation',
    sourceUrl: 'https://www.dawn.com/news/1402321',
    note: 'I speak for Ali Zafar: his denial of the same day is not shown beside this event.',
    createdAt: '2026-11-30T07:45:00.000Z',
    datasetVersion: 3,
    ...change,
  };
}
