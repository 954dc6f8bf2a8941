/**
 * Nothing from a private (incognito) window is kept on disk that says where the reader was: a
 * report made there goes into the outbox without the page address. The rest of it is what the
 * reader wrote about the public record (case, source link, note), kept like any report so it is
 * not lost before it is sent; the reader can delete it in the popup.
 */
import type { Report } from '../reports/schema';

export function storableReport(report: Report, fromPrivateWindow: boolean): Report {
  if (!fromPrivateWindow || report.pageUrl === undefined) return report;
  const { pageUrl: _notKept, ...kept } = report;
  return kept;
}
