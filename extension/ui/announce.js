// @ts-check
/**
 * The polite live region. Verdict announcements wait until the text has been still for a moment:
 * announcing every keystroke would drown what the seller is typing.
 * @module
 */

import { h } from './dom.js';

const ANNOUNCE_DELAY_MS = 900;

/**
 * @param {Document} doc  the host's document
 * @param {Window} view   owns the timer
 * @param {import('./contain.js').Guarded} wrap  error containment for the timer callback
 */
export function createAnnouncer(doc, view, wrap) {
  const live = h(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-part': 'announce' });
  let timer = 0;
  let lastAnnounced = '';

  /** @param {string} msg */
  function announce(msg) {
    lastAnnounced = msg;
    live.textContent = msg;
  }

  return {
    el: live,
    /** now (the result of the seller's own action) */
    announce,
    /**
     * After the quiet delay; `message` is read then, and saying the same thing twice is skipped.
     * @param {() => string | null} message  null: nothing to say
     */
    queue(message) {
      view.clearTimeout(timer);
      timer = view.setTimeout(wrap(() => {
        const msg = message();
        if (msg !== null && msg !== lastAnnounced) announce(msg);
      }), ANNOUNCE_DELAY_MS);
    },
    cancel: () => view.clearTimeout(timer),
  };
}
