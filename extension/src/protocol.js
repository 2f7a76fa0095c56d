// @ts-check
/**
 * The one request the background accepts: `{type: 'analyze', text, options}`, from this extension's own
 * content script in the top frame of a Seller Central tab, or from one of its own pages, over a port
 * named PORT_NAME (`runtime.connect`), each request in an envelope `{id, request}` answered by
 * `{id, ok, compact | error}`. Everything else is refused: other extensions, pages, frames and hosts
 * (the port is closed at once), unknown types and fields, wrong types, and sizes over the limits. Pure
 * functions (unit-tested in node by tests/e2e/unit.test.mjs and tests/e2e/security.test.mjs).
 *
 * A port, not a message per request (`runtime.sendMessage`): each of those opens and closes a channel
 * through the browser process, which cost Chromium about a millisecond more per keystroke on a
 * strict-CSP page, where every keystroke is analyzed by the background (BENCHMARKS.md).
 * @module
 */

import { HOSTS } from './page/seller-central.js';

/**
 * Longest draft analyzed (UTF-16 code units). Amazon's own limit is far lower, but a seller may paste a
 * whole template library, and on strict-CSP pages the background is the only analyzer: it must give a
 * verdict for a 1,000,000-character paste (issue 5). Analysis is linear (about 0.1 s per million
 * characters natively), so the bound only stops absurd messages, not real drafts.
 */
export const MAX_TEXT = 2_000_000;
const MAX_SUBJECT = 1_000;
/** A BCP 47 tag is rarely longer than "zh-Hans-CN"; this leaves room and bounds the pattern's work. */
const MAX_LANG = 35;

/** The name of the content script's port to the background analyzer. */
export const PORT_NAME = 'msgguard-analyze';

/**
 * @typedef {{type: 'analyze', text: string, options: import('../ui/types.js').AnalyzeOptions}} AnalyzeRequest
 * @typedef {{ok: true, id: number, request: AnalyzeRequest} | {ok: false, id: number | null, error: string}} PortValidation
 */

/** @param {unknown} v @returns {v is Record<string, unknown>} */
function isPlainObject(v) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Who may ask: this extension's content script in the top frame of a tab on a Seller Central host
 * (https only), or a page of this extension (under `extensionBase`, e.g. the options page).
 * @param {import('./browser.js').MessageSender | undefined} sender
 * @param {string} extensionId
 * @param {string} extensionBase  the extension's root URL, "chrome-extension://<id>/" or
 *   "moz-extension://<uuid>/"; '' = no extension page may ask. A prefix, not `URL.origin`: the origin
 *   of a URL with a non-web scheme is "null" in some engines, the same as a data: URL's.
 * @returns {string} '' when allowed, else why not
 */
export function senderProblem(sender, extensionId, extensionBase) {
  if (!sender || typeof sender.id !== 'string' || sender.id !== extensionId) return 'rejected: not from this extension';
  let url;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return 'rejected: sender has no URL';
  }
  if (/^[a-z-]+:\/\/[^/]+\/$/.test(extensionBase) && url.href.startsWith(extensionBase)) return '';
  if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return 'rejected: sender is not a Seller Central page';
  // A content script runs in a tab; the manifest injects it in the top frame only, so a message from
  // a sub-frame (an iframe the page controls) is not ours.
  if (!sender.tab || typeof sender.tab.id !== 'number') return 'rejected: sender is not a tab';
  if (sender.frameId !== undefined && sender.frameId !== 0) return 'rejected: sender is not the top frame';
  return '';
}

/**
 * One message on the port, whose sender was checked when it connected (senderProblem).
 * @param {unknown} message  `{id, request}`: id a non-negative integer the answer carries back
 * @returns {PortValidation}
 */
export function validatePortMessage(message) {
  if (!isPlainObject(message)) return { ok: false, id: null, error: 'rejected: not an object' };
  const id = Number.isSafeInteger(message.id) && /** @type {number} */ (message.id) >= 0 ? /** @type {number} */ (message.id) : null;
  if (id === null) return { ok: false, id: null, error: 'rejected: id must be a non-negative integer' };
  for (const k of Object.keys(message)) if (k !== 'id' && k !== 'request') return { ok: false, id, error: `rejected: unknown field ${k.slice(0, 40)}` };
  const v = validateBody(message.request);
  return v.ok ? { ok: true, id, request: v.request } : { ok: false, id, error: v.error };
}

/**
 * @param {unknown} message
 * @returns {{ok: true, request: AnalyzeRequest} | {ok: false, error: string}}
 */
function validateBody(message) {
  if (!isPlainObject(message)) return { ok: false, error: 'rejected: not an object' };
  for (const k of Object.keys(message)) if (!['type', 'text', 'options'].includes(k)) return { ok: false, error: `rejected: unknown field ${k.slice(0, 40)}` };
  if (message.type !== 'analyze') return { ok: false, error: 'rejected: unknown type' };
  if (typeof message.text !== 'string' || message.text.length > MAX_TEXT) return { ok: false, error: `rejected: text must be a string of at most ${MAX_TEXT} characters` };
  const o = message.options ?? {};
  if (!isPlainObject(o)) return { ok: false, error: 'rejected: options must be an object' };
  /** @type {import('../ui/types.js').AnalyzeOptions} */
  const options = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    switch (k) {
      case 'subject':
        if (typeof v !== 'string' || v.length > MAX_SUBJECT) return { ok: false, error: 'rejected: bad subject' };
        options.subject = v;
        break;
      case 'lang':
        if (typeof v !== 'string' || v.length > MAX_LANG || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(v)) return { ok: false, error: 'rejected: bad lang' };
        options.lang = v;
        break;
      case 'critical_reason':
      case 'opted_out':
        if (typeof v !== 'boolean') return { ok: false, error: `rejected: ${k} must be a boolean` };
        options[k] = v;
        break;
      default:
        return { ok: false, error: `rejected: unknown option ${k.slice(0, 40)}` };
    }
  }
  return { ok: true, request: { type: 'analyze', text: message.text, options } };
}
