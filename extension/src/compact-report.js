// @ts-check
/**
 * The background's answer in a compact form. A report copies its rule's texts (title, message, Amazon's
 * rule) and the matched text into every finding: 3 MB for the 5,378 findings of a 1,000,000-character
 * paste, cloned out of the background and into the content script on the page's main thread. The
 * compact form names each distinct rule part once and gives a finding as four numbers; the content
 * script, which has the text, expands it back into the report of docs/report.md, so the UI never sees
 * the difference. Pure functions (unit-tested in node by tests/e2e/unit.test.mjs).
 * @module
 */

/**
 * @typedef {import('../ui/types.js').Report} Report
 * @typedef {import('../ui/types.js').Finding} Finding
 *
 * @typedef {object} CompactReport
 * @property {Omit<Report, 'findings'>} rest   the report without its findings
 * @property {Array<Record<string, unknown>>} kinds  each distinct finding minus start, end, match, suggestions
 * @property {string[][]} suggestions  each distinct list of suggestions
 * @property {string[]} matches  the few matches that are not text.slice(start, end)
 * @property {number[]} findings  per finding: kind, start, end, suggestions index; then match index
 *   (-1: text.slice(start, end))
 */

/** Numbers per finding in CompactReport.findings. */
const STRIDE = 5;

/**
 * @param {Report} report
 * @param {string} text  the text the report is for
 * @returns {CompactReport}
 */
export function compactReport(report, text) {
  const { findings, ...rest } = report;
  /** @type {Map<string, number>} */
  const kindIndex = new Map();
  /** @type {Map<string, number>} */
  const suggIndex = new Map();
  /** @type {CompactReport} */
  const out = { rest, kinds: [], suggestions: [], matches: [], findings: [] };
  for (const f of findings) {
    const { start, end, match, suggestions, ...kind } = f;
    const kk = JSON.stringify(kind);
    let k = kindIndex.get(kk);
    if (k === undefined) {
      k = out.kinds.push(kind) - 1;
      kindIndex.set(kk, k);
    }
    const sk = JSON.stringify(suggestions);
    let s = suggIndex.get(sk);
    if (s === undefined) {
      s = out.suggestions.push(suggestions) - 1;
      suggIndex.set(sk, s);
    }
    const m = match === text.slice(start, end) ? -1 : out.matches.push(match) - 1;
    out.findings.push(k, start, end, s, m);
  }
  return out;
}

/**
 * The report back from its compact form.
 * @param {unknown} compact  from the background: checked, not trusted
 * @param {string} text  the text it was asked for
 * @returns {Report}
 */
export function expandReport(compact, text) {
  const c = /** @type {CompactReport} */ (compact);
  if (!c || typeof c !== 'object' || !c.rest || typeof c.rest !== 'object' || !Array.isArray(c.kinds)
    || !Array.isArray(c.suggestions) || !Array.isArray(c.matches) || !Array.isArray(c.findings) || c.findings.length % STRIDE !== 0) {
    throw new Error('the background analyzer answered with something else than a compact report');
  }
  const ff = c.findings;
  /** @type {Finding[]} */
  const findings = new Array(ff.length / STRIDE);
  for (let i = 0, j = 0; j < ff.length; i++, j += STRIDE) {
    const kind = c.kinds[ff[j]];
    const suggestions = c.suggestions[ff[j + 3]];
    const start = ff[j + 1];
    const end = ff[j + 2];
    const match = ff[j + 4] < 0 ? text.slice(start, end) : c.matches[ff[j + 4]];
    if (!kind || !Array.isArray(suggestions) || typeof start !== 'number' || typeof end !== 'number' || typeof match !== 'string') {
      throw new Error(`the background analyzer's compact report has a bad finding (number ${i})`);
    }
    // the kind's objects (cite) and the suggestion lists are shared between findings: the UI only reads them
    findings[i] = /** @type {Finding} */ ({ ...kind, start, end, match, suggestions });
  }
  return /** @type {Report} */ ({ ...c.rest, findings });
}
