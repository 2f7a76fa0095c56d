// @ts-check
/**
 * The analyzer's report from its compact form (`analyze_compact` of the WebAssembly module, written by
 * src/report/compact.rs). A full report copies its rule's texts (title, message, Amazon's rule) and the
 * matched text into every finding: 3 MB of JSON for the 5,378 findings of a 1,000,000-character paste,
 * written by the module and parsed again, and cloned once more when the background answers. The compact
 * form names each distinct rule part once and gives a finding as five numbers; whoever has the text
 * expands it back into the report of docs/report.md, so the UI never sees the difference.
 *
 * Shared by the extension (content script: local module and background answers) and the test page
 * (www/engine.js; www/build.mjs copies extension/ui/). Pure; unit-tested in node
 * (tests/e2e/unit.test.mjs) and against the module in browsers (tests/wasm/pkg.test.mjs).
 * @module
 */

/**
 * @typedef {import('./types.js').Report} Report
 * @typedef {import('./types.js').Finding} Finding
 *
 * @typedef {Pick<Finding, 'rule' | 'name' | 'severity' | 'title' | 'message' | 'cite'>} Kind
 *
 * @typedef {object} CompactReport
 * @property {Omit<Report, 'findings'>} rest   the report without its findings
 * @property {Kind[]} kinds  each distinct rule part: a finding minus start, end, match, suggestions
 * @property {string[][]} suggestions  distinct lists of suggestions
 * @property {string[]} matches  the few matches that are not text.slice(start, end) (a lone surrogate
 *   in the text reaches the analyzer as U+FFFD, and the report's match keeps it)
 * @property {number[]} findings  per finding: kind, start, end, suggestions index, then match index
 *   (-1: text.slice(start, end))
 */

/** Numbers per finding in CompactReport.findings. */
const STRIDE = 5;

/**
 * The report back from its compact form. The findings share their kind's `cite` object and their
 * suggestion lists: the UI only reads them.
 * @param {unknown} compact  from the module or the background: checked, not trusted
 * @param {string} text  the text it was asked for
 * @returns {Report}
 */
export function expandReport(compact, text) {
  const c = /** @type {CompactReport} */ (compact);
  if (!c || typeof c !== 'object' || !c.rest || typeof c.rest !== 'object' || !Array.isArray(c.kinds)
    || !Array.isArray(c.suggestions) || !Array.isArray(c.matches) || !Array.isArray(c.findings) || c.findings.length % STRIDE !== 0) {
    throw new Error('the analyzer answered with something else than a compact report');
  }
  const { kinds, suggestions: lists, matches } = c;
  const ff = c.findings;
  /** @type {Finding[]} */
  const findings = new Array(ff.length / STRIDE);
  for (let i = 0, j = 0; j < ff.length; i++, j += STRIDE) {
    const kind = kinds[ff[j]];
    const start = ff[j + 1];
    const end = ff[j + 2];
    const suggestions = lists[ff[j + 3]];
    const match = ff[j + 4] < 0 ? text.slice(start, end) : matches[ff[j + 4]];
    if (!kind || typeof kind !== 'object' || !Array.isArray(suggestions) || typeof start !== 'number' || typeof end !== 'number'
      || typeof match !== 'string') {
      throw new Error(`the analyzer's compact report has a bad finding (number ${i})`);
    }
    // one literal in the report's key order: every finding gets the same shape (hidden class)
    findings[i] = {
      rule: kind.rule, name: kind.name, severity: kind.severity, start, end, match,
      title: kind.title, message: kind.message, cite: kind.cite, suggestions,
    };
  }
  return { ...c.rest, findings };
}
