// @ts-check
/**
 * The underlines: one box per finding (its text's bounding box) with one `.seg` per line, inside a
 * clip box the size of the field's visible client area. Scrolling moves only the inner container,
 * and box nodes are reused from frame to frame, so a keystroke never rebuilds the layer; a box whose
 * finding and line boxes did not change is not written at all (the loop runs every frame while the
 * field has focus, and each style write would invalidate the layer's style). With many findings only
 * the boxes near the field's visible part are drawn.
 * @module
 */

import { h } from './dom.js';

/**
 * Up to this many findings, every box is drawn (and scrolling moves them without a redraw); beyond
 * it, only the boxes in and near the field's visible part are (drawing thousands takes hundreds of
 * milliseconds), re-done as the field scrolls.
 */
const DRAW_ALL_MAX = 100;

/**
 * @typedef {import('./types.js').Finding} Finding
 * @typedef {import('./geometry.js').Box} Box
 * @typedef {object} Placement
 * @property {{left: number, top: number, right: number, bottom: number}} clipRect  viewport coords
 * @property {{left: number, top: number}} hostOrigin
 * @property {number} ox  viewport x of the field's client origin minus its scrollLeft
 * @property {number} oy
 */

/**
 * @param {Document} doc  the host's document
 */
export function createHighlights(doc) {
  const clip = h(doc, 'div', { class: 'clip', 'aria-hidden': 'true', 'data-part': 'highlights' });
  const content = h(doc, 'div', { class: 'content' });
  clip.append(content);
  /** @type {Array<{el: HTMLElement, segs: HTMLElement[], key: string}>} */
  const boxes = [];
  let clipKey = '';

  /**
   * @param {Finding[]} findings
   * @param {Box[][]} measured  line boxes per finding, field coordinates
   * @param {number} activeIndex  the finding whose card is open
   * @param {number} top     field coordinates: with many findings, only those from here…
   * @param {number} bottom  …to here are drawn
   */
  function drawBoxes(findings, measured, activeIndex, top, bottom) {
    const windowed = findings.length > DRAW_ALL_MAX;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const lines = measured[i] ?? [];
      let slot = boxes[i];
      if (windowed && i !== activeIndex && lines.length && (lines[lines.length - 1].y + lines[lines.length - 1].h < top || lines[0].y > bottom)) {
        if (slot?.key) {
          slot.el.hidden = true;
          slot.key = '';
        }
        continue;
      }
      if (!slot) {
        slot = { el: h(doc, 'div', { class: 'hl', 'data-part': 'highlight' }), segs: [], key: '' };
        boxes[i] = slot;
        content.append(slot.el);
      }
      let key = f.rule + ' ' + f.severity + ' ' + f.start + ' ' + f.end + ' ' + (i === activeIndex);
      for (const b of lines) key += ' ' + b.x + ',' + b.y + ',' + b.w + ',' + b.h;
      if (slot.key === key) continue;
      slot.key = key;
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
          seg = h(doc, 'i', { class: 'seg' });
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
    for (let i = findings.length; i < boxes.length; i++) {
      if (boxes[i]?.key) {
        boxes[i].el.hidden = true;
        boxes[i].key = '';
      }
    }
  }

  return {
    el: clip,
    hide: () => { clip.hidden = true; },
    /**
     * Shows the boxes at `at`, or hides them all when `at` is null.
     * @param {Placement | null} at
     * @param {Finding[]} findings
     * @param {Box[][]} measured
     * @param {number} activeIndex
     */
    draw(at, findings, measured, activeIndex) {
      if (clip.hidden !== !at) clip.hidden = !at;
      if (!at) return;
      const cr = at.clipRect;
      const key = `${cr.left - at.hostOrigin.left} ${cr.top - at.hostOrigin.top} ${cr.right - cr.left} ${cr.bottom - cr.top} ${at.ox - cr.left} ${at.oy - cr.top}`;
      if (key !== clipKey) {
        clipKey = key;
        const cs = clip.style;
        cs.left = cr.left - at.hostOrigin.left + 'px';
        cs.top = cr.top - at.hostOrigin.top + 'px';
        cs.width = cr.right - cr.left + 'px';
        cs.height = cr.bottom - cr.top + 'px';
        content.style.transform = `translate(${at.ox - cr.left}px, ${at.oy - cr.top}px)`;
      }
      // the field's visible part, in field coordinates, and as much again above and below
      const height = cr.bottom - cr.top;
      drawBoxes(findings, measured, activeIndex, cr.top - at.oy - height, cr.bottom - at.oy + height);
    },
  };
}
