// @ts-check
/**
 * Asks once before a draft with errors is sent. Listens for clicks in the capture phase at the window
 * (before the page's own handlers); when the click is on the form's Send button and the draft is
 * prohibited, or will not be delivered because the buyer opted out, it stops that click and asks
 * (guard.confirmSend(): a dialog inside the extension's shadow root that says which). "Send anyway" re-dispatches a click on the same button with a one-shot bypass flag, so the
 * page sends exactly as it would have. The draft is never changed, and when anything is unknown
 * (analyzer unavailable, setting off) the click goes through untouched.
 * @module
 */

/**
 * @typedef {object} SendGuardOptions
 * @property {Window} win
 * @property {import('./page/seller-central.js').MessageForm} form
 * @property {() => boolean} enabled             the setting "confirm on send"
 * @property {() => Promise<boolean>} confirm    re-checks the current text and, if prohibited or not to be
 *   delivered, asks the seller; true = send (at once when the fresh check finds nothing to ask about)
 * @property {() => DraftState} draftState  from the latest report: 'ok' and 'unknown' let the click through
 *   untouched; 'prohibited', 'undelivered' and 'stale' (not analyzed yet) hold it for `confirm`
 * @property {() => void} [onSent]  a click on Send went through to the page
 */

/** @typedef {'ok' | 'prohibited' | 'undelivered' | 'stale' | 'unknown'} DraftState */

/** @param {SendGuardOptions} o */
export function installSendGuard(o) {
  let bypass = false;
  let asking = false;

  /** @param {MouseEvent} event */
  const onClick = (event) => {
    if (bypass) {
      bypass = false; // one shot: this is our own re-dispatched click
      return;
    }
    if (!o.enabled() || event.button !== 0) return;
    const path = event.composedPath();
    const button = o.form.sendButtonIn(path);
    if (!button) return;
    const state = o.draftState();
    if (state === 'ok' || state === 'unknown') {
      o.onSent?.();
      return;
    }
    // Prohibited, not to be delivered, or not analyzed yet: hold this click and decide.
    event.preventDefault();
    event.stopImmediatePropagation();
    if (asking) return;
    asking = true;
    const target = /** @type {HTMLElement} */ (path[0] instanceof HTMLElement && path[0].isConnected ? path[0] : button);
    (async () => {
      let send = true;
      try {
        send = await o.confirm();
      } catch {
        send = true; // never block because of our own failure
      } finally {
        asking = false;
      }
      if (send && target.isConnected) {
        bypass = true;
        try {
          target.click();
        } finally {
          bypass = false;
        }
        o.onSent?.();
      }
    })();
  };

  o.win.addEventListener('click', onClick, true);
  return {
    destroy() {
      o.win.removeEventListener('click', onClick, true);
    },
  };
}
