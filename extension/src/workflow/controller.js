// @ts-check
/**
 * The seller's workflow on one message form: reads the page facts (order, buyer, language) through
 * page/seller-central.js, keeps the seller's lists in settings.js storage, tells the analyzer whether the
 * buyer opted out, and drives the workflow part of the panel (ui/workflow-panel.js). Text reaches the
 * field only through ui/edit.js on an explicit click, so Ctrl+Z undoes it.
 *
 * The guard (ui/guard.js) sees only the `hook`: an element for the panel, extra analyze options, and
 * render/connect calls. Anything that throws here is caught by the guard's containment.
 * @module
 */

import { buyerFirstName, buyerLanguageName, isContactPage, orderIdFromUrl } from '../page/seller-central.js';
import { loadSettings, saveSettings, migrate, SETTINGS_KEY, defaults } from '../settings.js';
import { addOptedOut, findOptedOut, removeOptedOut } from './opted-out.js';
import { countWarning, isReviewRequest, recordSent } from './message-count.js';
import { LANGUAGE_NAMES, detectLanguage, languageCode, languageMismatch, wordingUnread } from './language.js';
import { mentionsOrder, orderIdInsertion } from './order-id.js';
import { allTemplates, fillTemplate } from './templates.js';
import { createPageFacts } from './page-facts.js';
import { createWorkflowPanel } from '../../ui/workflow-panel.js';
import { replaceRange } from '../../ui/edit.js';

/** Page changes come in bursts (a re-render): read the facts once the burst is over. */
const FACTS_SETTLE_MS = 100;

/** @typedef {import('../../ui/types.js').Report} Report */
/** @typedef {import('../../ui/types.js').Translate} Translate */
/** @typedef {import('../settings.js').Settings} Settings */

/**
 * @typedef {object} WorkflowHook  what ui/guard.js needs (GuardOptions.workflow)
 * @property {HTMLElement} el
 * @property {() => {opted_out?: boolean}} options
 * @property {(report: Report | null, text: string) => void} render
 * @property {(calls: {reanalyze: () => void}) => void} connect
 */

/**
 * @typedef {object} SendSnapshot
 * @property {string | null} orderId
 * @property {boolean} review
 */

/**
 * @param {object} o
 * @param {Document} o.doc      the page
 * @param {HTMLTextAreaElement} o.field
 * @param {Translate} o.t
 * @param {{local: import('../browser.js').StorageArea, sync?: import('../browser.js').StorageArea}} o.storage
 * @param {{addListener(cb: (changes: Record<string, {newValue?: unknown}>, area: string) => void): void, removeListener(cb: Function): void}} o.onChanged
 */
export function createWorkflow({ doc, field, t, storage, onChanged }) {
  /** @type {Settings} */
  let settings = defaults();
  let loaded = false;
  /** @type {{report: Report | null, text: string}} */
  let last = { report: null, text: '' };
  let templatesOpen = false;
  let notice = '';
  let reanalyze = () => {};

  const pageFacts = createPageFacts({
    read: () => ({
      orderId: orderIdFromUrl(doc.location),
      buyer: buyerFirstName(doc),
      buyerLang: languageCode(buyerLanguageName(doc)),
      proactive: isContactPage(doc.location),
    }),
    href: () => doc.location.href,
    key: (f) => JSON.stringify(f),
    onChange: () => {
      // another buyer may be opted out (the analysis changes), or only the panel's lines
      if (isOptedOut() !== analyzedOptedOut) reanalyze();
      else draw();
    },
    defer: (fn) => setTimeout(fn, FACTS_SETTLE_MS),
  });
  const facts = pageFacts.get;
  // the page's own changes (not the seller's typing, which mutates no DOM) may change the facts
  const pageObserver = new MutationObserver(() => pageFacts.changed());
  pageObserver.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  let analyzedOptedOut = false; // what the last analysis was told

  const panel = createWorkflowPanel({ doc, t: (k, s) => t(k, s) || k, onAction: (a, el) => { act(a, el).catch(report); } });

  /** @param {unknown} e */
  function report(e) {
    notice = t('wf_storage_failed', [e instanceof Error ? e.message : String(e)]);
    draw();
  }

  loadSettings(storage).then((s) => {
    settings = s;
    loaded = true;
    reanalyze();
  });
  /** @param {Record<string, {newValue?: unknown}>} changes @param {string} area */
  const changed = (changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    const before = isOptedOut();
    settings = migrate(changes[SETTINGS_KEY].newValue);
    if (isOptedOut() !== before) reanalyze();
    else draw();
  };
  onChanged.addListener(changed);

  function isOptedOut() {
    const f = facts();
    return !!findOptedOut(settings.optedOut, f);
  }

  function view() {
    const f = facts();
    const r = last.report;
    const count = f.orderId ? settings.counts[f.orderId] : undefined;
    const draftLang = r && !r.empty ? detectLanguage(last.text) : null;
    const mismatch = languageMismatch(draftLang, f.buyerLang);
    const unread = wordingUnread(draftLang, r?.lang);
    const name = (/** @type {string} */ code) => LANGUAGE_NAMES[code] ?? code;
    return {
      canMark: !!(f.orderId || f.buyer),
      optedOut: isOptedOut(),
      count: f.orderId && loaded ? count?.sent ?? 0 : null,
      countWarning: f.proactive ? countWarning(count, r) : 'none',
      reviewReminder: isReviewRequest(r),
      language: mismatch ? { draft: name(mismatch.draft), buyer: name(mismatch.buyer) } : null,
      wordingUnread: unread ? { draft: name(unread.draft), book: name(unread.book) } : null,
      missingOrderId: f.proactive && f.orderId && r && !r.empty && !mentionsOrder(last.text, f.orderId) ? f.orderId : null,
      templates: allTemplates(settings.templates).map((tp) => ({ id: tp.id, name: tp.name, category: tp.category })),
      templatesOpen,
      notice,
    };
  }

  function draw() {
    panel.render(view());
  }

  /**
   * @param {string} action
   * @param {HTMLElement} el
   */
  async function act(action, el) {
    const f = facts();
    if (action === 'mark-opted-out') {
      await saveSettings(storage, (cur) => ({ optedOut: addOptedOut(cur.optedOut, f, Date.now()) }));
      settings = await loadSettings(storage);
      notice = t('wf_marked', [f.buyer ?? f.orderId ?? '']);
      reanalyze();
    } else if (action === 'unmark-opted-out') {
      await saveSettings(storage, (cur) => {
        const entry = findOptedOut(cur.optedOut, f);
        return { optedOut: entry ? removeOptedOut(cur.optedOut, entry) : cur.optedOut };
      });
      settings = await loadSettings(storage);
      notice = '';
      reanalyze();
    } else if (action === 'insert-order-id' && f.orderId) {
      const { at, insert } = orderIdInsertion(field.value, f.orderId, t('wf_order_id_label') || 'Order ID');
      replaceRange(field, at, at, insert);
    } else if (action === 'toggle-templates') {
      templatesOpen = !templatesOpen;
      draw();
    } else if (action === 'insert-template') {
      const tp = allTemplates(settings.templates).find((x) => x.id === el.getAttribute('data-template'));
      if (!tp) return;
      const text = fillTemplate(tp.text, { buyerFirstName: f.buyer, orderId: f.orderId, storeName: settings.storeName });
      // like a paste: replaces the selection, or goes where the caret is (the whole box when empty)
      const start = field.value ? field.selectionStart ?? field.value.length : 0;
      const end = field.value ? field.selectionEnd ?? start : 0;
      replaceRange(field, start, end, text);
      templatesOpen = false;
      draw();
    }
  }

  /** @type {WorkflowHook} */
  const hook = {
    el: panel.el,
    options: () => {
      analyzedOptedOut = isOptedOut();
      return analyzedOptedOut ? { opted_out: true } : {};
    },
    render(report, text) {
      last = { report, text };
      draw();
    },
    connect(calls) {
      reanalyze = calls.reanalyze;
    },
  };

  return {
    hook,
    /** What is being sent, taken when Send goes through (the field may be reset before Amazon confirms). */
    /** @returns {SendSnapshot} */
    snapshot: () => ({ orderId: facts().orderId, review: isReviewRequest(last.report) }),
    /**
     * Amazon confirmed a send: one more message for that order.
     * @param {SendSnapshot} s
     */
    async recordSent(s) {
      if (!s.orderId || !facts().proactive) return;
      const orderId = s.orderId;
      settings = await saveSettings(storage, (cur) => ({ counts: recordSent(cur.counts, orderId, { review: s.review, now: Date.now() }) }));
      draw();
    },
    destroy() {
      onChanged.removeListener(changed);
      pageObserver.disconnect();
      pageFacts.stop();
    },
  };
}
