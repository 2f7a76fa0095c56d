// @ts-check
/**
 * The analysis worker: a dedicated worker the content script starts for long drafts (a pasted template
 * library), so that analyzing them runs beside the browser's own layout of the pasted text instead of
 * before it on the page's main thread (off-thread.js). extension/build.mjs bundles this file with the
 * analyzer's glue into one classic script, carried by the content script as a string.
 *
 * Messages in: {type: 'init', module} (the content script's compiled WebAssembly.Module: no fetch, no
 * second compile), then {type: 'analyze', id, text, options}. Out: {id, compact} (the compact report as
 * JSON text) or {id, error}, and
 * {type: 'failed', error} if the module could not be instantiated. They are handled in order, so an
 * analysis sent right after 'init' waits for it.
 * @module
 */

// @ts-ignore -- dist/pkg/ is written by build.sh (wasm-bindgen); build.mjs resolves this path to it
import { analyze_compact, initSync, warm_up } from '../pkg/msgguard.js';

const scope = /** @type {any} */ (globalThis);
let failed = '';

scope.onmessage = (/** @type {MessageEvent} */ e) => {
  const m = e.data;
  if (m && m.type === 'init') {
    try {
      initSync({ module: m.module });
      warm_up();
    } catch (err) {
      failed = String(err) || 'the module could not be instantiated';
      scope.postMessage({ type: 'failed', error: failed });
    }
    return;
  }
  if (!m || m.type !== 'analyze') return;
  if (failed) {
    scope.postMessage({ id: m.id, error: failed });
    return;
  }
  try {
    // as JSON text: in Firefox the answer lands in the page's compartment (the worker is the page's),
    // and the content script reading a big object there through wrappers took longer than the analysis
    scope.postMessage({ id: m.id, compact: JSON.stringify(analyze_compact(m.text, m.options)) });
  } catch (err) {
    scope.postMessage({ id: m.id, error: String(err) || 'the analysis failed' });
  }
};
