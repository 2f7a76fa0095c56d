// @ts-check
/**
 * UI strings through the browser's _locales. Keys are the UI module's keys; chrome.i18n accepts only
 * [A-Za-z0-9_], so extension/build.mjs writes each key with other characters replaced by "_" and
 * `messageKey` does the same here. Unknown keys give "" (chrome.i18n semantics).
 * @module
 */

import { api } from './browser.js';

/** @param {string} key */
export function messageKey(key) {
  return key.replace(/[^A-Za-z0-9_]/g, '_');
}

/** @type {import('../ui/types.js').Translate} */
export function t(key, subs) {
  let s = '';
  try {
    s = api.i18n.getMessage(messageKey(key), subs);
  } catch {
    s = '';
  }
  return s;
}
