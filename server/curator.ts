/**
 * The curator's triage of received reports. Accepting a report never edits the dataset: it
 * writes a draft change (the proposed source or event in the dataset's own shape, for a badge
 * on the wrong person what to rule that namesake out with, for a correction from a person named
 * what they dispute) that a curator checks, applies by hand to the file it names, and has
 * reviewed like any edit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  CorrectionReport,
  Report,
  SourcedReport,
  WrongMatchReport,
} from '../src/reports/schema';
import { escapeHidden } from './invisible-text';
import type { ReportStore, StoredReport } from './store';

export const DRAFTS_DIR = 'drafts';

/** Placeholder for what only a curator can write (the statement, the event kind). */
const TODO = 'TODO (curator)';

interface DraftBase {
  readonly about: string;
}

export interface SourceDraft extends DraftBase {
  /** The file the change belongs in, relative to the repository. */
  readonly caseFile: string;
  readonly report: SourcedReport;
  /** A source entry for the case's "sources" list. */
  readonly proposedSource: {
    readonly id: string;
    readonly publisher: string;
    readonly title: string;
    readonly date: string;
    readonly url: string;
  };
  /** missing-source: cite the proposed source from this event (or the case summary). */
  readonly citeFrom?: string;
  /** missing-event: a new timeline event resting on the proposed source. */
  readonly proposedEvent?: {
    readonly id: string;
    readonly date: string;
    readonly kind: string;
    readonly text: { readonly en: string };
    readonly sources: readonly string[];
  };
  /** out-of-date: what the reader says has changed, for the curator to check. */
  readonly check?: string;
}

export interface WrongMatchDraft extends DraftBase {
  /** The person file that can rule the namesake out, relative to the repository. */
  readonly personFile: string;
  readonly report: WrongMatchReport;
  readonly wrongMatch: {
    readonly person: string;
    /** The case the badge pointed to. */
    readonly caseId: string;
    /** The page the badge was on, only if the reader chose to send it. */
    readonly page: string;
    readonly readerNote?: string;
    readonly todo: string;
  };
}

export interface CorrectionDraft extends DraftBase {
  readonly caseFile: string;
  readonly report: CorrectionReport;
  readonly correction: {
    readonly person: string;
    readonly caseId: string;
    readonly eventId?: string;
    /** What the person named says is wrong, in their words. */
    readonly disputed: string;
    /** Their public statement or a document, if they linked one. */
    readonly statement?: string;
    readonly todo: string;
  };
}

export type DraftChange = SourceDraft | WrongMatchDraft | CorrectionDraft;

export function draftChange(report: SourcedReport): SourceDraft;
export function draftChange(report: WrongMatchReport): WrongMatchDraft;
export function draftChange(report: CorrectionReport): CorrectionDraft;
export function draftChange(report: Report): DraftChange;
export function draftChange(report: Report): DraftChange {
  switch (report.kind) {
    case 'correction':
      return correctionDraft(report);
    case 'wrong-match':
      return wrongMatchDraft(report);
    default:
      return sourceDraft(report);
  }
}

function sourceDraft(report: SourcedReport): SourceDraft {
  const source = {
    id: suggestedSourceId(report),
    publisher: report.publisher ?? TODO,
    title: report.title ?? TODO,
    date: report.date ?? TODO,
    url: report.sourceUrl,
  };
  const file = `data/cases/${report.caseId}.json`;
  const base = {
    about:
      `Draft from reader report ${report.id}. Nothing here has been applied: verify the source, ` +
      `complete every "${TODO}", add it to ${file} by hand, then run npm run data:check.`,
    caseFile: file,
    report,
    proposedSource: source,
  };
  switch (report.kind) {
    case 'missing-source':
      return { ...base, citeFrom: report.eventId ?? 'the case summary or status (see note)' };
    case 'missing-event':
      return {
        ...base,
        proposedEvent: {
          id: TODO,
          date: report.date ?? TODO,
          kind: TODO,
          text: { en: TODO },
          sources: [source.id],
        },
      };
    case 'out-of-date':
      return { ...base, check: report.note ?? `What changed in ${report.eventId ?? 'the case'}.` };
  }
}

function wrongMatchDraft(report: WrongMatchReport): WrongMatchDraft {
  const file = `data/people/${report.personId}.json`;
  return {
    about:
      `Draft from reader report ${report.id}: a badge for ${report.personId} (case ` +
      `${report.caseId}) was beside someone else. Nothing here has been applied: find out who ` +
      `the page is about, rule that namesake out in ${file} by hand, then run npm run data:check.`,
    personFile: file,
    report,
    wrongMatch: {
      person: report.personId,
      caseId: report.caseId,
      page: report.pageUrl ?? 'Not sent: the reader did not tick the box for the page address.',
      ...(report.note === undefined ? {} : { readerNote: report.note }),
      todo:
        `${TODO}: in ${file}, add what tells this person from the one on the page: a reviewed ` +
        `entry in "namesakes" (who they are, one source, the date reviewed), a "notBeside" word ` +
        `on the name as written there (a title such as "Senator"), or "needsConfirmation" with ` +
        `"confirmingTerms". Add the sentence as a must-not-badge test sentence.`,
    },
  };
}

function correctionDraft(report: CorrectionReport): CorrectionDraft {
  const file = `data/cases/${report.caseId}.json`;
  return {
    about:
      `Draft from reader report ${report.id}: ${report.personId}, or someone speaking for them, ` +
      `disputes ${report.eventId ?? 'the case'} in ${file}. Nothing here has been applied: check ` +
      `what is disputed against the sources, edit ${file} by hand, then run npm run data:check.`,
    caseFile: file,
    report,
    correction: {
      person: report.personId,
      caseId: report.caseId,
      ...(report.eventId === undefined ? {} : { eventId: report.eventId }),
      disputed: report.note,
      ...(report.sourceUrl === undefined ? {} : { statement: report.sourceUrl }),
      todo:
        `${TODO}: correct a factual error against the sources; add a public response (with its ` +
        `source) beside the allegation it answers; record a new legal outcome as an event and in ` +
        `the status; remove what cannot be sourced to data/README.md's standard. Update ` +
        `"lastReviewed".`,
    },
  };
}

/** The dataset names sources publisher-date, e.g. dawn-2018-08-02. */
function suggestedSourceId(report: SourcedReport): string {
  // Without a publisher, the site's name: www.dawn.com → dawn.
  const name =
    report.publisher ??
    new URL(report.sourceUrl).hostname.replace(/^www\./, '').split('.')[0] ??
    '';
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return [slug || 'source', report.date].filter(Boolean).join('-');
}

/** Kinds listed before the rest, in this order; every other kind ranks after them. */
const URGENT_FIRST: readonly Report['kind'][] = ['correction', 'wrong-match'];

/** Drafts are named after what they change: the case, or for a wrong match the person. */
const draftSubject = (report: Report): string =>
  report.kind === 'wrong-match' ? report.personId : report.caseId;

export class Curator {
  constructor(
    private readonly store: ReportStore,
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Corrections from people named first (their right of reply), then wrong matches (a badge
   * beside the wrong person harms someone until it is fixed), then the rest; oldest first
   * within each.
   */
  async list(status?: StoredReport['status']): Promise<StoredReport[]> {
    const reports = await this.store.list(status === undefined ? {} : { status });
    const rank = ({ report }: StoredReport) => {
      const at = URGENT_FIRST.indexOf(report.kind);
      return at === -1 ? URGENT_FIRST.length : at;
    };
    // A stable sort: the store's oldest-first order holds within each rank.
    return reports.sort((a, b) => rank(a) - rank(b));
  }

  show(id: string): Promise<StoredReport | undefined> {
    return this.store.get(id);
  }

  /** Marks the report accepted and writes its draft change; returns the draft's path. */
  async accept(id: string): Promise<string | undefined> {
    const stored = await this.store.get(id);
    if (!stored) return undefined;
    const dir = join(this.dataDir, DRAFTS_DIR);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${draftSubject(stored.report)}--${id}.json`);
    // Escaped as the tool prints reports: the draft is what a curator copies into the dataset.
    await writeFile(file, `${escapeHidden(JSON.stringify(draftChange(stored.report), null, 2))}\n`);
    await this.store.setStatus(id, { status: 'accepted', at: this.now().toISOString() });
    return file;
  }

  async reject(id: string, reason: string): Promise<boolean> {
    return this.store.setStatus(id, { status: 'rejected', reason, at: this.now().toISOString() });
  }
}
