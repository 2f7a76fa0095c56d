// @ts-check
/**
 * The test page: a Contact Buyer form imitation with the shared guard mounted on it, a gallery of
 * example drafts, and "Check many". The guard is imported from ./ui/ — the very files the extension
 * ships (build.mjs copies extension/ui/ there).
 * @module
 */

import './demo-textarea.js';
import { createHost, mountGuard } from './ui/guard.js';
import { replaceRange } from './ui/edit.js';
import { loadEngine, loadStrings } from './engine.js';
import { EXAMPLES } from './examples.js';
import { parseBatch, checkBatch, toCSV, verdictOf, SAMPLE_BATCH } from './batch.js';

/** @typedef {import('./ui/types.js').ReasonsAdapter} ReasonsAdapter */
/** @typedef {import('./ui/types.js').Report} Report */
/** @typedef {import('./batch.js').BatchRow} BatchRow */

/**
 * @template {Element} T
 * @param {string} sel
 * @param {{new(): T}} type
 * @returns {T}
 */
function $(sel, type) {
  const el = document.querySelector(sel);
  if (!(el instanceof type)) throw new Error(`test page: ${sel} is missing`);
  return el;
}

const VERDICT_LABEL = /** @type {Record<string, string>} */ ({
  critical: 'Critical', noncritical: 'Non-critical', prohibited: 'Prohibited', empty: 'Empty', error: 'Could not read',
});
const ADVICE_LABEL = /** @type {Record<string, string>} */ ({
  'critical-reason': 'Use the critical reason',
  'normal-reason': 'Use a normal reason',
  'fix-first': 'Fix the errors first',
  'misused-critical-reason': 'Critical reason misused',
  none: '—',
});

const form = $('#contact-form', HTMLFormElement);
const messageHost = /** @type {import('./demo-textarea.js').DemoTextarea} */ ($('#message', HTMLElement));
const field = messageHost.control;
const slot = $('#guard-slot', HTMLElement);
const langSelect = $('#lang', HTMLSelectElement);
const charCount = $('#char-count', HTMLElement);
const sendStatus = $('#send-status', HTMLElement);

// ---- the contact-reason adapter (the page-specific part the guard asks for) ----------------------

/** @returns {HTMLInputElement[]} */
const radios = () => Array.from(form.querySelectorAll('input[type="radio"][name="reason"]'));
/** @param {HTMLInputElement} r */
const labelOf = (r) => (r.closest('label')?.querySelector('span')?.textContent ?? r.value).trim();

/** @type {ReasonsAdapter} */
const reasons = {
  current() {
    const r = radios().find((x) => x.checked);
    return r ? { label: labelOf(r), critical: r.dataset.critical === 'true' } : null;
  },
  criticalLabel() {
    const r = radios().find((x) => x.dataset.critical === 'true');
    return r ? labelOf(r) : null;
  },
  selectCritical() {
    const r = radios().find((x) => x.dataset.critical === 'true');
    if (!r) return false;
    if (!r.checked) r.click(); // a real click: the page's own change handlers run
    return r.checked;
  },
  onChange(cb) {
    const handler = (/** @type {Event} */ e) => {
      if (e.target instanceof HTMLInputElement && e.target.name === 'reason') cb();
    };
    form.addEventListener('change', handler);
    return () => form.removeEventListener('change', handler);
  },
};

// ---- start ---------------------------------------------------------------------------------------

const enginePromise = loadEngine();
enginePromise.catch((e) => console.error('[test page] the analyzer did not load:', e));

/** @type {(key: string, subs?: string[]) => string} */
let t = (key) => key;
try {
  t = await loadStrings();
} catch (e) {
  console.error('[test page] UI strings did not load:', e);
}

const params = new URLSearchParams(location.search);
const initialDraft = params.get('draft');
if (initialDraft) field.value = initialDraft;

const { host } = createHost(document, { container: slot });
host.id = 'guard-host';
const guard = mountGuard({
  field,
  root: /** @type {ShadowRoot} */ (host.shadowRoot),
  panelAnchor: slot,
  panelPlacement: 'dock',
  onPanelSize: ({ height }) => { slot.style.minHeight = Math.ceil(height) + 'px'; },
  analyze: async (text, opts) => (await enginePromise).analyze(text, opts),
  reasons,
  t,
  ruleUrl: (code) => `reference.html#${encodeURIComponent(code.toLowerCase())}`,
  lang: () => langSelect.value,
  settings: { confirmSend: true },
});

langSelect.addEventListener('change', () => guard.refresh());

const updateCount = () => {
  const n = field.value.length;
  charCount.textContent = `${n.toLocaleString('en')} character${n === 1 ? '' : 's'}`;
};
field.addEventListener('input', updateCount);
updateCount();

$('#clear', HTMLButtonElement).addEventListener('click', () => {
  if (field.value) replaceRange(field, 0, field.value.length, '');
  updateCount();
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  sendStatus.textContent = '';
  const send = await guard.confirmSend();
  sendStatus.textContent = send
    ? 'This is a test page: nothing was sent.'
    : 'Not sent. Fix the problems and try again.';
});

// ---- rule books: language picker and version ------------------------------------------------------

enginePromise.then((engine) => {
  const books = engine.rules();
  langSelect.replaceChildren(...books.map((b) => new Option(`${b.name} (${b.lang})`, b.lang)));
  langSelect.disabled = books.length < 2;
  $('#version', HTMLElement).textContent = engine.version();
  document.documentElement.dataset.ready = 'true';
}, () => {
  document.documentElement.dataset.ready = 'error';
});

// ---- gallery --------------------------------------------------------------------------------------

const gallery = $('#gallery', HTMLUListElement);
for (const ex of EXAMPLES) {
  const li = document.createElement('li');
  li.className = 'example';
  li.dataset.expect = ex.expect;
  const head = document.createElement('div');
  head.className = 'example-head';
  const tag = document.createElement('span');
  tag.className = 'verdict-tag';
  tag.dataset.verdict = ex.expect;
  tag.textContent = VERDICT_LABEL[ex.expect];
  const h3 = document.createElement('h3');
  h3.textContent = ex.title;
  head.append(tag, h3);
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = ex.note;
  const preview = document.createElement('blockquote');
  preview.className = 'preview';
  preview.textContent = ex.text;
  const use = document.createElement('button');
  use.type = 'button';
  use.className = 'button';
  use.dataset.example = ex.id;
  use.textContent = 'Use this draft';
  use.setAttribute('aria-label', `Use this draft: ${ex.title}`);
  use.addEventListener('click', () => {
    // one undoable edit: select everything, insert the draft
    replaceRange(field, 0, field.value.length, ex.text);
    field.setSelectionRange(0, 0);
    field.scrollTop = 0;
    updateCount();
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    form.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  });
  li.append(head, note, preview, use);
  gallery.append(li);
}

for (const chip of Array.from(document.querySelectorAll('[data-filter]'))) {
  chip.addEventListener('click', () => {
    const f = chip.getAttribute('data-filter');
    for (const c of Array.from(document.querySelectorAll('[data-filter]'))) c.setAttribute('aria-pressed', String(c === chip));
    for (const li of Array.from(gallery.children)) {
      /** @type {HTMLElement} */ (li).hidden = f !== 'all' && /** @type {HTMLElement} */ (li).dataset.expect !== f;
    }
  });
}

// ---- check many -----------------------------------------------------------------------------------

const batchInput = $('#batch-input', HTMLTextAreaElement);
const batchReason = $('#batch-reason', HTMLSelectElement);
const batchRun = $('#batch-run', HTMLButtonElement);
const batchCsv = $('#batch-csv', HTMLButtonElement);
const batchTable = $('#batch-table', HTMLTableElement);
const batchSummary = $('#batch-summary', HTMLElement);
/** @type {BatchRow[]} */
let batchRows = [];

$('#batch-sample', HTMLButtonElement).addEventListener('click', () => {
  batchInput.value = SAMPLE_BATCH;
  batchInput.focus();
});

batchRun.addEventListener('click', async () => {
  let engine;
  try {
    engine = await enginePromise;
  } catch {
    batchSummary.textContent = 'The checker is unavailable in this browser.';
    return;
  }
  const { items, format } = parseBatch(batchInput.value);
  const subject = batchReason.value;
  const started = performance.now();
  batchRows = checkBatch(items, engine.analyze, subject ? { subject, lang: langSelect.value } : { lang: langSelect.value });
  const ms = performance.now() - started;
  renderBatch(batchRows, format, ms);
});

/**
 * @param {BatchRow[]} rows
 * @param {string} format
 * @param {number} ms
 */
function renderBatch(rows, format, ms) {
  const tbody = /** @type {HTMLTableSectionElement} */ (batchTable.tBodies[0]);
  const frag = document.createDocumentFragment();
  /** @type {Record<string, number>} */
  const tally = {};
  for (const row of rows) {
    const verdict = verdictOf(row);
    tally[verdict] = (tally[verdict] ?? 0) + 1;
    const tr = document.createElement('tr');
    tr.dataset.verdict = verdict;
    tr.dataset.id = row.item.id;
    const id = document.createElement('th');
    id.scope = 'row';
    id.textContent = row.item.id;
    const v = document.createElement('td');
    const tag = document.createElement('span');
    tag.className = 'verdict-tag';
    tag.dataset.verdict = verdict;
    tag.textContent = VERDICT_LABEL[verdict] ?? verdict;
    v.append(tag);
    const findings = document.createElement('td');
    findings.className = 'findings-cell';
    if (row.report && row.report.findings.length) {
      const ul = document.createElement('ul');
      for (const f of row.report.findings) {
        const li = document.createElement('li');
        li.dataset.rule = f.rule;
        li.dataset.severity = f.severity;
        const code = document.createElement('a');
        code.href = `reference.html#${f.rule.toLowerCase()}`;
        code.className = 'code';
        code.textContent = f.rule;
        const sev = document.createElement('span');
        sev.className = 'sev-letter';
        sev.dataset.severity = f.severity;
        sev.textContent = f.severity === 'error' ? '✕' : f.severity === 'warning' ? '!' : 'i';
        sev.setAttribute('aria-label', f.severity);
        li.append(sev, code, ` ${f.title}: “${f.match.replace(/\n/g, '↵')}”`);
        ul.append(li);
      }
      findings.append(ul);
    } else {
      findings.textContent = row.error ?? (row.report?.empty ? '—' : 'None');
    }
    const advice = document.createElement('td');
    advice.textContent = row.report ? ADVICE_LABEL[row.report.subject_advice] ?? row.report.subject_advice : '';
    if (row.report?.subject_advice === 'misused-critical-reason') advice.className = 'loud';
    const text = document.createElement('td');
    text.className = 'text-cell';
    text.textContent = row.item.text;
    if (row.item.subject) {
      const s = document.createElement('span');
      s.className = 'subject';
      s.textContent = `Subject: ${row.item.subject}`;
      text.prepend(s);
    }
    v.dataset.label = 'Verdict';
    findings.dataset.label = 'Findings';
    advice.dataset.label = 'Advice';
    text.dataset.label = 'Message';
    tr.append(id, v, findings, advice, text);
    frag.append(tr);
  }
  tbody.replaceChildren(frag);
  batchTable.hidden = rows.length === 0;
  batchCsv.disabled = rows.length === 0;
  const parts = ['prohibited', 'critical', 'noncritical', 'empty', 'error']
    .filter((k) => tally[k])
    .map((k) => `${tally[k]} ${VERDICT_LABEL[k].toLowerCase()}`);
  batchSummary.textContent = rows.length
    ? `${rows.length} message${rows.length === 1 ? '' : 's'} (${format === 'jsonl' ? 'JSON Lines' : 'separated by ---'}) checked in ${ms < 1 ? '<1' : Math.round(ms)} ms: ${parts.join(', ')}.`
    : 'Nothing to check: paste some messages first.';
}

batchCsv.addEventListener('click', () => {
  if (!batchRows.length) return;
  const blob = new Blob([toCSV(batchRows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'message-guard-results.csv';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});
