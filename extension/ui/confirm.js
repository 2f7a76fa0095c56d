// @ts-check
/**
 * The send confirmation inside the panel: asked only when the text about to be sent is prohibited, or
 * will not be delivered because the buyer opted out; the body says which (`data-reason` on the dialog).
 * "Edit" is the default (focused) answer, because sending a prohibited message can cost the account and
 * an undelivered one is lost.
 * @module
 */

import { h } from './dom.js';

/**
 * @param {Document} doc  the host's document
 * @param {import('./types.js').Translate} t
 * @param {HTMLTextAreaElement} field  gets focus back when the seller chooses to edit
 */
export function createConfirm(doc, t, field) {
  const el = h(doc, 'div', { class: 'confirm', 'data-part': 'confirm', role: 'alertdialog', hidden: true });
  /** @type {((ok: boolean) => void) | null} */
  let pending = null;

  /** @param {boolean} ok  true: send anyway */
  function finish(ok) {
    const resolve = pending;
    pending = null;
    el.hidden = true;
    el.replaceChildren();
    if (resolve) resolve(ok);
    if (!ok) field.focus({ preventScroll: true });
  }

  return {
    el,
    get open() { return !el.hidden; },
    finish,
    /**
     * Shows the question (answering a previous one with "edit") and resolves with the answer.
     * @param {() => void} shown  called once the question is in the DOM, before focus moves into it
     * @param {import('./send-risk.js').SendRisk} [reason]  why it asks (default 'prohibited')
     * @returns {Promise<boolean>}
     */
    ask(shown, reason = 'prohibited') {
      if (pending) finish(false);
      const edit = h(doc, 'button', { type: 'button', class: 'primary', 'data-action': 'confirm-edit', text: t('mg_confirm_edit') });
      el.replaceChildren(
        h(doc, 'p', { class: 'loud', text: t('mg_confirm_title') }),
        h(doc, 'p', { text: t(reason === 'undelivered' ? 'mg_confirm_body_undelivered' : 'mg_confirm_body') }),
        h(doc, 'div', { class: 'actions' }, [edit, h(doc, 'button', { type: 'button', 'data-action': 'confirm-send', text: t('mg_confirm_send') })]),
      );
      el.setAttribute('data-reason', reason);
      el.hidden = false;
      shown();
      const answer = new Promise((resolve) => { pending = resolve; });
      edit.focus({ preventScroll: true });
      return /** @type {Promise<boolean>} */ (answer);
    },
    /** the guard is going away: never leave the page's send waiting */
    release() {
      if (pending) pending(true);
    },
  };
}
