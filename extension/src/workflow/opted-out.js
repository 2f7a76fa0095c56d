// @ts-check
/**
 * The seller's list of buyers who opted out of non-critical messages: lookup by order ID (or by name
 * when the entry has no order), and CSV in and out for the options page.
 * @module
 */

import { ORDER_ID_PATTERN, cleanOptedOut } from '../settings.js';

/** @typedef {import('../settings.js').OptedOutBuyer} OptedOutBuyer */

/** @param {string} s */
const norm = (s) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The entry that covers this buyer: same order ID, or (for entries without an order ID) the same name.
 * @param {OptedOutBuyer[]} list
 * @param {{orderId?: string | null, buyer?: string | null}} who
 * @returns {OptedOutBuyer | null}
 */
export function findOptedOut(list, who) {
  const id = who.orderId ?? '';
  const name = norm(who.buyer ?? '');
  return list.find((e) => (id && e.orderId === id) || (!e.orderId && name && norm(e.buyer) === name)) ?? null;
}

/**
 * The list with this buyer added (or its entry updated with the name), newest first.
 * @param {OptedOutBuyer[]} list
 * @param {{orderId?: string | null, buyer?: string | null}} who
 * @param {number} now
 * @returns {OptedOutBuyer[]}
 */
export function addOptedOut(list, who, now) {
  const entry = cleanOptedOut({ orderId: who.orderId ?? '', buyer: who.buyer ?? '', added: now });
  if (!entry) return list;
  const rest = list.filter((e) => !(entry.orderId ? e.orderId === entry.orderId : !e.orderId && norm(e.buyer) === norm(entry.buyer)));
  return [entry, ...rest];
}

/**
 * @param {OptedOutBuyer[]} list
 * @param {OptedOutBuyer} entry
 */
export function removeOptedOut(list, entry) {
  return list.filter((e) => !(e.orderId === entry.orderId && e.buyer === entry.buyer));
}

const CSV_HEADER = 'order_id,buyer,added';

/** @param {string} s */
function csvField(s) {
  // a leading =, +, - or @ would run as a formula in a spreadsheet: prefix it
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * @param {OptedOutBuyer[]} list
 * @returns {string}
 */
export function toCsv(list) {
  const rows = list.map((e) => [e.orderId, e.buyer, e.added ? new Date(e.added).toISOString() : ''].map(csvField).join(','));
  return [CSV_HEADER, ...rows].join('\r\n') + '\r\n';
}

/**
 * Parses CSV rows (RFC 4180 quoting). Columns: order ID, buyer name, date added (optional); a header
 * row is recognized and skipped. Rows that name neither a valid order ID nor a buyer are reported.
 * @param {string} csv
 * @param {number} now  the date for rows without one
 * @returns {{entries: OptedOutBuyer[], rejected: {line: number, text: string, why: string}[]}}
 */
export function fromCsv(csv, now) {
  /** @type {OptedOutBuyer[]} */
  const entries = [];
  /** @type {{line: number, text: string, why: string}[]} */
  const rejected = [];
  parseCsv(csv).forEach((cells, i) => {
    const [rawId = '', rawBuyer = '', rawAdded = ''] = cells.map((c) => c.trim());
    if (i === 0 && /order/i.test(rawId) && !/\d/.test(rawId)) return; // header
    if (cells.every((c) => !c.trim())) return;
    const orderId = rawId.replace(/^'/, '').replace(/\s/g, '');
    const digits = orderId.replace(/\D/g, '');
    const id = ORDER_ID_PATTERN.test(orderId) ? orderId : digits.length === 17 && /^[\d-]+$/.test(orderId) ? `${digits.slice(0, 3)}-${digits.slice(3, 10)}-${digits.slice(10)}` : '';
    if (orderId && !id) {
      rejected.push({ line: i + 1, text: cells.join(','), why: `"${rawId}" is not an order ID (17 digits, like 112-4477002-9012345)` });
      return;
    }
    const added = Date.parse(rawAdded);
    const entry = cleanOptedOut({ orderId: id, buyer: rawBuyer.replace(/^'/, ''), added: Number.isFinite(added) ? added : now });
    if (entry) entries.push(entry);
    else rejected.push({ line: i + 1, text: cells.join(','), why: 'neither an order ID nor a buyer name' });
  });
  return { entries, rejected };
}

/**
 * @param {string} csv
 * @returns {string[][]}
 */
function parseCsv(csv) {
  /** @type {string[][]} */
  const rows = [];
  let row = [''];
  let quoted = false;
  const src = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { row[row.length - 1] += '"'; i++; }
      else if (c === '"') quoted = false;
      else row[row.length - 1] += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') row.push('');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      rows.push(row);
      row = [''];
    } else row[row.length - 1] += c;
  }
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

/**
 * Merges imported entries into the list (imported ones win for the same order ID or name).
 * @param {OptedOutBuyer[]} list
 * @param {OptedOutBuyer[]} imported
 */
export function mergeOptedOut(list, imported) {
  let out = list;
  for (const e of [...imported].reverse()) out = addOptedOut(out, e, e.added);
  return out;
}
