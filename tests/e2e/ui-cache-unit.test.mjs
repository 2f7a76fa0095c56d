// Fast checks without a browser for what the guard remembers between keystrokes: the page's contact
// reason (extension/ui/reasons-cache.js). Page facts: workflow-unit.test.mjs.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/scenarios.mjs';

const { cachedReasons } = await import(pathToFileURL(join(ROOT, 'extension', 'ui', 'reasons-cache.js')).href);

/** A form whose reason the test sets; counts the reads; `fire()` is the adapter's change event. */
function fakeReasons({ events = true } = {}) {
  const page = { label: 'Order information', critical: false, reads: 0, subscribed: 0, unsubscribed: 0 };
  /** @type {Array<() => void>} */
  const subs = [];
  const adapter = {
    current: () => { page.reads++; return { label: page.label, critical: page.critical }; },
    criticalLabel: () => 'Additional information required',
    selectCritical: () => { page.label = 'Additional information required'; page.critical = true; return true; },
    onChange: (cb) => {
      if (!events) throw new Error('this page has no change events');
      page.subscribed++;
      subs.push(cb);
      return () => { page.unsubscribed++; };
    },
  };
  return { page, adapter, fire: () => subs.forEach((cb) => cb()) };
}

describe('the contact reason between keystrokes', () => {
  it('is read once while nothing changes', () => {
    const f = fakeReasons();
    const r = cachedReasons(f.adapter, { now: () => 0 });
    for (let i = 0; i < 30; i++) assert.equal(r.current().label, 'Order information');
    assert.equal(f.page.reads, 1);
    assert.equal(f.page.subscribed, 1, 'one subscription to the page, however many listeners');
  });
  it('a change the adapter announces is read at once, and listeners hear of it', () => {
    const f = fakeReasons();
    const r = cachedReasons(f.adapter, { now: () => 0 });
    let heard = 0;
    r.onChange(() => { heard++; });
    r.current();
    f.page.label = 'Shipping inquiry';
    f.fire();
    assert.equal(heard, 1);
    assert.equal(r.current().label, 'Shipping inquiry');
  });
  it('a change nothing announces is seen once the answer is old', () => {
    let clock = 0;
    const f = fakeReasons();
    const r = cachedReasons(f.adapter, { now: () => clock, maxAgeMs: 1000 });
    r.current();
    f.page.label = 'Shipping inquiry';
    clock = 900;
    assert.equal(r.current().label, 'Order information');
    clock = 1100;
    assert.equal(r.current().label, 'Shipping inquiry');
  });
  it('selecting the critical reason, refresh() (forget) and a page without change events read afresh', () => {
    const f = fakeReasons();
    const r = cachedReasons(f.adapter, { now: () => 0 });
    r.current();
    assert.equal(r.selectCritical(), true);
    assert.equal(r.current().critical, true);
    f.page.label = 'Other';
    r.forget();
    assert.equal(r.current().label, 'Other');

    const quiet = fakeReasons({ events: false });
    const q = cachedReasons(quiet.adapter, { now: () => 0 });
    q.current();
    quiet.page.label = 'Other';
    assert.equal(q.current().label, 'Other', 'nothing would tell it of a change: never remembered');
  });
  it('stop() unsubscribes from the page and drops the listeners', () => {
    const f = fakeReasons();
    const r = cachedReasons(f.adapter, { now: () => 0 });
    let heard = 0;
    r.onChange(() => { heard++; });
    r.stop();
    f.fire();
    assert.equal(heard, 0);
    assert.equal(f.page.unsubscribed, 1);
  });
});
