// @ts-check
/**
 * Background analyzer (Chrome: module service worker; Firefox: background script module). Used when the
 * page's CSP keeps WebAssembly out of the content script, or when the seller chose it. Listens only for
 * ports named PORT_NAME from this extension's content script on a Seller Central tab or its own pages,
 * and answers only `{id, request: {type: 'analyze', text, options}}` on them (see protocol.js); no
 * onConnectExternal or onMessage listener, so other extensions and web pages get no answer at all.
 * @module
 */

// @ts-ignore -- dist/<browser>/pkg/ is written by build.sh (wasm-bindgen) and extension/build.mjs
import init, { analyze_compact, warm_up } from '../pkg/msgguard.js';
import { api } from './browser.js';
import { PORT_NAME, senderProblem, validatePortMessage } from './protocol.js';

/** This extension's root URL ("chrome-extension://<id>/", "moz-extension://<uuid>/"): its pages may ask. */
const EXTENSION_BASE = api.runtime.getURL('');

/** @type {Promise<void> | null} */
let ready = null;

function load() {
  if (ready) return ready;
  /** @type {Promise<void>} */
  const loading = init({ module_or_path: api.runtime.getURL('pkg/msgguard_bg.wasm') }).then(() => {
    warm_up();
  });
  loading.catch(() => {
    if (ready === loading) ready = null; // try again on the next request
  });
  ready = loading;
  return loading;
}

/**
 * @param {import('./browser.js').Port} port
 * @param {unknown} answer
 */
function reply(port, answer) {
  try {
    port.postMessage(answer);
  } catch {
    // the tab closed or navigated meanwhile: nobody is waiting for this answer
  }
}

// Registered synchronously at the top level, so a connection wakes the service worker and is delivered.
api.runtime.onConnect.addListener((port) => {
  // The sender is fixed for the port's life: checked once, and a port from anyone else is closed.
  if (port.name !== PORT_NAME || senderProblem(port.sender, api.runtime.id, EXTENSION_BASE)) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message) => {
    const v = validatePortMessage(message);
    if (!v.ok) {
      reply(port, { id: v.id, ok: false, error: v.error });
      return;
    }
    const { id, request } = v;
    load().then(
      () => {
        let answer;
        try {
          // compact: the rule texts once, not in every finding (the content script expands it)
          answer = { id, ok: true, compact: analyze_compact(request.text, request.options) };
        } catch (e) {
          answer = { id, ok: false, error: String(e) };
        }
        reply(port, answer);
      },
      (e) => reply(port, { id, ok: false, error: `the analyzer could not load: ${e}` }),
    );
  });
});

load().catch(() => {});
