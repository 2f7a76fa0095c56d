// @ts-check
/**
 * The content script's first work: the analyzer's module is compiled, instantiated and its rule book
 * compiled here, in one go, before the rest of the bundle is evaluated and the page is searched for the
 * form. Compiled off this thread instead, the module's result was handled only after the content
 * script's own page work (10-35 ms in the same task), then instantiated and warmed up: "ready"
 * (benches/browser/, median of 3 alternating runs) Firefox 54-60 -> 22-26 ms, Chromium 25-29 -> 12-17 ms.
 *
 * The cost: the compile is on the page's main thread now, so the content script's first run is longer
 * by it and by the load it used to leave for a later task (Chromium 16 -> 29 ms, Firefox 27 -> 45 ms;
 * the load alone took 10-15 ms in that later task, so the compile here is a few ms). And the module is
 * loaded before the seller's settings are read, also for a seller who chose the background analyzer:
 * the first drafts are checked here until the settings are read (main.js), then there; what stays here
 * is the module's memory, about 3 MB. On a page whose CSP forbids WebAssembly in content scripts the
 * compile throws, and analyzer.js asks the background instead.
 *
 * The module's bytes come inside the bundle (base64, written by extension/build.mjs), not from a fetch:
 * a content script's fetch of an extension file took Chromium about 20 ms before the first byte, more
 * than the compile itself, and the module then needs no web-accessible URL.
 * @module
 */

import { startedAt } from './content-clock.js'; // first: it starts the clock before anything is evaluated
// @ts-ignore -- dist/pkg/ is written by build.sh; build.mjs inlines this file as a base64 string
import moduleBase64 from '../pkg/msgguard_bg.wasm';
// @ts-ignore -- dist/pkg/ is written by build.sh (wasm-bindgen); build.mjs resolves this path to it
import * as glue from '../pkg/msgguard.js';
import { expandReport } from '../ui/compact-report.js';

export { startedAt, glue };

const g = /** @type {any} */ (globalThis);

/** false when this content script already ran in this page (an extension reload injects it again) */
export const firstLoad = !g.__messageGuardLoaded;
g.__messageGuardLoaded = true;

/**
 * The module compiled here, or why it could not be: a CompileError where the page's CSP forbids
 * WebAssembly in content scripts (Chromium); null where this script has no WebAssembly at all.
 * @type {{module: WebAssembly.Module} | {error: unknown} | null}
 */
const here = firstLoad ? compile() : null;

/** @type {Promise<WebAssembly.Module> | null} */
export const compiled = here && ('module' in here ? Promise.resolve(here.module) : rejected(here.error));

/**
 * performance.now() when the module, instantiated here with its rule book compiled, answered a probe:
 * the analyzer is ready from then on. Undefined when it was not loaded here (analyzer.js then loads
 * it, or reports why it cannot).
 * @type {number | undefined}
 */
export const readyAt = here && 'module' in here ? instantiate(here.module) : undefined;

/** @returns {{module: WebAssembly.Module} | {error: unknown} | null} */
function compile() {
  if (typeof WebAssembly !== 'object') return null;
  try {
    return { module: new WebAssembly.Module(decodeBase64(moduleBase64)) };
  } catch (error) {
    return { error };
  }
}

/**
 * A failure is left for analyzer.js, which tries again and reports it (or asks the background).
 * @param {WebAssembly.Module} module
 * @returns {number | undefined}
 */
function instantiate(module) {
  try {
    glue.initSync({ module });
    glue.warm_up();
    expandReport(glue.analyze_compact('', {}), '');
    return performance.now();
  } catch {
    return undefined;
  }
}

/** @param {unknown} error @returns {Promise<never>} */
function rejected(error) {
  const p = Promise.reject(error);
  p.catch(() => {}); // analyzer.js reports it, and asks the background
  return p;
}

/**
 * @param {string} b64
 * @returns {Uint8Array<ArrayBuffer>}
 */
function decodeBase64(b64) {
  const U8 = /** @type {any} */ (Uint8Array);
  if (typeof U8.fromBase64 === 'function') return U8.fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
