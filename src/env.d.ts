/**
 * True only in the local build (`npm run build -- --local`) used by tests and the demo: it lets
 * the content script mark the page so tests can see it ran. The store builds never have it.
 */
declare const __FOOTNOTE_TEST_HOOKS__: boolean;
