// @ts-check
/**
 * How the guard words things it quotes or counts: shared by the panel, the card and the
 * announcements so they never disagree.
 * @module
 */

/** @param {string} s @param {number} n */
export const shorten = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Line breaks and tabs would vanish inside a one-line quote. @param {string} s */
export const visible = (s) => s.replace(/\r?\n/g, '↵').replace(/\t/g, '⇥');

/**
 * "1 error · 2 warnings"; empty when there is nothing, so callers can fall back to their own words.
 * @param {import('./types.js').Translate} t
 * @param {{error: number, warning: number, info: number}} c
 */
export function countsText(t, c) {
  /** @type {string[]} */
  const parts = [];
  for (const k of /** @type {const} */ (['error', 'warning', 'info'])) {
    if (c[k] > 0) parts.push(c[k] === 1 ? t(`mg_count_${k}_one`) : t(`mg_count_${k}_other`, [String(c[k])]));
  }
  return parts.join(' · ');
}
