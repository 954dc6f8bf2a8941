/**
 * Whether addresses the reader sets (reports, updates) must be https: always in store builds;
 * the local build (tests, demo) also reaches servers on 127.0.0.1 over http. The background
 * (which connects) and the options page (which checks as the reader types) ask the same question
 * here, so they cannot disagree. See `addressProblem` in settings.ts.
 */
export function httpsOnly(): boolean {
  return !__FOOTNOTE_TEST_HOOKS__;
}
