// @ts-check
/**
 * Where a textarea's characters are on screen. A textarea cannot report the position of its text, so
 * a hidden mirror (a div in our own shadow root) copies every style that affects text layout and holds
 * the same text; Range rectangles on the mirror give the characters' boxes.
 *
 * Coordinates returned by measure() are relative to the field's padding box at scroll (0, 0), so they
 * stay valid while the field, its ancestors or the window scroll: only the field's own size, style
 * or text invalidates them.
 * @module
 */

/**
 * Every computed property that changes where text lands (the textarea-caret-position list, plus
 * wrapping, font features and writing mode). Borders, width and height are handled separately.
 */
export const MIRRORED_PROPERTIES = [
  'direction', 'writing-mode', 'unicode-bidi',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'font-style', 'font-variant', 'font-weight', 'font-stretch', 'font-size', 'font-size-adjust',
  'line-height', 'font-family', 'font-feature-settings', 'font-variation-settings', 'font-kerning',
  'font-optical-sizing', 'font-variant-ligatures', 'font-variant-numeric', 'font-variant-east-asian',
  'font-variant-caps', 'font-variant-position', 'font-variant-alternates', 'font-synthesis',
  'font-language-override', 'text-rendering', '-webkit-font-smoothing',
  'text-align', 'text-align-last', 'text-transform', 'text-indent', 'text-decoration',
  'letter-spacing', 'word-spacing', 'tab-size', '-moz-tab-size',
  'white-space', 'white-space-collapse', 'text-wrap', 'text-wrap-mode', 'text-wrap-style',
  'overflow-wrap', 'word-wrap', 'word-break', 'line-break', 'hyphens', 'hyphenate-character',
  'text-size-adjust', '-webkit-text-size-adjust', 'text-autospace', 'text-spacing-trim',
];

/**
 * A snapshot of what the mirror needs from the field (one read of its computed style).
 * @typedef {object} FieldStyle
 * @property {Array<[string, string]>} props
 * @property {number} contentWidth   clientWidth minus horizontal padding (the scrollbar changes wrapping)
 * @property {string} key            changes whenever any of the above does
 * @property {boolean} darkSurface   the field's background is dark (underline colors adapt)
 */

/**
 * Reads the field's layout-relevant style. A read-phase call.
 * @param {HTMLTextAreaElement} field
 * @returns {FieldStyle}
 */
export function readFieldStyle(field) {
  const view = field.ownerDocument.defaultView ?? window;
  const cs = view.getComputedStyle(field);
  /** @type {Array<[string, string]>} */
  const props = [];
  for (const name of MIRRORED_PROPERTIES) {
    const value = cs.getPropertyValue(name);
    if (value) props.push([name, value]);
  }
  const padL = parseFloat(cs.paddingLeft) || 0;
  const padR = parseFloat(cs.paddingRight) || 0;
  const contentWidth = Math.max(0, field.clientWidth - padL - padR);
  const darkSurface = isDark(cs.backgroundColor);
  const key = contentWidth + '|' + props.map((p) => p[1]).join('|');
  return { props, contentWidth, key, darkSurface };
}

/**
 * @param {string} color  a computed color, e.g. "rgb(20, 20, 20)" or "rgba(0, 0, 0, 0)"
 * @returns {boolean}
 */
function isDark(color) {
  const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?/.exec(color);
  if (!m) return false;
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  if (alpha < 0.5) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
}

/** @typedef {{x: number, y: number, w: number, h: number}} Box */

/** The mirror: a hidden div in the guard's shadow root. */
export class Mirror {
  /** @param {HTMLElement} el  an empty div already in the shadow root */
  constructor(el) {
    this.el = el;
    this.text = el.ownerDocument.createTextNode('');
    el.append(this.text);
    /** the style key and text the mirror holds (what measure() will describe) */
    this.styleKey = '';
    this.value = '';
  }

  /**
   * Writes style and text into the mirror. A write-phase call; measure in the next read phase.
   * @param {FieldStyle} style
   * @param {string} value
   */
  write(style, value) {
    const s = this.el.style;
    if (style.key !== this.styleKey) {
      for (const [name, v] of style.props) s.setProperty(name, v);
      s.setProperty('box-sizing', 'content-box');
      s.setProperty('width', style.contentWidth + 'px');
      s.setProperty('height', 'auto');
      s.setProperty('border', '0');
      s.setProperty('margin', '0');
      s.setProperty('overflow', 'hidden');
      // a textarea never collapses its white space
      const ws = style.props.find((p) => p[0] === 'white-space')?.[1] ?? 'pre-wrap';
      if (ws === 'normal' || ws === 'nowrap') s.setProperty('white-space', 'pre-wrap');
      this.styleKey = style.key;
    }
    if (value !== this.value) {
      // a trailing zero-width space keeps a final line break measurable
      this.text.data = value + '\u200b';
      this.value = value;
    }
  }

  /**
   * The mirror's height (padding included). A read-phase call.
   * @returns {number}
   */
  height() {
    return this.el.getBoundingClientRect().height;
  }

  /**
   * Measures each range, in field padding-box coordinates at scroll (0, 0). A read-phase call, valid
   * when the mirror holds the text the ranges refer to.
   * @param {Array<{start: number, end: number}>} ranges
   * @returns {Box[][]}  per range, one box per line (never empty: a collapsed range gives a caret-wide box)
   */
  measure(ranges) {
    const origin = this.el.getBoundingClientRect();
    const range = this.el.ownerDocument.createRange();
    const max = this.value.length;
    return ranges.map(({ start, end }) => {
      const s = Math.max(0, Math.min(start, max));
      const e = Math.max(s, Math.min(end, max));
      range.setStart(this.text, s);
      range.setEnd(this.text, e);
      /** @type {Box[]} */
      const boxes = [];
      for (const r of Array.from(range.getClientRects())) {
        if (r.width < 0.5 || r.height < 0.5) continue;
        const box = { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
        // merge fragments of one line (bidi runs, Firefox's per-node rects)
        const last = boxes[boxes.length - 1];
        if (last && Math.abs(last.y - box.y) < 1 && Math.abs(last.h - box.h) < 1 && box.x <= last.x + last.w + 1 && box.x + box.w >= last.x - 1) {
          const x = Math.min(last.x, box.x);
          last.w = Math.max(last.x + last.w, box.x + box.w) - x;
          last.x = x;
        } else {
          boxes.push(box);
        }
      }
      if (boxes.length === 0) {
        // only line breaks or nothing: mark the spot with a narrow box at the start
        range.setStart(this.text, s);
        range.setEnd(this.text, Math.min(s + 1, max + 1));
        const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
        boxes.push({ x: r.left - origin.left, y: r.top - origin.top, w: 8, h: r.height || 16 });
      }
      return boxes;
    });
  }
}

/** @typedef {{left: number, top: number, right: number, bottom: number}} Edges */

/**
 * The element's ancestors that clip it (overflow other than visible), across shadow-root boundaries.
 * @param {Element} el
 * @returns {Element[]}
 */
export function clippingAncestors(el) {
  /** @type {Element[]} */
  const out = [];
  const view = el.ownerDocument.defaultView ?? window;
  /** @type {Node | null} */
  let node = parentAcrossShadow(el);
  while (node && node.nodeType === 1) {
    const e = /** @type {Element} */ (node);
    if (e === el.ownerDocument.documentElement || e === el.ownerDocument.body) break;
    const cs = view.getComputedStyle(e);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.contain.includes('paint')) out.push(e);
    node = parentAcrossShadow(e);
  }
  return out;
}

/**
 * The shadow roots and scrollable ancestors whose scroll events move the field (listen to each).
 * @param {Element} el
 * @returns {Array<Element | ShadowRoot>}
 */
export function scrollTargets(el) {
  /** @type {Array<Element | ShadowRoot>} */
  const out = [];
  /** @type {Node | null} */
  let node = el;
  while (node) {
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) {
      out.push(root);
      node = root.host;
    } else {
      break;
    }
  }
  return out;
}

/**
 * @param {Node} node
 * @returns {Node | null}
 */
function parentAcrossShadow(node) {
  const el = /** @type {Element} */ (node);
  if (el.assignedSlot) return el.assignedSlot;
  if (node.parentNode instanceof ShadowRoot) return node.parentNode.host;
  return node.parentNode;
}

/**
 * Intersects the field's visible client area with its clipping ancestors. Not with the viewport:
 * the layer scrolls with the document, and a viewport clip would lag a frame behind the compositor.
 * A read-phase call. Viewport coordinates.
 * @param {Edges} fieldClient  the field's client (padding-box, scrollbar excluded) rect
 * @param {Element[]} ancestors
 * @returns {Edges | null}  null when nothing of the field is visible
 */
export function visibleClip(fieldClient, ancestors) {
  let left = fieldClient.left;
  let top = fieldClient.top;
  let right = fieldClient.right;
  let bottom = fieldClient.bottom;
  for (const a of ancestors) {
    const r = a.getBoundingClientRect();
    const cl = r.left + a.clientLeft;
    const ct = r.top + a.clientTop;
    left = Math.max(left, cl);
    top = Math.max(top, ct);
    right = Math.min(right, cl + (a.clientWidth || r.width));
    bottom = Math.min(bottom, ct + (a.clientHeight || r.height));
  }
  if (right <= left || bottom <= top) return null;
  return { left, top, right, bottom };
}
