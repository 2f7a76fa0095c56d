// @ts-check
/**
 * The content script's end of the port to the background analyzer (protocol.js, background.js). One
 * port, opened by the first request, kept while requests come. Requests carry an id, and answers are
 * matched by it.
 *
 * The browser closes the port when it stops the background (Chrome stops a service worker 30 s after
 * its last event): the next request opens a new one, which starts it again; a request the closing
 * caught in flight is sent once more on a new port, and fails only when that one closes too. Starting
 * it again (the worker, then the module) made the next key wait 80–130 ms, so while the field has focus
 * (`prepare` … `release`) the background is kept ready: an empty request when none came for IDLE_MS.
 * Without focus, the port is closed after IDLE_MS without requests, so the browser may unload an idle
 * background as it would without us.
 * @module
 */

import { PORT_NAME } from './protocol.js';

/** Without a request for this long: an empty one while the field has focus, else the port is closed. */
export const IDLE_MS = 20_000;

/** @type {import('./protocol.js').AnalyzeRequest} */
const EMPTY = { type: 'analyze', text: '', options: {} };

/**
 * @typedef {{id: number | null, ok: boolean, compact?: unknown, error?: string}} Answer
 * @typedef {{port: import('./browser.js').Port, resolve: (a: Answer) => void, reject: (e: Error) => void}} Waiting
 */

/**
 * @param {Pick<import('./browser.js').ExtensionApi['runtime'], 'connect'> & {lastError?: {message?: string}}} runtime
 * @param {number} timeoutMs  how long one request waits for its answer
 * @returns {{ask: (request: import('./protocol.js').AnalyzeRequest) => Promise<Answer>, prepare: () => void, release: () => void}}
 */
export function createBackgroundPort(runtime, timeoutMs) {
  /** @type {import('./browser.js').Port | null} */
  let port = null;
  let nextId = 0;
  /** @type {Map<number, Waiting>} */
  const waiting = new Map();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let idleTimer;
  let keepReady = false; // the field has focus: keys may come

  /** @param {string} why @returns {Error} */
  const closedError = (why) => Object.assign(new Error(`the background analyzer closed the connection${why ? ` (${why})` : ''}`), { closed: true });

  function open() {
    const p = runtime.connect({ name: PORT_NAME });
    p.onMessage.addListener((message) => {
      const id = /** @type {any} */ (message)?.id;
      const w = typeof id === 'number' ? waiting.get(id) : undefined;
      if (!w || w.port !== p) return; // the answer to a request that timed out
      waiting.delete(id);
      w.resolve(/** @type {Answer} */ (message));
    });
    p.onDisconnect.addListener(() => {
      // reading lastError also keeps Chromium from logging it as unchecked
      const why = runtime.lastError?.message ?? '';
      close(p, closedError(why));
    });
    return p;
  }

  /** @param {import('./browser.js').Port} p @param {Error} error  for the requests still waiting on p */
  function close(p, error) {
    if (port === p) port = null;
    for (const [id, w] of waiting) {
      if (w.port !== p) continue;
      waiting.delete(id);
      w.reject(error);
    }
  }

  /** After IDLE_MS without a request (each request's end calls this again). */
  function whenIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      const p = port;
      if (p && [...waiting.values()].some((w) => w.port === p)) return;
      if (keepReady) {
        api.ask(EMPTY).catch(() => {});
        return;
      }
      if (!p) return;
      port = null;
      try {
        p.disconnect();
      } catch { /* already gone */ }
    }, IDLE_MS);
  }

  /** @param {import('./protocol.js').AnalyzeRequest} request @returns {Promise<Answer>} */
  function send(request) {
    return new Promise((resolve, reject) => {
      const p = port ?? (port = open());
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the background analyzer did not answer'));
      }, timeoutMs);
      waiting.set(id, {
        port: p,
        resolve: (a) => { clearTimeout(timer); resolve(a); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      try {
        p.postMessage({ id, request });
      } catch (e) {
        // disconnected before the browser told us
        close(p, closedError(String(/** @type {any} */ (e)?.message ?? e)));
      }
    });
  }

  const api = {
    /** The field got focus: the background is started now if it was stopped, and kept ready. */
    prepare() {
      keepReady = true;
      if (!port) api.ask(EMPTY).catch(() => {});
    },
    /** The field lost focus: the port is closed once idle. */
    release() {
      keepReady = false;
    },
    /** @param {import('./protocol.js').AnalyzeRequest} request @returns {Promise<Answer>} */
    async ask(request) {
      try {
        return await send(request);
      } catch (e) {
        if (!(/** @type {any} */ (e)?.closed)) throw e;
        return send(request); // the background went away meanwhile: once more, on a new port
      } finally {
        whenIdle();
      }
    },
  };
  return api;
}
