// @ts-check
/**
 * The content script, bundled by extension/build.mjs with everything it imports into one classic
 * script (content scripts cannot be ES modules; loading modules from one cost Chromium a request each,
 * then two more dynamic imports before the analyzer could start: benches/browser/, "ready").
 * The analyzer's JavaScript glue and its wasm module are bundled too (content-start.js compiles it), and
 * so is the script of the worker that analyzes long drafts (analysis-worker.js, as a string).
 * If anything fails, the page is left exactly as it was.
 * @module
 */

import { compiled, firstLoad, startedAt } from './content-start.js'; // first: it starts the clock and the module's compile
// @ts-ignore -- dist/pkg/ is written by build.sh (wasm-bindgen); build.mjs resolves this path to it
import * as glue from '../pkg/msgguard.js';
// @ts-ignore -- build.mjs bundles the worker (with its own copy of the glue) and inlines it as a string
import workerSource from './analysis-worker.js?worker-source';
import { start } from './main.js';

if (firstLoad) {
  try {
    start({ local: { glue, module: compiled, startedAt, workerSource } });
  } catch (e) {
    console.warn('[Message Guard] not started:', e);
  }
}
