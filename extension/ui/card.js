// @ts-check
/**
 * The card: one finding in detail (Amazon's rule quoted with its source, a link to our reference,
 * one button per fix). It opens from a click on underlined text or from the findings list; only the
 * list moves focus into it, and Escape gives focus back to where it came from.
 * @module
 */

import { h, icon, sevMark } from './dom.js';
import { shorten, visible } from './text.js';
import { commonEnds } from './edit.js';
import { safe } from './contain.js';
import { cardPosition } from './placement.js';

/**
 * @typedef {import('./types.js').Finding} Finding
 * @typedef {import('./types.js').Translate} Translate
 * @typedef {import('./geometry.js').Box} Box
 */

/**
 * The label of one fix button: says what changes, not only what the result is.
 * @param {Translate} t
 * @param {Finding} f
 * @param {string} s  the suggestion
 */
export function fixLabel(t, f, s) {
  // the legacy "~FROM~TO~" form: the engine resolves it itself now, old rule books still send it
  const inner = /^~([^~]*)~([^~]*)~$/.exec(s);
  const show = (/** @type {string} */ x) => (/^\n+$/.test(x) ? t('mg_suggest_line_breaks') : shorten(visible(x), 40));
  const { prefix, suffix } = inner || s === '' ? { prefix: 0, suffix: 0 } : commonEnds(f.match, s);
  const from = f.match.slice(prefix, f.match.length - suffix);
  if (s === '') return t('mg_suggest_remove', [shorten(visible(f.match), 40)]);
  if (inner) return t('mg_suggest_change', [show(inner[1]), show(inner[2])]);
  // mostly the same text ("http://…" → "https://…"): say what changes
  if (prefix + suffix >= 3 && from !== '') return t('mg_suggest_change', [show(from), show(s.slice(prefix, s.length - suffix))]);
  return t('mg_suggest_replace', [show(s)]);
}

/**
 * @param {object} parts
 * @param {Document} parts.doc  the host's document
 * @param {ShadowRoot} parts.root
 * @param {HTMLTextAreaElement} parts.field
 * @param {Translate} parts.t
 * @param {(code: string) => string} parts.ruleUrl
 * @param {(index: number) => Finding | undefined} parts.findingAt  in the report on screen
 * @param {() => void} parts.changed  the card opened or closed: the panel's list shows which one is open
 */
export function createCard({ doc, root, field, t, ruleUrl, findingAt, changed }) {
  const card = h(doc, 'div', { class: 'card', 'data-part': 'card', role: 'dialog', 'aria-label': t('mg_card_label'), hidden: true });
  // unique per guard: two guards on one page must not label each other's cards
  const titleId = 'mg-card-title-' + Math.random().toString(36).slice(2, 10);
  let activeIndex = -1;
  let fromList = false;
  /** @type {HTMLElement | null} */
  let opener = null;
  let size = { width: 340, height: 180 };
  /** which side of the line the open card is on: chosen once when it opens, so it never jumps */
  let side = /** @type {'below' | 'above' | null} */ (null);

  function render() {
    const f = findingAt(activeIndex);
    if (!f) return;
    const close = h(doc, 'button', { type: 'button', class: 'close', 'data-action': 'close-card', 'aria-label': t('mg_card_close') });
    close.append(icon(doc, 'M4 4l8 8M12 4l-8 8'));
    const fixButtons = f.suggestions.map((s, k) =>
      h(doc, 'button', { type: 'button', 'data-action': 'apply-suggestion', 'data-index': String(k), class: k === 0 ? 'primary' : undefined, text: fixLabel(t, f, s) }));
    const sourceLink = f.cite.url
      ? h(doc, 'a', { href: f.cite.url, target: '_blank', rel: 'noopener noreferrer', class: 'source', text: f.cite.source })
      : h(doc, 'span', { class: 'source', text: f.cite.source });
    card.dataset.rule = f.rule;
    card.dataset.severity = f.severity;
    card.setAttribute('aria-labelledby', titleId);
    card.replaceChildren(
      h(doc, 'div', { class: 'card-head' }, [
        sevMark(doc, t, f.severity),
        h(doc, 'div', { class: 'card-title', id: titleId }, [
          f.title,
          h(doc, 'span', { class: 'card-code', text: `${f.rule} · ${t('mg_severity_' + f.severity)}` }),
        ]),
        close,
      ]),
      h(doc, 'p', { class: 'message', text: f.message }),
      h(doc, 'blockquote', { class: 'rule-quote', 'data-part': 'cite' }, [
        h(doc, 'span', { class: 'section-title', text: t('mg_card_amazon_rule') }),
        h(doc, 'p', { text: f.cite.text }),
        sourceLink,
      ]),
      fixButtons.length
        ? h(doc, 'div', {}, [h(doc, 'span', { class: 'section-title', text: t('mg_card_fix') }), h(doc, 'div', { class: 'fixes' }, fixButtons)])
        : h(doc, 'p', { class: 'hint', text: t('mg_card_no_fix') }),
      h(doc, 'a', { class: 'ref', href: safe(() => ruleUrl(f.rule), '#'), target: '_blank', rel: 'noopener', 'data-part': 'rule-link', text: t('mg_card_reference', [f.rule]) }),
    );
  }

  /** @param {boolean} restoreFocus */
  function close(restoreFocus) {
    if (activeIndex < 0 && card.hidden) return;
    const from = opener;
    const hadFocus = card.contains(root.activeElement);
    activeIndex = -1;
    opener = null;
    card.hidden = true;
    card.replaceChildren();
    if (restoreFocus && hadFocus) {
      if (fromList && from && from.isConnected) from.focus({ preventScroll: true });
      else field.focus({ preventScroll: true });
    }
    changed();
  }

  return {
    el: card,
    /** the finding whose card is open, -1 when closed */
    get index() { return activeIndex; },
    get open() { return !card.hidden; },
    close,
    /** re-draws the open card (its finding's text or fixes changed) */
    render,

    /**
     * @param {number} index
     * @param {{focus?: boolean, fromList?: HTMLElement | null}} [how]
     */
    show(index, how = {}) {
      if (!findingAt(index)) return;
      if (activeIndex !== index) side = null;
      activeIndex = index;
      fromList = !!how.fromList;
      opener = how.fromList ?? null;
      render();
      // until the next frame places it, the card would sit wherever it was last (or at 0,0): a
      // glimpse in the wrong place, and a click aimed there would land on the page instead
      if (card.hidden) card.setAttribute('data-placing', '');
      card.hidden = false;
      if (how.focus) {
        const first = /** @type {HTMLElement | null} */ (card.querySelector('[data-action="apply-suggestion"]') ?? card.querySelector('button'));
        first?.focus({ preventScroll: true });
      }
      changed();
    },

    /**
     * A new report replaced the old one: stay on the same finding if it survived the edit.
     * @param {Finding | undefined} old  the open finding in the previous report
     * @param {Finding[]} findings  the new report's
     * @returns {boolean}  the card is still open (and must be re-rendered)
     */
    follow(old, findings) {
      const idx = old ? findings.findIndex((f) => f.rule === old.rule && f.match === old.match) : -1;
      if (idx < 0) close(false);
      else if (idx !== activeIndex) activeIndex = idx;
      return activeIndex >= 0;
    },

    /** The height to place with: the real one just after opening, to pick a side once. */
    heightForPlacement: () => (!card.hidden && !side ? card.offsetHeight || size.height : size.height),

    /** @param {{width: number, height: number}} s  from the ResizeObserver */
    resized(s) { size = s; },

    /**
     * @param {import('./field-layout.js').LayoutRead} r
     * @param {Box[] | undefined} lines  the open finding's line boxes, field coordinates
     * @param {number} cardHeight  from heightForPlacement() in the same frame's read phase
     */
    place(r, lines, cardHeight) {
      if (card.hidden) return;
      const b = lines && lines.length && r.clipRect ? lines[0] : null;
      const line = b ? { x: r.ox + b.x, y: r.oy + b.y, w: b.w, h: b.h } : null;
      const p = cardPosition(line, r.anchor, r.viewport, cardHeight, side);
      side = p.side;
      const cs = card.style;
      cs.left = p.x - r.hostOrigin.left + 'px';
      cs.top = p.y - r.hostOrigin.top + 'px';
      cs.width = p.w + 'px';
      if (card.hasAttribute('data-placing')) card.removeAttribute('data-placing');
    },
  };
}
