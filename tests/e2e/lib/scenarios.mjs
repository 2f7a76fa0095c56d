// The end-to-end checks, shared by both browsers (chromium.test.mjs, firefox.test.mjs). Each browser
// gets one session with the packaged extension (dist/chrome or dist/firefox, unchanged), the fixture
// server and the logging proxy; the tests run in order in that session.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIXTURE_HOSTS, fixtureUrl } from '../fixtures/pages.mjs';
import { pageOp } from './page.mjs';
import { closeSession, openSession } from './session.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'target', 'artifacts', 'e2e');
const VIEWPORT = { width: 1280, height: 900 };
const TOLERANCE = 3; // px

export const DRAFTS = {
  prohibited: 'Hi Jordan, thanks for your order!\nPlease leave a 5-star review if you love the mug.\nQuestions? Write to jordan.shop@example.com',
  critical: 'Which font would you like for the engraving on your mug?',
  noncritical: 'Your order has shipped and should arrive on Friday.',
  thanks: 'Thanks for your order.',
  review: 'Please leave a 5-star review.',
};

/** @typedef {import('./driver.mjs').Driver} Driver */

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls the page until `pred(state)` holds; fails with the last state after `timeout` ms.
 * @param {Driver} d
 * @param {(s: any) => boolean} pred
 * @param {string} what
 */
export async function waitState(d, pred, what, timeout = 8000) {
  const end = Date.now() + timeout;
  let s;
  for (;;) {
    s = await d.evaluate(pageOp, { op: 'state' });
    // null: geckodriver ran the script while the page was being replaced
    if (s && pred(s)) return s;
    if (Date.now() > end) break;
    await sleep(60);
  }
  assert.fail(`timed out waiting for ${what}; last state: ${JSON.stringify({ ...s, highlights: s?.highlights?.length })}`);
}

/** @param {Driver} d @param {any} arg */
const op = (d, arg) => d.evaluate(pageOp, arg);

/** A real click on an element of the extension's shadow root. @param {Driver} d @param {string} selector */
async function clickUi(d, selector) {
  const p = await op(d, { op: 'target', selector });
  assert.ok(p, `${selector} is not visible`);
  await d.click(p.x, p.y);
}

/** @param {Driver} d @param {string} selector @param {string} [shadow] */
async function clickPage(d, selector, shadow) {
  const p = await op(d, { op: 'page-target', selector, shadow });
  assert.ok(p, `${selector} not found`);
  await d.click(p.x, p.y);
}

/**
 * Clicks the middle of a finding's underlined text (the guard opens its card). Waits for the layout of
 * the latest report first: the underline of a report still being laid out is not clickable yet.
 * @param {Driver} d @param {string} rule
 */
async function clickHighlight(d, rule) {
  await waitState(d, (x) => x.highlights.some((h) => h.rule === rule), `the ${rule} underline`);
  await op(d, { op: 'frames' });
  const s = await op(d, { op: 'state' });
  const h = s.highlights.find((x) => x.rule === rule);
  await d.click((h.rect.left + h.rect.right) / 2, (h.rect.top + h.rect.bottom) / 2);
}

/** Focuses the field with a real click, empties it with the keyboard, types `text`. @param {Driver} d @param {string} text */
async function typeDraft(d, text) {
  const r = await op(d, { op: 'field-rect' });
  assert.ok(r, 'no message field');
  await d.click(r.left + r.width - 30, r.top + r.height - 12);
  await d.press('Control+a');
  await d.press('Backspace');
  await d.type(text);
  await waitState(d, (s) => s.value === text, 'the typed text in the field');
}

/** @param {Driver} d @param {string} verdict */
async function waitVerdict(d, verdict) {
  return waitState(d, (s) => s.state === 'ready' && s.verdict === verdict, `verdict ${verdict}`);
}

/**
 * Every visible underline lies over its text (compared with an independent measurement).
 * @param {Driver} d
 * @param {string} where
 */
async function assertBoxesOverText(d, where) {
  await op(d, { op: 'frames' });
  await op(d, { op: 'frames' });
  const s = await op(d, { op: 'state' });
  assert.ok(s.highlights.length > 0, `${where}: no underlines`);
  for (const h of s.highlights) {
    const e = await op(d, { op: 'expected-rect', start: h.start, end: h.end });
    const b = h.rect;
    const msg = `${where}: ${h.rule} [${h.start},${h.end}) box ${JSON.stringify(b)} vs text ${JSON.stringify(e)}`;
    assert.ok(Math.abs(b.left - e.left) <= TOLERANCE, `${msg}: left`);
    assert.ok(Math.abs(b.right - e.right) <= TOLERANCE, `${msg}: right`);
    const cy = (b.top + b.bottom) / 2;
    assert.ok(cy >= e.top - 1 && cy <= e.bottom + 1, `${msg}: vertical center outside the line`);
    assert.ok(b.top >= e.top - TOLERANCE && b.bottom <= e.bottom + TOLERANCE, `${msg}: taller than the line`);
  }
  return s;
}

/**
 * @param {'chromium' | 'firefox'} name
 * @param {(o: {extDir: string, hosts: string[], port: number, proxyPort: number, viewport: typeof VIEWPORT}) => Promise<Driver>} launch
 * @param {{extDir: string, serverPort: number, strictPath: 'background' | 'local', skip?: string | false}} o
 */
export function defineSuite(name, launch, o) {
  describe(`${name}: packaged extension on the fixture pages`, { skip: o.skip || false, timeout: 240_000 }, () => {
    /** @type {Driver} */
    let d;
    /** @type {import('./session.mjs').Session['server']} */
    let server;
    /** @type {import('./session.mjs').Session['proxy']} */
    let proxy;

    before(async () => {
      ({ d, server, proxy } = await openSession(launch, { ...o, viewport: VIEWPORT, artifacts: ARTIFACTS }));
    }, { timeout: 60_000 });

    after(() => closeSession({ d, server, proxy }), { timeout: 30_000 });

    it('Katal form: the page DOM outside msgguard-root is untouched while checking', { timeout: 30_000 }, async () => {
      // a taller window for this one: the card fits under the text in the screenshot
      await d.setViewport(VIEWPORT.width, 1060);
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.form === 'katal' && s.state === 'ready', 'the guard on the Katal form');
      await typeDraft(d, DRAFTS.prohibited);
      await waitVerdict(d, 'prohibited');
      await waitState(d, (x) => x.highlights.length >= 2, 'underlines');
      // open a card by clicking the underlined text
      await clickHighlight(d, 'RV001');
      await waitState(d, (x) => x.card, 'the card');
      const changed = await op(d, { op: 'dom-changed' });
      assert.equal(changed, null, `the page DOM changed: ${JSON.stringify(changed)}`);
      assert.equal((await op(d, { op: 'state' })).hosts, 1, 'exactly one msgguard-root');
      await d.screenshot(join(ARTIFACTS, `${name}-katal.png`));
      // the README picture (docs/screenshots/extension.png is a copy of a good one)
      if (name === 'chromium') await d.screenshot(join(ARTIFACTS, 'extension-readme.png'), { x: 0, y: 0, width: 1064, height: 912 });
      await d.setViewport(VIEWPORT.width, VIEWPORT.height);
    });

    it('Katal form: verdicts for prohibited, critical and non-critical drafts', { timeout: 30_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      const s0 = await waitState(d, (s) => s.form === 'katal' && s.state === 'ready', 'the guard');
      if (name === 'chromium') assert.equal(s0.analyzer, 'local', 'no page CSP: the analyzer runs in the content script');
      await typeDraft(d, DRAFTS.prohibited);
      const p = await waitVerdict(d, 'prohibited');
      assert.equal(p.advice, 'fix-first');
      await typeDraft(d, DRAFTS.critical);
      const c = await waitVerdict(d, 'critical');
      assert.equal(c.advice, 'critical-reason');
      assert.ok(c.applySubject, 'an apply-subject button for critical content');
      await typeDraft(d, DRAFTS.noncritical);
      const n = await waitVerdict(d, 'noncritical');
      assert.equal(n.advice, 'normal-reason');
      // the page's performance timeline keeps every entry for the page's life: the extension writes only
      // its two load times, its content script's first run and its first report, nothing per keystroke
      // (profiling marks left behind would pile up)
      const measures = await op(d, { op: 'measures' });
      assert.deepEqual(measures.filter((m) => !/^msgguard:(analyzer-(ready|load):|content-script-run$|first-report$)/.test(m)), [], `the page's measures: ${measures.join(', ')}`);
      assert.ok(measures.length <= 4, `each once: ${measures.join(', ')}`);
    });

    it('Katal form: underlines lie over the text and follow scrolling and resizing', { timeout: 40_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.state === 'ready', 'the guard');
      await typeDraft(d, DRAFTS.prohibited);
      await waitVerdict(d, 'prohibited');
      await waitState(d, (s) => s.highlights.length >= 2, 'underlines');
      await assertBoxesOverText(d, 'typed');
      // long text: the field scrolls; the e-mail underline is on line 3 and stays in view
      await op(d, { op: 'insert-text', text: '\n' + Array.from({ length: 14 }, (_, i) => `Line ${i + 4} of a longer note about the order.`).join('\n') });
      await waitState(d, (s) => s.highlights.length >= 2 && s.value.includes('Line 17'), 'the longer text analyzed');
      await op(d, { op: 'scroll-field', top: 30 });
      await assertBoxesOverText(d, 'field scrolled');
      await op(d, { op: 'scroll-field', top: 0 });
      await op(d, { op: 'scroll-window', y: 90 });
      await assertBoxesOverText(d, 'window scrolled');
      await op(d, { op: 'scroll-window', y: 0 });
      await d.setViewport(1000, 760);
      await assertBoxesOverText(d, 'window resized');
      await d.setViewport(VIEWPORT.width, VIEWPORT.height);
      await op(d, { op: 'resize-field', height: 300 });
      await assertBoxesOverText(d, 'field resized');
      // astral characters (emoji) before and between the findings: UTF-16 offsets all the way
      await typeDraft(d, 'x');
      await op(d, { op: 'insert-text', text: ' 🎁 Thanks 😀! Please leave a 5-star 🌟 review at shop@example.com' });
      await waitState(d, (s) => s.highlights.some((h) => h.rule === 'CT004') && s.value.includes('🌟'), 'findings after emoji');
      const s = await assertBoxesOverText(d, 'emoji');
      for (const h of s.highlights) {
        const text = (await op(d, { op: 'state' })).value.slice(h.start, h.end);
        assert.ok(!/\uFFFD/.test(text) && text.length === h.end - h.start, `${h.rule}: ${text}`);
      }
      assert.equal(s.value.slice(s.highlights.find((h) => h.rule === 'CT004').start).replace(/@.*/, ''), 'shop');
    });

    it('Katal form: a long draft (measured in chunks, over 100 findings) has its underlines over the text', { timeout: 60_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.state === 'ready', 'the guard');
      await typeDraft(d, 'x');
      // 30,000 characters on short lines (expected-rect needs unwrapped lines): past the length
      // measured at once, several chunks; 150 e-mail findings, more than are drawn all at once
      const lines = Array.from({ length: 750 }, (_, i) => (i % 5 === 4 ? `Line ${i}: write to shop${i}@example.com` : `Line ${i} of a longer note about the order.`));
      await op(d, { op: 'insert-text', text: '\n' + lines.join('\n') });
      await waitState(d, (s) => s.value.length > 30_000 && s.highlights.length > 0, 'the long draft analyzed and measured', 30_000);
      for (const top of [0, 6_000, 1e6]) {
        await op(d, { op: 'scroll-field', top });
        const s = await assertBoxesOverText(d, `long draft scrolled to ${top}`);
        assert.ok(s.highlights.length < 150, `only the underlines near the visible part are drawn (${s.highlights.length})`);
      }
      const last = (await op(d, { op: 'state' })).highlights.map((h) => h.start);
      assert.ok(Math.max(...last) > 29_000, 'the last lines have their underlines after scrolling down');
    });

    it('Katal form: a pasted draft of 160,000 characters is analyzed in the worker, with the same findings', { timeout: 60_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      const s0 = await waitState(d, (s) => s.state === 'ready', 'the guard');
      assert.equal(s0.offThread, 'idle', 'no worker before a long draft');
      const line = 'Your order shipped today and should arrive within three business days.\n';
      const body = line.repeat(Math.ceil(160_000 / line.length));
      const tail = 'For anything else, write to shop@example.com';
      const length = await op(d, { op: 'paste-value', text: body + tail });
      const s = await waitState(d, (x) => x.shownLength === length && x.verdict === 'prohibited', 'the verdict of the pasted draft', 20_000);
      assert.equal(s.offThread, 'running', 'the long draft went to the worker');
      // the worker's report is drawn like any other: the e-mail's underline where the e-mail is
      await op(d, { op: 'scroll-field', top: 1e7 });
      const at = body.length + tail.indexOf('shop@');
      const u = await waitState(d, (x) => x.highlights.some((h) => h.rule === 'CT004'), 'the e-mail underlined at the end', 20_000);
      const h = u.highlights.find((x) => x.rule === 'CT004');
      assert.deepEqual([h.start, h.end], [at, at + 'shop@example.com'.length]);
      // an edit after it: analyzed again (in the worker), the verdict follows the text
      await op(d, { op: 'paste-value', text: '\nThanks!' });
      await waitState(d, (x) => x.shownLength === length + 8 && x.verdict === 'prohibited' && x.offThread === 'running', 'the edited draft analyzed', 20_000);
    });

    it('Katal form: apply-suggestion changes the text, Ctrl+Z restores it', { timeout: 30_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.state === 'ready', 'the guard');
      await typeDraft(d, DRAFTS.review);
      await clickHighlight(d, 'RV001');
      const c = await waitState(d, (x) => x.card && x.suggestions.length > 0, 'the card with a suggestion');
      assert.ok(c.suggestions.length >= 1);
      await clickUi(d, '[data-part="card"] [data-action="apply-suggestion"]');
      const applied = await waitState(d, (x) => x.value !== DRAFTS.review, 'the suggestion applied');
      assert.ok(!applied.value.includes('5-star'), `suggestion applied: ${applied.value}`);
      const r = await op(d, { op: 'field-rect' });
      await d.click(r.left + r.width - 30, r.top + r.height - 12);
      await d.press('Control+z');
      await waitState(d, (x) => x.value === DRAFTS.review, 'Ctrl+Z restoring the draft');
    });

    it('Katal form: apply-subject selects the critical reason; misused-reason warning', { timeout: 30_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.state === 'ready', 'the guard');
      await typeDraft(d, DRAFTS.critical);
      await waitState(d, (s) => s.verdict === 'critical' && s.applySubject, 'the apply-subject button');
      assert.equal(await op(d, { op: 'reason' }), null);
      await clickUi(d, '[data-action="apply-subject"]');
      await waitState(d, (s) => !s.applySubject, 'the advice after selecting');
      assert.equal(await op(d, { op: 'reason' }), 'Additional Information Required');
      await typeDraft(d, DRAFTS.thanks);
      await waitState(d, (s) => s.advice === 'misused-critical-reason', 'the misused-reason warning');
      await d.screenshot(join(ARTIFACTS, `${name}-katal-misused.png`));
    });

    it('Katal form: Send with errors asks once; "send anyway" sends, "edit" keeps the draft', { timeout: 30_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.state === 'ready', 'the guard');
      await typeDraft(d, DRAFTS.prohibited);
      await waitVerdict(d, 'prohibited');
      await clickPage(d, 'kat-button.ayb-contact-form-send-button', 'button');
      await waitState(d, (s) => s.confirm, 'the send confirmation');
      assert.equal((await op(d, { op: 'state' })).sent, 0, 'nothing sent while asking');
      await clickUi(d, '[data-action="confirm-edit"]');
      const kept = await waitState(d, (s) => !s.confirm, 'the confirmation closed');
      assert.equal(kept.sent, 0);
      assert.equal(kept.value, DRAFTS.prohibited, 'the draft is kept');
      await clickPage(d, 'kat-button.ayb-contact-form-send-button', 'button');
      await waitState(d, (s) => s.confirm, 'the send confirmation again');
      await clickUi(d, '[data-action="confirm-send"]');
      await waitState(d, (s) => s.sent === 1, 'the message sent by the page');
      const sent = await op(d, { op: 'sent' });
      assert.equal(sent[0].text, DRAFTS.prohibited);
      // a clean draft goes straight through
      await typeDraft(d, DRAFTS.noncritical);
      await waitVerdict(d, 'noncritical');
      await clickPage(d, 'kat-button.ayb-contact-form-send-button', 'button');
      const s2 = await waitState(d, (s) => s.sent === 2, 'a clean draft sent without asking');
      assert.equal(s2.confirm, false);
    });

    it('older form (German page): subject select, verdicts, underlines, apply-subject, send', { timeout: 30_000 }, async () => {
      await d.goto(fixtureUrl('legacy'));
      await waitState(d, (s) => s.form === 'legacy' && s.state === 'ready', 'the guard on the older form');
      await typeDraft(d, DRAFTS.prohibited);
      await waitVerdict(d, 'prohibited');
      await waitState(d, (s) => s.highlights.length >= 2, 'underlines');
      await assertBoxesOverText(d, 'older form');
      await d.screenshot(join(ARTIFACTS, `${name}-legacy.png`));
      await typeDraft(d, DRAFTS.critical);
      await waitState(d, (s) => s.verdict === 'critical' && s.applySubject, 'apply-subject');
      await clickUi(d, '[data-action="apply-subject"]');
      await waitState(d, (s) => !s.applySubject, 'the advice after selecting');
      assert.equal(await op(d, { op: 'reason' }), 'Zusätzliche Informationen erforderlich');
      await typeDraft(d, DRAFTS.thanks);
      await waitState(d, (s) => s.advice === 'misused-critical-reason', 'the misused-reason warning');
      await typeDraft(d, DRAFTS.review);
      await waitVerdict(d, 'prohibited');
      await clickPage(d, 'input[type=submit]');
      await waitState(d, (s) => s.confirm, 'the send confirmation');
      await clickUi(d, '[data-action="confirm-send"]');
      await waitState(d, (s) => s.sent === 1, 'the form submitted');
    });

    it(`strict page CSP (no wasm-unsafe-eval): the ${o.strictPath} analyzer works`, { timeout: 30_000 }, async () => {
      await d.goto(fixtureUrl('strict'));
      const s = await waitState(d, (x) => x.form === 'katal' && x.state === 'ready' && x.analyzer !== 'loading', 'the guard on the strict-CSP page');
      assert.equal(s.analyzer, o.strictPath);
      await typeDraft(d, DRAFTS.prohibited);
      await waitVerdict(d, 'prohibited');
      await waitState(d, (x) => x.highlights.length >= 2, 'underlines');
      await assertBoxesOverText(d, 'strict CSP');
      if (o.strictPath === 'background' && d.stopServiceWorkers && d.serviceWorkers) {
        // Chromium stops an idle service worker (after 30 s), which closes the content script's port.
        // The field's focus opens a new one, which starts the worker again before the first key (it
        // would wait 80-130 ms for it here); a key typed first would open it too.
        const running = async () => (await d.serviceWorkers()).length;
        assert.equal(await running(), 1, 'the background is running');
        await d.click(5, 5); // out of the field
        await d.stopServiceWorkers();
        for (let i = 0; i < 50 && (await running()); i++) await sleep(100);
        assert.equal(await running(), 0, 'the background was stopped');
        const r = await op(d, { op: 'field-rect' });
        await d.click(r.left + r.width - 30, r.top + r.height - 12);
        for (let i = 0; i < 50 && !(await running()); i++) await sleep(100);
        assert.equal(await running(), 1, 'the field\'s focus started the background again');
      }
      await typeDraft(d, DRAFTS.critical);
      await waitVerdict(d, 'critical');
      await d.screenshot(join(ARTIFACTS, `${name}-strict.png`));
    });

    it('single-page app: attaches late, re-attaches after pushState and popstate, no leftovers', { timeout: 40_000 }, async () => {
      await d.goto(fixtureUrl('spa'));
      const s0 = await op(d, { op: 'state' });
      if (s0.value === null) assert.ok(s0.form === null || s0.form === 'none', 'nothing attached before the app renders');
      const s1 = await waitState(d, (s) => s.form === 'plain' && s.state === 'ready', 'the guard on the inbox reply box');
      await typeDraft(d, DRAFTS.review);
      await waitVerdict(d, 'prohibited');
      await assertBoxesOverText(d, 'inbox reply');
      // another thread: the app swaps the reply box (pushState)
      await clickPage(d, 'button[data-thread="2"]');
      const s2 = await waitState(d, (s) => s.url.endsWith('thread=2') && s.attachments === s1.attachments + 1 && s.value === '', 'the guard on the new reply box');
      assert.equal(s2.verdict, 'empty');
      await typeDraft(d, DRAFTS.prohibited);
      await waitVerdict(d, 'prohibited');
      await assertBoxesOverText(d, 'swapped reply box');
      // into the Katal contact form, then back (popstate)
      await op(d, { op: 'spa-navigate', path: '/messaging/contact?orderID=702-3333333-4444444&marketplaceID=A2EUQ1WTGCTBG2' });
      const s3 = await waitState(d, (s) => s.form === 'katal' && s.attachments === s2.attachments + 1, 'the guard on the Katal form');
      await typeDraft(d, DRAFTS.critical);
      await waitVerdict(d, 'critical');
      await op(d, { op: 'history-back' });
      const s4 = await waitState(d, (s) => s.form === 'plain' && s.attachments === s3.attachments + 1 && s.url.endsWith('thread=2'), 'the guard after going back');
      assert.equal(s4.hosts, 1, 'one msgguard-root');
      assert.equal(s4.panels, 1, 'one panel: the old guards were destroyed');
      await d.screenshot(join(ARTIFACTS, `${name}-spa.png`));
    });

    it('the card links to the packaged rule reference', { timeout: 30_000 }, async () => {
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.state === 'ready', 'the guard');
      await typeDraft(d, DRAFTS.review);
      await clickHighlight(d, 'RV001');
      const s = await waitState(d, (x) => x.card && !!x.ruleLink, 'the card');
      assert.equal(s.ruleLink, `${d.extensionOrigin}/reference.html#rv001`);
      await d.goto(s.ruleLink);
      const rule = await op(d, { op: 'query', selector: '#rv001 h3' });
      assert.ok(rule && rule.text.includes('RV001'), `reference entry: ${JSON.stringify(rule)}`);
    });

    /** Sets a checkbox of the options page with a real click. @param {string} id @param {boolean} want */
    async function setOption(id, want) {
      await d.goto(`${d.extensionOrigin}/options/options.html`);
      const end = Date.now() + 5000;
      let box;
      while (Date.now() < end && (!(box = await op(d, { op: 'query', selector: `#${id}` })) || box.disabled)) await sleep(50);
      assert.ok(box && !box.disabled, 'the settings load');
      if (box.checked !== want) {
        await clickPage(d, `#${id}`);
        const t0 = Date.now();
        while (Date.now() - t0 < 5000 && !(await op(d, { op: 'query', selector: '#status' }))?.text) await sleep(50);
      }
      assert.equal((await op(d, { op: 'query', selector: `#${id}` })).checked, want);
    }

    it('the options page turns the send confirmation off (and on again)', { timeout: 30_000 }, async () => {
      await setOption('confirmSend', false);
      await d.goto(fixtureUrl('katal'));
      await waitState(d, (s) => s.state === 'ready', 'the guard');
      await typeDraft(d, DRAFTS.prohibited);
      await waitVerdict(d, 'prohibited');
      await clickPage(d, 'kat-button.ayb-contact-form-send-button', 'button');
      const s = await waitState(d, (x) => x.sent === 1, 'sent without asking');
      assert.equal(s.confirm, false);
      await setOption('confirmSend', true);
    });

    it('the background analyzer (forced by the setting) checks as the content-script one does', { timeout: 40_000 }, async () => {
      await setOption('analyzerBackground', true);
      try {
        await d.goto(fixtureUrl('katal'));
        const s = await waitState(d, (x) => x.state === 'ready' && x.analyzer !== 'loading', 'the guard');
        assert.equal(s.analyzer, 'background');
        await typeDraft(d, DRAFTS.prohibited);
        await waitVerdict(d, 'prohibited');
        await waitState(d, (x) => x.highlights.length >= 2, 'underlines');
        await assertBoxesOverText(d, 'background analyzer');
        await typeDraft(d, DRAFTS.critical);
        await waitVerdict(d, 'critical');
        await typeDraft(d, DRAFTS.noncritical);
        await waitVerdict(d, 'noncritical');
      } finally {
        await setOption('analyzerBackground', false);
      }
      await d.goto(fixtureUrl('katal'));
      const back = await waitState(d, (x) => x.state === 'ready' && x.analyzer !== 'loading', 'the guard');
      assert.equal(back.analyzer, 'local');
    });

    it('does nothing on Seller Central pages other than messaging', { timeout: 20_000 }, async () => {
      await d.goto(`https://${FIXTURE_HOSTS[0]}/orders-v3/order/112-4477002-9012345`);
      await sleep(1500);
      const s = await op(d, { op: 'state' });
      assert.equal(s.hosts, 0, 'no msgguard-root');
      assert.equal(await op(d, { op: 'dom-changed' }), null);
    });

    it('no request left for any host but the fixtures\'', { timeout: 10_000 }, async () => {
      assert.deepEqual(proxy.log, [], `requests to other hosts: ${proxy.log.join(', ')}`);
      const hosts = new Set(server.requests.map((r) => r.host));
      for (const h of hosts) assert.ok(FIXTURE_HOSTS.includes(h), `unexpected host ${h}`);
    });
  });
}
