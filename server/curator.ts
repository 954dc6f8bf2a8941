/**
 * The curator's triage of received reports. Accepting a report never edits the dataset: it
 * writes a draft change (the proposed source or event, in the dataset's own shape) that a
 * curator checks, applies by hand to data/cases/<case>.json, and has reviewed like any edit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../src/reports/schema';
import type { ReportStore, StoredReport } from './store';

export const DRAFTS_DIR = 'drafts';

/** Placeholder for what only a curator can write (the statement, the event kind). */
const TODO = 'TODO (curator)';

export interface DraftChange {
  readonly about: string;
  /** The file the change belongs in, relative to the repository. */
  readonly caseFile: string;
  readonly report: Report;
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

export function draftChange(report: Report): DraftChange {
  const source = {
    id: suggestedSourceId(report),
    publisher: report.publisher ?? TODO,
    title: report.title ?? TODO,
    date: report.date ?? TODO,
    url: report.sourceUrl,
  };
  const base = {
    about:
      `Draft from reader report ${report.id}. Nothing here has been applied: verify the source, ` +
      `complete every "${TODO}", add it to ${caseFile(report)} by hand, then run npm run data:check.`,
    caseFile: caseFile(report),
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

const caseFile = (report: Report): string => `data/cases/${report.caseId}.json`;

/** The dataset names sources publisher-date, e.g. dawn-2018-08-02. */
function suggestedSourceId(report: Report): string {
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

export class Curator {
  constructor(
    private readonly store: ReportStore,
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(status?: StoredReport['status']): Promise<StoredReport[]> {
    return this.store.list(status === undefined ? {} : { status });
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
    const file = join(dir, `${stored.report.caseId}--${id}.json`);
    await writeFile(file, `${JSON.stringify(draftChange(stored.report), null, 2)}\n`);
    await this.store.setStatus(id, { status: 'accepted', at: this.now().toISOString() });
    return file;
  }

  async reject(id: string, reason: string): Promise<boolean> {
    return this.store.setStatus(id, { status: 'rejected', reason, at: this.now().toISOString() });
  }
}
