// @ts-check
/**
 * Loads the analyzer for the content script. First choice: the WebAssembly module right here (fast,
 * synchronous once loaded). Chromium refuses WebAssembly in content scripts on pages whose CSP lacks
 * 'wasm-unsafe-eval' (an empty CompileError); then the same module runs in the background (service
 * worker in Chrome, background scripts in Firefox) and is asked over a port (background-port.js). If
 * both fail, `load` rejects and the caller shows "unavailable".
 * @module
 */

import { api } from './browser.js';
import { MAX_TEXT } from './protocol.js';
import { expandReport } from '../ui/compact-report.js';
import { createOffThread } from './off-thread.js';
import { createBackgroundPort } from './background-port.js';

/** @typedef {import('../ui/types.js').Report} Report */
/** @typedef {import('../ui/types.js').AnalyzeOptions} AnalyzeOptions */

/**
 * @typedef {object} Analyzer
 * @property {'local' | 'background'} path
 * @property {(text: string, options?: AnalyzeOptions) => Promise<Report>} analyze
 * @property {string} [error]  why the local path was not used
 * @property {() => 'idle' | 'running' | 'unavailable'} [offThread]  the worker for long drafts (local path)
 * @property {() => void} [prepare]  a big paste may follow: start that worker now
 * @property {() => void} [release]  no big paste soon: that worker may stop when idle
 */

const BACKGROUND_TIMEOUT_MS = 5000;
/**
 * From this length (a paste, not typing) the local analyzer hands the text to its worker
 * (off-thread.js): the analysis then runs while the page lays the pasted text out, instead of adding
 * to that task. Below it the analysis is done here, at once: about 10 MB/s in either browser, 10 ms at
 * this length, less than the trip to the worker and back would save.
 */
const WORKER_MIN = 100_000;
/**
 * Where the worker is not available (a page CSP without blob: workers), from this length the text goes
 * to the background instead, whose copy of the module works in another process: its answer waits
 * until the page has laid the text out, but the main thread is not held for more than about a tenth
 * of a second. Below it, the analysis is done here.
 */
const BACKGROUND_MIN = 1_200_000;

/**
 * What the content script's bundle brings for the local path (content-start.js, content.js).
 * @typedef {object} LocalModule
 * @property {any} glue  wasm-bindgen's JavaScript glue for the module
 * @property {Promise<WebAssembly.Module> | null} module  the module, compiled at the first lines
 *   (rejected: the page's CSP forbids it; null: this browser has no WebAssembly here)
 * @property {number} startedAt  performance.now() at the content script's first line
 * @property {number} [readyAt]  performance.now() when the first lines had the module instantiated with
 *   its rule book compiled, and answering (undefined: not done there; it is done here)
 * @property {string} [workerSource]  the analysis worker's script (analysis-worker.js, bundled)
 */

/**
 * Records how long loading took as performance measures, so the benchmarks (benches/browser/) read them
 * from the page's timeline: `msgguard:analyzer-ready:<path>` from the extension's first script
 * (content-clock.js) to the analyzer's first answer, and `msgguard:analyzer-load:<path>` from when this
 * module began to load the analyzer to when it hands it over. No text, only durations; a browser
 * without the User Timing API simply gets none.
 * @param {'local' | 'background'} path
 * @param {number} start  performance.now() when loading began
 * @param {number | undefined} firstScript  performance.now() at the first line, if known
 * @param {number} [answered]  performance.now() at the first answer, when it came before this module
 *   asked for one (content-start.js loads the local analyzer in the content script's first lines)
 */
function markReady(path, start, firstScript, answered) {
  try {
    const end = performance.now();
    const from = firstScript !== undefined && firstScript <= start ? firstScript : start;
    performance.measure(`msgguard:analyzer-ready:${path}`, { start: from, end: answered !== undefined && answered >= from ? answered : end });
    performance.measure(`msgguard:analyzer-load:${path}`, { start, end });
  } catch { /* no User Timing: nothing to record */ }
}

/** @param {unknown} r @returns {r is Report} */
function looksLikeReport(r) {
  return typeof r === 'object' && r !== null && typeof (/** @type {any} */ (r).category) === 'string'
    && Array.isArray(/** @type {any} */ (r).findings);
}

/**
 * @param {LocalModule} local
 * @param {() => boolean} [wanted]  asked once the module is compiled: false (the seller chose the
 *   background analyzer) stops here, and the analyses go there (in the content script the module was
 *   loaded by its first lines already: content-start.js)
 * @returns {Promise<Analyzer>}
 */
async function loadLocal(local, wanted) {
  const start = performance.now();
  // A page whose CSP forbids WebAssembly in content scripts fails the compile (Chromium).
  if (!local.module) throw new Error('no WebAssembly in this content script');
  const mod = local.glue;
  await local.module;
  if (wanted && !wanted()) throw Object.assign(new Error('the background analyzer was chosen'), { unwanted: true });
  // Each a no-op, after a probe, when the content script's first lines did it (content-start.js); there
  // the errors are left for here, where they make the background be asked instead.
  await mod.default({ module_or_path: await local.module });
  mod.warm_up();
  const probe = expandReport(mod.analyze_compact('', {}), '');
  if (!looksLikeReport(probe)) throw new Error('the analyzer answered with something else than a report');
  markReady('local', start, local.startedAt, local.readyAt);
  const worker = local.workerSource ? createOffThread(local.workerSource, local.module) : null;
  return {
    path: 'local',
    offThread: () => (worker ? worker.state() : 'unavailable'),
    prepare: () => worker?.prepare(),
    release: () => worker?.release(),
    analyze: async (text, options) => {
      if (worker && text.length >= WORKER_MIN && text.length <= MAX_TEXT && worker.state() !== 'unavailable') {
        try {
          return expandReport(await worker.analyze(text, options ?? {}), text);
        } catch (e) {
          // superseded: a newer draft replaced this one before the worker got to it (nobody waits for
          // this answer); engine: the module threw, as it would here
          if (/** @type {any} */ (e)?.superseded || /** @type {any} */ (e)?.engine) throw e;
          // the worker cannot answer (and will not be asked again): below
        }
      }
      if (text.length >= BACKGROUND_MIN && text.length <= MAX_TEXT) {
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

/** @type {ReturnType<typeof createBackgroundPort> | null} */
let backgroundPort = null;

/**
 * @param {string} text
 * @param {AnalyzeOptions} [options]
 * @returns {Promise<Report>}
 */
async function askBackground(text, options) {
  backgroundPort ??= createBackgroundPort(api.runtime, BACKGROUND_TIMEOUT_MS);
  const answer = await backgroundPort.ask({ type: 'analyze', text, options: options ?? {} });
  if (!answer.ok) throw new Error(answer.error ?? 'the background analyzer failed');
  const report = expandReport(answer.compact, text);
  if (looksLikeReport(report)) return report;
  throw new Error('the background analyzer answered with something else than a report');
}

/** @param {number | undefined} firstScript @returns {Promise<Analyzer>} */
async function loadBackground(firstScript) {
  const start = performance.now();
  await askBackground('', {});
  markReady('background', start, firstScript);
  return {
    path: 'background',
    analyze: askBackground,
    prepare: () => backgroundPort?.prepare(),
    release: () => backgroundPort?.release(),
  };
}

/**
 * @param {{prefer?: 'local' | 'background', local?: LocalModule, wanted?: () => boolean}} [opts]
 *   local: the module and its glue, where this script has them (the content script's bundle); without
 *   it, the background. wanted: whether the local analyzer is still wanted once its module is compiled
 *   (the settings are read meanwhile); if not, this rejects with an `unwanted` error, loading nothing
 * @returns {Promise<Analyzer>}
 */
export async function loadAnalyzer(opts = {}) {
  let localError = '';
  if (opts.prefer !== 'background') {
    try {
      if (!opts.local) throw new Error('no local module to load');
      return await loadLocal(opts.local, opts.wanted);
    } catch (e) {
      if (/** @type {any} */ (e)?.unwanted) throw e;
      localError = String(/** @type {any} */ (e)?.message ?? e) || /** @type {any} */ (e)?.name || 'error';
    }
  }
  const bg = await loadBackground(opts.local?.startedAt);
  return { ...bg, error: localError };
}
