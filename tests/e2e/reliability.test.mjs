// Reliability and privacy of the packaged extension in real Chromium and Firefox (issue #6):
//
// - fail-open: copies of the package with the wasm module missing, the wasm module corrupt, or the
//   analyzer throwing on every draft (lib/broken.mjs; dist/ itself is never changed and nothing of this
//   ships): the panel says the checker is unavailable, typing reaches the field untouched, the page's
//   DOM is untouched and Send sends the draft at once, exactly as without the extension; and a copy
//   whose worker for long drafts fails at its start: long drafts are analyzed on the page's thread;
// - drafts are never changed by the extension: a seeded random session of edits (lib/random-edits.mjs)
//   checks the field's value against a model after every edit;
// - privacy: the whole session (typing, pasting, suggestions, undo, the options page, the rule
//   reference) goes through the logging proxy (lib/proxy.mjs), which must see no request at all.
//
//   flock /tmp/msgguard-browsers.lock node --test tests/e2e/reliability.test.mjs
//   MSGGUARD_EDIT_SEED=123 replays a random session; MSGGUARD_EDITS_CHROMIUM / _FIREFOX set its length;
//   MSGGUARD_BROWSER=chromium (or firefox) runs one browser only.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_HOSTS, fixtureUrl } from './fixtures/pages.mjs';
import { BREAKAGES, brokenCopy } from './lib/broken.mjs';
import { CHROMIUM, launchChromium } from './lib/chromium.mjs';
import { FIREFOX, GECKODRIVER, launchFirefox } from './lib/firefox.mjs';
import { pageOp } from './lib/page.mjs';
import { startLoggingProxy } from './lib/proxy.mjs';
import { randomEdits } from './lib/random-edits.mjs';
import { ROOT, waitState } from './lib/scenarios.mjs';
import { startFixtureServer } from './lib/server.mjs';

const VIEWPORT = { width: 1280, height: 900 };
const DRAFT = 'Hi Jordan, thanks for your order!\nPlease leave a 5-star review at www.myshop.com 😀';
const SEED = Number(process.env.MSGGUARD_EDIT_SEED ?? Math.floor(Math.random() * 2 ** 31));

const BROWSERS = [
  {
    name: 'chromium',
    launch: launchChromium,
    extDir: join(ROOT, 'dist', 'chrome'),
    serverPort: 0,
    edits: Number(process.env.MSGGUARD_EDITS_CHROMIUM ?? 1000),
    skip: !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} is not installed` : false,
  },
  {
    name: 'firefox',
    launch: launchFirefox,
    extDir: join(ROOT, 'dist', 'firefox'),
    serverPort: 443, // the fixture hosts resolve to loopback: see README.md
    edits: Number(process.env.MSGGUARD_EDITS_FIREFOX ?? 1000),
    skip: !process.env.CI && (!existsSync(FIREFOX) ? `${FIREFOX} is not installed` : !existsSync(GECKODRIVER) ? 'geckodriver is not installed' : false),
  },
];

/** @param {import('./lib/driver.mjs').Driver} d @param {any} arg */
const op = (d, arg) => d.evaluate(pageOp, arg);

/** Focuses the field with a real click and types `text` with real keys. */
async function typeInto(d, text) {
  const r = await op(d, { op: 'field-rect' });
  assert.ok(r, 'no message field');
  await d.click(r.left + r.width - 30, r.top + r.height - 12);
  await d.type(text);
}

const ONLY = process.env.MSGGUARD_BROWSER;
for (const b of BROWSERS) {
  const skip = b.skip || (ONLY && ONLY !== b.name ? `MSGGUARD_BROWSER=${ONLY}` : false);
  describe(`${b.name}: reliability and privacy`, { skip, timeout: 900_000 }, () => {
    /** @type {Awaited<ReturnType<typeof startFixtureServer>>} */
    let server;
    /** @type {Awaited<ReturnType<typeof startLoggingProxy>>} */
    let proxy;
    before(async () => {
      assert.ok(existsSync(join(b.extDir, 'manifest.json')), `${b.extDir} is missing: run ./build.sh build first`);
      server = await startFixtureServer({ port: b.serverPort });
      proxy = await startLoggingProxy();
    });
    after(async () => {
      await server?.close();
      await proxy?.close();
    });
    const launch = (extDir) => b.launch({ extDir, hosts: FIXTURE_HOSTS, port: server.port, proxyPort: proxy.port, viewport: VIEWPORT });

    for (const [how, { what }] of Object.entries(BREAKAGES)) {
      it(`fails open when ${what}: "unavailable", the draft and the page untouched, Send sends`, { timeout: 90_000 }, async () => {
        const copy = brokenCopy(b.extDir, /** @type {keyof typeof BREAKAGES} */ (how));
        const d = await launch(copy.dir);
        try {
          await d.goto(fixtureUrl('katal'));
          await typeInto(d, DRAFT);
          const s = await waitState(d, (x) => x.state === 'unavailable' && x.value === DRAFT, 'the panel saying the checker is unavailable', 15_000);
          assert.equal(s.highlights.length, 0, 'no underlines from a checker that does not work');
          assert.equal(s.confirm, false);
          assert.equal(await op(d, { op: 'dom-changed' }), null, 'the page DOM outside msgguard-root is untouched');
          // Send: the page's own handler runs at once, with the draft as typed.
          const send = await op(d, { op: 'page-target', selector: 'kat-button.ayb-contact-form-send-button', shadow: 'button' });
          await d.click(send.x, send.y);
          const sent = await waitState(d, (x) => x.sent === 1, 'the page sending the message', 5000);
          assert.equal(sent.confirm, false, 'no confirmation when the checker is unavailable');
          assert.deepEqual((await op(d, { op: 'sent' })).map((m) => m.text), [DRAFT]);
        } finally {
          await d.close();
          copy.remove();
        }
      });
    }

    it('when the worker for long drafts cannot start, a long draft is analyzed on the page\'s thread', { timeout: 90_000 }, async () => {
      const copy = brokenCopy(b.extDir, 'worker-fails');
      const d = await launch(copy.dir);
      try {
        await d.goto(fixtureUrl('katal'));
        await waitState(d, (x) => x.state === 'ready', 'the guard', 15_000);
        const line = 'Your order shipped today and should arrive within three business days.\n';
        const text = line.repeat(Math.ceil(150_000 / line.length)) + 'For anything else, write to shop@example.com';
        const length = await op(d, { op: 'paste-value', text });
        const s = await waitState(d, (x) => x.shownLength === length && x.verdict === 'prohibited', 'the verdict of the long draft', 20_000);
        assert.equal(s.offThread, 'unavailable', 'the worker failed and is not asked again');
        assert.equal(s.value, text, 'the draft untouched');
      } finally {
        await d.close();
        copy.remove();
      }
    });

    it(`${b.edits} random edits (seed ${SEED}): the field always holds what the user did; no request leaves the browser`, { timeout: 840_000 }, async () => {
      const d = await launch(b.extDir);
      try {
        await d.goto(fixtureUrl('katal'));
        await waitState(d, (s) => s.form === 'katal' && s.state === 'ready', 'the guard on the Katal form', 15_000);
        console.log(`# ${b.name}: random edits with seed ${SEED} (replay: MSGGUARD_EDIT_SEED=${SEED})`);
        const done = await randomEdits(d, { seed: SEED, count: b.edits, log: (line) => console.log(`# ${line}`) });
        console.log(`# ${b.name}: ${JSON.stringify(done)}`);
        assert.ok((done.suggestion ?? 0) >= b.edits / 50, `too few suggestions applied to mean anything: ${JSON.stringify(done)}`);
        assert.ok((done.undo ?? 0) > 0 && (done.redo ?? 0) > 0 && (done.type ?? 0) > 0 && (done.paste ?? 0) > 0 && (done.cut ?? 0) > 0, JSON.stringify(done));
        assert.equal(await op(d, { op: 'dom-changed' }), null, 'the page DOM outside msgguard-root is untouched');
        // The rest of a session: the options page (a setting changed and back) and the rule reference.
        for (const want of [false, true]) {
          await d.goto(`${d.extensionOrigin}/options/options.html`);
          const end = Date.now() + 5000;
          let box;
          while (Date.now() < end && (!(box = await op(d, { op: 'query', selector: '#confirmSend' })) || box.disabled)) await new Promise((r) => setTimeout(r, 50));
          assert.ok(box && !box.disabled, 'the options page loads its settings');
          if (box.checked !== want) {
            const p = await op(d, { op: 'page-target', selector: '#confirmSend' });
            await d.click(p.x, p.y);
          }
        }
        await d.goto(`${d.extensionOrigin}/reference.html#rv001`);
        assert.ok((await op(d, { op: 'query', selector: '#rv001 h3' }))?.text.includes('RV001'), 'the rule reference opens');
        await d.goto(fixtureUrl('katal'));
        await typeInto(d, DRAFT);
        await waitState(d, (s) => s.verdict === 'prohibited', 'the verdict after the options page', 10_000);
      } finally {
        await d.close();
      }
      assert.deepEqual(proxy.log, [], `requests left the browser: ${proxy.log.join(', ')}`);
      for (const h of new Set(server.requests.map((r) => r.host))) assert.ok(FIXTURE_HOSTS.includes(h), `a request to ${h}`);
    });
  });
}
