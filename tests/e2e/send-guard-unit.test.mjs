// Fast checks without a browser for the send confirmation: which reports it asks about and why
// (ui/send-risk.js), which clicks on Send the guard holds (src/send-guard.js), and what the dialog says
// (ui/confirm.js, with the shipped English strings). The browsers run the same path end to end
// (lib/scenarios.mjs, lib/workflow-scenarios.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/scenarios.mjs';

const ext = (p) => import(pathToFileURL(join(ROOT, 'extension', p)).href);
const { sendRisk, NOT_DELIVERED_RULE } = await ext('ui/send-risk.js');
const { installSendGuard } = await ext('src/send-guard.js');
const { createConfirm } = await ext('ui/confirm.js');
const { makeTranslator } = await ext('ui/i18n.js');
const t = makeTranslator(JSON.parse(readFileSync(join(ROOT, 'extension', 'ui', 'messages.en.json'), 'utf8')));

/** A report as the analyzer returns it, reduced to what the send check reads. */
const report = (category, findings = []) => ({ category, findings: findings.map(([rule, severity]) => ({ rule, severity })) });

describe('send risk: what the confirmation asks about', () => {
  it('prohibited drafts, whatever else they hold', () => {
    assert.equal(sendRisk(report('prohibited', [['RV001', 'error']])), 'prohibited');
    assert.equal(sendRisk(report('prohibited', [['RV001', 'error'], [NOT_DELIVERED_RULE, 'error']])), 'prohibited');
  });
  it('drafts that will not be delivered: an OP002 error (the buyer opted out)', () => {
    assert.equal(NOT_DELIVERED_RULE, 'OP002');
    assert.equal(sendRisk(report('noncritical', [['OP002', 'error']])), 'undelivered');
    assert.equal(sendRisk(report('noncritical', [['MT001', 'info'], ['OP002', 'error']])), 'undelivered');
  });
  it('nothing else: allowed drafts, warnings, critical drafts', () => {
    assert.equal(sendRisk(report('noncritical')), null);
    assert.equal(sendRisk(report('noncritical', [['OI001', 'warning']])), null);
    assert.equal(sendRisk(report('critical')), null);
  });
});

// ---- the click guard, on a window made of plain objects ---------------------------------------

/** Stands in for the DOM's HTMLElement, which send-guard.js tests the clicked node against. */
class FakeElement {
  isConnected = true;
  clicks = 0;
  /** @type {((e: object) => void) | null} */
  onclick = null;
  click() {
    this.clicks++;
    this.onclick?.(clickOn(this));
  }
}
// Node has no DOM; each test file runs in a process of its own, so this stays here.
assert.equal(globalThis.HTMLElement, undefined, 'no DOM in Node');
globalThis.HTMLElement = /** @type {any} */ (FakeElement);

function clickOn(target) {
  return {
    button: 0,
    held: false,
    composedPath: () => [target],
    preventDefault() { this.held = true; },
    stopImmediatePropagation() {},
  };
}

/** A guard on a fake window with one Send button; `state` is what draftState() answers. */
function guardWith(state, answer) {
  /** @type {((e: any) => void)[]} */
  const listeners = [];
  const win = { addEventListener: (_type, fn) => listeners.push(fn), removeEventListener: () => listeners.pop() };
  const send = new FakeElement();
  const seen = { asked: 0, sent: 0 };
  // a click the guard lets through reaches the page: the window's listener sees the re-dispatch too
  send.onclick = (e) => listeners.forEach((l) => l(e));
  installSendGuard({
    win,
    form: { sendButtonIn: (path) => (path.includes(send) ? send : null) },
    enabled: () => true,
    confirm: async () => { seen.asked++; return answer; },
    draftState: () => state,
    onSent: () => { seen.sent++; },
  });
  const click = async () => {
    const e = clickOn(send);
    listeners.forEach((l) => l(e));
    await new Promise((r) => setTimeout(r, 0));
    return e;
  };
  return { send, seen, click };
}

describe('send guard: which clicks on Send wait for an answer', () => {
  it('an undelivered draft is held and asked about, like a prohibited one', async () => {
    for (const state of ['undelivered', 'prohibited', 'stale']) {
      const g = guardWith(state, false);
      const e = await g.click();
      assert.equal(e.held, true, `${state}: the page's own handlers must not see the click`);
      assert.equal(g.seen.asked, 1, `${state}: asked`);
      assert.equal(g.seen.sent, 0, `${state}: "Keep editing" sends nothing`);
    }
  });
  it('"Send anyway" sends it once, through the same button', async () => {
    const g = guardWith('undelivered', true);
    await g.click();
    assert.equal(g.send.clicks, 1, 'the click is re-dispatched once');
    assert.equal(g.seen.asked, 1, 'and not asked about again');
    assert.equal(g.seen.sent, 1);
  });
  it('an ordinary draft, or an unknown state, goes through untouched', async () => {
    for (const state of ['ok', 'unknown']) {
      const g = guardWith(state, false);
      const e = await g.click();
      assert.equal(e.held, false, state);
      assert.equal(g.seen.asked, 0, state);
      assert.equal(g.seen.sent, 1, state);
    }
  });
});

// ---- the dialog, in a document made of plain objects ------------------------------------------

function fakeDoc() {
  const make = (tag) => {
    const el = {
      tag, attrs: {}, children: [], textContent: '', className: '', hidden: false, focused: false,
      setAttribute(k, v) { this.attrs[k] = String(v); },
      getAttribute(k) { return this.attrs[k] ?? null; },
      append(...c) { this.children.push(...c); },
      replaceChildren(...c) { this.children = c; },
      focus() { this.focused = true; },
      get text() { return [this.textContent, ...this.children.map((c) => (typeof c === 'string' ? c : c.text))].join(' ').trim(); },
    };
    return el;
  };
  return { createElement: make };
}

describe('send confirmation: the dialog says why it asks', () => {
  const field = { focus() {} };
  it('will not be delivered, for a buyer who opted out', async () => {
    const c = createConfirm(fakeDoc(), t, field);
    const answer = c.ask(() => {}, 'undelivered');
    assert.equal(c.el.getAttribute('data-reason'), 'undelivered');
    assert.match(c.el.text, /will not be delivered/);
    assert.match(c.el.text, /opted out/);
    assert.doesNotMatch(c.el.text, /prohibited|block/i);
    c.finish(true);
    assert.equal(await answer, true);
    assert.equal(c.open, false);
  });
  it('blocked, for a prohibited draft (the default)', async () => {
    const c = createConfirm(fakeDoc(), t, field);
    const answer = c.ask(() => {});
    assert.equal(c.el.getAttribute('data-reason'), 'prohibited');
    assert.match(c.el.text, /block/);
    assert.doesNotMatch(c.el.text, /will not be delivered/);
    c.finish(false);
    assert.equal(await answer, false);
  });
});
