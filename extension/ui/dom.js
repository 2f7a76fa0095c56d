// @ts-check
/**
 * Element builders for the guard's shadow-root views. Everything is created in the host's document
 * (not the field's): the field may live in another document than the layer.
 * @module
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {Document} doc
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attrs]  `class` and `text` are shortcuts;
 *   `undefined`/`false` leave the attribute out, so optional ones can be written inline
 * @param {Array<Node | string | null | undefined | false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(doc, tag, attrs = {}, children = []) {
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
export function icon(doc, d) {
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
 * The severity mark shared by the findings list and the card: color alone would fail color-blind
 * sellers, so the letter (and the CSS shape) carry it too.
 * @param {Document} doc
 * @param {import('./types.js').Translate} t
 * @param {import('./types.js').Severity} sev
 */
export function sevMark(doc, t, sev) {
  return h(doc, 'span', { class: 'sev', 'data-severity': sev, 'aria-hidden': 'true', text: t('mg_severity_letter_' + sev) });
}

/**
 * The focused element, looking inside open shadow roots (the field may be inside one).
 * @param {Document} doc
 * @returns {Element | null}
 */
export function deepActiveElement(doc) {
  let el = doc.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
