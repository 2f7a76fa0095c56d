// @ts-check
/**
 * Where the field's text is on screen. Caches the field's style, its clipping ancestors and the
 * mirror's line boxes (in field coordinates, so scrolling never re-measures), and reads the rects
 * the write phase needs. A draft of up to MEASURE_AT_ONCE_MAX characters is measured right after the
 * mirror is written: that forces a layout, but the page's layout was just read (clean), so only our
 * mirror is laid out, and the underlines of a keystroke are painted in the next frame instead of two
 * frames later. A longer draft is never put in the mirror whole (laying out a million characters takes
 * seconds): from the frame after its verdict is drawn, it is measured a chunk at a time (whole lines,
 * CHUNK_CHARS or so), a few chunks per frame, each chunk's boxes shifted down by the height of the
 * chunks before it. Line wrapping starts afresh at every line break, so the boxes are the same as
 * in a mirror holding the whole text.
 * @module
 */

import { Mirror, readFieldStyle, clippingAncestors, visibleClip } from './geometry.js';
import { h } from './dom.js';

/**
 * @typedef {import('./types.js').Report} Report
 * @typedef {import('./geometry.js').Box} Box
 * @typedef {import('./geometry.js').FieldStyle} FieldStyle
 * @typedef {{report: Report, text: string}} Shown
 *
 * @typedef {object} LayoutRead
 * @property {boolean} rendered   the field is connected and has a box
 * @property {boolean} again      a measurement is still waiting for its mirror: run another frame
 * @property {{left: number, top: number}} hostOrigin
 * @property {{left: number, top: number, right: number, bottom: number} | null} clipRect  viewport
 *   coords of the field's visible client area; null when none of it is visible
 * @property {number} ox  viewport x of the field's client origin minus its scrollLeft
 * @property {number} oy
 * @property {DOMRect} anchor
 * @property {{width: number, height: number}} viewport
 */

/** Longest draft (UTF-16 code units) whose mirror is measured in the same pass that writes it. */
export const MEASURE_AT_ONCE_MAX = 20_000;

/** Characters of a long draft the mirror holds at a time (a chunk ends at a line break). */
const CHUNK_CHARS = 8_000;

/** Time one frame spends measuring chunks of a long draft before it yields to the page. */
const SLICE_MS = 30;

/**
 * The measurement of a long draft in progress.
 * @typedef {object} Job
 * @property {Report} report
 * @property {string} text
 * @property {string} styleKey
 * @property {number[]} order   finding indices by start
 * @property {number} at        where the next chunk starts
 * @property {number} next      order[next] is the first finding not yet measured
 * @property {number} scan      order[scan] is the first finding not yet looked at by the chunk cut
 * @property {number} maxEnd    the furthest end of the findings looked at
 * @property {number} offset    the height of the chunks measured, added to the next chunk's boxes
 * @property {Box[][]} result
 */

/**
 * @param {{field: HTMLTextAreaElement, host: HTMLElement, anchor: Element, view: Window}} parts
 */
export function createFieldLayout({ field, host, anchor: anchorEl, view }) {
  const rootDoc = host.ownerDocument;
  const mirrorEl = h(rootDoc, 'div', { class: 'mirror', 'aria-hidden': 'true' });
  const mirror = new Mirror(mirrorEl);

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
  let lastSizeKey = '';
  /** @type {Job | null} */
  let job = null;

  /**
   * Measures chunks of the long draft until the frame's slice is used. A read-phase call (it writes
   * the mirror and reads it at once: only the mirror is laid out).
   * @param {Job} j
   * @param {FieldStyle} st
   * @returns {boolean}  the whole draft is measured
   */
  function runJob(j, st) {
    const t0 = performance.now();
    const text = j.text;
    const findings = j.report.findings;
    const pad = (/** @type {string} */ name) => parseFloat(st.props.find((p) => p[0] === name)?.[1] ?? '0') || 0;
    const padding = pad('padding-top') + pad('padding-bottom');
    // text-indent moves a block's first line only: not that of a chunk in the middle of the text
    const contStyle = { ...st, props: st.props.map(([n, v]) => /** @type {[string, string]} */ ([n, n === 'text-indent' ? '0px' : v])), key: st.key + '|cont' };
    do {
      const a = j.at;
      // the chunk ends after a line break that no finding crosses (each finding is measured whole)
      let b = text.length;
      for (let search = a + CHUNK_CHARS; ;) {
        const nl = text.indexOf('\n', search);
        if (nl < 0) {
          j.scan = j.order.length;
          break;
        }
        while (j.scan < j.order.length && findings[j.order[j.scan]].start <= nl) {
          j.maxEnd = Math.max(j.maxEnd, findings[j.order[j.scan]].end);
          j.scan++;
        }
        if (j.maxEnd <= nl + 1) {
          b = nl + 1;
          break;
        }
        search = nl + 1;
      }
      const idx = j.order.slice(j.next, j.scan);
      j.next = j.scan;
      // without the chunk's final line break: the mirror's height is then that of the chunk's lines,
      // where the next chunk starts (a line break's own box is empty, nothing of it is measured)
      mirror.write(a === 0 ? st : contStyle, text.slice(a, b < text.length ? b - 1 : b));
      const boxes = mirror.measure(idx.map((i) => ({ start: findings[i].start - a, end: findings[i].end - a })));
      idx.forEach((i, k) => {
        for (const box of boxes[k]) box.y += j.offset;
        j.result[i] = boxes[k];
      });
      if (b < text.length) j.offset += mirror.height() - padding;
      j.at = b;
    } while (j.at < text.length && performance.now() - t0 < SLICE_MS);
    return j.at >= text.length;
  }

  return {
    mirrorEl,
    /** the style may have changed (resize, zoom, fonts): re-read it and re-measure */
    styleChanged: () => { styleDirty = true; },
    /** the clipping ancestors may have changed */
    ancestorsChanged: () => { ancestorsDirty = true; },
    /** forget everything measured (refresh) */
    reset() {
      job = null;
      styleDirty = true;
      ancestorsDirty = true;
      measuredFor = null;
    },
    get measurePending() { return measurePending; },
    /** the report whose line boxes are in `measured` */
    get measuredFor() { return measuredFor; },
    get measured() { return measured; },
    get darkSurface() { return !!style?.darkSurface; },

    /**
     * The read phase: rects, the style when sizes changed, and the mirror written last frame.
     * @param {Shown | null} shown
     * @returns {LayoutRead}
     */
    read(shown) {
      let again = false;
      const rect = field.getBoundingClientRect();
      const hostRect = host.getBoundingClientRect();
      const viewport = { width: rootDoc.documentElement.clientWidth || view.innerWidth, height: view.innerHeight };
      const rendered = field.isConnected && (rect.width > 0 || rect.height > 0);
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
      const cl = rect.left + field.clientLeft;
      const ct = rect.top + field.clientTop;
      const clipRect = rendered ? visibleClip({ left: cl, top: ct, right: cl + cw, bottom: ct + ch }, ancestors) : null;
      const ox = cl - field.scrollLeft;
      const oy = ct - field.scrollTop;
      // last: the page's rects are read before the mirror is written and measured
      if (measurePending && job && shown && style && job.report === shown.report && job.text === shown.text && job.styleKey === style.key) {
        if (runJob(job, style)) {
          measured = job.result;
          measuredFor = job.report;
          measurePending = false;
          job = null;
        } else {
          again = true;
        }
      } else if (measurePending) {
        again = true;
      }
      return { rendered, again, hostOrigin: { left: hostRect.left, top: hostRect.top }, clipRect, ox, oy, anchor, viewport };
    },

    /**
     * The write phase: brings the mirror to the shown text and current style, and measures it now
     * (short drafts) or in the next read phase (long ones).
     * @param {Shown | null} shown
     */
    write(shown) {
      if (!shown || !style) return;
      if (shown.text.length > MEASURE_AT_ONCE_MAX) {
        // measured from the next read phase on, so this frame paints the verdict without waiting
        const stale = !job || job.report !== shown.report || job.text !== shown.text || job.styleKey !== style.key;
        if ((measuredFor !== shown.report || forceMeasure) && (stale || forceMeasure)) {
          const findings = shown.report.findings;
          const order = findings.map((_, i) => i).sort((x, y) => findings[x].start - findings[y].start || x - y);
          job = { report: shown.report, text: shown.text, styleKey: style.key, order, at: 0, next: 0, scan: 0, maxEnd: 0, offset: 0, result: [] };
          measurePending = true;
        }
        forceMeasure = false;
        return;
      }
      job = null;
      // The mirror is written only to measure: between two reports it may hold the next text (prime)
      if (measuredFor !== shown.report || forceMeasure || mirror.styleKey !== style.key) {
        if (mirror.value !== shown.text || mirror.styleKey !== style.key) mirror.write(style, shown.text);
        measurePending = true;
      }
      forceMeasure = false;
      if (measurePending && shown.text.length <= MEASURE_AT_ONCE_MAX) {
        measured = mirror.measure(shown.report.findings);
        measuredFor = shown.report;
        measurePending = false;
      }
    },

    /**
     * While the report of `text` is awaited (from the background analyzer: a round trip of a few
     * milliseconds on strict-CSP pages), the mirror takes the text and is laid out, so the pass that
     * draws the report only reads the boxes. Short drafts only, as `write` measures them.
     * @param {string} text
     */
    prime(text) {
      if (!style || text.length > MEASURE_AT_ONCE_MAX) return;
      mirror.write(style, text);
      mirror.height(); // the layout, now, while this thread would wait
    },

    /**
     * Which finding's underline is at this viewport point. Reads the field's position now (a click is
     * rare, and the page may have scrolled since the last frame).
     * @param {Report | null} report  the report on screen
     * @param {number} x @param {number} y
     */
    hitTest(report, x, y) {
      if (!report || measuredFor !== report) return -1;
      const rect = field.getBoundingClientRect();
      const lx = x - (rect.left + field.clientLeft - field.scrollLeft);
      const ly = y - (rect.top + field.clientTop - field.scrollTop);
      for (let i = 0; i < measured.length; i++) {
        for (const b of measured[i]) {
          if (lx >= b.x - 1 && lx <= b.x + b.w + 1 && ly >= b.y - 1 && ly <= b.y + b.h + 2) return i;
        }
      }
      return -1;
    },

    /** Scrolls the field (only on an explicit click in the list) so the finding is in view. @param {number} idx */
    reveal(idx) {
      const b = measured[idx]?.[0];
      if (!b) return;
      const top = field.scrollTop;
      const ch = field.clientHeight;
      if (b.y < top || b.y + b.h > top + ch) field.scrollTop = Math.max(0, b.y - ch / 3);
    },
  };
}
