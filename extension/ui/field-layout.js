// @ts-check
/**
 * Where the field's text is on screen. Caches the field's style, its clipping ancestors and the
 * mirror's line boxes (in field coordinates, so scrolling never re-measures), and reads the rects
 * the write phase needs. A draft of up to MEASURE_AT_ONCE_MAX characters is measured right after the
 * mirror is written: that forces a layout, but the page's layout was just read (clean), so only our
 * mirror is laid out, and the underlines of a keystroke are painted in the next frame instead of two
 * frames later. A longer draft is measured in the next frame's read phase, so its (long) layout and
 * measurement fall in separate tasks.
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

  return {
    mirrorEl,
    /** the style may have changed (resize, zoom, fonts): re-read it and re-measure */
    styleChanged: () => { styleDirty = true; },
    /** the clipping ancestors may have changed */
    ancestorsChanged: () => { ancestorsDirty = true; },
    /** forget everything measured (refresh) */
    reset() {
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
      return { rendered, again, hostOrigin: { left: hostRect.left, top: hostRect.top }, clipRect, ox, oy, anchor, viewport };
    },

    /**
     * The write phase: brings the mirror to the shown text and current style, and measures it now
     * (short drafts) or in the next read phase (long ones).
     * @param {Shown | null} shown
     */
    write(shown) {
      if (!shown || !style) return;
      if (mirror.value !== shown.text || mirror.styleKey !== style.key) {
        mirror.write(style, shown.text);
        measurePending = true;
      } else if (measuredFor !== shown.report || forceMeasure) {
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
