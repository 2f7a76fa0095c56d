// @ts-check
/**
 * The content script's first line: the first module of its bundle (content-start.js imports it before
 * anything else), so "analyzer ready" (analyzer.js, benches/browser/) counts from the moment the
 * extension's code begins to run in the page, before the analyzer's glue is evaluated.
 * @module
 */

/** performance.now() at the first line of the extension's code in this page */
export const startedAt = performance.now();
