// @ts-check
/**
 * Where the panel and the card go, in viewport coordinates. Pure arithmetic on rects already read
 * in the read phase, so the write phase never has to measure anything.
 * @module
 */

export const PANEL_WIDTH = 320;
export const CARD_WIDTH = 340;
const GAP = 12;

/** @param {number} v @param {number} lo @param {number} hi */
export const clamp = (v, lo, hi) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/**
 * @typedef {{left: number, top: number, right: number, bottom: number, width: number}} AnchorRect
 * @typedef {{width: number, height: number}} Size
 */

/**
 * @param {AnchorRect} a  the panel anchor's rect
 * @param {Size} viewport
 * @param {'beside' | 'dock'} placement
 * @param {number} panelHeight  the panel's last observed height
 * @returns {{x: number, y: number, w: number, maxHeight: number | null}}
 */
export function panelPosition(a, viewport, placement, panelHeight) {
  const vw = viewport.width;
  const vh = viewport.height;
  if (placement === 'dock') return { x: a.left, y: a.top, w: a.width, maxHeight: null };
  let x, y;
  const w = Math.min(PANEL_WIDTH, vw - 16);
  const hgt = Math.min(panelHeight, vh - 16);
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
  // beside the field: never taller than the room left in the viewport (its body scrolls)
  return { x, y, w, maxHeight: Math.max(220, vh - 8 - Math.max(y, 8)) };
}

/**
 * @param {{x: number, y: number, w: number, h: number} | null} line  the finding's first line box,
 *   in viewport coordinates; null when it is not visible (the card then hangs under the anchor)
 * @param {AnchorRect} anchor
 * @param {Size} viewport
 * @param {number} cardHeight
 * @param {'below' | 'above' | null} side  the side chosen when the card opened (null: choose now)
 * @returns {{x: number, y: number, w: number, side: 'below' | 'above' | null}}
 */
export function cardPosition(line, anchor, viewport, cardHeight, side) {
  const vw = viewport.width;
  const vh = viewport.height;
  const w = Math.min(CARD_WIDTH, vw - 16);
  if (!line) return { x: clamp(anchor.left, 8, vw - w - 8), y: anchor.bottom + 6, w, side };
  const lineTop = line.y;
  const lineBottom = lineTop + line.h;
  const x = clamp(line.x, 8, vw - w - 8);
  // chosen once per opening, so the card never jumps from one side to the other while it is read
  const chosen = side ?? (lineBottom + 6 + cardHeight > vh - 8 && lineTop - 6 - cardHeight >= 8 ? 'above' : 'below');
  const y = chosen === 'above' ? lineTop - 6 - cardHeight : lineBottom + 6;
  return { x, y, w, side: chosen };
}
