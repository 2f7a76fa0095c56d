// The shipped module (dist/pkg: wasm-bindgen output after wasm-opt) loaded in real browsers:
// headless Debian Chromium through Playwright and Firefox ESR through Selenium + geckodriver.
// Checks that it loads from a plain static server, that every finding satisfies
// text.slice(start, end) === match (emoji and CJK before the match included), the categories,
// that bad options throw an Error with a clear message and leave the module usable, and hostile
// input: lone surrogates (only JavaScript strings can hold them), a 1 MB draft, 50,000 emoji.
// `analyze_compact`, expanded by extension/ui/compact-report.js (what the extension and the test page
// call), must give exactly the report `analyze` gives, for every one of those drafts.
//
//   ./build.sh build && node --test tests/wasm/

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launchChromium, launchFirefox } from './browsers.mjs';

const PKG = fileURLToPath(new URL('../../dist/pkg/', import.meta.url));
const UI = fileURLToPath(new URL('../../extension/ui/', import.meta.url));

// The page imports the module the way the extension and the test page do, and exposes it.
const PAGE = `<!doctype html><meta charset="utf-8"><title>msgguard pkg test</title>
<script>window.compactDiffers = ${compactDiffers};</script>
<script type="module">
  try {
    const m = await import('/msgguard.js');
    await m.default({ module_or_path: '/msgguard_bg.wasm' });
    window.expandReport = (await import('/ui/compact-report.js')).expandReport;
    window.msgguard = m;
  } catch (e) {
    window.msgguardLoadError = String(e && e.stack || e);
  }
</script>`;

/** The drafts; `spans` maps a rule to text its finding must cover. */
const CASES = [
  { name: 'ascii review request', text: 'Please leave a positive review.', category: 'prohibited', spans: { RV001: 'positive review' } },
  {
    name: 'emoji before the matches',
    text: '😀😀 Thanks! Please leave a 5-star review at www.myshop.com',
    category: 'prohibited',
    spans: { FM001: '😀😀', RV001: '5-star', CT001: 'www.myshop.com' },
  },
  {
    name: 'CJK before the matches',
    text: 'ご注文ありがとうございます。詳細は www.myshop.com をご覧ください。Please leave a positive review.',
    category: 'prohibited',
    spans: { CT001: 'www.myshop.com', RV001: 'positive review' },
  },
  {
    name: 'astral CJK and a ZWJ emoji before the match',
    text: '𠀀𠀁 漢字 👨‍👩‍👧 café: write to support@mycompany.com',
    category: 'prohibited',
    spans: { CT004: 'support@mycompany.com' },
  },
  {
    name: 'critical with the critical subject',
    text: 'Which font would you like for the engraving?',
    options: { subject: 'Additional Information Required' },
    category: 'critical',
    spans: {},
  },
  { name: 'non-critical thanks', text: 'Thank you for your order!', options: null, category: 'noncritical', spans: {} },
  { name: 'empty draft', text: '', category: 'noncritical', empty: true, spans: {} },
];

const BAD_OPTIONS = [{ critical_reason: 'yes' }, 42, 'Additional Information Required', { subject: 7 }];

/**
 * Runs in the page: where `expandReport(analyze_compact(text, options), text)` differs from
 * `analyze(text, options)` (a path such as "findings.3.match"), or null. Compared in the page (the
 * page defines it from this source): lone surrogates would not survive the trip to node.
 */
function compactDiffers(m, text, options) {
  const diff = (a, b, path) => {
    if (Object.is(a, b)) return null;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path || 'the report';
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return `${path}: keys ${ka} vs ${kb}`;
    for (const k of ka) {
      if (!Object.hasOwn(b, k)) return `${path}.${k}: missing`;
      const d = diff(a[k], b[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return null;
  };
  const full = options === undefined ? m.analyze(text) : m.analyze(text, options);
  const compact = options === undefined ? m.analyze_compact(text) : m.analyze_compact(text, options);
  return diff(window.expandReport(compact, text), full, '');
}

/** Runs in the page: waits for the module, analyzes every case, tries the bad options. */
async function probe({ cases, bad }) {
  const deadline = Date.now() + 30000;
  while (!window.msgguard && !window.msgguardLoadError && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!window.msgguard) return { loadError: window.msgguardLoadError || 'timed out loading /msgguard.js' };
  const m = window.msgguard;
  m.warm_up();
  m.warm_up('en');
  const out = { version: m.version(), cases: [], bad: [], compact: [] };
  for (const c of cases) {
    const r = 'options' in c ? m.analyze(c.text, c.options) : m.analyze(c.text);
    out.cases.push({
      name: c.name,
      jsLength: c.text.length,
      report: JSON.parse(JSON.stringify(r)),
      // Realm-independent (Firefox runs WebDriver scripts in another global): a plain object's
      // prototype is an Object.prototype, whose own prototype is null.
      plain: Object.prototype.toString.call(r) === '[object Object]' && Object.getPrototypeOf(Object.getPrototypeOf(r)) === null,
      sliced: r.findings.map((f) => c.text.slice(f.start, f.end)),
      matchIndex: r.findings.map((f) => c.text.indexOf(f.match)),
    });
    out.compact.push(window.compactDiffers(m, c.text, 'options' in c ? c.options : undefined));
  }
  for (const options of bad) {
    for (const f of ['analyze', 'analyze_compact']) {
      try {
        const r = m[f]('Hello there.', options);
        out.bad.push({ f, options: JSON.stringify(options), threw: false, category: r && (r.category ?? r.rest?.category) });
      } catch (e) {
        out.bad.push({ f, options: JSON.stringify(options), threw: true, isError: e instanceof window.Error || Object.prototype.toString.call(e) === '[object Error]', message: String(e && e.message) });
      }
    }
  }
  out.afterBad = m.analyze('Please leave a positive review.').category;
  const rules = m.rules();
  out.rules = Array.isArray(rules) ? rules.length : Object.keys(rules || {}).length;
  return out;
}

/**
 * Runs in the page: strings only JavaScript can make (lone surrogates: wasm-bindgen's UTF-8 encoding
 * turns each into U+FFFD, one code unit for one, so offsets still line up) and drafts of hostile size.
 */
async function hostileProbe() {
  const deadline = Date.now() + 30000;
  while (!window.msgguard && !window.msgguardLoadError && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!window.msgguard) return { loadError: window.msgguardLoadError || 'timed out loading /msgguard.js' };
  const m = window.msgguard;
  const lone = [
    '\uD800 Please leave a 5-star review at www.myshop.com \uDC00x write to a@myshop.com \uDFFF\uD800',
    'www.my\uD800shop.com and \uDBFF\uDBFF call 555-123-4567 \uDC00\uD83D',
    '\uDE00\uD83D reversed pair, then 😀 a real one: leave a positive review\uD83D',
    '\uD800'.repeat(1000) + 'Leave a 5-star review' + '\uDC00'.repeat(1000),
    // inside a match: the report's match has U+FFFD where the text has the surrogate
    'visit http://my\uD800shop.com/x\uDC00y and leave a 5-star review',
  ];
  const wellFormed = (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const out = { lone: [], big: [] };
  for (const text of lone) {
    const r = m.analyze(text);
    out.lone.push({
      jsLength: text.length,
      length: r.length,
      compactDiffers: window.compactDiffers(m, text),
      findings: r.findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end, match: f.match, sliced: wellFormed(text.slice(f.start, f.end)) })),
    });
  }
  const unit = 'Hello, thanks for your order! Please leave a 5-star review at www.myshop.com or write to a@myshop.com. 😀\n';
  const drafts = { 'a 1 MB draft': unit.repeat(Math.ceil((1 << 20) / unit.length)), '50,000 emoji': '😀'.repeat(50000), 'a 100,000-character line': 'a'.repeat(100000) };
  for (const [name, text] of Object.entries(drafts)) {
    const t = performance.now();
    const r = m.analyze(text);
    const bad = r.findings.filter((f) => text.slice(f.start, f.end) !== f.match).length;
    const ms = Math.round(performance.now() - t);
    out.big.push({ name, jsLength: text.length, length: r.length, findings: r.findings.length, bad, ms, compactDiffers: window.compactDiffers(m, text) });
  }
  return out;
}

function checkHostile(out, browser) {
  assert.ok(!out.loadError, `${browser}: the module did not load: ${out.loadError}`);
  for (const [i, c] of out.lone.entries()) {
    const where = `${browser}, lone surrogates ${i}`;
    assert.equal(c.length, c.jsLength, `${where}: length must stay the JS string length`);
    assert.ok(c.findings.length > 0, `${where}: the findings around the lone surrogates are still found`);
    assert.equal(c.compactDiffers, null, `${where}: the expanded compact report differs from analyze()'s`);
    for (const f of c.findings) {
      assert.ok(f.start < f.end && f.end <= c.jsLength, `${where}: ${f.rule} at ${f.start}..${f.end}`);
      assert.equal(f.sliced, f.match, `${where}: ${f.rule}: text.slice(${f.start}, ${f.end}) (lone surrogates as U+FFFD) !== match`);
    }
  }
  assert.ok(out.lone[0].findings.some((f) => f.rule === 'CT004' && f.match === 'a@myshop.com'), `${browser}: the address after a lone low surrogate`);
  assert.ok(out.lone[4].findings.some((f) => f.rule === 'CT001' && f.match.includes('\uFFFD')), `${browser}: a link holding lone surrogates`);
  for (const b of out.big) {
    assert.equal(b.length, b.jsLength, `${browser}, ${b.name}: length`);
    assert.equal(b.bad, 0, `${browser}, ${b.name}: ${b.bad} findings whose text.slice is not their match`);
    assert.equal(b.compactDiffers, null, `${browser}, ${b.name}: the expanded compact report differs from analyze()'s`);
  }
  assert.ok(out.big[0].findings > 10000, `${browser}: the 1 MB draft has its findings`);
}

function check(out, browser) {
  assert.ok(!out.loadError, `${browser}: the module did not load: ${out.loadError}`);
  assert.match(out.version, /^\d+\.\d+\.\d+/, `${browser}: version()`);
  assert.ok(out.rules > 0, `${browser}: rules() is empty`);
  for (const [i, c] of out.cases.entries()) {
    const want = CASES[i];
    const r = c.report;
    const where = `${browser}, ${c.name}`;
    assert.ok(c.plain, `${where}: the report is not a plain object`);
    assert.equal(r.category, want.category, `${where}: category (summary: ${r.summary})`);
    assert.equal(r.length, c.jsLength, `${where}: length must be the JS string length (UTF-16)`);
    assert.equal(r.empty, Boolean(want.empty), `${where}: empty`);
    for (const [j, f] of r.findings.entries()) {
      assert.equal(c.sliced[j], f.match, `${where}: ${f.rule}: text.slice(${f.start}, ${f.end}) !== match`);
      assert.ok(['error', 'warning', 'info'].includes(f.severity), `${where}: ${f.rule}: severity ${f.severity}`);
    }
    // The exact span is the rule book's business; the offsets are this test's: the finding
    // covers the expected text and starts where the browser's indexOf finds its match.
    for (const [rule, text] of Object.entries(want.spans)) {
      const i = r.findings.findIndex((x) => x.rule === rule);
      assert.ok(i >= 0, `${where}: no ${rule} finding; got ${JSON.stringify(r.findings.map((x) => [x.rule, x.match]))}`);
      const f = r.findings[i];
      assert.ok(f.match.includes(text), `${where}: ${rule} matched ${JSON.stringify(f.match)}, which lacks ${JSON.stringify(text)}`);
      assert.equal(f.start, c.matchIndex[i], `${where}: ${rule} start is not the JS indexOf of its match`);
      assert.equal(f.end, f.start + f.match.length, `${where}: ${rule} end`);
    }
  }
  for (const [i, d] of out.compact.entries()) {
    assert.equal(d, null, `${browser}, ${CASES[i].name}: the expanded compact report differs from analyze()'s`);
  }
  assert.equal(out.bad.length, 2 * BAD_OPTIONS.length);
  for (const b of out.bad) {
    assert.ok(b.threw, `${browser}: ${b.f}(text, ${b.options}) should throw, returned category ${b.category}`);
    assert.ok(b.isError, `${browser}: ${b.f}(text, ${b.options}) threw a non-Error`);
    assert.match(b.message, new RegExp(`^${b.f}\\(\\): bad options`), `${browser}: unclear message for ${b.options}: ${b.message}`);
  }
  assert.equal(out.afterBad, 'prohibited', `${browser}: the module must keep working after a bad call`);
}

describe('dist/pkg in browsers', () => {
  let site;
  before(async () => {
    assert.ok(existsSync(PKG + 'msgguard.js') && existsSync(PKG + 'msgguard_bg.wasm'), `${PKG} is not built: run ./build.sh build`);
    site = await serve(PKG, { pages: { '/': PAGE, '/favicon.ico': '' }, mounts: { '/ui/': UI } });
  });
  after(() => site?.close());

  test('the server sends the module as application/wasm', async () => {
    const res = await fetch(new URL('msgguard_bg.wasm', site.url));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/wasm');
    await res.arrayBuffer();
  });

  test('Chromium (Playwright)', { timeout: 120_000 }, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
      await page.goto(site.url);
      check(await page.evaluate(probe, { cases: CASES, bad: BAD_OPTIONS }), 'Chromium');
      checkHostile(await page.evaluate(hostileProbe), 'Chromium');
      assert.deepEqual(errors, [], 'Chromium: errors on the page console');
    } finally {
      await browser.close();
    }
  });

  test('Firefox ESR (Selenium + geckodriver)', { timeout: 120_000 }, async () => {
    const driver = await launchFirefox();
    try {
      await driver.get(site.url);
      check(await driver.executeScript(probe, { cases: CASES, bad: BAD_OPTIONS }), 'Firefox');
      checkHostile(await driver.executeScript(hostileProbe), 'Firefox');
    } finally {
      await driver.quit();
    }
  });
});
