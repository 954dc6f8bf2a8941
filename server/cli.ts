/**
 * npm run reports -- list [--status new|accepted|rejected] | show ID | accept ID
 *                    | reject ID --reason "…"
 * Reads and triages the reports in FOOTNOTE_DATA_DIR (default ./server-data), or in the
 * PostgreSQL database at DATABASE_URL, also while the service is running. Report text is printed
 * as text; the schema already refused markup, control characters and direction controls, so
 * nothing in a report can drive the terminal or reorder what it shows, and any other invisible
 * character (and, in reports stored before the intake refused them, line separators and lone
 * surrogates) is printed escaped (invisible-text.ts).
 */
import { parseArgs } from 'node:util';
import { Curator } from './curator';
import { escapeHidden } from './invisible-text';
import { openStore, storeConfigFromEnv } from './server';
import { TRIAGE_STATUSES, type StoredReport } from './store';

const USAGE = `Usage: npm run reports -- <command>
  list [--status new|accepted|rejected]   reports: corrections, then wrong matches, then the rest
  show ID                                 one report in full (JSON)
  accept ID                               mark accepted and write a draft change to apply by hand
  reject ID --reason "why"                mark rejected with the reason`;

function line({ report, receivedAt, status }: StoredReport): string {
  const about =
    report.kind !== 'wrong-match' && report.eventId
      ? `${report.caseId}/${report.eventId}`
      : report.caseId;
  const what =
    report.kind === 'wrong-match' || report.kind === 'correction'
      ? [about, `person ${report.personId}`]
      : [about, report.sourceUrl];
  return [report.id, receivedAt, status.padEnd(8), report.kind.padEnd(14), ...what].join('  ');
}

async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { status: { type: 'string' }, reason: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, id] = positionals;
  const config = storeConfigFromEnv();
  const store = await openStore(config);
  const curator = new Curator(store, config.dataDir);
  try {
    switch (command) {
      case 'list': {
        const status = TRIAGE_STATUSES.find((s) => s === values.status);
        if (values.status !== undefined && status === undefined) break;
        const reports = await curator.list(status);
        for (const stored of reports) console.log(escapeHidden(line(stored)));
        console.log(`${reports.length} report(s)`);
        return 0;
      }
      case 'show': {
        if (id === undefined) break;
        const stored = await curator.show(id);
        if (!stored) return notFound(id);
        console.log(escapeHidden(JSON.stringify(stored, null, 2)));
        return 0;
      }
      case 'accept': {
        if (id === undefined) break;
        const draft = await curator.accept(id);
        if (draft === undefined) return notFound(id);
        console.log(`Accepted ${id}. Draft change (apply by hand, then review): ${draft}`);
        return 0;
      }
      case 'reject': {
        const reason = values.reason?.trim();
        if (id === undefined || !reason) break;
        if (!(await curator.reject(id, reason))) return notFound(id);
        console.log(`Rejected ${id}.`);
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    await store.close();
  }
}

function notFound(id: string): number {
  console.error(`No report with id ${id}.`);
  return 1;
}

process.exitCode = await run(process.argv.slice(2));
