// @ts-check
/**
 * The one message the background accepts: `{type: 'analyze', text, options}` from this extension's own
 * content script on a Seller Central page. Everything else is rejected. Pure functions (unit-tested in
 * node by tests/e2e/unit.test.mjs).
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
 * @param {unknown} message
 * @param {import('./browser.js').MessageSender} sender
 * @param {string} extensionId
 * @returns {Validation}
 */
export function validateRequest(message, sender, extensionId) {
  if (!sender || sender.id !== extensionId) return { ok: false, error: 'rejected: not from this extension' };
  let url;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return { ok: false, error: 'rejected: sender has no URL' };
  }
  if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return { ok: false, error: 'rejected: sender is not a Seller Central page' };
  if (!isPlainObject(message)) return { ok: false, error: 'rejected: not an object' };
  for (const k of Object.keys(message)) if (!['type', 'text', 'options'].includes(k)) return { ok: false, error: `rejected: unknown field ${k}` };
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
        if (typeof v !== 'string' || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(v)) return { ok: false, error: 'rejected: bad lang' };
        options.lang = v;
        break;
      case 'critical_reason':
      case 'opted_out':
        if (typeof v !== 'boolean') return { ok: false, error: `rejected: ${k} must be a boolean` };
        options[k] = v;
        break;
      default:
        return { ok: false, error: `rejected: unknown option ${k}` };
    }
  }
  return { ok: true, request: { type: 'analyze', text: message.text, options } };
}
