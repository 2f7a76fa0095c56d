// @ts-check
/** The options page's opted-out list: rows to edit or remove, one to add, CSV in and out. */

import { ORDER_ID_PATTERN } from '../src/settings.js';
import { addOptedOut, fromCsv, mergeOptedOut, removeOptedOut, toCsv } from '../src/workflow/opted-out.js';
import { download } from './download.js';

/** @typedef {import('../src/settings.js').Settings} Settings */
/** @typedef {import('../src/settings.js').OptedOutBuyer} OptedOutBuyer */

/**
 * @param {{save: (p: Partial<Settings> | ((c: Settings) => Partial<Settings>)) => Promise<Settings | null>, showProblems: (p: string[]) => void, msg: (k: string, f: string, s?: string[]) => string, views: ((s: Settings) => void)[]}} ctx
 */
export function initOptedOut({ save, showProblems, msg, views }) {
  const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const rows = /** @type {HTMLElement} */ ($('optedOutRows'));
  const addForm = /** @type {HTMLFormElement} */ ($('optedOutAdd'));
  const orderIn = /** @type {HTMLInputElement} */ ($('optedOutOrder'));
  const buyerIn = /** @type {HTMLInputElement} */ ($('optedOutBuyer'));
  const csvText = /** @type {HTMLTextAreaElement} */ ($('csvText'));
  /** @type {OptedOutBuyer[]} */
  let list = [];

  /** "11244770029012345" → "112-4477002-9012345"; '' stays ''; anything else is null (refused). */
  const normalizeOrder = (/** @type {string} */ s) => {
    const v = s.trim();
    if (!v) return '';
    const d = v.replace(/\D/g, '');
    const id = d.length === 17 ? `${d.slice(0, 3)}-${d.slice(3, 10)}-${d.slice(10)}` : v;
    return ORDER_ID_PATTERN.test(id) ? id : null;
  };

  views.push((s) => {
    list = s.optedOut;
    rows.replaceChildren(...list.map((e) => {
      const tr = document.createElement('tr');
      tr.dataset.order = e.orderId;
      const order = Object.assign(document.createElement('input'), { value: e.orderId, ariaLabel: 'Order ID' });
      const buyer = Object.assign(document.createElement('input'), { value: e.buyer, ariaLabel: 'Buyer' });
      const commit = async () => {
        const id = normalizeOrder(order.value);
        if (id === null) {
          showProblems([msg('optionsBadOrderId', `"${order.value}" is not an order ID: it has 17 digits, like 112-4477002-9012345.`, [order.value])]);
          order.value = e.orderId;
          return;
        }
        showProblems([]);
        await save((cur) => ({ optedOut: addOptedOut(removeOptedOut(cur.optedOut, e), { orderId: id, buyer: buyer.value }, e.added) }));
      };
      order.addEventListener('change', commit);
      buyer.addEventListener('change', commit);
      const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: msg('optionsRemove', 'Remove') });
      remove.dataset.action = 'remove-opted-out';
      remove.addEventListener('click', () => save((cur) => ({ optedOut: removeOptedOut(cur.optedOut, e) })));
      const added = document.createElement('td');
      added.textContent = e.added ? new Date(e.added).toLocaleDateString() : '';
      const cells = [order, buyer].map((x) => { const td = document.createElement('td'); td.append(x); return td; });
      const last = document.createElement('td');
      last.append(remove);
      tr.append(cells[0], cells[1], added, last);
      return tr;
    }));
  });

  addForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const id = normalizeOrder(orderIn.value);
    if (id === null || (!id && !buyerIn.value.trim())) {
      showProblems([id === null
        ? msg('optionsBadOrderId', `"${orderIn.value}" is not an order ID: it has 17 digits, like 112-4477002-9012345.`, [orderIn.value])
        : msg('optionsNeedOrderOrBuyer', 'Give an order ID or a buyer name.')]);
      return;
    }
    showProblems([]);
    if (await save((cur) => ({ optedOut: addOptedOut(cur.optedOut, { orderId: id, buyer: buyerIn.value }, Date.now()) }))) addForm.reset();
  });

  /** @param {string} csv */
  async function importCsv(csv) {
    const { entries, rejected } = fromCsv(csv, Date.now());
    showProblems(rejected.map((r) => msg('optionsCsvRejected', `Line ${r.line} skipped: ${r.why}.`, [String(r.line), r.why])));
    if (entries.length) await save((cur) => ({ optedOut: mergeOptedOut(cur.optedOut, entries) }));
  }

  $('csvImport').addEventListener('click', () => importCsv(csvText.value));
  $('csvFile').addEventListener('change', async (/** @type {Event} */ ev) => {
    const file = /** @type {HTMLInputElement} */ (ev.target).files?.[0];
    if (file) await importCsv(await file.text());
  });
  $('csvExport').addEventListener('click', () => {
    const csv = toCsv(list);
    csvText.value = csv;
    download('message-guard-opted-out.csv', 'text/csv', csv);
  });
}
