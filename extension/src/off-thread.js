// @ts-check
/**
 * Long drafts analyzed in a dedicated worker (analysis-worker.js), beside the page's main thread.
 *
 * Why: after a big paste the browser lays out the pasted text in one long task of its own (a third of a
 * second or more for a million characters on a 2-core machine). Analyzed on the main thread, the draft's
 * analysis (another 50–200 ms) was added to that task, and its verdict painted only after both; analyzed
 * here, the two run at once, the page freezes no longer than without the extension, and the verdict
 * is drawn when the layout is done. Short drafts stay on the main thread: they cost less than the trip.
 *
 * The worker is started when the field gets focus (`prepare`), or else on the first long draft, from
 * the module the content script compiled. Started before the paste, it is ready for it: a worker
 * cannot start while the page's main thread is busy (its script is loaded through it), and after a big
 * paste the main thread is busy laying the text out. It is stopped when it has had nothing to do for a
 * while after a long draft, or after the field lost focus (`release`): the next focus starts it again.
 * Anything that goes wrong (a page CSP without blob: workers, a worker that fails or does not answer)
 * makes `analyze` reject, and this page falls back to the main thread for good: the caller catches it.
 * @module
 */

/** How long one analysis may take before the worker is given up (a million characters: 50–300 ms). */
const ANSWER_TIMEOUT_MS = 10_000;
/**
 * A worker that analyzed a long draft is stopped after this long without work: its memory grew with the
 * draft and a module's memory never shrinks. One that only started (a few megabytes) is kept while the
 * field has focus, and stopped this long after it lost it.
 */
const IDLE_STOP_MS = 30_000;

/**
 * @typedef {object} OffThread
 * @property {(text: string, options: object) => Promise<unknown>} analyze  the module's compact report
 *   (for expandReport, which checks it); rejects when the worker cannot answer, with an `engine` error
 *   when the engine threw, or with a `superseded` error for a request that a newer one replaced
 *   before the worker reached it
 * @property {() => void} prepare  starts the worker if it is not running: a long draft may come soon
 *   (the field got focus)
 * @property {() => void} release  no long draft is expected soon (the field lost focus): the worker is
 *   stopped when it has been idle for a while
 * @property {() => 'idle' | 'running' | 'unavailable'} state  for the host's data-off-thread attribute
 */

/**
 * @param {string} source  the worker's script (a classic script: the bundle build.mjs makes)
 * @param {Promise<WebAssembly.Module>} module  the module the content script compiled
 * @returns {OffThread}
 */
export function createOffThread(source, module) {
  /** @type {Worker | null} */
  let worker = null;
  let unavailable = false;
  let starting = false;
  let used = false; // has analyzed a draft: its memory grew
  let expected = false; // a long draft may come soon (prepare): a worker that only started is kept
  let nextId = 1;
  /** the request the worker is working on */
  /** @type {Request | null} */
  let inFlight = null;
  /** the one request waiting for it: a newer one replaces it (the older text is stale by then) */
  /** @type {Request | null} */
  let waiting = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let idleTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let answerTimer;

  /**
   * @typedef {object} Request
   * @property {number} id
   * @property {string} text
   * @property {object} options
   * @property {(compact: unknown) => void} resolve
   * @property {(err: Error) => void} reject
   */

  /** @param {string} why */
  function giveUp(why) {
    unavailable = true;
    stop();
    const err = new Error(`the analysis worker is unavailable: ${why}`);
    for (const r of [inFlight, waiting]) r?.reject(err);
    inFlight = null;
    waiting = null;
  }

  function stop() {
    clearTimeout(idleTimer);
    clearTimeout(answerTimer);
    worker?.terminate();
    worker = null;
    used = false;
  }

  /** @returns {Promise<Worker>} */
  async function start() {
    const compiled = await module;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      const w = new Worker(url); // throws where the page's CSP forbids blob: workers
      w.onmessage = (e) => answered(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        giveUp(e.message || 'it failed to start or threw');
      };
      w.onmessageerror = () => giveUp('an answer could not be read');
      w.postMessage({ type: 'init', module: compiled });
      return w;
    } finally {
      URL.revokeObjectURL(url); // the worker has its script by now (revoking later would not matter)
    }
  }

  function launch() {
    if (starting) return; // the latest request goes when the worker is there
    starting = true;
    start().then((w) => {
      starting = false;
      if (unavailable) {
        w.terminate();
        return;
      }
      worker = w;
      sendNext(); // the waiting request, or the idle timer
    }, (e) => {
      starting = false;
      giveUp(String(e?.message ?? e));
    });
  }

  /** @param {any} m */
  function answered(m) {
    if (m && m.type === 'failed') {
      giveUp(String(m.error));
      return;
    }
    const r = inFlight;
    if (!r || !m || m.id !== r.id) return;
    clearTimeout(answerTimer);
    inFlight = null;
    let compact = null;
    try {
      compact = typeof m.compact === 'string' ? JSON.parse(m.compact) : null;
    } catch { /* below */ }
    if (typeof compact === 'object' && compact !== null) {
      r.resolve(compact);
    } else if (typeof m.error === 'string') {
      // the engine's error, not the worker's: the same module would throw on the main thread too
      r.reject(Object.assign(new Error(m.error), { engine: true }));
    } else {
      giveUp('it answered with something else than a report');
      r.reject(new Error('the analysis worker answered with something else than a report'));
      return;
    }
    sendNext();
  }

  /** Nothing to do now: stopped after a while, unless it only started and a long draft is expected. */
  function idle() {
    clearTimeout(idleTimer);
    if (worker && !inFlight && !waiting && (used || !expected)) idleTimer = setTimeout(stop, IDLE_STOP_MS);
  }

  function sendNext() {
    if (!waiting || !worker) {
      idle();
      return;
    }
    used = true;
    inFlight = waiting;
    waiting = null;
    clearTimeout(idleTimer);
    answerTimer = setTimeout(() => giveUp('it did not answer in time'), ANSWER_TIMEOUT_MS);
    worker.postMessage({ type: 'analyze', id: inFlight.id, text: inFlight.text, options: inFlight.options });
  }

  return {
    analyze(text, options) {
      if (unavailable) return Promise.reject(new Error('the analysis worker is unavailable'));
      return new Promise((resolve, reject) => {
        waiting?.reject(Object.assign(new Error('superseded by a newer draft'), { superseded: true }));
        waiting = { id: nextId++, text, options, resolve, reject };
        if (inFlight) return;
        if (worker) {
          sendNext();
          return;
        }
        launch();
      });
    },
    prepare() {
      if (unavailable) return;
      expected = true;
      if (!worker) launch();
      else idle(); // not stopped just before the paste this focus announces
    },
    release() {
      expected = false;
      idle();
    },
    state: () => (unavailable ? 'unavailable' : worker ? 'running' : 'idle'),
  };
}
