// @ts-check
/**
 * Message Guard's DOM layer, shared unchanged by the extension's content script and the test page.
 *
 * Everything it draws lives in ONE host element (<msgguard-root>) with an open shadow root: underline
 * boxes over the offending text, the panel (verdict, evidence, findings, contact-reason advice) and the
 * card (one finding: Amazon's rule and fixes). It never touches the page's DOM, and changes the field's
 * value only when the seller clicks a fix.
 *
 * This module only wires the parts together and owns what they share: the report on screen, the
 * analysis sequence and the error state. Per animation frame there is one read phase (value, then
 * field-layout.js) and one write phase (mirror, highlights, panel, card); see frames.js.
 * @module
 */

import { h } from './dom.js';
import { countsText } from './text.js';
import { safe, makeGuarded } from './contain.js';
import { planSuggestion, replaceRange } from './edit.js';
import { createFrameLoop } from './frames.js';
import { createFieldLayout, MEASURE_AT_ONCE_MAX } from './field-layout.js';
import { watchField } from './field-watcher.js';
import { createHighlights } from './highlights.js';
import { createPanel } from './panel.js';
import { createCard } from './card.js';
import { createConfirm } from './confirm.js';
import { sendRisk } from './send-risk.js';
import { createAnnouncer } from './announce.js';
import { cachedReasons } from './reasons-cache.js';

export { createHost } from './host.js';

/** The workflow part of the panel is redrawn at most this often (ms), off the keystroke's path. */
const WORKFLOW_EVERY_MS = 100;

/** Distinct translated strings remembered (a few dozen keys; counts make more). */
const TRANSLATIONS_KEPT = 500;

/**
 * @typedef {import('./types.js').Report} Report
 * @typedef {import('./types.js').GuardOptions} GuardOptions
 * @typedef {import('./types.js').Guard} Guard
 * @typedef {import('./types.js').AnalyzeOptions} AnalyzeOptions
 * @typedef {import('./field-layout.js').LayoutRead} LayoutRead
 */

/**
 * Attaches the guard to a textarea.
 * @param {GuardOptions} options
 * @returns {Guard}
 */
export function mountGuard(options) {
  const { field, root, analyze, t: translate, ruleUrl } = options;
  // the contact reason is read from the page only when it changed (a keystroke asks for it thrice)
  const reasons = options.reasons ? cachedReasons(options.reasons) : null;
  const settings = options.settings ?? {};
  const placement = options.panelPlacement ?? 'beside';
  const workflow = options.workflow ?? null; // the extension's seller-workflow part (extension/src/workflow)
  const view = /** @type {Window & typeof globalThis} */ (field.ownerDocument.defaultView ?? window);
  const host = /** @type {HTMLElement} */ (root.host);
  const rootDoc = host.ownerDocument;

  /**
   * Translation with a visible fallback, so a missing string never shows as nothing. Remembered: the
   * strings never change while the page is open, and the panel asks for the same few on every
   * keystroke (Firefox's i18n.getMessage costs a few hundredths of a millisecond each).
   */
  /** @type {Map<string, string>} */
  const translated = new Map();
  const t = (/** @type {string} */ key, /** @type {string[]} */ subs = []) => {
    const k = subs.length ? key + '\u0000' + subs.join('\u0000') : key;
    let s = translated.get(k);
    if (s !== undefined) return s;
    try { s = translate(key, subs); } catch { s = ''; }
    s = s || key;
    if (translated.size >= TRANSLATIONS_KEPT) translated.clear(); // counts and labels with numbers in them
    translated.set(k, s);
    return s;
  };

  // ---- shared state -----------------------------------------------------------------------------
  let destroyed = false;
  let broken = false;          // our own code threw: stay quiet until refresh()
  let loggedError = false;
  let unavailableMessage = ''; // non-empty: the panel says "checker unavailable"
  let lastValue = /** @type {string | null} */ (null);
  let reqSeq = 0;
  /** @type {{report: Report, text: string} | null} */
  let shown = null;
  let collapsed = false;
  let subjectFailed = false;   // the last "select the critical reason" click did not take
  let panelDirty = true;
  let cardDirty = false;

  const guarded = makeGuarded(() => destroyed, fail);
  const loop = createFrameLoop(view, guarded, frame, () => destroyed);
  const schedule = loop.schedule;

  // ---- parts (inside the shadow root only) ------------------------------------------------------
  const layout = createFieldLayout({ field, host, anchor: options.panelAnchor ?? field, view });
  const highlights = createHighlights(rootDoc);
  const announcer = createAnnouncer(rootDoc, view, guarded);
  const confirm = createConfirm(rootDoc, t, field);
  const panel = createPanel({ doc: rootDoc, root, t, placement, reasons, confirm: confirm.el, live: announcer.el, extra: workflow ? [workflow.el] : [] });
  const card = createCard({
    doc: rootDoc, root, field, t, ruleUrl,
    findingAt: (i) => shown?.report.findings[i],
    changed: () => { panelDirty = true; schedule(); },
  });
  const layer = h(rootDoc, 'div', { class: 'layer', 'data-guard': '' });
  layer.append(layout.mirrorEl, highlights.el, panel.el, card.el);
  root.append(layer);

  // ---- error containment ------------------------------------------------------------------------
  /** @param {unknown} err */
  function fail(err) {
    if (!loggedError) {
      loggedError = true;
      try { console.error('[Message Guard] disabled after an internal error:', err); } catch { /* console gone */ }
    }
    broken = true;
    try {
      highlights.hide();
      card.el.hidden = true;
      setUnavailableNow(t('mg_unavailable_detail'));
    } catch { /* nothing more we can do without risking the page */ }
  }

  // ---- frames -----------------------------------------------------------------------------------
  /** @returns {boolean} run another frame */
  function frame() {
    if (broken) return false;
    // the value: pages change it programmatically, so compare every frame
    if (!watcher.composing) {
      const v = field.value;
      if (v !== lastValue) {
        lastValue = v;
        requestAnalysis();
      }
    }
    const r = layout.read(shown);
    const cardHeight = card.heightForPlacement();
    writePhase(r, cardHeight);
    return watcher.focused || layout.measurePending || r.again;
  }

  /** @param {LayoutRead} r @param {number} cardHeight */
  function writePhase(r, cardHeight) {
    // the mirror first: measuring a short draft forces a layout, which then covers only the mirror,
    // not also the panel and card written just before it
    layout.write(shown);
    if (panelDirty) {
      renderPanel();
      panelDirty = false;
    }
    if (cardDirty) {
      card.render();
      cardDirty = false;
    }
    const surface = layout.darkSurface ? 'dark' : 'light';
    if (layer.dataset.surface !== surface) layer.dataset.surface = surface;

    // underlines: the last measured report (while a newer one is being measured, the old boxes stay
    // one or two frames instead of flickering off)
    const measuredFor = layout.measuredFor;
    const showBoxes = r.rendered && !!r.clipRect && !!measuredFor && !unavailableMessage;
    highlights.draw(showBoxes && r.clipRect ? { clipRect: r.clipRect, hostOrigin: r.hostOrigin, ox: r.ox, oy: r.oy } : null,
      measuredFor?.findings ?? [], layout.measured, card.index);

    panel.el.hidden = !r.rendered;
    if (r.rendered) panel.place(r);
    card.place(r, layout.measured[card.index], cardHeight);

    markSettled();
  }

  /** A hook for tests and benchmarks: the report on screen is for the current text, and its boxes are drawn. */
  function markSettled() {
    const settled = !!shown && !layout.measurePending && layout.measuredFor === shown.report && shown.text === lastValue && !watcher.composing;
    const flag = settled ? 'true' : 'false';
    if (panel.el.dataset.settled !== flag) panel.el.dataset.settled = flag;
    const length = shown ? String(shown.text.length) : '';
    if (panel.el.dataset.length !== length) panel.el.dataset.length = length;
  }

  function renderPanel() {
    panel.render({ unavailableMessage, report: shown?.report ?? null, collapsed, activeIndex: card.index, subjectFailed });
    scheduleWorkflow();
  }

  // The workflow's lines (language, order ID, counts) are worth a glance, not a keystroke's latency:
  // reading them takes as long as drawing the underlines (language detection reads the whole draft),
  // so they are drawn in a task of their own, at most every WORKFLOW_EVERY_MS while the seller types.
  let workflowTimer = /** @type {number | undefined} */ (undefined);
  function scheduleWorkflow() {
    if (!workflow || workflowTimer !== undefined || destroyed) return;
    workflowTimer = view.setTimeout(() => {
      workflowTimer = undefined;
      if (destroyed || broken) return;
      // a bug in the workflow part must not take the checker down with it
      safe(() => workflow.render(unavailableMessage ? null : shown?.report ?? null, shown?.text ?? ''), undefined);
    }, WORKFLOW_EVERY_MS);
  }

  // ---- analysis ---------------------------------------------------------------------------------
  /** @returns {AnalyzeOptions} */
  function analyzeOptions() {
    /** @type {AnalyzeOptions} */
    const opts = {};
    const cur = reasons ? reasons.current() : null;
    if (cur) {
      opts.subject = cur.label;
      opts.critical_reason = !!cur.critical;
    }
    const lang = typeof options.lang === 'function' ? options.lang() : options.lang;
    if (lang) opts.lang = lang;
    if (workflow) Object.assign(opts, safe(() => workflow.options(), {}));
    return opts;
  }

  function requestAnalysis() {
    const text = lastValue ?? field.value;
    const seq = ++reqSeq;
    /** @type {Promise<Report>} */
    let p;
    try {
      p = Promise.resolve(analyze(text, analyzeOptions()));
    } catch (err) {
      p = Promise.reject(err);
    }
    // An answer from another process takes a round trip: the text is laid out meanwhile, so drawing the
    // answer only reads the boxes. In a microtask: after the request is on its way (main.js asks in
    // the continuation of awaiting its loaded analyzer, a microtask queued before this one).
    if (options.answersLater?.()) queueMicrotask(guarded(() => { if (seq === reqSeq) layout.prime(text); }));
    p.then(
      guarded((/** @type {Report} */ report) => {
        // no debounce: a stale answer (an older keystroke) is dropped instead
        if (seq !== reqSeq || !report || typeof report !== 'object') return;
        if (unavailableMessage) unavailableMessage = '';
        showReport(report, text);
      }),
      guarded((/** @type {unknown} */ err) => {
        if (seq !== reqSeq) return;
        if (!loggedError) {
          loggedError = true;
          try { console.warn('[Message Guard] checker unavailable:', err); } catch { /* ignore */ }
        }
        setUnavailableNow(t('mg_unavailable_detail'));
      }),
    );
  }

  function requestAnalysisSoon() {
    lastValue = null; // forces a fresh analysis in the next read phase
    schedule();
  }

  /** @param {Report} report @param {string} text */
  function showReport(report, text) {
    const prev = shown;
    shown = { report, text };
    if (card.index >= 0 && prev) cardDirty = card.follow(prev.report.findings[card.index], report.findings);
    panelDirty = true;
    announcer.queue(() => {
      const r = shown?.report;
      if (!r || r.empty) return null;
      return t('mg_announce', [t('mg_verdict_' + r.category), countsText(t, r.counts) || t('mg_findings_none')]);
    });
    // a short draft is drawn at once (painted in the next frame); a long one over the next frames
    if (text.length <= MEASURE_AT_ONCE_MAX) {
      loop.now();
      return;
    }
    // A long draft's verdict is written now, reading no layout: after a big paste the page must first
    // lay out the pasted text (longer than the analysis, in Chromium a third of a second for a million
    // characters), so a verdict waiting for the next frame's read phase comes after that. Written
    // now, it is painted with the pasted text itself; the underlines follow over the next frames. (From
    // 100,000 characters the analyzer's worker answers after that layout: then it is painted at once.)
    renderPanel();
    panelDirty = false;
    markSettled();
    schedule();
  }

  /** @param {string} message  the detail line under "Checker unavailable" */
  function setUnavailableNow(message) {
    unavailableMessage = message || t('mg_unavailable_detail');
    highlights.hide();
    card.close(false);
    renderPanel();
    panelDirty = false;
    schedule();
  }

  /** @param {number} k */
  function applyFix(k) {
    const f = shown?.report.findings[card.index];
    if (!f || !shown) return;
    const s = f.suggestions[k];
    if (s === undefined) return;
    const plan = planSuggestion(field.value, f, s);
    if (!plan) {
      // the text moved on since this finding: re-check and let the seller try again
      card.close(false);
      lastValue = null;
      schedule();
      return;
    }
    card.close(false);
    replaceRange(field, plan.start, plan.end, plan.insert);
    announcer.announce(t('mg_applied'));
    schedule();
  }

  // ---- events -----------------------------------------------------------------------------------
  const ac = new AbortController();
  const sig = { signal: ac.signal };

  const watcher = watchField({
    field, fontsDoc: rootDoc, signal: ac.signal, wrap: guarded,
    on: {
      wake: schedule,
      // analyze on the input event itself, not at the next frame: the answer can be drawn before it
      input: () => {
        const v = field.value;
        if (v !== lastValue) {
          lastValue = v;
          requestAnalysis();
        }
      },
      restyle: (ancestors) => {
        layout.styleChanged();
        if (ancestors) layout.ancestorsChanged();
      },
      click: (e) => {
        const selecting = field.selectionStart !== field.selectionEnd;
        const hit = selecting ? -1 : layout.hitTest(shown?.report ?? null, e.clientX, e.clientY);
        if (hit >= 0) card.show(hit, { focus: false });
        else if (card.index >= 0) card.close(false);
      },
      escape: () => { if (card.index >= 0) card.close(false); },
    },
  });

  rootDoc.addEventListener('pointerdown', guarded((/** @type {PointerEvent} */ e) => {
    if (card.el.hidden) return;
    const path = e.composedPath();
    if (!path.includes(card.el) && !path.includes(field) && !path.includes(panel.el)) card.close(false);
  }), { signal: ac.signal, passive: true, capture: true });

  // one delegated listener for every button the parts draw: they only carry data-action hooks
  layer.addEventListener('click', guarded((/** @type {MouseEvent} */ e) => {
    const target = /** @type {Element | null} */ (e.target instanceof Element ? e.target.closest('[data-action]') : null);
    if (!target) return;
    const action = target.getAttribute('data-action');
    const idx = Number(target.getAttribute('data-index'));
    if (action === 'open-finding') {
      if (card.index === idx && card.open) card.close(true);
      else {
        layout.reveal(idx);
        card.show(idx, { focus: true, fromList: /** @type {HTMLElement} */ (target) });
      }
    } else if (action === 'close-card') {
      card.close(true);
    } else if (action === 'apply-suggestion') {
      applyFix(idx);
    } else if (action === 'apply-subject') {
      const ok = reasons ? safe(() => reasons.selectCritical(), false) : false;
      subjectFailed = !ok;
      panel.forgetAdvice();
      panelDirty = true;
      if (ok) requestAnalysisSoon();
      schedule();
    } else if (action === 'toggle') {
      collapsed = !collapsed;
      panelDirty = true;
      schedule();
    } else if (action === 'confirm-send' || action === 'confirm-edit') {
      confirm.finish(action === 'confirm-send');
    }
  }), sig);
  layer.addEventListener('keydown', guarded((/** @type {KeyboardEvent} */ e) => {
    if (e.key !== 'Escape') return;
    if (card.open && e.composedPath().includes(card.el)) { e.stopPropagation(); card.close(true); }
    else if (confirm.open) { e.stopPropagation(); confirm.finish(false); }
  }), sig);

  const unsubscribeReasons = reasons
    ? safe(() => reasons.onChange(guarded(() => { panel.forgetAdvice(); subjectFailed = false; requestAnalysisSoon(); })), () => {})
    : () => {};

  const ro = new view.ResizeObserver(guarded((/** @type {ResizeObserverEntry[]} */ entries) => {
    for (const e of entries) {
      if (e.target === panel.el) {
        const box = e.borderBoxSize?.[0];
        const size = box ? { width: box.inlineSize, height: box.blockSize } : { width: e.contentRect.width, height: e.contentRect.height };
        if (panel.resized(size) && options.onPanelSize && !panel.el.hidden) safe(() => options.onPanelSize?.(size), undefined);
      } else if (e.target === card.el) {
        const box = e.borderBoxSize?.[0];
        if (box) card.resized({ width: box.inlineSize, height: box.blockSize });
      } else if (e.target === field) {
        layout.styleChanged();
      }
    }
    schedule();
  }));
  ro.observe(field);
  ro.observe(panel.el);
  ro.observe(card.el);
  if (options.panelAnchor && options.panelAnchor !== field) ro.observe(options.panelAnchor);

  // ---- confirm before sending -------------------------------------------------------------------
  /** @returns {Promise<boolean>} */
  async function confirmSend() {
    if (destroyed || broken || !settings.confirmSend) return true;
    /** @type {Report | null} */
    let report = null;
    try {
      // the text being sent now, not the report on screen (which may lag a keystroke behind)
      report = await analyze(field.value, analyzeOptions());
    } catch {
      return true; // the checker is down: never block the seller
    }
    const risk = report && sendRisk(report);
    if (destroyed || !risk) return true;
    return confirm.ask(() => {
      collapsed = false;
      panelDirty = true;
      schedule();
    }, risk);
  }

  // ---- start ------------------------------------------------------------------------------------
  if (workflow) workflow.connect({ reanalyze: guarded(requestAnalysisSoon) });
  if (options.prepare) {
    const prepare = guarded(options.prepare);
    field.addEventListener('focus', prepare, sig);
    if (watcher.focused) prepare();
  }
  if (options.release) field.addEventListener('blur', guarded(options.release), sig);
  renderPanel();
  panelDirty = false;
  // The draft as it is now is sent for analysis at once, not at the first frame's read: with the
  // analyzer loaded (in the extension, by the content script's first lines), its verdict is then drawn
  // before that frame instead of after it.
  // (Guarded as the frame's read is: reading the page's contact reason may throw on a page we do not know.)
  if (!watcher.composing) {
    guarded(() => {
      lastValue = field.value;
      requestAnalysis();
    })();
  }
  schedule();

  return {
    refresh: () => {
      if (destroyed) return;
      broken = false;
      unavailableMessage = '';
      reasons?.forget();
      layout.reset();
      panelDirty = true;
      panel.forgetLists();
      lastValue = null;
      schedule();
    },
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      loop.cancel();
      view.clearTimeout(workflowTimer);
      watcher.stop();
      announcer.cancel();
      ac.abort();
      ro.disconnect();
      safe(unsubscribeReasons, undefined);
      if (reasons) safe(reasons.stop, undefined);
      confirm.release();
      layer.remove();
    },
    setUnavailable: (message) => {
      if (destroyed) return;
      reqSeq++; // drop results still in flight
      setUnavailableNow(message);
    },
    setReport: (report, text) => {
      if (destroyed) return;
      reqSeq++;
      unavailableMessage = '';
      try { showReport(report, text); } catch (err) { fail(err); }
    },
    report: () => shown?.report ?? null,
    confirmSend,
  };
}
