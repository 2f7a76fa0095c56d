// @ts-check
/**
 * Background analyzer (Chrome: module service worker; Firefox: background script module). Used when the
 * page's CSP keeps WebAssembly out of the content script. Answers only {type: 'analyze', text, options}
 * from this extension's content script on a Seller Central tab or its own pages (see protocol.js); no
 * onMessageExternal listener, so other extensions and web pages get no answer at all.
 * @module
 */

// @ts-ignore -- dist/<browser>/pkg/ is written by build.sh (wasm-bindgen) and extension/build.mjs
import init, { analyze_compact, warm_up } from '../pkg/msgguard.js';
import { api } from './browser.js';
import { validateRequest } from './protocol.js';

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
    if (ready === loading) ready = null; // try again on the next message
  });
  ready = loading;
  return loading;
}

// Registered synchronously at the top level, so a message wakes the service worker and is delivered.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const v = validateRequest(message, sender, api.runtime.id, EXTENSION_BASE);
  if (!v.ok) {
    sendResponse({ ok: false, error: v.error });
    return false;
  }
  load().then(
    () => {
      try {
        // compact: the rule texts once, not in every finding (the content script expands it)
        sendResponse({ ok: true, compact: analyze_compact(v.request.text, v.request.options) });
      } catch (e) {
        sendResponse({ ok: false, error: String(e) });
      }
    },
    (e) => sendResponse({ ok: false, error: `the analyzer could not load: ${e}` }),
  );
  return true; // answered asynchronously
});

load().catch(() => {});
