// @ts-check
/**
 * Everything that can move or change the field's text without telling us: typing, IME composition,
 * focus, scrolling (the field, the window, every shadow root around it), resizing and zoom, web fonts
 * arriving, and a slow heartbeat for programmatic changes no event announces.
 * @module
 */

import { scrollTargets } from './geometry.js';
import { deepActiveElement } from './dom.js';

const IDLE_POLL_MS = 400;

/**
 * @typedef {object} FieldEvents
 * @property {() => void} wake     something may have changed: run a frame
 * @property {() => void} [input]  the seller changed the text (not while composing); wake follows
 * @property {(ancestors: boolean) => void} restyle  the field's text layout may have changed
 *   (`ancestors`: its clipping ancestors too); wake follows
 * @property {(e: MouseEvent) => void} click
 * @property {() => void} escape
 */

/**
 * @param {object} parts
 * @param {HTMLTextAreaElement} parts.field
 * @param {Document} parts.fontsDoc  the document whose fonts change the layer's measurements
 * @param {AbortSignal} parts.signal  removes every listener
 * @param {import('./contain.js').Guarded} parts.wrap  error containment
 * @param {FieldEvents} parts.on
 */
export function watchField({ field, fontsDoc, signal, wrap, on }) {
  const view = /** @type {Window & typeof globalThis} */ (field.ownerDocument.defaultView ?? window);
  const sig = { signal };
  const passive = { signal, passive: true, capture: true };
  // nothing is read or analyzed while an IME composes: the text is not the seller's yet
  let composing = false;
  // focused: the loop runs every frame (typing); otherwise it sleeps until an event or the heartbeat
  let focused = deepActiveElement(field.ownerDocument) === field;

  field.addEventListener('input', wrap(() => { if (!composing) { on.input?.(); on.wake(); } }), sig);
  field.addEventListener('focus', wrap(() => { focused = true; on.wake(); }), sig);
  field.addEventListener('blur', wrap(() => { focused = false; on.wake(); }), sig);
  field.addEventListener('scroll', wrap(on.wake), { signal, passive: true });
  field.addEventListener('compositionstart', wrap(() => { composing = true; }), sig);
  field.addEventListener('compositionend', wrap(() => { composing = false; on.wake(); }), sig);
  field.addEventListener('click', wrap(on.click), sig);
  field.addEventListener('keydown', wrap((/** @type {KeyboardEvent} */ e) => { if (e.key === 'Escape') on.escape(); }), sig);
  view.addEventListener('scroll', wrap(on.wake), passive);
  view.addEventListener('resize', wrap(() => { on.restyle(true); on.wake(); }), sig);
  view.visualViewport?.addEventListener('resize', wrap(() => { on.restyle(false); on.wake(); }), sig);
  for (const target of scrollTargets(field)) target.addEventListener('scroll', wrap(on.wake), passive);

  const fonts = fontsDoc.fonts;
  if (fonts) {
    fonts.ready.then(wrap(() => { on.restyle(false); on.wake(); }), () => {});
    fonts.addEventListener('loadingdone', wrap(() => { on.restyle(false); on.wake(); }), sig);
  }

  // a slow heartbeat when idle: catches programmatic value changes and layout shifts without events
  const idleTimer = view.setInterval(wrap(() => { if (!focused) on.wake(); }), IDLE_POLL_MS);

  return {
    get composing() { return composing; },
    get focused() { return focused; },
    stop: () => view.clearInterval(idleTimer),
  };
}
