// @ts-check
/**
 * The content script, bundled by extension/build.mjs with everything it imports into one classic
 * script (content scripts cannot be ES modules; loading modules from one cost Chromium a request each,
 * then two more dynamic imports before the analyzer could start: benches/browser/, "ready").
 * The analyzer's JavaScript glue and its wasm module are bundled too (content-start.js loads it), and
 * so is the script of the worker that analyzes long drafts (analysis-worker.js, as a string).
 * If anything fails, the page is left exactly as it was.
 * @module
 */

import { compiled, firstLoad, glue, readyAt, startedAt } from './content-start.js'; // first: it starts the clock and loads the analyzer
// @ts-ignore -- build.mjs bundles the worker (with its own copy of the glue) and inlines it as a string
import workerSource from './analysis-worker.js?worker-source';
import { start } from './main.js';

if (firstLoad) {
  try {
    start({ local: { glue, module: compiled, startedAt, readyAt, workerSource } });
  } catch (e) {
    console.warn('[Message Guard] not started:', e);
  }
  // How long the content script's first run held the page's main thread (the analyzer loaded, the
  // bundle evaluated, the form found and the panel mounted): benches/browser/ reads it.
  try {
    performance.measure('msgguard:content-script-run', { start: startedAt, end: performance.now() });
  } catch { /* no User Timing */ }
}
