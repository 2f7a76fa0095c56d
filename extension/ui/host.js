// @ts-check
/**
 * The one element the guard draws into, so the page's DOM and styles are never touched.
 * @module
 */

import { GUARD_CSS } from './styles.js';

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
    // the sheet must come from the shadow root's own window, or adopting it throws
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
