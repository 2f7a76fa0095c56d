// @ts-check
/**
 * The content script's end of the port to the background analyzer (protocol.js, background.js). One
 * port, opened by the first request, kept while requests come, and closed after IDLE_CLOSE_MS without
 * any, so the browser may unload an idle background as it would without us. Requests carry an id, and
 * answers are matched by it.
 *
 * The browser closes the port when it stops the background (Chrome stops an idle service worker after
 * about 30 seconds): the next request opens a new one, which wakes it. A request the closing caught in
 * flight is sent once more on a new port; it fails only when that one closes too.
 * @module
 */

import { PORT_NAME } from './protocol.js';

/** Without a request for this long, the port is closed (the next request opens another). */
export const IDLE_CLOSE_MS = 30_000;

/**
 * @typedef {{id: number | null, ok: boolean, compact?: unknown, error?: string}} Answer
 * @typedef {{port: import('./browser.js').Port, resolve: (a: Answer) => void, reject: (e: Error) => void}} Waiting
 */

/**
 * @param {Pick<import('./browser.js').ExtensionApi['runtime'], 'connect'> & {lastError?: {message?: string}}} runtime
 * @param {number} timeoutMs  how long one request waits for its answer
 * @returns {{ask: (request: import('./protocol.js').AnalyzeRequest) => Promise<Answer>, wake: () => void}}
 */
export function createBackgroundPort(runtime, timeoutMs) {
  /** @type {import('./browser.js').Port | null} */
  let port = null;
  let nextId = 0;
  /** @type {Map<number, Waiting>} */
  const waiting = new Map();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let idleTimer;

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

  function closeWhenIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      const p = port;
      if (!p || [...waiting.values()].some((w) => w.port === p)) return;
      port = null;
      try {
        p.disconnect();
      } catch { /* already gone */ }
    }, IDLE_CLOSE_MS);
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
    /**
     * Opens the port if it is closed, which starts the background if the browser stopped it (after
     * 30 s idle, a stopped service worker takes tens of milliseconds to start and load the module):
     * called when the field gets focus, so the seller's next key does not wait for that.
     */
    wake() {
      if (!port) api.ask({ type: 'analyze', text: '', options: {} }).catch(() => {});
    },
    /** @param {import('./protocol.js').AnalyzeRequest} request @returns {Promise<Answer>} */
    async ask(request) {
      try {
        return await send(request);
      } catch (e) {
        if (!(/** @type {any} */ (e)?.closed)) throw e;
        return send(request); // the background went away meanwhile: once more, on a new port
      } finally {
        closeWhenIdle();
      }
    },
  };
  return api;
}
