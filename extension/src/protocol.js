// @ts-check
/**
 * The one message the background accepts: `{type: 'analyze', text, options}` from this extension's own
 * content script in the top frame of a Seller Central tab, or from one of its own pages. Everything else
 * is rejected: other extensions, pages, frames and hosts, unknown types and fields, wrong types, and
 * sizes over the limits. Pure functions (unit-tested in node by tests/e2e/unit.test.mjs and
 * tests/e2e/protocol.test.mjs).
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

/**
 * @typedef {{type: 'analyze', text: string, options: import('../ui/types.js').AnalyzeOptions}} AnalyzeRequest
 * @typedef {{ok: true, request: AnalyzeRequest} | {ok: false, error: string}} Validation
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
 * @param {import('./browser.js').MessageSender} sender
 * @param {string} extensionId
 * @param {string} extensionBase  the extension's root URL, "chrome-extension://<id>/" or
 *   "moz-extension://<uuid>/"; '' = no extension page may ask. A prefix, not `URL.origin`: the origin
 *   of a URL with a non-web scheme is "null" in some engines, the same as a data: URL's.
 * @returns {string} '' when allowed, else why not
 */
function senderProblem(sender, extensionId, extensionBase) {
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
 * @param {unknown} message
 * @param {import('./browser.js').MessageSender} sender
 * @param {string} extensionId
 * @param {string} [extensionBase]  the extension's root URL (runtime.getURL('')), whose pages may ask too
 * @returns {Validation}
 */
export function validateRequest(message, sender, extensionId, extensionBase = '') {
  const problem = senderProblem(sender, extensionId, extensionBase);
  if (problem) return { ok: false, error: problem };
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
