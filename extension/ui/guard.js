// @ts-check
/**
 * Message Guard's DOM layer, shared unchanged by the extension's content script and the test page.
 *
 * Everything it draws lives in ONE host element (<msgguard-root>) with an open shadow root: underline
 * boxes over the offending text, the panel (verdict, evidence, findings, contact-reason advice) and the
 * card (one finding: Amazon's rule and fixes). It never touches the page's DOM, and changes the field's
 * value only when the seller clicks a fix.
 *
 * Layout discipline: per animation frame one read phase (field geometry, value, measurements of the
 * mirror) then one write phase (mirror, boxes, panel); box nodes are reused; nothing is redrawn while
 * an IME composes.
 * @module
 */

import { GUARD_CSS } from './styles.js';
import { Mirror, readFieldStyle, clippingAncestors, scrollTargets, visibleClip } from './geometry.js';
import { planSuggestion, replaceRange, commonEnds } from './edit.js';

/**
 * @typedef {import('./types.js').Report} Report
 * @typedef {import('./types.js').Finding} Finding
 * @typedef {import('./types.js').Evidence} Evidence
 * @typedef {import('./types.js').GuardOptions} GuardOptions
 * @typedef {import('./types.js').Guard} Guard
 * @typedef {import('./types.js').AnalyzeOptions} AnalyzeOptions
 * @typedef {import('./geometry.js').Box} Box
 * @typedef {import('./geometry.js').FieldStyle} FieldStyle
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const PANEL_WIDTH = 320;
const GAP = 12;
const IDLE_POLL_MS = 400;
const ANNOUNCE_DELAY_MS = 900;

/**
 * Creates the single layer element the guard draws into.
 * @param {Document} [doc]
 * @param {{container?: Element}} [opts]  container: where to append the host (default: the document
 *   element). A page may put it right after its form so the panel comes next in the tab order.
 * @returns {{host: HTMLElement, root: ShadowRoot}}
 */
export function createHost(doc = document, opts = {}) {
  const host = doc.createElement('msgguard-root');
  // CSSOM, not a style attribute: a page CSP without 'unsafe-inline' allows this
  const s = host.style;
  for (const [k, v] of [['position', 'absolute'], ['left', '0'], ['top', '0'], ['width', '0'], ['height', '0'],
    ['overflow', 'visible'], ['display', 'block'], ['pointer-events', 'none'], ['z-index', '2147483000'],
    ['margin', '0'], ['padding', '0'], ['border', '0'], ['transform', 'none']]) {
    s.setProperty(k, v, 'important');
  }
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, doc);
  (opts.container ?? doc.documentElement ?? doc.body).append(host);
  return { host, root };
}

/**
 * Constructable style sheet (immune to the page's style-src CSP); a <style> element when the browser
 * or the script's world refuses it.
 * @param {ShadowRoot} root
 * @param {Document} doc
 */
function adoptStyles(root, doc) {
  try {
    const View = /** @type {typeof globalThis} */ (/** @type {unknown} */ (doc.defaultView ?? window));
    const sheet = new View.CSSStyleSheet();
    sheet.replaceSync(GUARD_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // fall through
  }
  const style = doc.createElement('style');
  style.textContent = GUARD_CSS;
  root.append(style);
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {Document} doc
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attrs]
 * @param {Array<Node | string | null | undefined | false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
function h(doc, tag, attrs = {}, children = []) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/**
 * A small stroked icon.
 * @param {Document} doc
 * @param {string} d  path data in a 16×16 box
 */
function icon(doc, d) {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/**
 * The focused element, looking inside open shadow roots.
 * @param {Document} doc
 * @returns {Element | null}
 */
function deepActiveElement(doc) {
  let el = doc.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** @param {number} v @param {number} lo @param {number} hi */
const clamp = (v, lo, hi) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/** @param {string} s @param {number} n */
const shorten = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Shows line breaks and tabs in a quoted match. @param {string} s */
const visible = (s) => s.replace(/\r?\n/g, '↵').replace(/\t/g, '⇥');

/**
 * Attaches the guard to a textarea.
 * @param {GuardOptions} options
 * @returns {Guard}
 */
export function mountGuard(options) {
  const { field, root, analyze, t: translate, ruleUrl } = options;
  const reasons = options.reasons ?? null;
  const settings = options.settings ?? {};
  const placement = options.panelPlacement ?? 'beside';
  const doc = field.ownerDocument;
  const view = /** @type {Window & typeof globalThis} */ (doc.defaultView ?? window);
  const host = /** @type {HTMLElement} */ (root.host);
  const rootDoc = host.ownerDocument;

  /** Translation with a visible fallback, so a missing string never shows as nothing. */
  const t = (/** @type {string} */ key, /** @type {string[]} */ subs = []) => {
    let s = '';
    try { s = translate(key, subs); } catch { s = ''; }
    return s || key;
  };

  // ---- state ------------------------------------------------------------------------------------
  let destroyed = false;
  let broken = false;          // our own code threw: stay quiet until refresh()
  let loggedError = false;
  let unavailableMessage = ''; // non-empty: the panel says "checker unavailable"
  let composing = false;
  let focused = false;
  let lastValue = /** @type {string | null} */ (null);
  let reqSeq = 0;
  /** @type {{report: Report, text: string} | null} */
  let shown = null;
  let collapsed = false;
  let activeIndex = -1;        // finding whose card is open
  let cardFromList = false;
  /** @type {HTMLElement | null} */
  let cardOpener = null;
  /** @type {((ok: boolean) => void) | null} */
  let confirmResolve = null;

  // layout caches (read phase fills them, write phase uses them)
  /** @type {FieldStyle | null} */
  let style = null;
  let styleDirty = true;
  let measurePending = false;
  let forceMeasure = false;    // same style key, but glyphs may have changed (fonts loaded, zoom)
  /** @type {Box[][]} */
  let measured = [];
  let measuredFor = /** @type {Report | null} */ (null);
  let ancestors = /** @type {Element[]} */ ([]);
  let ancestorsDirty = true;
  let panelDirty = true;
  let cardDirty = false;
  let lastSizeKey = '';
  let panelSize = { width: PANEL_WIDTH, height: 200 };
  let cardSize = { width: 340, height: 180 };
  /** which side of the line the open card is on: chosen once when it opens, so it never jumps */
  let cardSide = /** @type {'below' | 'above' | null} */ (null);
  /** @type {{ox: number, oy: number, visible: boolean}} field client origin (viewport) minus scroll */
  let lastOrigin = { ox: 0, oy: 0, visible: false };

  // ---- DOM (inside the shadow root only) --------------------------------------------------------
  const layer = h(rootDoc, 'div', { class: 'layer', 'data-guard': '' });
  const mirrorEl = h(rootDoc, 'div', { class: 'mirror', 'aria-hidden': 'true' });
  const mirror = new Mirror(mirrorEl);
  const clip = h(rootDoc, 'div', { class: 'clip', 'aria-hidden': 'true', 'data-part': 'highlights' });
  const content = h(rootDoc, 'div', { class: 'content' });
  clip.append(content);
  /** @type {Array<{el: HTMLElement, segs: HTMLElement[]}>} */
  const boxes = [];

  const verdictIcon = h(rootDoc, 'span', { class: 'verdict-icon', 'aria-hidden': 'true' });
  const verdictEl = h(rootDoc, 'h2', { class: 'verdict', 'data-part': 'verdict' });
  const countsEl = h(rootDoc, 'span', { class: 'counts' });
  const toggle = h(rootDoc, 'button', { class: 'toggle', type: 'button', 'aria-expanded': 'true', 'data-action': 'toggle' });
  toggle.append(icon(rootDoc, 'M4 10l4-4 4 4'));
  const toggleLabel = h(rootDoc, 'span', { class: 'sr-only' });
  toggle.append(toggleLabel);
  const head = h(rootDoc, 'div', { class: 'panel-head' }, [
    verdictIcon,
    h(rootDoc, 'div', { class: 'verdict-text' }, [h(rootDoc, 'span', { class: 'brand', text: t('mg_name') }), verdictEl, countsEl]),
    toggle,
  ]);
  const summaryEl = h(rootDoc, 'p', { class: 'summary', 'data-part': 'summary' });
  const evidenceEl = h(rootDoc, 'div', { class: 'evidence', 'data-part': 'evidence', hidden: true });
  const findingsList = h(rootDoc, 'ul', { 'data-part': 'findings' });
  const findingsTitle = h(rootDoc, 'h3', { class: 'section-title' });
  const findingsHint = h(rootDoc, 'p', { class: 'hint' });
  const findingsEl = h(rootDoc, 'div', { class: 'findings', hidden: true }, [findingsTitle, findingsList]);
  const adviceEl = h(rootDoc, 'div', { class: 'advice', 'data-part': 'subject-advice', 'data-advice': 'none', hidden: true });
  const confirmEl = h(rootDoc, 'div', { class: 'confirm', 'data-part': 'confirm', role: 'alertdialog', hidden: true });
  const unavailableEl = h(rootDoc, 'p', { class: 'unavailable-detail', hidden: true });
  const live = h(rootDoc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-part': 'announce' });
  const body = h(rootDoc, 'div', { class: 'panel-body' }, [unavailableEl, summaryEl, confirmEl, findingsEl, evidenceEl, adviceEl]);
  const panel = h(rootDoc, 'section', {
    class: 'panel', 'data-part': 'panel', 'data-verdict': 'empty', 'data-state': 'loading',
    'data-placement': placement, role: 'region', 'aria-label': t('mg_panel_label'),
  }, [head, body, live]);
  const card = h(rootDoc, 'div', { class: 'card', 'data-part': 'card', role: 'dialog', 'aria-label': t('mg_card_label'), hidden: true });
  layer.append(mirrorEl, clip, panel, card);
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
      clip.hidden = true;
      card.hidden = true;
      setUnavailableNow(t('mg_unavailable_detail'));
    } catch { /* nothing more we can do without risking the page */ }
  }

  /**
   * @template {unknown[]} A
   * @param {(...args: A) => void} fn
   * @returns {(...args: A) => void}
   */
  const guarded = (fn) => (...args) => {
    if (destroyed) return;
    try { fn(...args); } catch (err) { fail(err); }
  };

  // ---- frame loop -------------------------------------------------------------------------------
  let rafId = 0;
  function schedule() {
    if (!rafId && !destroyed) rafId = view.requestAnimationFrame(onFrame);
  }
  const onFrame = guarded(() => {
    rafId = 0;
    if (broken) return;
    const r = readPhase();
    writePhase(r);
    if (focused || measurePending || r.again) schedule();
  });

  /**
   * @typedef {object} ReadResult
   * @property {boolean} rendered
   * @property {boolean} again
   * @property {{left: number, top: number}} hostOrigin
   * @property {{left: number, top: number, right: number, bottom: number} | null} clipRect  viewport coords
   * @property {number} ox  viewport x of the field's client origin minus its scrollLeft
   * @property {number} oy
   * @property {DOMRect} anchor
   * @property {{width: number, height: number}} viewport
   * @property {number} cardHeight
   */

  /** @returns {ReadResult} */
  function readPhase() {
    let again = false;
    // the value: pages change it programmatically, so compare every frame
    if (!composing) {
      const v = field.value;
      if (v !== lastValue) {
        lastValue = v;
        requestAnalysis();
      }
    }
    const rect = field.getBoundingClientRect();
    const hostRect = host.getBoundingClientRect();
    const viewport = { width: rootDoc.documentElement.clientWidth || view.innerWidth, height: view.innerHeight };
    const rendered = field.isConnected && (rect.width > 0 || rect.height > 0);
    const anchorEl = options.panelAnchor ?? field;
    const anchor = anchorEl.getBoundingClientRect();
    const cw = field.clientWidth;
    const ch = field.clientHeight;
    const sizeKey = cw + 'x' + ch + '@' + view.devicePixelRatio;
    if (sizeKey !== lastSizeKey) {
      lastSizeKey = sizeKey;
      styleDirty = true;
    }
    if (rendered && styleDirty) {
      style = readFieldStyle(field);
      styleDirty = false;
      forceMeasure = true;
    }
    if (rendered && ancestorsDirty) {
      ancestors = clippingAncestors(field);
      ancestorsDirty = false;
    }
    // measure the mirror written in the previous write phase
    if (measurePending && shown && style && mirror.value === shown.text && mirror.styleKey === style.key) {
      measured = mirror.measure(shown.report.findings);
      measuredFor = shown.report;
      measurePending = false;
    } else if (measurePending) {
      again = true;
    }
    const cl = rect.left + field.clientLeft;
    const ct = rect.top + field.clientTop;
    const clipRect = rendered ? visibleClip({ left: cl, top: ct, right: cl + cw, bottom: ct + ch }, ancestors) : null;
    const ox = cl - field.scrollLeft;
    const oy = ct - field.scrollTop;
    lastOrigin = { ox, oy, visible: !!clipRect };
    // a card that just opened: its real height decides once whether it goes above or below the line
    const cardHeight = !card.hidden && !cardSide ? card.offsetHeight || cardSize.height : cardSize.height;
    return { rendered, again, hostOrigin: { left: hostRect.left, top: hostRect.top }, clipRect, ox, oy, anchor, viewport, cardHeight };
  }

  /** @param {ReadResult} r */
  function writePhase(r) {
    if (panelDirty) {
      renderPanel();
      panelDirty = false;
    }
    if (cardDirty) {
      renderCard();
      cardDirty = false;
    }
    // mirror: bring it to the shown text and current style; measure in the next read phase
    if (shown && style) {
      if (mirror.value !== shown.text || mirror.styleKey !== style.key) {
        mirror.write(style, shown.text);
        measurePending = true;
      } else if (measuredFor !== shown.report || forceMeasure) {
        measurePending = true;
      }
      forceMeasure = false;
    }
    const surface = style?.darkSurface ? 'dark' : 'light';
    if (layer.dataset.surface !== surface) layer.dataset.surface = surface;

    // underlines: the last measured report (while a newer one is being measured, the old boxes stay
    // one or two frames instead of flickering off)
    const showBoxes = r.rendered && !!r.clipRect && !!measuredFor && !unavailableMessage;
    clip.hidden = !showBoxes;
    if (showBoxes && r.clipRect && measuredFor) {
      const cr = r.clipRect;
      const cs = clip.style;
      cs.left = cr.left - r.hostOrigin.left + 'px';
      cs.top = cr.top - r.hostOrigin.top + 'px';
      cs.width = cr.right - cr.left + 'px';
      cs.height = cr.bottom - cr.top + 'px';
      content.style.transform = `translate(${r.ox - cr.left}px, ${r.oy - cr.top}px)`;
      drawBoxes(measuredFor.findings);
    }

    // panel and card positions
    panel.hidden = !r.rendered;
    if (r.rendered) placePanel(r);
    if (!card.hidden) placeCard(r);

    // a hook for tests: the report on screen is for the current text and its boxes are drawn
    const settled = !!shown && !measurePending && measuredFor === shown.report && shown.text === lastValue && !composing;
    const flag = settled ? 'true' : 'false';
    if (panel.dataset.settled !== flag) panel.dataset.settled = flag;
    const length = shown ? String(shown.text.length) : '';
    if (panel.dataset.length !== length) panel.dataset.length = length;
  }

  /** @param {Finding[]} findings */
  function drawBoxes(findings) {
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const lines = measured[i] ?? [];
      let slot = boxes[i];
      if (!slot) {
        slot = { el: h(rootDoc, 'div', { class: 'hl', 'data-part': 'highlight' }), segs: [] };
        boxes.push(slot);
        content.append(slot.el);
      }
      const el = slot.el;
      el.hidden = false;
      el.dataset.rule = f.rule;
      el.dataset.severity = f.severity;
      el.dataset.start = String(f.start);
      el.dataset.end = String(f.end);
      el.dataset.index = String(i);
      el.toggleAttribute('data-active', i === activeIndex);
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const b of lines) {
        x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y);
        x1 = Math.max(x1, b.x + b.w); y1 = Math.max(y1, b.y + b.h);
      }
      if (!lines.length) { x0 = y0 = x1 = y1 = 0; }
      const es = el.style;
      es.left = x0 + 'px';
      es.top = y0 + 'px';
      es.width = x1 - x0 + 'px';
      es.height = y1 - y0 + 'px';
      for (let j = 0; j < lines.length; j++) {
        let seg = slot.segs[j];
        if (!seg) {
          seg = h(rootDoc, 'i', { class: 'seg' });
          slot.segs.push(seg);
          el.append(seg);
        }
        seg.hidden = false;
        const b = lines[j];
        const ss = seg.style;
        ss.left = b.x - x0 + 'px';
        ss.top = b.y - y0 + 'px';
        ss.width = b.w + 'px';
        ss.height = b.h + 'px';
      }
      for (let j = lines.length; j < slot.segs.length; j++) slot.segs[j].hidden = true;
    }
    for (let i = findings.length; i < boxes.length; i++) boxes[i].el.hidden = true;
  }

  /** @param {ReadResult} r */
  function placePanel(r) {
    const ps = panel.style;
    const a = r.anchor;
    const vw = r.viewport.width;
    const vh = r.viewport.height;
    let x, y, w;
    if (placement === 'dock') {
      x = a.left; y = a.top; w = a.width;
    } else {
      w = Math.min(PANEL_WIDTH, vw - 16);
      const hgt = Math.min(panelSize.height, vh - 16);
      if (a.right + GAP + w <= vw - 8) x = a.right + GAP;
      else if (a.left - GAP - w >= 8) x = a.left - GAP - w;
      else x = -1;
      if (x >= 0) {
        // beside, aligned with the anchor's top; when that scrolls away, stick to the viewport's top
        // until the anchor's bottom comes up
        y = a.top < 8 ? Math.max(a.top, Math.min(8, a.bottom - hgt)) : a.top;
      } else {
        x = clamp(a.left, 8, vw - w - 8);
        y = a.bottom + 8;
      }
    }
    ps.left = x - r.hostOrigin.left + 'px';
    ps.top = y - r.hostOrigin.top + 'px';
    ps.width = w + 'px';
    // beside the field: never taller than the room left in the viewport (its body scrolls)
    if (placement !== 'dock') ps.maxHeight = Math.max(220, vh - 8 - Math.max(y, 8)) + 'px';
  }

  /** @param {ReadResult} r */
  function placeCard(r) {
    const lines = measured[activeIndex];
    const cs = card.style;
    const vw = r.viewport.width;
    const vh = r.viewport.height;
    const w = Math.min(340, vw - 16);
    let x, y;
    if (lines && lines.length && r.clipRect && lastOrigin.visible) {
      const b = lines[0];
      const lineTop = r.oy + b.y;
      const lineBottom = lineTop + b.h;
      const lineLeft = r.ox + b.x;
      x = clamp(lineLeft, 8, vw - w - 8);
      const ch = r.cardHeight;
      if (!cardSide) cardSide = lineBottom + 6 + ch > vh - 8 && lineTop - 6 - ch >= 8 ? 'above' : 'below';
      y = cardSide === 'above' ? lineTop - 6 - ch : lineBottom + 6;
    } else {
      const a = r.anchor;
      x = clamp(a.left, 8, vw - w - 8);
      y = a.bottom + 6;
    }
    cs.left = x - r.hostOrigin.left + 'px';
    cs.top = y - r.hostOrigin.top + 'px';
    cs.width = w + 'px';
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
    p.then(
      guarded((/** @type {Report} */ report) => {
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

  /** @param {Report} report @param {string} text */
  function showReport(report, text) {
    const prev = shown;
    shown = { report, text };
    // keep the card on the same finding if it survived the edit, else close it
    if (activeIndex >= 0 && prev) {
      const old = prev.report.findings[activeIndex];
      const idx = old ? report.findings.findIndex((f) => f.rule === old.rule && f.match === old.match) : -1;
      if (idx < 0) closeCard(false);
      else if (idx !== activeIndex) activeIndex = idx;
      cardDirty = activeIndex >= 0;
    }
    panelDirty = true;
    queueAnnouncement();
    schedule();
  }

  // ---- panel rendering --------------------------------------------------------------------------
  let findingsKey = '';
  let adviceKey = '';

  /** @param {'error' | 'warning' | 'info'} sev */
  function sevMark(sev) {
    return h(rootDoc, 'span', { class: 'sev', 'data-severity': sev, 'aria-hidden': 'true', text: t('mg_severity_letter_' + sev) });
  }

  /** @param {{error: number, warning: number, info: number}} c */
  function countsText(c) {
    /** @type {string[]} */
    const parts = [];
    for (const k of /** @type {const} */ (['error', 'warning', 'info'])) {
      if (c[k] > 0) parts.push(c[k] === 1 ? t(`mg_count_${k}_one`) : t(`mg_count_${k}_other`, [String(c[k])]));
    }
    return parts.join(' · ');
  }

  function renderPanel() {
    const state = unavailableMessage ? 'unavailable' : shown ? 'ready' : 'loading';
    panel.dataset.state = state;
    const report = shown?.report ?? null;
    const verdict = !report || report.empty || state === 'unavailable' ? 'empty' : report.category;
    panel.dataset.verdict = verdict;
    panel.toggleAttribute('data-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggleLabel.textContent = t(collapsed ? 'mg_expand' : 'mg_collapse');

    if (state === 'unavailable') {
      verdictIcon.textContent = '?';
      verdictEl.textContent = t('mg_state_unavailable');
      countsEl.textContent = '';
      unavailableEl.hidden = false;
      unavailableEl.textContent = unavailableMessage;
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
    verdictIcon.textContent = { critical: '!', noncritical: '✓', prohibited: '✕', empty: '…' }[verdict] ?? '';
    verdictEl.textContent = t('mg_verdict_' + verdict);
    countsEl.textContent = report.empty ? t('mg_verdict_hint_empty') : countsText(report.counts) || t('mg_verdict_hint_' + verdict);
    summaryEl.hidden = report.empty;
    summaryEl.textContent = report.summary;

    renderEvidence(report);
    renderFindings(report);
    renderAdvice(report);
  }

  /** @param {Report} report */
  function renderEvidence(report) {
    const ev = report.empty ? [] : report.evidence;
    evidenceEl.hidden = ev.length === 0;
    evidenceEl.replaceChildren();
    if (!ev.length) return;
    const cats = /** @type {const} */ (['critical', 'noncritical']);
    for (const cat of cats) {
      const items = ev.filter((e) => e.category === cat);
      if (!items.length) continue;
      const ul = h(rootDoc, 'ul');
      for (const e of items) {
        const q = h(rootDoc, 'q');
        const at = e.trigger ? e.text.toLowerCase().indexOf(e.trigger.toLowerCase()) : -1;
        if (at >= 0) {
          q.append(shorten(e.text.slice(0, at), 60), h(rootDoc, 'mark', { text: e.text.slice(at, at + e.trigger.length) }), shorten(e.text.slice(at + e.trigger.length), 60));
        } else {
          q.append(shorten(e.text, 120));
        }
        ul.append(h(rootDoc, 'li', { 'data-category': e.category, 'data-topic': e.topic }, [h(rootDoc, 'span', { class: 'label', text: e.label }), q]));
      }
      evidenceEl.append(h(rootDoc, 'h3', { class: 'section-title', text: t('mg_evidence_' + cat) }), ul);
    }
  }

  /** @param {Report} report */
  function renderFindings(report) {
    const list = report.findings;
    const key = list.map((f) => `${f.rule}:${f.start}:${f.end}:${f.match}`).join('|');
    findingsEl.hidden = report.empty;
    if (key === findingsKey) {
      // same list: only the expanded state changes, in place (keeps focus on the button)
      for (const b of Array.from(findingsList.querySelectorAll('[data-action="open-finding"]'))) {
        const expanded = String(Number(/** @type {HTMLElement} */ (b).dataset.index) === activeIndex);
        if (b.getAttribute('aria-expanded') !== expanded) b.setAttribute('aria-expanded', expanded);
      }
      return;
    }
    findingsKey = key;
    findingsTitle.textContent = t('mg_findings_heading') + (list.length ? ` (${list.length})` : '');
    const focusedIdx = findingsList.contains(root.activeElement) ? Number(/** @type {HTMLElement} */ (root.activeElement).dataset.index) : -1;
    findingsList.replaceChildren();
    if (!list.length) {
      findingsList.append(h(rootDoc, 'li', { class: 'hint', text: t('mg_findings_none') }));
      findingsHint.remove();
      return;
    }
    findingsTitle.after(findingsHint);
    findingsHint.textContent = t('mg_findings_hint');
    list.forEach((f, i) => {
      const btn = h(rootDoc, 'button', {
        type: 'button', class: 'finding', 'data-action': 'open-finding', 'data-index': String(i),
        'data-rule': f.rule, 'data-severity': f.severity, 'aria-expanded': String(i === activeIndex),
        'aria-label': t('mg_finding_item', [t('mg_severity_' + f.severity), f.rule, f.title]) + ` — “${shorten(visible(f.match), 60)}”`,
      }, [
        sevMark(f.severity),
        h(rootDoc, 'span', { class: 'what' }, [
          h(rootDoc, 'span', { class: 'title', text: f.title }),
          h(rootDoc, 'span', { class: 'match', text: `“${shorten(visible(f.match), 60)}”` }),
        ]),
        h(rootDoc, 'span', { class: 'code', text: f.rule }),
      ]);
      findingsList.append(h(rootDoc, 'li', {}, [btn]));
      if (i === focusedIdx) btn.focus({ preventScroll: true });
    });
  }

  /** @param {Report} report */
  function renderAdvice(report) {
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
      adviceEl.append(h(rootDoc, 'p', { class: 'loud', text: t('mg_misused_heading') }));
    } else {
      adviceEl.append(h(rootDoc, 'h3', { class: 'section-title', text: t('mg_advice_heading') }));
    }
    adviceEl.append(h(rootDoc, 'p', { class: 'reason', text: report.subject_advice_reason }));
    if (advice === 'critical-reason') {
      if (cur?.critical) {
        adviceEl.append(h(rootDoc, 'p', { class: 'selected', text: t('mg_subject_selected', [cur.label]) }));
      } else if (label) {
        adviceEl.append(h(rootDoc, 'button', { type: 'button', class: 'primary', 'data-action': 'apply-subject', text: t('mg_apply_subject', [label]) }));
        if (subjectFailed) adviceEl.append(h(rootDoc, 'p', { class: 'hint', text: t('mg_subject_failed') }));
      } else {
        adviceEl.append(h(rootDoc, 'p', { class: 'hint', text: t('mg_critical_not_offered') }));
      }
    }
  }
  let subjectFailed = false;
  const cardTitleId = 'mg-card-title-' + Math.random().toString(36).slice(2, 10);

  /**
   * @template T
   * @param {() => T} fn
   * @param {T} fallback
   * @returns {T}
   */
  function safe(fn, fallback) {
    try { return fn(); } catch { return fallback; }
  }

  // ---- card -------------------------------------------------------------------------------------
  /**
   * @param {number} index
   * @param {{focus?: boolean, fromList?: HTMLElement | null}} [how]
   */
  function openCard(index, how = {}) {
    if (!shown || !shown.report.findings[index]) return;
    if (activeIndex !== index) cardSide = null;
    activeIndex = index;
    cardFromList = !!how.fromList;
    cardOpener = how.fromList ?? null;
    renderCard();
    card.hidden = false;
    panelDirty = true;
    if (how.focus) {
      const first = /** @type {HTMLElement | null} */ (card.querySelector('[data-action="apply-suggestion"]') ?? card.querySelector('button'));
      first?.focus({ preventScroll: true });
    }
    schedule();
  }

  /** @param {boolean} restoreFocus */
  function closeCard(restoreFocus) {
    if (activeIndex < 0 && card.hidden) return;
    const opener = cardOpener;
    const hadFocus = card.contains(root.activeElement);
    activeIndex = -1;
    cardOpener = null;
    card.hidden = true;
    card.replaceChildren();
    panelDirty = true;
    if (restoreFocus && hadFocus) {
      if (cardFromList && opener && opener.isConnected) opener.focus({ preventScroll: true });
      else field.focus({ preventScroll: true });
    }
    schedule();
  }

  function renderCard() {
    const f = shown?.report.findings[activeIndex];
    if (!f) return;
    const titleId = cardTitleId;
    const close = h(rootDoc, 'button', { type: 'button', class: 'close', 'data-action': 'close-card', 'aria-label': t('mg_card_close') });
    close.append(icon(rootDoc, 'M4 4l8 8M12 4l-8 8'));
    /** @type {HTMLElement[]} */
    const fixButtons = [];
    f.suggestions.forEach((s, k) => {
      const inner = /^~([^~]*)~([^~]*)~$/.exec(s);
      const show = (/** @type {string} */ x) => (/^\n+$/.test(x) ? t('mg_suggest_line_breaks') : shorten(visible(x), 40));
      let label;
      const { prefix, suffix } = inner || s === '' ? { prefix: 0, suffix: 0 } : commonEnds(f.match, s);
      const from = f.match.slice(prefix, f.match.length - suffix);
      if (s === '') label = t('mg_suggest_remove', [shorten(visible(f.match), 40)]);
      else if (inner) label = t('mg_suggest_change', [show(inner[1]), show(inner[2])]);
      // mostly the same text ("http://…" → "https://…"): say what changes
      else if (prefix + suffix >= 3 && from !== '') label = t('mg_suggest_change', [show(from), show(s.slice(prefix, s.length - suffix))]);
      else label = t('mg_suggest_replace', [show(s)]);
      fixButtons.push(h(rootDoc, 'button', { type: 'button', 'data-action': 'apply-suggestion', 'data-index': String(k), class: k === 0 ? 'primary' : undefined, text: label }));
    });
    const sourceLink = f.cite.url
      ? h(rootDoc, 'a', { href: f.cite.url, target: '_blank', rel: 'noopener noreferrer', class: 'source', text: f.cite.source })
      : h(rootDoc, 'span', { class: 'source', text: f.cite.source });
    card.dataset.rule = f.rule;
    card.dataset.severity = f.severity;
    card.setAttribute('aria-labelledby', titleId);
    card.replaceChildren(
      h(rootDoc, 'div', { class: 'card-head' }, [
        sevMark(f.severity),
        h(rootDoc, 'div', { class: 'card-title', id: titleId }, [
          f.title,
          h(rootDoc, 'span', { class: 'card-code', text: `${f.rule} · ${t('mg_severity_' + f.severity)}` }),
        ]),
        close,
      ]),
      h(rootDoc, 'p', { class: 'message', text: f.message }),
      h(rootDoc, 'blockquote', { class: 'rule-quote', 'data-part': 'cite' }, [
        h(rootDoc, 'span', { class: 'section-title', text: t('mg_card_amazon_rule') }),
        h(rootDoc, 'p', { text: f.cite.text }),
        sourceLink,
      ]),
      fixButtons.length
        ? h(rootDoc, 'div', {}, [h(rootDoc, 'span', { class: 'section-title', text: t('mg_card_fix') }), h(rootDoc, 'div', { class: 'fixes' }, fixButtons)])
        : h(rootDoc, 'p', { class: 'hint', text: t('mg_card_no_fix') }),
      h(rootDoc, 'a', { class: 'ref', href: safe(() => ruleUrl(f.rule), '#'), target: '_blank', rel: 'noopener', 'data-part': 'rule-link', text: t('mg_card_reference', [f.rule]) }),
    );
  }

  /** @param {number} k */
  function applyFix(k) {
    const f = shown?.report.findings[activeIndex];
    if (!f || !shown) return;
    const s = f.suggestions[k];
    if (s === undefined) return;
    const plan = planSuggestion(field.value, f, s);
    if (!plan) {
      // the text moved on since this finding: re-check and let the seller try again
      closeCard(false);
      lastValue = null;
      schedule();
      return;
    }
    cardFromList = false;
    closeCard(false);
    replaceRange(field, plan.start, plan.end, plan.insert);
    announce(t('mg_applied'));
    schedule();
  }

  // ---- announcements ----------------------------------------------------------------------------
  let announceTimer = 0;
  let lastAnnounced = '';
  function queueAnnouncement() {
    view.clearTimeout(announceTimer);
    announceTimer = view.setTimeout(guarded(() => {
      const report = shown?.report;
      if (!report || report.empty) return;
      const msg = t('mg_announce', [t('mg_verdict_' + report.category), countsText(report.counts) || t('mg_findings_none')]);
      if (msg !== lastAnnounced) announce(msg);
    }), ANNOUNCE_DELAY_MS);
  }
  /** @param {string} msg */
  function announce(msg) {
    lastAnnounced = msg;
    live.textContent = msg;
  }

  // ---- unavailable ------------------------------------------------------------------------------
  /** @param {string} message  the detail line under "Checker unavailable" */
  function setUnavailableNow(message) {
    unavailableMessage = message || t('mg_unavailable_detail');
    clip.hidden = true;
    closeCard(false);
    renderPanel();
    panelDirty = false;
    schedule();
  }

  // ---- events -----------------------------------------------------------------------------------
  const ac = new AbortController();
  const sig = { signal: ac.signal };
  const passive = { signal: ac.signal, passive: true, capture: true };

  field.addEventListener('input', guarded(() => { if (!composing) schedule(); }), sig);
  field.addEventListener('focus', guarded(() => { focused = true; schedule(); }), sig);
  field.addEventListener('blur', guarded(() => { focused = false; schedule(); }), sig);
  field.addEventListener('scroll', guarded(schedule), { signal: ac.signal, passive: true });
  field.addEventListener('compositionstart', guarded(() => { composing = true; }), sig);
  field.addEventListener('compositionend', guarded(() => { composing = false; schedule(); }), sig);
  field.addEventListener('click', guarded((/** @type {MouseEvent} */ e) => {
    const selecting = field.selectionStart !== field.selectionEnd;
    const hit = selecting ? -1 : hitTest(e.clientX, e.clientY);
    if (hit >= 0) openCard(hit, { focus: false });
    else if (activeIndex >= 0) closeCard(false);
  }), sig);
  field.addEventListener('keydown', guarded((/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'Escape' && activeIndex >= 0) closeCard(false);
  }), sig);
  view.addEventListener('scroll', guarded(schedule), passive);
  view.addEventListener('resize', guarded(() => { styleDirty = true; ancestorsDirty = true; schedule(); }), sig);
  view.visualViewport?.addEventListener('resize', guarded(() => { styleDirty = true; schedule(); }), sig);
  for (const target of scrollTargets(field)) target.addEventListener('scroll', guarded(schedule), passive);
  rootDoc.addEventListener('pointerdown', guarded((/** @type {PointerEvent} */ e) => {
    if (card.hidden) return;
    const path = e.composedPath();
    if (!path.includes(card) && !path.includes(field) && !path.includes(panel)) closeCard(false);
  }), passive);

  layer.addEventListener('click', guarded((/** @type {MouseEvent} */ e) => {
    const target = /** @type {Element | null} */ (e.target instanceof Element ? e.target.closest('[data-action]') : null);
    if (!target) return;
    const action = target.getAttribute('data-action');
    const idx = Number(target.getAttribute('data-index'));
    if (action === 'open-finding') {
      if (activeIndex === idx && !card.hidden) closeCard(true);
      else {
        revealFinding(idx);
        openCard(idx, { focus: true, fromList: /** @type {HTMLElement} */ (target) });
      }
    } else if (action === 'close-card') {
      closeCard(true);
    } else if (action === 'apply-suggestion') {
      applyFix(idx);
    } else if (action === 'apply-subject') {
      const ok = reasons ? safe(() => reasons.selectCritical(), false) : false;
      subjectFailed = !ok;
      adviceKey = '';
      panelDirty = true;
      if (ok) requestAnalysisSoon();
      schedule();
    } else if (action === 'toggle') {
      collapsed = !collapsed;
      panelDirty = true;
      schedule();
    } else if (action === 'confirm-send' || action === 'confirm-edit') {
      finishConfirm(action === 'confirm-send');
    }
  }), sig);
  layer.addEventListener('keydown', guarded((/** @type {KeyboardEvent} */ e) => {
    if (e.key !== 'Escape') return;
    if (!card.hidden && e.composedPath().includes(card)) { e.stopPropagation(); closeCard(true); }
    else if (!confirmEl.hidden) { e.stopPropagation(); finishConfirm(false); }
  }), sig);

  /** Scrolls the field (only on an explicit click in the list) so the finding is in view. @param {number} idx */
  function revealFinding(idx) {
    const b = measured[idx]?.[0];
    if (!b) return;
    const top = field.scrollTop;
    const ch = field.clientHeight;
    if (b.y < top || b.y + b.h > top + ch) field.scrollTop = Math.max(0, b.y - ch / 3);
  }

  /**
   * Which finding's underline is at this viewport point. Reads the field's position now (a click is
   * rare, and the page may have scrolled since the last frame).
   * @param {number} x @param {number} y
   */
  function hitTest(x, y) {
    if (!shown || measuredFor !== shown.report) return -1;
    const rect = field.getBoundingClientRect();
    const lx = x - (rect.left + field.clientLeft - field.scrollLeft);
    const ly = y - (rect.top + field.clientTop - field.scrollTop);
    for (let i = 0; i < measured.length; i++) {
      for (const b of measured[i]) {
        if (lx >= b.x - 1 && lx <= b.x + b.w + 1 && ly >= b.y - 1 && ly <= b.y + b.h + 2) return i;
      }
    }
    return -1;
  }

  function requestAnalysisSoon() {
    lastValue = null; // forces a fresh analysis in the next read phase
    schedule();
  }

  const unsubscribeReasons = reasons ? safe(() => reasons.onChange(guarded(() => { adviceKey = ''; subjectFailed = false; requestAnalysisSoon(); })), () => {}) : () => {};

  const ro = new view.ResizeObserver(guarded((/** @type {ResizeObserverEntry[]} */ entries) => {
    for (const e of entries) {
      if (e.target === panel) {
        const box = e.borderBoxSize?.[0];
        const size = box ? { width: box.inlineSize, height: box.blockSize } : { width: e.contentRect.width, height: e.contentRect.height };
        if (size.height !== panelSize.height || size.width !== panelSize.width) {
          panelSize = size;
          if (options.onPanelSize && !panel.hidden) safe(() => options.onPanelSize?.(size), undefined);
        }
      } else if (e.target === card) {
        const box = e.borderBoxSize?.[0];
        if (box) cardSize = { width: box.inlineSize, height: box.blockSize };
      } else if (e.target === field) {
        styleDirty = true;
      }
    }
    schedule();
  }));
  ro.observe(field);
  ro.observe(panel);
  ro.observe(card);
  if (options.panelAnchor && options.panelAnchor !== field) ro.observe(options.panelAnchor);

  const fonts = rootDoc.fonts;
  if (fonts) {
    fonts.ready.then(guarded(() => { styleDirty = true; schedule(); }), () => {});
    fonts.addEventListener('loadingdone', guarded(() => { styleDirty = true; schedule(); }), sig);
  }

  // a slow heartbeat when idle: catches programmatic value changes and layout shifts without events
  const idleTimer = view.setInterval(guarded(() => { if (!focused) schedule(); }), IDLE_POLL_MS);

  // ---- confirm before sending -------------------------------------------------------------------
  /** @param {boolean} ok */
  function finishConfirm(ok) {
    const resolve = confirmResolve;
    confirmResolve = null;
    confirmEl.hidden = true;
    confirmEl.replaceChildren();
    if (resolve) resolve(ok);
    if (!ok) field.focus({ preventScroll: true });
  }

  /** @returns {Promise<boolean>} */
  async function confirmSend() {
    if (destroyed || broken || !settings.confirmSend) return true;
    /** @type {Report | null} */
    let report = null;
    try {
      report = await analyze(field.value, analyzeOptions());
    } catch {
      return true; // the checker is down: never block the seller
    }
    if (destroyed || !report || report.category !== 'prohibited') return true;
    if (confirmResolve) finishConfirm(false);
    collapsed = false;
    panelDirty = true;
    const edit = h(rootDoc, 'button', { type: 'button', class: 'primary', 'data-action': 'confirm-edit', text: t('mg_confirm_edit') });
    confirmEl.replaceChildren(
      h(rootDoc, 'p', { class: 'loud', text: t('mg_confirm_title') }),
      h(rootDoc, 'p', { text: t('mg_confirm_body') }),
      h(rootDoc, 'div', { class: 'actions' }, [edit, h(rootDoc, 'button', { type: 'button', 'data-action': 'confirm-send', text: t('mg_confirm_send') })]),
    );
    confirmEl.hidden = false;
    schedule();
    edit.focus({ preventScroll: true });
    return new Promise((resolve) => { confirmResolve = resolve; });
  }

  // ---- start ------------------------------------------------------------------------------------
  renderPanel();
  panelDirty = false;
  focused = deepActiveElement(doc) === field;
  schedule();

  return {
    refresh: () => {
      if (destroyed) return;
      broken = false;
      unavailableMessage = '';
      styleDirty = true;
      ancestorsDirty = true;
      panelDirty = true;
      adviceKey = '';
      findingsKey = '';
      measuredFor = null;
      lastValue = null;
      schedule();
    },
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      if (rafId) view.cancelAnimationFrame(rafId);
      view.clearInterval(idleTimer);
      view.clearTimeout(announceTimer);
      ac.abort();
      ro.disconnect();
      safe(unsubscribeReasons, undefined);
      if (confirmResolve) confirmResolve(true);
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
