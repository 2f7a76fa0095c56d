// @ts-check
/**
 * "Check many": parse a pasted batch, check every message, export CSV. Pure functions (no DOM), so
 * the tests can call them directly too.
 * @module
 */

/** @typedef {import('./ui/types.js').Report} Report */
/** @typedef {import('./ui/types.js').AnalyzeOptions} AnalyzeOptions */

/**
 * @typedef {object} BatchItem
 * @property {string} id
 * @property {string} text
 * @property {string} [subject]
 * @property {string} [error]  why the line could not be read (JSON Lines)
 */

/**
 * Reads messages separated by lines that are exactly `---`, or JSON Lines ({"id", "text", "subject"?}
 * per line). JSON Lines is chosen when every non-blank line starts with "{".
 * @param {string} input
 * @returns {{format: 'jsonl' | 'separated', items: BatchItem[]}}
 */
export function parseBatch(input) {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const nonBlank = lines.filter((l) => l.trim() !== '');
  if (nonBlank.length > 0 && nonBlank.every((l) => l.trimStart().startsWith('{'))) {
    /** @type {BatchItem[]} */
    const items = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const fallbackId = `line ${i + 1}`;
      try {
        const o = JSON.parse(line);
        if (typeof o !== 'object' || o === null || typeof o.text !== 'string') {
          items.push({ id: fallbackId, text: '', error: 'expected an object with a "text" string' });
          return;
        }
        /** @type {BatchItem} */
        const item = { id: o.id === undefined || o.id === null ? String(items.length + 1) : String(o.id), text: o.text };
        if (typeof o.subject === 'string' && o.subject) item.subject = o.subject;
        items.push(item);
      } catch (e) {
        items.push({ id: fallbackId, text: '', error: 'not valid JSON: ' + (e instanceof Error ? e.message : String(e)) });
      }
    });
    return { format: 'jsonl', items };
  }
  /** @type {BatchItem[]} */
  const items = [];
  /** @type {string[]} */
  let chunk = [];
  const flush = () => {
    const text = chunk.join('\n').replace(/^\n+|\n+$/g, '');
    if (text.trim() !== '') items.push({ id: String(items.length + 1), text });
    chunk = [];
  };
  for (const line of lines) {
    if (line.trim() === '---') flush();
    else chunk.push(line);
  }
  flush();
  return { format: 'separated', items };
}

/**
 * @typedef {object} BatchRow
 * @property {BatchItem} item
 * @property {Report | null} report
 * @property {string} [error]
 */

/**
 * Checks every item. `defaults` apply to items without their own subject.
 * @param {BatchItem[]} items
 * @param {(text: string, opts: AnalyzeOptions) => Report} analyze  synchronous analyzer
 * @param {AnalyzeOptions} [defaults]
 * @returns {BatchRow[]}
 */
export function checkBatch(items, analyze, defaults = {}) {
  return items.map((item) => {
    if (item.error) return { item, report: null, error: item.error };
    /** @type {AnalyzeOptions} */
    const opts = { ...defaults };
    if (item.subject) {
      opts.subject = item.subject;
      delete opts.critical_reason;
    }
    try {
      return { item, report: analyze(item.text, opts) };
    } catch (e) {
      return { item, report: null, error: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** The verdict word for a row: critical, noncritical, prohibited, empty or error. @param {BatchRow} row */
export function verdictOf(row) {
  if (!row.report) return 'error';
  if (row.report.empty) return 'empty';
  return row.report.category;
}

/**
 * One CSV cell (RFC 4180). Cells that a spreadsheet would run as a formula get a leading apostrophe.
 * @param {string | number} value
 */
export function csvCell(value) {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export const CSV_COLUMNS = ['id', 'verdict', 'errors', 'warnings', 'notes', 'rules', 'findings', 'advice', 'summary', 'subject', 'text'];

/**
 * The results as CSV (comma-separated, CRLF line ends, UTF-8; a byte-order mark helps spreadsheets).
 * @param {BatchRow[]} rows
 * @returns {string}
 */
export function toCSV(rows) {
  const out = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const r = row.report;
    const findings = r ? r.findings.map((f) => `${f.rule} ${f.severity}: "${f.match}" (${f.start}-${f.end})`).join('; ') : '';
    const rules = r ? [...new Set(r.findings.map((f) => f.rule))].join(' ') : '';
    out.push([
      row.item.id,
      verdictOf(row),
      r ? r.counts.error : '',
      r ? r.counts.warning : '',
      r ? r.counts.info : '',
      rules,
      findings,
      r ? r.subject_advice : '',
      r ? r.summary : row.error ?? '',
      row.item.subject ?? '',
      row.item.text,
    ].map(csvCell).join(','));
  }
  return '\ufeff' + out.join('\r\n') + '\r\n';
}

/** A sample batch for the "Load a sample" button, in JSON Lines. */
export const SAMPLE_BATCH = [
  { id: 'A-1001', text: 'Hi, which font would you like for the engraving: script or block letters?', subject: 'Additional Information Required' },
  { id: 'A-1002', text: 'Thanks for your order! Let us know if you need anything.' },
  { id: 'A-1003', text: 'Please leave a 5-star review and get 20% off your next order!' },
  { id: 'A-1004', text: 'We would appreciate an honest review of the lamp on Amazon.', subject: 'Additional Information Required' },
  { id: 'A-1005', text: 'The carrier needs a phone number to schedule delivery of your sofa. Which day works for you?' },
  { id: 'A-1006', text: 'Questions? Write to help [at] myshop [dot] com 🙂' },
].map((o) => JSON.stringify(o)).join('\n');
