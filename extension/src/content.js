// @ts-check
/**
 * The content script, bundled by extension/build.mjs with everything it imports into one classic
 * script (content scripts cannot be ES modules; loading modules from one cost Chromium a request each,
 * then two more dynamic imports before the analyzer could start: benches/browser/, "ready").
 * The analyzer's JavaScript glue and its wasm module are bundled too (content-start.js compiles it).
 * If anything fails, the page is left exactly as it was.
 * @module
 */

import { compiled, firstLoad, startedAt } from './content-start.js'; // first: it starts the clock and the module's compile
// @ts-ignore -- dist/pkg/ is written by build.sh (wasm-bindgen); build.mjs resolves this path to it
import * as glue from '../pkg/msgguard.js';
import { start } from './main.js';

if (firstLoad) {
  try {
    start({ local: { glue, module: compiled, startedAt } });
  } catch (e) {
    console.warn('[Message Guard] not started:', e);
  }
}
