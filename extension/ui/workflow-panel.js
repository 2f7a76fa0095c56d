// @ts-check
/**
 * The seller's-workflow part of the panel: the opted-out banner and its mark button, the messages-per-order
 * counter, the review-request reminder, the buyer-language and order-ID warnings, the note that the rule
 * book did not read the draft's language, and the template list.
 * It only draws a view model (extension/src/workflow/controller.js computes it) and reports clicks on
 * its data-action buttons; it knows nothing of storage or of Amazon's page.
 *
 * Hooks (tests and support): [data-action="mark-opted-out"], [data-part="opted-out"],
 * [data-part="message-count"][data-count], [data-part="language-warning"], [data-part="wording-unread"],
 * [data-part="order-id-warning"]
 * with [data-action="insert-order-id"], [data-part="review-reminder"], [data-part="templates"] with
 * [data-action="toggle-templates"] and [data-action="insert-template"][data-template].
 * @module
 */

import { h } from './dom.js';

/**
 * @typedef {object} WorkflowView
 * @property {boolean} canMark             the page names an order or a buyer
 * @property {boolean} optedOut            the current buyer is on the seller's list
 * @property {number | null} count         messages sent for this order (null: no order ID on the page)
 * @property {'none' | 'another' | 'too-many' | 'second-review'} countWarning
 * @property {boolean} reviewReminder      the draft asks for a review
 * @property {{draft: string, buyer: string} | null} language  names, when the draft's language differs
 * @property {{draft: string, book: string} | null} wordingUnread  names, when the rule book that read the
 *   draft is not in the draft's language
 * @property {string | null} missingOrderId  the order ID the draft should name (null: nothing to say)
 * @property {{id: string, name: string, category: string}[]} templates
 * @property {boolean} templatesOpen
 * @property {string} notice               a one-line result of the last action ('' = none)
 */

const CSS = `
.wf { display: grid; gap: 6px; margin: 0 0 10px; }
.wf p { margin: 0; }
.wf-banner { border-radius: 6px; padding: 6px 8px; font-size: 12.5px; line-height: 1.35; border: 1px solid var(--mg-border); background: var(--mg-bg-soft); }
.wf-banner[data-tone="error"] { border-color: var(--mg-error); background: var(--mg-error-bg); }
.wf-banner[data-tone="warning"] { border-color: var(--mg-warning); background: var(--mg-warning-bg); }
.wf-banner[data-tone="info"] { border-color: var(--mg-info); background: var(--mg-info-bg); }
.wf-banner strong { display: block; margin-bottom: 2px; }
.wf-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.wf button { font: inherit; font-size: 12px; padding: 3px 8px; border-radius: 6px; border: 1px solid var(--mg-border); background: var(--mg-button-bg); color: var(--mg-fg); cursor: pointer; }
.wf button:hover { background: var(--mg-button-hover); }
.wf button:focus-visible { outline: 2px solid var(--mg-focus); outline-offset: 1px; }
.wf-count { font-size: 12px; color: var(--mg-fg-soft); }
.wf-templates ul { list-style: none; margin: 4px 0 0; padding: 0; display: grid; gap: 3px; max-height: 180px; overflow: auto; }
.wf-templates li button { width: 100%; text-align: left; display: flex; justify-content: space-between; gap: 6px; }
.wf-templates .cat { font-size: 11px; color: var(--mg-fg-soft); }
.wf-notice { font-size: 12px; color: var(--mg-fg-soft); }
`;

/**
 * @param {object} parts
 * @param {Document} parts.doc
 * @param {import('./types.js').Translate} parts.t
 * @param {(action: string, el: HTMLElement) => void} parts.onAction
 */
export function createWorkflowPanel({ doc, t, onAction }) {
  const el = h(doc, 'div', { class: 'wf', 'data-part': 'workflow' });
  el.append(h(doc, 'style', { text: CSS }));
  const optedOutEl = h(doc, 'div', { class: 'wf-banner', 'data-part': 'opted-out', 'data-tone': 'error', role: 'status', hidden: true });
  const countEl = h(doc, 'div', { class: 'wf-count', 'data-part': 'message-count', hidden: true });
  const reviewEl = h(doc, 'div', { class: 'wf-banner', 'data-part': 'review-reminder', 'data-tone': 'info', hidden: true });
  const languageEl = h(doc, 'div', { class: 'wf-banner', 'data-part': 'language-warning', 'data-tone': 'warning', role: 'status', hidden: true });
  const unreadEl = h(doc, 'div', { class: 'wf-banner', 'data-part': 'wording-unread', 'data-tone': 'info', role: 'status', hidden: true });
  const orderEl = h(doc, 'div', { class: 'wf-banner', 'data-part': 'order-id-warning', 'data-tone': 'warning', hidden: true });
  const markRow = h(doc, 'div', { class: 'wf-row', hidden: true });
  const templatesEl = h(doc, 'div', { class: 'wf-templates', 'data-part': 'templates' });
  const noticeEl = h(doc, 'p', { class: 'wf-notice', 'data-part': 'workflow-notice', role: 'status', hidden: true });
  el.append(optedOutEl, languageEl, unreadEl, orderEl, countEl, reviewEl, markRow, templatesEl, noticeEl);

  el.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('[data-action]') : null;
    if (!target || !el.contains(target)) return;
    try {
      onAction(target.getAttribute('data-action') ?? '', /** @type {HTMLElement} */ (target));
    } catch (err) {
      console.warn('[Message Guard] workflow action failed:', err); // the page must not see our errors
    }
  });

  let key = '';

  /** @param {WorkflowView | null} v */
  function render(v) {
    const next = JSON.stringify(v);
    if (next === key) return; // unchanged: keep the DOM (and the focused button)
    key = next;
    el.hidden = !v;
    if (!v) return;

    optedOutEl.hidden = !v.optedOut;
    if (v.optedOut) {
      optedOutEl.replaceChildren(
        h(doc, 'strong', { text: t('wf_opted_out_heading') }),
        h(doc, 'p', { text: t('wf_opted_out_body') }),
        h(doc, 'div', { class: 'wf-row' }, [h(doc, 'button', { type: 'button', 'data-action': 'unmark-opted-out', text: t('wf_unmark_opted_out') })]),
      );
    }
    markRow.hidden = v.optedOut || !v.canMark;
    if (!markRow.hidden && !markRow.firstChild) {
      markRow.append(h(doc, 'button', { type: 'button', 'data-action': 'mark-opted-out', text: t('wf_mark_opted_out') }));
    }

    languageEl.hidden = !v.language;
    if (v.language) {
      languageEl.replaceChildren(
        h(doc, 'strong', { text: t('wf_language_heading') }),
        h(doc, 'p', { text: t('wf_language_body', [v.language.draft, v.language.buyer]) }),
      );
    }

    unreadEl.hidden = !v.wordingUnread;
    if (v.wordingUnread) {
      unreadEl.replaceChildren(
        h(doc, 'strong', { text: t('wf_wording_unread_heading', [v.wordingUnread.draft]) }),
        h(doc, 'p', { text: t('wf_wording_unread_body', [v.wordingUnread.book, v.wordingUnread.draft]) }),
      );
    }

    orderEl.hidden = !v.missingOrderId;
    if (v.missingOrderId) {
      orderEl.replaceChildren(
        h(doc, 'p', { text: t('wf_order_id_missing') }),
        h(doc, 'div', { class: 'wf-row' }, [h(doc, 'button', { type: 'button', 'data-action': 'insert-order-id', text: t('wf_insert_order_id', [v.missingOrderId]) })]),
      );
    }

    countEl.hidden = v.count === null;
    if (v.count !== null) {
      countEl.setAttribute('data-count', String(v.count));
      countEl.setAttribute('data-warning', v.countWarning);
      countEl.setAttribute('data-tone', v.countWarning === 'none' ? 'info' : 'warning');
      countEl.className = v.countWarning === 'none' ? 'wf-count' : 'wf-banner';
      const line = v.count === 1 ? t('wf_count_one') : t('wf_count_other', [String(v.count)]);
      countEl.replaceChildren(h(doc, 'p', { text: line }));
      if (v.countWarning !== 'none') countEl.append(h(doc, 'p', { text: t('wf_count_warning_' + v.countWarning.replace('-', '_')) }));
    } else {
      countEl.removeAttribute('data-count');
    }

    reviewEl.hidden = !v.reviewReminder;
    if (v.reviewReminder) reviewEl.replaceChildren(h(doc, 'p', { text: t('wf_review_reminder') }));

    templatesEl.replaceChildren(
      h(doc, 'button', { type: 'button', 'data-action': 'toggle-templates', 'aria-expanded': String(v.templatesOpen), text: t(v.templatesOpen ? 'wf_templates_hide' : 'wf_templates_show') }),
    );
    if (v.templatesOpen) {
      const ul = h(doc, 'ul', { 'aria-label': t('wf_templates_label') });
      for (const tp of v.templates) {
        ul.append(h(doc, 'li', {}, [h(doc, 'button', { type: 'button', 'data-action': 'insert-template', 'data-template': tp.id, title: t('wf_insert_template') }, [
          h(doc, 'span', { text: tp.name }),
          h(doc, 'span', { class: 'cat', text: t('mg_verdict_' + tp.category) }),
        ])]));
      }
      templatesEl.append(ul);
    }

    noticeEl.hidden = !v.notice;
    noticeEl.textContent = v.notice;
  }

  return { el, render };
}
