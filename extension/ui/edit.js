// @ts-check
/**
 * Changing the seller's text, only ever on an explicit click: through the browser's editing
 * commands so page frameworks see real `input` events and Ctrl+Z undoes the change.
 * @module
 */

/** @typedef {import('./types.js').Finding} Finding */

/**
 * What a suggestion does to the text: the exact range to replace and the replacement.
 * "" removes the match (with one neighbouring space, so no double space is left),
 * "~FROM~TO~" replaces FROM by TO inside the match, anything else replaces the whole match.
 * @param {string} text      the field's current value
 * @param {Finding} finding
 * @param {string} suggestion
 * @returns {{start: number, end: number, insert: string} | null}  null when the text no longer matches
 */
export function planSuggestion(text, finding, suggestion) {
  const { start, end } = finding;
  if (start < 0 || end > text.length || start > end || text.slice(start, end) !== finding.match) return null;
  const inner = /^~([^~]*)~([^~]*)~$/.exec(suggestion);
  if (inner) {
    const [, from, to] = inner;
    let at = finding.match.indexOf(from);
    if (at < 0) at = finding.match.toLowerCase().indexOf(from.toLowerCase());
    if (at < 0 || from === '') return null;
    return { start: start + at, end: start + at + from.length, insert: to };
  }
  if (suggestion === '') {
    let s = start;
    let e = end;
    const before = text.slice(0, s);
    const after = text.slice(e);
    if (/[ \t]$/.test(before) && (after === '' || /^[ \t.,;:!?)\n]/.test(after))) s -= 1;
    else if (/^[ \t]/.test(after) && (before === '' || /\n$/.test(before))) e += 1;
    return { start: s, end: e, insert: '' };
  }
  // a full replacement that keeps part of the match ("http://x" → "https://x"): change only the part
  // that differs, so the caret, the selection and the undo step stay small
  const { prefix, suffix } = commonEnds(finding.match, suggestion);
  return { start: start + prefix, end: end - suffix, insert: suggestion.slice(prefix, suggestion.length - suffix) };
}

/**
 * Lengths of the common prefix and suffix of two strings (not overlapping, never splitting a
 * surrogate pair).
 * @param {string} a
 * @param {string} b
 * @returns {{prefix: number, suffix: number}}
 */
export function commonEnds(a, b) {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHigh(a.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(a.charCodeAt(a.length - suffix))) suffix--;
  return { prefix, suffix };
}

/** @param {number} c */
const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
/** @param {number} c */
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Replaces text[start, end) with `insert` as if the seller typed it: focus, select, then
 * execCommand('insertText') (or 'delete'), which keeps the browser's undo stack. Falls back to the
 * prototype's value setter plus a bubbling, composed `input` event when the command is refused.
 * @param {HTMLTextAreaElement | HTMLInputElement} field
 * @param {number} start
 * @param {number} end
 * @param {string} insert
 * @returns {'command' | 'fallback'}  how the change was made
 */
export function replaceRange(field, start, end, insert) {
  const doc = field.ownerDocument;
  const before = field.value;
  const expected = before.slice(0, start) + insert + before.slice(end);
  field.focus({ preventScroll: true });
  field.setSelectionRange(start, end);
  let done = false;
  try {
    if (insert === '' && start === end) done = true;
    else if (insert === '') done = doc.execCommand('delete', false);
    else done = doc.execCommand('insertText', false, insert);
  } catch {
    done = false;
  }
  if (done && field.value === expected) return 'command';
  // Refused (or only partly done): set the value through the prototype, so frameworks that wrap the
  // instance's setter still notice, and tell them with an input event.
  const proto = Object.getPrototypeOf(field);
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set
    ?? Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  if (setter) setter.call(field, expected);
  else field.value = expected;
  const caret = start + insert.length;
  try { field.setSelectionRange(caret, caret); } catch { /* detached */ }
  const view = doc.defaultView ?? globalThis;
  /** @type {Event} */
  let event;
  try {
    event = new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: insert });
  } catch {
    event = new view.Event('input', { bubbles: true, composed: true });
  }
  field.dispatchEvent(event);
  return 'fallback';
}

/**
 * Applies one of a finding's suggestions to the field.
 * @param {HTMLTextAreaElement} field
 * @param {Finding} finding
 * @param {string} suggestion
 * @returns {boolean}  false when the text changed since the finding was made
 */
export function applySuggestion(field, finding, suggestion) {
  const plan = planSuggestion(field.value, finding, suggestion);
  if (!plan) return false;
  replaceRange(field, plan.start, plan.end, plan.insert);
  return true;
}
