// @ts-check
/// <reference types="node" />
/**
 * The shared guard on its own (fixtures/lab.html): a plain textarea with unusual text styles in a
 * scrolling container, the panel beside it, and a fake analyzer the tests steer (delays, failures).
 */

import assert from 'node:assert/strict';
import { waitFor } from './harness.mjs';
import { HELPERS, settledOn, typeInto, assertGeometry, click, shot } from './scenarios.mjs';

/** @typedef {import('./harness.mjs').Driver} Driver */

/** @param {Driver} d @param {string} [query] */
async function openLab(d, query = '') {
  await d.goto('fixtures/lab.html' + query);
  await waitFor(d, '() => document.documentElement.dataset.ready === "true"', { what: 'lab ready', timeout: 15_000 });
  await d.run(HELPERS);
  await waitFor(d, '() => __mgt.panel().dataset.state === "ready"', { what: 'guard ready' });
}

/** @type {Array<[string, (d: Driver) => Promise<void>]>} */
export const LAB_SCENARIOS = [
  ['lab: the draft is sent for analysis as the guard mounts, not at the first frame', async (d) => {
    await openLab(d);
    assert.equal(await d.run('() => __lab.callsAtMount'), 1, 'one analysis asked for before mountGuard returned');
  }],

  ['lab: unusual text styles, tabs, emoji and wrapped matches are measured right', async (d) => {
    await openLab(d);
    const text = 'a bad start\tmeh\t\thmm 🙂 then a long line that wraps around the edge of this box with bad words bad and meh again, '
      + 'more words to force wrapping: bad-ish? no, bad.\n\n   indented hmm line\nlast bad';
    await d.run('(t) => { __mgt.field().focus(); __mgt.insert(t); }', text);
    const s = await settledOn(d, text);
    assert.equal(s.verdict, 'prohibited');
    assert.ok(s.highlights.length >= 8, JSON.stringify(s.highlights));
    await d.run('() => { __mgt.field().scrollTop = 0; }');
    await assertGeometry(d, 'odd styles');
    await shot(d, 'lab');
  }],

  ['lab: a scrolling ancestor moves and clips the underlines', async (d) => {
    await openLab(d);
    const text = 'first line bad\nsecond meh\nthird hmm';
    await d.run('(t) => { __mgt.field().focus(); __mgt.insert(t); }', text);
    await settledOn(d, text);
    await assertGeometry(d, 'container at top');
    await d.run('() => { document.getElementById("scroller").scrollTop = 100; }');
    await assertGeometry(d, 'container scrolled');
    // the visible underline area never extends beyond the container's visible box
    const inside = await d.run(`() => {
      const c = __mgt.root().querySelector('[data-part=highlights]').getBoundingClientRect();
      const s = document.getElementById('scroller');
      const r = s.getBoundingClientRect();
      return c.top >= r.top + s.clientTop - 1 && c.bottom <= r.top + s.clientTop + s.clientHeight + 1;
    }`);
    assert.ok(inside, 'clipped to the scrolling container');
    await d.run('() => { document.getElementById("scroller").scrollTop = 0; window.scrollTo(0, 60); }');
    await assertGeometry(d, 'window scrolled');
  }],

  ['lab: the panel sits beside the field, or below it when there is no room', async (d) => {
    await openLab(d);
    await typeInto(d, 'bad');
    await settledOn(d, 'bad');
    const beside = await d.run(`() => {
      const p = __mgt.panel().getBoundingClientRect(); const f = __mgt.field().getBoundingClientRect();
      return { gap: p.left - f.right, top: p.top - f.top, width: p.width };
    }`);
    assert.ok(beside.gap >= 8 && beside.gap <= 16, `panel ${beside.gap}px right of the field`);
    assert.ok(Math.abs(beside.top) <= 1, 'aligned with the field top');
    await d.resize(720, 800);
    try {
      await d.run('() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      const below = await waitFor(d, `() => {
        const p = __mgt.panel().getBoundingClientRect(); const f = __mgt.field().getBoundingClientRect();
        return p.top >= f.bottom && p.right <= innerWidth + 1 && { top: p.top - f.bottom };
      }`, { what: 'panel below the field' });
      assert.ok(below.top <= 12);
    } finally {
      await d.resize(1280, 900);
    }
  }],

  ['lab: stale results are dropped (a slow first answer never overwrites a newer one)', async (d) => {
    await openLab(d);
    await d.run('() => { __lab.delays = [600, 0]; }');
    await d.run('() => { __mgt.field().focus(); __mgt.insert("bad"); }');
    await new Promise((r) => setTimeout(r, 60));
    await d.run('() => { __mgt.insert(" and fine"); }');
    // drop the "bad" finding by replacing the whole text quickly
    await d.run('() => { const f = __mgt.field(); f.setSelectionRange(0, f.value.length); __mgt.insert("engrave it"); }');
    await settledOn(d, 'engrave it');
    await new Promise((r) => setTimeout(r, 800));
    const s = /** @type {{verdict: string, highlights: unknown[]}} */ (await d.run('() => __mgt.state()'));
    assert.equal(s.verdict, 'critical', 'the slow answer for "bad" did not win');
    assert.equal(s.highlights.length, 0);
  }],

  ['lab: analyzer failure shows "unavailable", recovery shows results again, page untouched', async (d) => {
    await openLab(d);
    await d.run('() => { __lab.fail = true; }');
    await typeInto(d, 'bad');
    await waitFor(d, '() => __mgt.panel().dataset.state === "unavailable"', { what: 'unavailable' });
    assert.equal(await d.run('() => __mgt.visibleHighlights().length'), 0);
    assert.equal(await d.run('() => __mgt.field().value'), 'bad', 'typing still works');
    await d.run('() => { __lab.fail = false; }');
    await d.type(' meh');
    const s = await settledOn(d, 'bad meh');
    assert.equal(s.state, 'ready');
    assert.equal(s.highlights.length, 2);
    assert.deepEqual(await d.run('() => __lab.mutationLog'), [], 'no mutation of the page DOM outside the shadow root');
  }],

  ['lab: inside-match suggestion (~FROM~TO~), apply-subject through the adapter, confirmSend', async (d) => {
    await openLab(d);
    await typeInto(d, 'so meh today');
    await settledOn(d, 'so meh today');
    await click(d, '[data-part=highlight][data-rule=LB002] .seg', true);
    await waitFor(d, '() => __mgt.state().card === "LB002"', { what: 'card' });
    const label = await d.run('() => __mgt.root().querySelector("[data-action=apply-suggestion]").textContent');
    assert.match(label, /“e”.*“a”/);
    await click(d, '[data-part=card] [data-action=apply-suggestion]', true);
    await waitFor(d, '() => __mgt.field().value === "so mah today"', { what: 'only the inner part replaced' });
    await d.press('Undo');
    await waitFor(d, '() => __mgt.field().value === "so meh today"', { what: 'undo' });

    // confirmSend: not prohibited → true at once; prohibited → asks; "Keep editing" → false
    assert.equal(await d.run('() => __lab.guard.confirmSend()'), true);
    await d.run('() => { __mgt.focusEnd(); __mgt.insert(" bad"); }');
    await settledOn(d, 'so meh today bad');
    await d.run('() => { __lab.confirmResult = null; __lab.guard.confirmSend().then((v) => { __lab.confirmResult = v; }); }');
    await waitFor(d, '() => !__mgt.root().querySelector("[data-part=confirm]").hidden', { what: 'confirm shown' });
    await click(d, '[data-action=confirm-edit]', true);
    await waitFor(d, '() => __lab.confirmResult === false', { what: 'confirm resolved false' });

    // critical content: the adapter's selectCritical is what the button calls
    await d.run('() => { const f = __mgt.field(); f.setSelectionRange(0, f.value.length); __mgt.insert("please engrave the name"); }');
    const s = await settledOn(d, 'please engrave the name');
    assert.equal(s.advice, 'critical-reason');
    await click(d, '[data-action=apply-subject]', true);
    await waitFor(d, '() => __lab.criticalChosen && !__mgt.root().querySelector("[data-action=apply-subject]")', { what: 'critical chosen' });
  }],

  ['lab: destroy() removes everything it drew and stops reacting', async (d) => {
    await openLab(d);
    await typeInto(d, 'bad');
    await settledOn(d, 'bad');
    await d.run('() => __lab.guard.destroy()');
    const left = await d.run('() => __mgt.root().querySelectorAll("[data-guard], [data-part]").length');
    assert.equal(left, 0);
    const calls = await d.run('() => __lab.calls');
    await d.type(' more bad');
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(await d.run('() => __lab.calls'), calls, 'no analysis after destroy');
    assert.equal(await d.run('() => __mgt.field().value'), 'bad more bad');
  }],
];
