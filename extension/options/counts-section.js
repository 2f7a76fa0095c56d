// @ts-check
/** The options page's messages-per-order table (newest first) and a button to forget them. */

/** @typedef {import('../src/settings.js').Settings} Settings */

const SHOWN = 200; // the newest; older ones still count on the Contact Buyer page

/**
 * @param {{save: (p: Partial<Settings> | ((c: Settings) => Partial<Settings>)) => Promise<Settings | null>, views: ((s: Settings) => void)[]}} ctx
 */
export function initCounts({ save, views }) {
  const rows = /** @type {HTMLElement} */ (document.getElementById('countsRows'));
  views.push((s) => {
    const entries = Object.entries(s.counts).sort((a, b) => b[1].last - a[1].last).slice(0, SHOWN);
    rows.replaceChildren(...entries.map(([order, c]) => {
      const tr = document.createElement('tr');
      tr.dataset.order = order;
      for (const v of [order, String(c.sent), String(c.reviews), c.last ? new Date(c.last).toLocaleString() : '']) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      return tr;
    }));
  });
  document.getElementById('countsClear')?.addEventListener('click', () => save({ counts: {} }));
}
