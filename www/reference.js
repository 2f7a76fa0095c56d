// @ts-check
/**
 * The rule reference, rendered from the analyzer's own rules() so it never drifts from what is
 * checked. Every rule has an anchor (#ct001, #rv001, …) that the guard's cards link to.
 * @module
 */

import { loadEngine } from './engine.js';

/** @typedef {import('./ui/types.js').Rule} Rule */
/** @typedef {import('./ui/types.js').RuleBook} RuleBook */

const SEVERITY = /** @type {Record<string, string>} */ ({ error: 'Error', warning: 'Warning', info: 'Note' });
const LETTER = /** @type {Record<string, string>} */ ({ error: '✕', warning: '!', info: 'i' });
const GROUPS = /** @type {Record<string, string>} */ ({
  CT: 'Contact details and links', OP: 'Opt-out', FM: 'Format', RV: 'Reviews', MK: 'Marketing', CX: 'Cancellations', MT: 'Message types',
});

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {Array<Node | string>} [children]
 */
function el(tag, attrs = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** A flag example with its « » span shown as <mark>. @param {string} example */
function marked(example) {
  /** @type {Array<Node | string>} */
  const parts = [];
  const re = /«([^»]*)»/g;
  let last = 0;
  for (let m = re.exec(example); m; m = re.exec(example)) {
    parts.push(example.slice(last, m.index).replace(/\n/g, '↵'));
    parts.push(el('mark', {}, [m[1].replace(/\n/g, '↵')]));
    last = m.index + m[0].length;
  }
  parts.push(example.slice(last).replace(/\n/g, '↵'));
  return parts;
}

/** @param {string} text */
function tryLink(text) {
  const a = el('a', { href: 'index.html?draft=' + encodeURIComponent(text) + '#try', class: 'try-link' }, ['Try it']);
  return a;
}

/** @param {Rule} r */
function ruleSection(r) {
  const id = r.code.toLowerCase();
  const suggestions = r.suggestions.map((s) => {
    if (s === '') return 'remove it';
    const inner = /^~([^~]*)~([^~]*)~$/.exec(s);
    if (inner) return `change “${inner[1]}” to “${inner[2]}”`;
    return `“${s.replace(/\n/g, '↵')}”`;
  });
  const flag = el('ul', { class: 'examples-list flagged' }, r.flag.map((f) => el('li', {}, [...marked(f), ' ', tryLink(f.replace(/[«»]/g, ''))])));
  const pass = el('ul', { class: 'examples-list passes' }, r.pass.map((p) => el('li', {}, [p.replace(/\n/g, '↵'), ' ', tryLink(p)])));
  return el('section', { class: 'rule', id, 'data-rule': r.code, 'data-severity': r.severity, 'aria-labelledby': id + '-title', tabindex: '-1' }, [
    el('div', { class: 'rule-head' }, [
      el('span', { class: 'sev-letter', 'data-severity': r.severity, 'aria-hidden': 'true' }, [LETTER[r.severity] ?? '?']),
      el('h3', { id: id + '-title' }, [el('span', { class: 'code' }, [r.code]), ' ', r.title]),
      el('a', { class: 'anchor', href: '#' + id, 'aria-label': `Link to ${r.code}` }, ['#']),
    ]),
    el('p', { class: 'meta' }, [`${SEVERITY[r.severity] ?? r.severity} · `, el('code', {}, [r.name])]),
    el('p', { class: 'message' }, [r.message]),
    el('p', { class: 'why' }, [r.why]),
    el('blockquote', { class: 'cite' }, [
      el('p', {}, [r.cite.text]),
      el('footer', {}, ['— ', r.cite.url ? el('a', { href: r.cite.url, rel: 'noopener noreferrer' }, [r.cite.source]) : r.cite.source]),
    ]),
    suggestions.length ? el('p', { class: 'fix' }, [el('strong', {}, ['Suggested fix: ']), suggestions.join(' or ') + '.']) : '',
    el('div', { class: 'examples-cols' }, [
      el('div', {}, [el('h4', {}, ['Flagged']), flag]),
      el('div', {}, [el('h4', {}, ['Passes']), pass]),
    ]),
  ]);
}

/** @param {RuleBook} book */
function bookSection(book) {
  /** @type {Map<string, Rule[]>} */
  const groups = new Map();
  for (const r of book.rules) {
    const g = GROUPS[r.code.slice(0, 2)] ?? 'Other';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)?.push(r);
  }
  const toc = el('table', { class: 'toc' }, [
    el('caption', {}, [`${book.rules.length} rules`]),
    el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['Code']), el('th', { scope: 'col' }, ['Severity']), el('th', { scope: 'col' }, ['What it catches'])])]),
    el('tbody', {}, book.rules.map((r) => el('tr', { 'data-severity': r.severity }, [
      el('td', {}, [el('a', { href: '#' + r.code.toLowerCase(), class: 'code' }, [r.code])]),
      el('td', {}, [el('span', { class: 'sev-letter', 'data-severity': r.severity, 'aria-hidden': 'true' }, [LETTER[r.severity] ?? '?']), ' ', SEVERITY[r.severity] ?? r.severity]),
      el('td', {}, [r.title]),
    ]))),
  ]);
  /** @type {HTMLElement[]} */
  const parts = [];
  for (const [name, rules] of groups) {
    parts.push(el('h2', { class: 'group' }, [name]), ...rules.map(ruleSection));
  }
  return el('section', { class: 'book', lang: book.lang, id: 'book-' + book.lang, 'aria-label': `${book.name} rule book` }, [
    el('h2', {}, [`${book.name} (${book.lang})`]),
    el('div', { class: 'table-wrap' }, [toc]),
    ...parts,
  ]);
}

const status = /** @type {HTMLElement} */ (document.getElementById('ref-status'));
const container = /** @type {HTMLElement} */ (document.getElementById('rules'));
try {
  const engine = await loadEngine();
  const books = engine.rules();
  container.replaceChildren(...books.map(bookSection));
  const n = books.reduce((a, b) => a + b.rules.length, 0);
  status.textContent = `${n} rules in ${books.length} rule book${books.length === 1 ? '' : 's'}.`;
  const version = document.getElementById('version');
  if (version) version.textContent = engine.version();
  // the content arrived after the browser tried the fragment: go there now
  if (location.hash.length > 1) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }
  document.documentElement.dataset.ready = 'true';
} catch (e) {
  status.textContent = 'The rule books could not be loaded in this browser.';
  console.error('[reference]', e);
  document.documentElement.dataset.ready = 'error';
}
