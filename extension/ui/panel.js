// @ts-check
/**
 * The panel: the verdict, the summary, the evidence, the findings list and the contact-reason
 * advice. It hosts the send confirmation and the live region (so they are read in the panel's
 * region) but does not drive them. Lists are updated in place, item by item, so a focused button
 * survives re-renders. The findings list shows the first FINDINGS_SHOWN findings; the counts stay exact.
 * @module
 */

import { h, icon, sevMark } from './dom.js';
import { shorten, visible, countsText } from './text.js';
import { safe } from './contain.js';
import { panelPosition, PANEL_WIDTH } from './placement.js';

/** Most findings the panel lists (in text order); the rest are counted in one "and N more" line. */
export const FINDINGS_SHOWN = 50;

/**
 * @typedef {import('./types.js').Report} Report
 * @typedef {import('./types.js').Translate} Translate
 * @typedef {import('./types.js').ReasonsAdapter} ReasonsAdapter
 *
 * @typedef {object} PanelState
 * @property {string} unavailableMessage  non-empty: "Checker unavailable" with this detail line
 * @property {Report | null} report       null: no report yet (loading)
 * @property {boolean} collapsed
 * @property {number} activeIndex         the finding whose card is open
 * @property {boolean} subjectFailed      the last "select the reason" click did not work
 */

/**
 * @param {object} parts
 * @param {Document} parts.doc  the host's document
 * @param {ShadowRoot} parts.root
 * @param {Translate} parts.t
 * @param {'beside' | 'dock'} parts.placement
 * @param {ReasonsAdapter | null} parts.reasons
 * @param {HTMLElement} parts.confirm  the send confirmation's element
 * @param {HTMLElement} parts.live     the live region
 * @param {HTMLElement[]} [parts.extra]  parts drawn by others, under the summary (the extension's workflow part)
 */
export function createPanel({ doc, root, t, placement, reasons, confirm, live, extra = [] }) {
  const verdictIcon = h(doc, 'span', { class: 'verdict-icon', 'aria-hidden': 'true' });
  const verdictEl = h(doc, 'h2', { class: 'verdict', 'data-part': 'verdict' });
  const countsEl = h(doc, 'span', { class: 'counts' });
  const toggle = h(doc, 'button', { class: 'toggle', type: 'button', 'aria-expanded': 'true', 'data-action': 'toggle' });
  toggle.append(icon(doc, 'M4 10l4-4 4 4'));
  const toggleLabel = h(doc, 'span', { class: 'sr-only' });
  toggle.append(toggleLabel);
  const head = h(doc, 'div', { class: 'panel-head' }, [
    verdictIcon,
    h(doc, 'div', { class: 'verdict-text' }, [h(doc, 'span', { class: 'brand', text: t('mg_name') }), verdictEl, countsEl]),
    toggle,
  ]);
  const summaryEl = h(doc, 'p', { class: 'summary', 'data-part': 'summary' });
  const evidenceEl = h(doc, 'div', { class: 'evidence', 'data-part': 'evidence', hidden: true });
  const findingsList = h(doc, 'ul', { 'data-part': 'findings' });
  const findingsTitle = h(doc, 'h3', { class: 'section-title' });
  const findingsHint = h(doc, 'p', { class: 'hint' });
  const findingsEl = h(doc, 'div', { class: 'findings', hidden: true }, [findingsTitle, findingsList]);
  const adviceEl = h(doc, 'div', { class: 'advice', 'data-part': 'subject-advice', 'data-advice': 'none', hidden: true });
  const unavailableEl = h(doc, 'p', { class: 'unavailable-detail', hidden: true });
  const body = h(doc, 'div', { class: 'panel-body' }, [unavailableEl, summaryEl, ...extra, confirm, findingsEl, evidenceEl, adviceEl]);
  const panel = h(doc, 'section', {
    class: 'panel', 'data-part': 'panel', 'data-verdict': 'empty', 'data-state': 'loading',
    'data-placement': placement, role: 'region', 'aria-label': t('mg_panel_label'),
  }, [head, body, live]);

  // the findings list's items, one per shown finding; `key` is what the button was drawn from
  /** @type {Array<{li: HTMLElement, btn: HTMLElement, key: string}>} */
  const items = [];
  const noneItem = h(doc, 'li', { class: 'hint', text: t('mg_findings_none') });
  const moreItem = h(doc, 'li', { class: 'hint more', 'data-part': 'findings-more' });
  // what the other lists were last built from: an unchanged key means update in place (keeps focus)
  let adviceKey = '';
  let evidenceKey = '';
  let size = { width: PANEL_WIDTH, height: 200 };

  /** @param {PanelState} s */
  function render(s) {
    const state = s.unavailableMessage ? 'unavailable' : s.report ? 'ready' : 'loading';
    panel.dataset.state = state;
    const report = s.report;
    const verdict = !report || report.empty || state === 'unavailable' ? 'empty' : report.category;
    panel.dataset.verdict = verdict;
    panel.toggleAttribute('data-collapsed', s.collapsed);
    toggle.setAttribute('aria-expanded', String(!s.collapsed));
    setText(toggleLabel, t(s.collapsed ? 'mg_expand' : 'mg_collapse'));

    if (state === 'unavailable') {
      verdictIcon.textContent = '?';
      verdictEl.textContent = t('mg_state_unavailable');
      countsEl.textContent = '';
      unavailableEl.hidden = false;
      unavailableEl.textContent = s.unavailableMessage;
      for (const el of [summaryEl, evidenceEl, findingsEl, adviceEl]) el.hidden = true;
      return;
    }
    unavailableEl.hidden = true;
    if (state === 'loading' || !report) {
      verdictIcon.textContent = '…';
      verdictEl.textContent = t('mg_state_loading');
      countsEl.textContent = '';
      for (const el of [summaryEl, evidenceEl, findingsEl, adviceEl]) el.hidden = true;
      return;
    }
    // only what changed: an equal textContent still replaces the text node (a layout of the panel)
    setText(verdictIcon, { critical: '!', noncritical: '✓', prohibited: '✕', empty: '…' }[verdict] ?? '');
    setText(verdictEl, t('mg_verdict_' + verdict));
    setText(countsEl, report.empty ? t('mg_verdict_hint_empty') : countsText(t, report.counts) || t('mg_verdict_hint_' + verdict));
    summaryEl.hidden = report.empty;
    setText(summaryEl, report.summary);

    renderEvidence(report);
    renderFindings(report, s.activeIndex);
    renderAdvice(report, s.subjectFailed);
  }

  /** @param {HTMLElement} el @param {string} text */
  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  /** @param {Report} report */
  function renderEvidence(report) {
    const ev = report.empty ? [] : report.evidence;
    evidenceEl.hidden = ev.length === 0;
    // each sentence as it is shown (shortened around its trigger): typing further along a sentence
    // usually changes nothing shown, and then the nodes are kept (rebuilding them costs a style and
    // layout pass of the panel on a keystroke)
    const quotes = ev.map((e) => {
      const at = e.trigger ? e.text.toLowerCase().indexOf(e.trigger.toLowerCase()) : -1;
      return at >= 0
        ? { e, before: shorten(e.text.slice(0, at), 60), mark: e.text.slice(at, at + e.trigger.length), after: shorten(e.text.slice(at + e.trigger.length), 60) }
        : { e, before: shorten(e.text, 120), mark: null, after: '' };
    });
    const key = quotes.map((x) => `${x.e.category}|${x.e.topic}|${x.e.label}|${x.before}|${x.mark}|${x.after}`).join('\n');
    if (key === evidenceKey) return;
    evidenceKey = key;
    evidenceEl.replaceChildren();
    if (!quotes.length) return;
    const cats = /** @type {const} */ (['critical', 'noncritical']);
    for (const cat of cats) {
      const items = quotes.filter((x) => x.e.category === cat);
      if (!items.length) continue;
      const ul = h(doc, 'ul');
      for (const { e, before, mark, after } of items) {
        const q = h(doc, 'q');
        if (mark !== null) q.append(before, h(doc, 'mark', { text: mark }), after);
        else q.append(before);
        ul.append(h(doc, 'li', { 'data-category': e.category, 'data-topic': e.topic }, [h(doc, 'span', { class: 'label', text: e.label }), q]));
      }
      evidenceEl.append(h(doc, 'h3', { class: 'section-title', text: t('mg_evidence_' + cat) }), ul);
    }
  }

  /** @param {Report} report @param {number} activeIndex */
  function renderFindings(report, activeIndex) {
    const list = report.findings;
    findingsEl.hidden = report.empty;
    const shownCount = Math.min(list.length, FINDINGS_SHOWN);
    setText(findingsTitle, t('mg_findings_heading') + (list.length ? ` (${list.length})` : ''));
    if (!list.length) {
      if (!noneItem.isConnected) {
        findingsList.replaceChildren(noneItem);
        items.length = 0;
        findingsHint.remove();
      }
      return;
    }
    noneItem.remove();
    if (!findingsHint.isConnected) findingsTitle.after(findingsHint);
    setText(findingsHint, t('mg_findings_hint'));
    // item by item, in place: a keystroke that changes one finding rewrites that one button only, and
    // a focused button stays the same node (keeps focus) when the list around it changes
    for (let i = 0; i < shownCount; i++) {
      const f = list[i];
      let item = items[i];
      if (!item) {
        const btn = h(doc, 'button', { type: 'button', class: 'finding', 'data-action': 'open-finding', 'data-index': String(i) });
        item = { li: h(doc, 'li', {}, [btn]), btn, key: '' };
        items.push(item);
        findingsList.insertBefore(item.li, moreItem.isConnected ? moreItem : null);
      }
      const expanded = String(i === activeIndex);
      if (item.btn.getAttribute('aria-expanded') !== expanded) item.btn.setAttribute('aria-expanded', expanded);
      const key = `${f.rule}\u0000${f.severity}\u0000${f.title}\u0000${f.match}`;
      if (item.key === key) continue;
      item.key = key;
      const quoted = `“${shorten(visible(f.match), 60)}”`;
      const btn = item.btn;
      btn.dataset.rule = f.rule;
      btn.dataset.severity = f.severity;
      btn.setAttribute('aria-label', t('mg_finding_item', [t('mg_severity_' + f.severity), f.rule, f.title]) + ` — ${quoted}`);
      btn.replaceChildren(
        sevMark(doc, t, f.severity),
        h(doc, 'span', { class: 'what' }, [
          h(doc, 'span', { class: 'title', text: f.title }),
          h(doc, 'span', { class: 'match', text: quoted }),
        ]),
        h(doc, 'span', { class: 'code', text: f.rule }),
      );
    }
    for (const gone of items.splice(shownCount)) {
      // the seller's focus was on a button that no longer exists: keep it in the list
      if (gone.btn === root.activeElement) items[shownCount - 1]?.btn.focus({ preventScroll: true });
      gone.li.remove();
    }
    // a long draft: the first findings in text order, and how many more the underlines show (a list
    // of thousands of buttons takes longer to build and lay out than the analysis, and helps no one)
    const more = list.length - shownCount;
    if (more > 0) {
      setText(moreItem, t('mg_findings_more', [String(more)]));
      if (!moreItem.isConnected) findingsList.append(moreItem);
    } else {
      moreItem.remove();
    }
  }

  /** @param {Report} report @param {boolean} subjectFailed */
  function renderAdvice(report, subjectFailed) {
    const advice = report.subject_advice;
    const cur = reasons ? safe(() => reasons.current(), null) : null;
    const label = reasons ? safe(() => reasons.criticalLabel(), null) : null;
    const key = `${advice}|${report.subject_advice_reason}|${cur?.label}|${cur?.critical}|${label}|${subjectFailed}`;
    adviceEl.dataset.advice = advice;
    adviceEl.hidden = advice === 'none' || report.empty;
    if (key === adviceKey) return;
    adviceKey = key;
    adviceEl.replaceChildren();
    adviceEl.removeAttribute('role');
    if (advice === 'misused-critical-reason') {
      adviceEl.setAttribute('role', 'alert');
      adviceEl.append(h(doc, 'p', { class: 'loud', text: t('mg_misused_heading') }));
    } else {
      adviceEl.append(h(doc, 'h3', { class: 'section-title', text: t('mg_advice_heading') }));
    }
    adviceEl.append(h(doc, 'p', { class: 'reason', text: report.subject_advice_reason }));
    if (advice === 'critical-reason') {
      if (cur?.critical) {
        adviceEl.append(h(doc, 'p', { class: 'selected', text: t('mg_subject_selected', [cur.label]) }));
      } else if (label) {
        adviceEl.append(h(doc, 'button', { type: 'button', class: 'primary', 'data-action': 'apply-subject', text: t('mg_apply_subject', [label]) }));
        if (subjectFailed) adviceEl.append(h(doc, 'p', { class: 'hint', text: t('mg_subject_failed') }));
      } else {
        adviceEl.append(h(doc, 'p', { class: 'hint', text: t('mg_critical_not_offered') }));
      }
    }
  }

  return {
    el: panel,
    render,
    /** the contact reason may have changed outside our view: rebuild the advice next render */
    forgetAdvice: () => { adviceKey = ''; },
    /** rebuild both lists next render (refresh) */
    forgetLists: () => { adviceKey = ''; evidenceKey = ''; for (const it of items) it.key = ''; },
    get size() { return size; },
    /**
     * From the ResizeObserver; true when the size really changed.
     * @param {{width: number, height: number}} s
     */
    resized(s) {
      if (s.height === size.height && s.width === size.width) return false;
      size = s;
      return true;
    },
    /** @param {import('./field-layout.js').LayoutRead} r */
    place(r) {
      const p = panelPosition(r.anchor, r.viewport, placement, size.height);
      const ps = panel.style;
      ps.left = p.x - r.hostOrigin.left + 'px';
      ps.top = p.y - r.hostOrigin.top + 'px';
      ps.width = p.w + 'px';
      if (p.maxHeight !== null) ps.maxHeight = p.maxHeight + 'px';
    },
  };
}
