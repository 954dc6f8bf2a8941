/**
 * Errors arrive as codes with parameters (src/messages.ts, src/reports/schema.ts); this is where
 * a page words them in the reader's language. Each code has a key `<kind>_<code>` in both
 * catalogues (test/unit/error-text.test.ts checks that every code has one).
 */
import type {
  CodedError,
  DatasetError,
  SendFailure,
  SendRefusal,
  UpdateFailure,
} from '../messages';
import { isReportErrorCode, type ReportErrorCode } from '../reports/schema';
import type { MessageKey, Translate } from './i18n';

export const ERROR_KEY_PREFIXES = {
  report: 'reportError',
  sendFailure: 'sendFailure',
  sendRefusal: 'sendRefusal',
  update: 'updateFailure',
  dataset: 'datasetError',
} as const;

export const errorKey = (prefix: string, code: string) =>
  `${prefix}_${code.replaceAll('-', '_')}` as MessageKey;

// No message takes more than one parameter; each names it ($MAX$, $STATUS$) in both catalogues.
const PARAMETERS = ['max', 'status'] as const;

function word(t: Translate, prefix: string, error: CodedError<string>): string {
  const values = PARAMETERS.flatMap((name) => error.params?.[name] ?? []);
  return t(errorKey(prefix, error.code), ...values);
}

export const reportErrorText = (t: Translate, error: CodedError<ReportErrorCode>) =>
  word(t, ERROR_KEY_PREFIXES.report, error);

export const sendFailureText = (t: Translate, error: SendFailure) =>
  word(t, ERROR_KEY_PREFIXES.sendFailure, error);

export function sendRefusalText(t: Translate, error: SendRefusal): string {
  return isReportErrorCode(error.code)
    ? reportErrorText(t, { ...error, code: error.code })
    : word(t, ERROR_KEY_PREFIXES.sendRefusal, error);
}

export const updateFailureText = (t: Translate, failure: UpdateFailure) =>
  word(t, ERROR_KEY_PREFIXES.update, failure);

export const datasetErrorText = (t: Translate, error: DatasetError) =>
  word(t, ERROR_KEY_PREFIXES.dataset, error);
