// @ts-check
/// <reference types="node" />
/**
 * End-to-end scenarios for the test page and the shared guard, written once and run in both
 * browsers (chromium.test.mjs, firefox.test.mjs). Every scenario starts from a fresh page load.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, DIST, waitFor } from './harness.mjs';

/** @typedef {import('./harness.mjs').Driver} Driver */

/**
 * In-page helpers, installed after each navigation as window.__mgt. The expected text rectangles are
 * computed here independently of the guard: a throwaway div that copies EVERY computed property of
 * the textarea (not the guard's list), placed over it, scrolled like it, measured with a Range.
 */
const HELPERS = `() => {
  const T = {};
  T.root = () => (window.__mgHost || document.querySelector('#guard-host')).shadowRoot;
  T.field = () => window.__mgField || document.querySelector('#message').shadowRoot.querySelector('textarea');
  T.panel = () => T.root().querySelector('[data-part=panel]');
  T.visibleHighlights = () => [...T.root().querySelectorAll('[data-part=highlight]')].filter((h) => !h.hidden && !h.closest('[hidden]'));
  T.state = () => {
    const p = T.panel();
    const a = T.root().querySelector('[data-part=subject-advice]');
    const card = T.root().querySelector('[data-part=card]');
    return {
      verdict: p.dataset.verdict, state: p.dataset.state, settled: p.dataset.settled, length: +p.dataset.length,
      advice: a.dataset.advice, adviceHidden: a.hidden, value: T.field().value,
      card: card.hidden || card.hasAttribute('data-placing') ? null : card.dataset.rule,
      highlights: T.visibleHighlights().map((h) => ({ rule: h.dataset.rule, severity: h.dataset.severity, start: +h.dataset.start, end: +h.dataset.end })),
    };
  };
  T.focusEnd = () => { const f = T.field(); f.focus(); f.setSelectionRange(f.value.length, f.value.length); };
  T.setValue = (text, event = true) => {
    const f = T.field();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(f, text);
    if (event) f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  T.insert = (text) => { const f = T.field(); f.focus(); return document.execCommand('insertText', false, text); };
  T.expectedRects = (start, end) => {
    const f = T.field();
    const cs = getComputedStyle(f);
    const r = f.getBoundingClientRect();
    const m = document.createElement('div');
    for (let i = 0; i < cs.length; i++) m.style.setProperty(cs[i], cs.getPropertyValue(cs[i]));
    const s = m.style;
    s.position = 'fixed'; s.left = r.left + 'px'; s.top = r.top + 'px'; s.margin = '0'; s.transform = 'none';
    s.visibility = 'hidden'; s.pointerEvents = 'none'; s.overflowX = 'hidden';
    s.overflowY = f.scrollHeight > f.clientHeight ? 'scroll' : 'hidden';
    s.zIndex = '-1';
    m.textContent = f.value + '\\u200b';
    document.body.append(m);
    m.scrollTop = f.scrollTop;
    m.scrollLeft = f.scrollLeft;
    const range = document.createRange();
    range.setStart(m.firstChild, start);
    range.setEnd(m.firstChild, end);
    const rects = [...range.getClientRects()].filter((x) => x.width > 0.5 && x.height > 0.5)
      .map((x) => ({ left: x.left, top: x.top, right: x.right, bottom: x.bottom }));
    m.remove();
    return rects;
  };
  T.geometry = () => T.visibleHighlights().map((h) => {
    const g = h.getBoundingClientRect();
    const want = T.expectedRects(+h.dataset.start, +h.dataset.end);
    const u = want.reduce((a, b) => ({ left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) }),
      { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity });
    const segs = [...h.children].filter((s) => !s.hidden).length;
    const lines = new Set(want.map((w) => Math.round(w.top))).size;
    return { rule: h.dataset.rule, start: +h.dataset.start, end: +h.dataset.end, lines, segs,
      got: { left: g.left, top: g.top, right: g.right, bottom: g.bottom }, want: u };
  });
  T.clipInsideField = () => {
    const layer = T.root().querySelector('[data-part=highlights]');
    if (layer.hidden) return true;
    const c = layer.getBoundingClientRect();
    const f = T.field();
    const r = f.getBoundingClientRect();
    const inner = { left: r.left + f.clientLeft, top: r.top + f.clientTop, right: r.left + f.clientLeft + f.clientWidth, bottom: r.top + f.clientTop + f.clientHeight };
    return c.left >= inner.left - 1 && c.top >= inner.top - 1 && c.right <= inner.right + 1 && c.bottom <= inner.bottom + 1;
  };
  T.center = (sel, inGuard) => {
    const el = (inGuard ? T.root() : document).querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  };
  T.activeInGuard = () => { const a = T.root().activeElement; return a ? (a.dataset.action || a.dataset.part || a.tagName) : null; };
  window.__mgt = T;
  return true;
}`;

const TOLERANCE = 3;

/** Every rule code, from the analyzer itself (loaded in Node, not through the page). */
async function ruleCodes() {
  const pkg = await import(pathToFileURL(join(DIST, 'pkg', 'msgguard.js')).href);
  pkg.initSync({ module: readFileSync(join(DIST, 'pkg', 'msgguard_bg.wasm')) });
  /** @type {Array<{rules: Array<{code: string}>}>} */
  const books = pkg.rules();
  return books.flatMap((b) => b.rules.map((r) => r.code));
}

/** @param {Driver} d @param {string} [path] @param {{guard?: boolean}} [opts] */
async function open(d, path = 'index.html', opts = {}) {
  await d.goto(path);
  const ready = await waitFor(d, '() => document.documentElement.dataset.ready', { what: 'page ready', timeout: 15_000 });
  assert.equal(ready, 'true', 'the page loaded its analyzer');
  if (opts.guard === false) return;
  await d.run(HELPERS);
  await waitFor(d, '() => __mgt.panel().dataset.state === "ready"', { what: 'guard ready' });
}

/**
 * @typedef {{verdict: string, state: string, settled: string, length: number, advice: string, adviceHidden: boolean, value: string,
 *   card: string | null, highlights: Array<{rule: string, severity: string, start: number, end: number}>}} State
 */

/** @param {Driver} d @returns {Promise<State>} */
const state = (d) => d.run('() => __mgt.state()');

/**
 * Waits until the guard shows a report for exactly `value` and has drawn its boxes.
 * @param {Driver} d
 * @param {string} value
 * @returns {Promise<State>}
 */
async function settledOn(d, value) {
  return waitFor(d, `(v) => { const s = __mgt.state(); return s.value === v && s.length === v.length && s.settled === 'true' ? s : null; }`, { arg: value, what: `guard settled on ${JSON.stringify(value.slice(0, 40))}` });
}

/** @param {Driver} d @param {string} text */
async function typeInto(d, text) {
  await d.run('() => __mgt.focusEnd()');
  await d.type(text);
}

/** @param {Driver} d @param {string} sel @param {boolean} [inGuard] */
async function click(d, sel, inGuard = false) {
  const at = /** @type {[number, number] | null} */ (await d.run(`() => __mgt.center(${JSON.stringify(sel)}, ${inGuard})`));
  assert.ok(at, `nothing matches ${sel}`);
  await d.clickAt(at[0], at[1]);
}

/** Every visible underline lies over its text (within a few px). @param {Driver} d @param {string} label */
async function assertGeometry(d, label) {
  // two frames for the mirror pipeline after any layout change
  await d.run('() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))))');
  /** @type {Array<{rule: string, start: number, end: number, lines: number, segs: number, got: Record<string, number>, want: Record<string, number>}>} */
  const boxes = await d.run('() => __mgt.geometry()');
  assert.ok(boxes.length > 0, `${label}: no underlines to check`);
  for (const b of boxes) {
    for (const k of ['left', 'top', 'right', 'bottom']) {
      assert.ok(Math.abs(b.got[k] - b.want[k]) <= TOLERANCE,
        `${label}: ${b.rule} [${b.start},${b.end}) ${k} is ${b.got[k].toFixed(1)}, the text's is ${b.want[k].toFixed(1)} (${d.name})`);
    }
    assert.equal(b.segs, b.lines, `${label}: ${b.rule} has ${b.segs} line boxes for ${b.lines} lines`);
  }
  assert.ok(await d.run('() => __mgt.clipInsideField()'), `${label}: the underline layer spills outside the field`);
}

/** @param {Driver} d @param {string} name */
async function shot(d, name) {
  await d.screenshot(join(ARTIFACTS, `${d.name}-${name}.png`));
}

/** @type {Array<[string, (d: Driver) => Promise<void>]>} */
export const SCENARIOS = [
  ['loads: panel ready and empty; one host; the field untouched', async (d) => {
    await open(d);
    const s = await state(d);
    assert.equal(s.verdict, 'empty');
    assert.equal(s.state, 'ready');
    assert.equal(s.highlights.length, 0);
    const dom = await d.run(`() => ({
      hosts: document.querySelectorAll('msgguard-root').length,
      fieldAttrs: [...__mgt.field().attributes].map((a) => a.name).sort().join(' '),
      fieldStyle: __mgt.field().getAttribute('style'),
      shadowKids: document.querySelector('#message').shadowRoot.querySelectorAll('*').length,
      openRoot: !!document.querySelector('#guard-host').shadowRoot,
    })`);
    assert.equal(dom.hosts, 1);
    assert.equal(dom.fieldAttrs, 'aria-label maxlength part placeholder spellcheck');
    assert.equal(dom.fieldStyle, null);
    assert.equal(dom.shadowKids, 2, 'the guard added nothing inside the form component');
    assert.ok(dom.openRoot);
  }],

  ['critical draft: verdict critical; apply-subject selects the critical reason', async (d) => {
    await open(d);
    const text = 'Hi Ann, which font would you like for the engraving on your ring: script or block letters?';
    await typeInto(d, text);
    const s = await settledOn(d, text);
    assert.equal(s.verdict, 'critical');
    assert.equal(s.advice, 'critical-reason');
    assert.equal(s.adviceHidden, false);
    assert.equal(await d.run('() => !!__mgt.root().querySelector("[data-action=apply-subject]")'), true);
    await click(d, '[data-action=apply-subject]', true);
    await waitFor(d, '() => document.querySelector("input[value=additional-information-required]").checked', { what: 'critical radio checked' });
    const after = await waitFor(d, '() => !__mgt.root().querySelector("[data-action=apply-subject]") && __mgt.state()', { what: 'button gone' });
    assert.equal(after.advice, 'critical-reason');
    assert.match(await d.run('() => __mgt.root().querySelector("[data-part=subject-advice]").textContent'), /Additional Information Required/);
  }],

  ['non-critical draft with the critical reason: loud misuse warning', async (d) => {
    await open(d);
    await click(d, 'input[value=additional-information-required]');
    const text = 'Hi Ann, we hope the lamp arrived safely. We would appreciate an honest review on Amazon.';
    await typeInto(d, text);
    const s = await settledOn(d, text);
    assert.equal(s.verdict, 'noncritical');
    assert.equal(s.advice, 'misused-critical-reason');
    assert.equal(s.adviceHidden, false);
    const advice = await d.run('() => { const a = __mgt.root().querySelector("[data-part=subject-advice]"); return { role: a.getAttribute("role"), text: a.textContent, border: getComputedStyle(a).borderTopWidth }; }');
    assert.equal(advice.role, 'alert');
    assert.match(advice.text, /Wrong contact reason/i);
    assert.ok(parseFloat(advice.border) >= 2, 'the warning has a heavy border');
    // choosing a normal reason clears it
    await click(d, 'input[value=other]');
    await waitFor(d, '() => __mgt.state().advice === "normal-reason"', { what: 'normal-reason advice' });
  }],

  ['prohibited draft with emoji before and inside matches: underlines lie over the text', async (d) => {
    await open(d);
    await d.run('() => __mgt.insert("😀 ")');
    const rest = 'Hi Ann, please leave a 5-star review ★★★★★ or write to name [at] mail [dot] com soon';
    await typeInto(d, rest);
    const value = '😀 ' + rest;
    const s = await settledOn(d, value);
    assert.equal(s.verdict, 'prohibited');
    const byRule = Object.fromEntries(s.highlights.map((h) => [h.rule + ':' + value.slice(h.start, h.end), h]));
    assert.ok(byRule['FM001:😀'], 'emoji flagged at its UTF-16 offsets: ' + JSON.stringify(s.highlights));
    const rv = s.highlights.find((h) => h.rule === 'RV001' && value.slice(h.start, h.end).startsWith('5-star'));
    assert.ok(rv, 'RV001 on "5-star…" (offsets after an astral character)');
    assert.equal(rv.start, value.indexOf('5-star'));
    assert.ok(byRule['CT004:name [at] mail [dot] com'], 'spelled-out e-mail flagged');
    await assertGeometry(d, 'prohibited draft');
    await shot(d, 'prohibited');
    // severity has a non-color cue: error underlines are not plain solid borders
    const cue = await d.run('() => { const seg = __mgt.root().querySelector("[data-part=highlight][data-severity=error] .seg"); return getComputedStyle(seg, "::after").backgroundImage; }');
    assert.match(cue, /gradient/);
  }],

  ['card: click an underline, see the rule, apply a fix, undo restores the text', async (d) => {
    await open(d);
    const text = 'Hello Ann, please leave us a 5-star review when you can.';
    await typeInto(d, text);
    const s = await settledOn(d, text);
    const h = s.highlights.find((x) => x.rule === 'RV001');
    assert.ok(h, JSON.stringify(s.highlights));
    // every place the card is ever seen at, from the moment it opens: never somewhere else first
    await d.run(`() => {
      const c = __mgt.root().querySelector('[data-part=card]');
      window.__cardSeenAt = [];
      new MutationObserver(() => {
        if (c.hidden || c.hasAttribute('data-placing')) return;
        const r = c.getBoundingClientRect();
        window.__cardSeenAt.push([Math.round(r.left), Math.round(r.top)].join(','));
      }).observe(c, { attributes: true });
    }`);
    await click(d, `[data-part=highlight][data-rule=RV001] .seg`, true);
    const card = await waitFor(d, `() => { const c = __mgt.root().querySelector('[data-part=card]'); return !c.hidden && !c.hasAttribute('data-placing') && {
      rule: c.dataset.rule, cite: c.querySelector('[data-part=cite]').textContent, link: c.querySelector('[data-part=rule-link]').getAttribute('href'),
      fixes: [...c.querySelectorAll('[data-action=apply-suggestion]')].map((b) => b.textContent), title: c.textContent }; }`, { what: 'card open' });
    assert.equal(card.rule, 'RV001');
    assert.match(card.cite, /review/i);
    assert.equal(card.link, 'reference.html#rv001');
    assert.ok(card.fixes.length >= 1, 'a fix is offered');
    await d.run('() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const seen = /** @type {string[]} */ (await d.run('() => window.__cardSeenAt'));
    const final = await d.run(`() => { const r = __mgt.root().querySelector('[data-part=card]').getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top)].join(','); }`);
    assert.ok(seen.length > 0 && seen.every((p) => p === final), `the card showed at ${seen.join(' then ')} before its place ${final}`);
    await shot(d, 'card');
    const suggestion = await d.run('() => { const c = __mgt.root().querySelector("[data-part=card]"); return c.querySelector("[data-action=apply-suggestion]").textContent; }');
    await click(d, '[data-part=card] [data-action=apply-suggestion]', true);
    const changed = await waitFor(d, '(t) => __mgt.field().value !== t && __mgt.field().value', { arg: text, what: 'text changed' });
    assert.notEqual(changed, text);
    assert.ok(!changed.includes('5-star'), `fixed text: ${changed} (button: ${suggestion})`);
    assert.equal(await d.run('() => __mgt.state().card'), null, 'card closed after the fix');
    await d.press('Undo');
    await waitFor(d, '(t) => __mgt.field().value === t', { arg: text, what: 'undo restored the text' });
    await settledOn(d, text);
  }],

  ['keyboard: Tab into the findings, Enter opens the card, Escape returns', async (d) => {
    await open(d);
    const text = 'Call me at 555-013-2288 tomorrow.';
    await typeInto(d, text);
    await settledOn(d, text);
    await d.run('() => document.querySelector("#send").focus()');
    await d.press('Tab'); // the panel comes next in the tab order: its toggle button
    assert.equal(await d.run('() => __mgt.activeInGuard()'), 'toggle');
    await d.press('Tab');
    assert.equal(await d.run('() => __mgt.activeInGuard()'), 'open-finding');
    await d.press('Enter');
    await waitFor(d, '() => __mgt.state().card', { what: 'card opened from the list' });
    const inCard = await d.run('() => !!__mgt.root().activeElement.closest("[data-part=card]")');
    assert.ok(inCard, 'focus moved into the card');
    await d.press('Escape');
    await waitFor(d, '() => __mgt.state().card === null', { what: 'card closed' });
    assert.equal(await d.run('() => __mgt.activeInGuard()'), 'open-finding', 'focus back on the list item');
    const live = await waitFor(d, '() => __mgt.root().querySelector("[data-part=announce]").textContent', { what: 'announcement', timeout: 4000 });
    assert.match(live, /Prohibited/);
  }],

  ['gallery: one click fills the box (one undo step)', async (d) => {
    await open(d);
    await typeInto(d, 'draft one');
    await settledOn(d, 'draft one');
    const example = await d.run('() => document.querySelector("[data-example=spelled-out]").closest("li").querySelector(".preview").textContent');
    await click(d, '[data-example=spelled-out]');
    const s = await settledOn(d, example);
    assert.equal(s.verdict, 'prohibited');
    const rules = s.highlights.map((h) => h.rule + ':' + example.slice(h.start, h.end));
    assert.ok(rules.includes('CT001:w w w . shop . com'), rules.join());
    assert.ok(rules.includes('CT004:name [at] mail [dot] com'), rules.join());
    await assertGeometry(d, 'gallery draft');
    await d.press('Undo');
    await waitFor(d, '() => __mgt.field().value === "draft one"', { what: 'undo back to the previous draft' });
  }],

  ['scrolling: underlines follow the field, the window, and stay clipped to the field', async (d) => {
    await open(d);
    const lines = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}: the order is being prepared.`);
    lines[26] = 'Line 27: please leave a 5-star review.';
    const text = lines.join('\n');
    await d.run('(t) => { __mgt.field().focus(); __mgt.setValue(t); __mgt.field().setSelectionRange(0, 0); __mgt.field().scrollTop = 0; }', text);
    await settledOn(d, text);
    assert.ok(await d.run('() => __mgt.clipInsideField()'));
    await d.run('() => { __mgt.field().scrollTop = __mgt.field().scrollHeight; }');
    await assertGeometry(d, 'field scrolled');
    const visibleInField = await d.run(`() => { const f = __mgt.field().getBoundingClientRect(); const h = __mgt.root().querySelector('[data-part=highlight][data-rule=RV001]').getBoundingClientRect(); return h.top >= f.top && h.bottom <= f.bottom; }`);
    assert.ok(visibleInField, 'the underline scrolled into the visible part of the field');
    await d.run('() => window.scrollBy(0, 120)');
    await assertGeometry(d, 'window scrolled');
  }],

  ['resizing: wrapping changes are followed (field width, window width)', async (d) => {
    await open(d);
    const text = 'Hello Ann, thank you for your patience with this order. We are preparing everything carefully and it will ship soon. When it arrives, please leave a 5-star review.';
    await typeInto(d, text);
    await settledOn(d, text);
    await assertGeometry(d, 'initial width');
    const topOf = '() => __mgt.geometry().find((g) => g.rule === "RV001").got.top';
    const before = await d.run(topOf);
    await d.run('() => { document.querySelector("#message").style.width = "55%"; }');
    await assertGeometry(d, 'narrower field');
    const after = await d.run(topOf);
    assert.ok(after > before, `the finding moved to a later line when the field got narrower (${before} → ${after})`);
    await d.resize(420, 900);
    try {
      await d.run('() => __mgt.field().scrollIntoView({ block: "start" })');
      await assertGeometry(d, 'narrow window');
      const panelBelow = await d.run(`() => { const p = __mgt.panel().getBoundingClientRect(); const f = document.querySelector('#contact-form').getBoundingClientRect(); return p.top >= f.bottom - 1 && p.width <= innerWidth; }`);
      assert.ok(panelBelow, 'on a narrow window the panel sits below the form and fits');
      await shot(d, 'narrow');
    } finally {
      await d.resize(1280, 900);
    }
  }],

  ['programmatic value changes (no event, no focus) are picked up', async (d) => {
    await open(d);
    await d.run('() => { __mgt.field().blur(); __mgt.setValue("Text me on WhatsApp at 555 013 2288.", false); }');
    const s = await settledOn(d, 'Text me on WhatsApp at 555 013 2288.');
    assert.equal(s.verdict, 'prohibited');
  }],

  ['check many: JSON Lines and --- batches, table and CSV', async (d) => {
    await open(d);
    const jsonl = [
      { id: 'c1', text: 'Which colour would you like for the engraving: gold or silver?', subject: 'Additional Information Required' },
      { id: 'n1', text: 'We would appreciate an honest review of the lamp on Amazon.' },
      { id: 'p1', text: 'Leave a 5-star review and get a $10 gift card!' },
      { id: 'm1', text: 'Thanks for your order! Let us know if you need anything.', subject: 'Additional Information Required' },
    ].map((o) => JSON.stringify(o)).join('\n') + '\n{broken';
    await d.run('(t) => { document.querySelector("#batch-input").value = t; }', jsonl);
    await click(d, '#batch-run');
    const rows = await waitFor(d, '() => { const r = [...document.querySelectorAll("#batch-table tbody tr")]; return r.length && r.map((tr) => [tr.dataset.id, tr.dataset.verdict]); }', { what: 'batch rows' });
    assert.deepEqual(rows, [['c1', 'critical'], ['n1', 'noncritical'], ['p1', 'prohibited'], ['m1', 'noncritical'], ['line 5', 'error']]);
    const misused = await d.run('() => document.querySelector("#batch-table tr[data-id=m1] td.loud") !== null');
    assert.ok(misused, 'the misused critical reason is called out in the table');
    const csv = await d.download(() => click(d, '#batch-csv'));
    const lines = csv.replace(/^\ufeff/, '').trim().split(/\r\n/);
    assert.equal(lines[0], 'id,verdict,errors,warnings,notes,rules,findings,advice,summary,subject,text');
    assert.equal(lines.length, 6);
    assert.match(lines[3], /^p1,prohibited,[1-9]/);
    assert.match(lines[3], /RV00\d/);
    assert.match(lines[4], /^m1,noncritical,.*misused-critical-reason/);
    await shot(d, 'batch');

    await d.run('() => { document.querySelector("#batch-input").value = "First: which size do you need?\\n---\\nSecond: 5-star please\\n---\\n\\n---\\nThird one"; }');
    await click(d, '#batch-run');
    const n = await waitFor(d, '() => { const r = document.querySelectorAll("#batch-table tbody tr"); return r.length === 3 && [...r].map((tr) => tr.dataset.id).join(); }', { what: '--- rows' });
    assert.equal(n, '1,2,3');
  }],

  ['rule reference: an anchor for every rule; card links land on it', async (d) => {
    await open(d, 'reference.html#rv001', { guard: false });
    const codes = await ruleCodes();
    const info = await d.run(`(codes) => {
      const missing = codes.filter((c) => !document.getElementById(c.toLowerCase()));
      const target = document.getElementById('rv001').getBoundingClientRect();
      const examples = document.querySelectorAll('#rv001 .flagged li mark').length;
      return { count: document.querySelectorAll('section.rule').length, missing, top: target.top, examples };
    }`, codes);
    assert.equal(info.count, codes.length, 'one section per rule');
    assert.ok(info.count >= 10);
    assert.deepEqual(info.missing, []);
    assert.ok(info.top >= -2 && info.top < 200, `#rv001 scrolled into view (top ${info.top})`);
    assert.ok(info.examples >= 1, 'flag examples show the flagged span');
  }],
];

export { open, state, settledOn, typeInto, click, assertGeometry, shot, HELPERS };
