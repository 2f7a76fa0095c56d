// @ts-check
/// <reference types="node" />
/**
 * The test page and the shared guard in Debian Chromium (playwright-core, headless).
 * Run: node --test tests/www/   (after ./build.sh, or with dist/pkg built)
 */

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, launchChromium, waitFor } from './harness.mjs';
import { LAB_SCENARIOS } from './lab-scenarios.mjs';
import { SCENARIOS, open, settledOn, typeInto, HELPERS } from './scenarios.mjs';

/** @typedef {import('./harness.mjs').Driver} Driver */

ensureBuilt();

describe('test page in Chromium', { timeout: 240_000 }, () => {
  /** @type {Driver} */
  let d;
  before(async () => { d = await launchChromium(); });
  after(async () => { await d?.close(); });

  for (const [name, fn] of [...SCENARIOS, ...LAB_SCENARIOS]) {
    test(name, { timeout: 45_000 }, async () => { await fn(d); });
  }

  test('IME: nothing is re-checked while composing, once on compositionend', { timeout: 30_000 }, async () => {
    await open(d);
    const page = /** @type {import('playwright-core').Page} */ (d.extra.page);
    await typeInto(d, 'Hello Ann ');
    await settledOn(d, 'Hello Ann ');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '★★', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '★★★★★', selectionStart: 5, selectionEnd: 5 });
    await page.waitForTimeout(250);
    const during = await d.run('() => ({ value: __mgt.field().value, verdict: __mgt.state().verdict, settled: __mgt.state().settled })');
    assert.equal(during.value, 'Hello Ann ★★★★★', 'composition text is in the field');
    assert.notEqual(during.verdict, 'prohibited', 'not checked mid-composition');
    await cdp.send('Input.insertText', { text: '★★★★★' });
    const s = await settledOn(d, 'Hello Ann ★★★★★');
    assert.equal(s.verdict, 'prohibited');
    await cdp.detach();
  });

  test('checker unavailable: the panel says so and the page keeps working', { timeout: 30_000 }, async () => {
    const page = /** @type {import('playwright-core').Page} */ (d.extra.page);
    await page.route('**/pkg/msgguard_bg.wasm', (route) => route.abort());
    try {
      await d.goto('index.html');
      await waitFor(d, '() => document.documentElement.dataset.ready === "error"', { what: 'engine failed' });
      await d.run(HELPERS);
      await waitFor(d, '() => __mgt.panel().dataset.state === "unavailable"', { what: 'unavailable state' });
      await typeInto(d, 'Still typing fine.');
      const v = await d.run('() => __mgt.field().value');
      assert.equal(v, 'Still typing fine.');
      assert.equal(await d.run('() => __mgt.visibleHighlights().length'), 0);
      assert.match(await d.run('() => __mgt.panel().textContent'), /unavailable/i);
    } finally {
      await page.unroute('**/pkg/msgguard_bg.wasm');
    }
  });

  test('no request leaves the local server', () => {
    assert.deepEqual(d.extra.offsite, []);
    assert.deepEqual(d.extra.errors, [], 'no uncaught page errors');
  });
});
