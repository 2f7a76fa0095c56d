// @ts-check
/**
 * Loads the analyzer for the content script. First choice: the WebAssembly module right here (fast,
 * synchronous once loaded). Chromium refuses WebAssembly in content scripts on pages whose CSP lacks
 * 'wasm-unsafe-eval' (an empty CompileError); then the same module runs in the background (service
 * worker in Chrome, background scripts in Firefox) and is asked by message. If both fail, `load` rejects
 * and the caller shows "unavailable".
 * @module
 */

import { api } from './browser.js';
import { MAX_TEXT } from './protocol.js';
import { expandReport } from '../ui/compact-report.js';

/** @typedef {import('../ui/types.js').Report} Report */
/** @typedef {import('../ui/types.js').AnalyzeOptions} AnalyzeOptions */

/**
 * @typedef {object} Analyzer
 * @property {'local' | 'background'} path
 * @property {(text: string, options?: AnalyzeOptions) => Promise<Report>} analyze
 * @property {string} [error]  why the local path was not used
 */

const BACKGROUND_TIMEOUT_MS = 5000;
/**
 * From this length (a paste of a whole template library, not a message) the local analyzer hands the
 * text to the background, whose copy of the module works on another thread. Below it the analysis is
 * done here, at once: it runs at about 10 MB/s in either browser (a million characters in 65–110 ms
 * on a 2-core machine, benches/browser/), so the verdict comes with the pasted text, while an answer
 * from the background waits until the page has laid that text out (a third of a second or more for
 * a million characters, the browser's own work). Above it, the main thread would be held for more
 * than about a tenth of a second.
 */
const OFF_THREAD_MIN = 1_200_000;

/**
 * Records how long loading took as performance measures, so the benchmarks (benches/browser/) read them
 * from the page's timeline: `msgguard:analyzer-ready:<path>` from the extension's first script
 * (content-start.js) to the first answer, and `msgguard:analyzer-load:<path>` from when this module began to
 * load the analyzer. No text, only durations; a browser without the User Timing API simply gets none.
 * @param {'local' | 'background'} path @param {number} start  performance.now() when loading began
 */
function markReady(path, start) {
  try {
    const end = performance.now();
    performance.measure(`msgguard:analyzer-ready:${path}`, { start: firstScriptTime(), end });
    performance.measure(`msgguard:analyzer-load:${path}`, { start, end });
  } catch { /* no User Timing: nothing to record */ }
}

/** @param {unknown} r @returns {r is Report} */
function looksLikeReport(r) {
  return typeof r === 'object' && r !== null && typeof (/** @type {any} */ (r).category) === 'string'
    && Array.isArray(/** @type {any} */ (r).findings);
}

/**
 * Compiles the analyzer's module as it arrives, where the browser can.
 * @param {Promise<Response>} response
 * @returns {Promise<WebAssembly.Module>}
 */
async function compileModule(response) {
  if (typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await (await response).arrayBuffer());
}

/**
 * When the extension's first script ran (content-start.js): "analyzer ready" counts from there.
 * @returns {number}
 */
function firstScriptTime() {
  const t = /** @type {any} */ (globalThis).__messageGuardStart;
  return typeof t === 'number' && t <= performance.now() ? t : performance.now();
}

/**
 * The module content-start.js started compiling as the extension's first script ran, if it did.
 * @returns {Promise<WebAssembly.Module> | null}
 */
function earlyModule() {
  const m = /** @type {any} */ (globalThis).__messageGuardModule;
  return m && typeof m.then === 'function' ? m : null;
}

/**
 * @param {any} [glue]  the module's JavaScript glue, when the caller has it (the content script's
 *   bundle does); else imported here
 * @returns {Promise<Analyzer>}
 */
async function loadLocal(glue) {
  const start = performance.now();
  // The module's fetch and compile need not wait for its JavaScript glue: content-start.js started
  // them, or they start now, while the glue is imported. A page whose CSP forbids WebAssembly here
  // fails the compile.
  const compiled = earlyModule() ?? compileModule(fetch(api.runtime.getURL('pkg/msgguard_bg.wasm')));
  compiled.catch(() => {}); // reported below, or moot if the import fails first
  /** @type {any} */
  const mod = glue ?? await import(api.runtime.getURL('pkg/msgguard.js'));
  await mod.default({ module_or_path: await compiled });
  mod.warm_up();
  const probe = expandReport(mod.analyze_compact('', {}), '');
  if (!looksLikeReport(probe)) throw new Error('the analyzer answered with something else than a report');
  markReady('local', start);
  return {
    path: 'local',
    analyze: async (text, options) => {
      if (text.length >= OFF_THREAD_MIN && text.length <= MAX_TEXT) {
        try {
          return await askBackground(text, options);
        } catch {
          // the background cannot answer: analyze here, on this thread
        }
      }
      // compact: the module writes and parses each rule's texts once, not in every finding
      return expandReport(mod.analyze_compact(text, options ?? {}), text);
    },
  };
}

/**
 * @param {string} text
 * @param {AnalyzeOptions} [options]
 * @returns {Promise<Report>}
 */
async function askBackground(text, options) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the background analyzer did not answer')), BACKGROUND_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([api.runtime.sendMessage({ type: 'analyze', text, options: options ?? {} }), timeout]);
    if (!answer || !answer.ok) throw new Error(answer?.error ?? 'the background analyzer failed');
    const report = expandReport(answer.compact, text);
    if (looksLikeReport(report)) return report;
    throw new Error('the background analyzer answered with something else than a report');
  } finally {
    clearTimeout(timer);
  }
}

/** @returns {Promise<Analyzer>} */
async function loadBackground() {
  const start = performance.now();
  await askBackground('', {});
  markReady('background', start);
  return { path: 'background', analyze: askBackground };
}

/**
 * @param {{prefer?: 'local' | 'background', glue?: any}} [opts]  glue: the module's JavaScript glue
 *   (wasm-bindgen's), if already loaded
 * @returns {Promise<Analyzer>}
 */
export async function loadAnalyzer(opts = {}) {
  let localError = '';
  if (opts.prefer !== 'background') {
    try {
      return await loadLocal(opts.glue);
    } catch (e) {
      localError = String(/** @type {any} */ (e)?.message ?? e) || /** @type {any} */ (e)?.name || 'error';
    }
  }
  const bg = await loadBackground();
  return { ...bg, error: localError };
}
