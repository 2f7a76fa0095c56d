#!/usr/bin/env node
// The browser half of `./build.sh bench`: the packaged extension (dist/chrome, dist/firefox, unchanged)
// in headless Chromium and Firefox ESR on the e2e fixture pages, driven by tests/e2e/lib (server,
// proxy, browsers). A measurement, never a test: it fails only when it cannot measure.
//
//   node benches/browser/run.mjs [--only chromium|firefox] [--steps paste,keystroke] [--out target/bench/browser.json]
//   node benches/browser/run.mjs --ab DIR_A,DIR_B [--rounds 3] [--only ...] [--steps ...] [--out target/bench/ab.json]
//
// --ab compares two builds (folders laid out like dist/: chrome/ and firefox/ in each, e.g. a copy of
// dist/ before a change and dist/ after it): the chosen steps run for A, then B, `--rounds` times, so
// that a machine busier in one minute than the next weighs on both alike; it prints each number's
// runs and medians side by side. A change's effect in a commit message or BENCHMARKS.md comes from here.
//
// Needs target/bench/drafts/ (written by `cargo bench`: the same generated drafts as the native bench)
// and the fixture server on 127.0.0.1:443 (Firefox resolves the fixture hosts to loopback): run it as
// root, under `flock /tmp/msgguard-browsers.lock` when other browser tests may run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, FIXTURE_HOSTS, fixtureUrl } from '../../tests/e2e/fixtures/pages.mjs';
import { launchChromium } from '../../tests/e2e/lib/chromium.mjs';
import { launchFirefox } from '../../tests/e2e/lib/firefox.mjs';
import { pageOp } from '../../tests/e2e/lib/page.mjs';
import { startLoggingProxy } from '../../tests/e2e/lib/proxy.mjs';
import { startFixtureServer } from '../../tests/e2e/lib/server.mjs';
import { analyzeLoop, benchOp } from './page-bench.mjs';
import { percentile } from './stats.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DRAFTS = join(ROOT, 'target', 'bench', 'drafts');
const VIEWPORT = { width: 1280, height: 900 };
const ANALYZE_CALLS = 1000;
const TYPED = 300;         // characters typed one at a time for the keystroke cost
const MEMORY_KEYS = 1000;  // keystrokes before the memory reading
const FOCUS_TO_PASTE_MS = 300; // a click into the field, then Ctrl+V
const PLAIN_PASTES = 3;    // pastes into a plain textarea per setting (median), after one more
const READY_LOADS = 11;    // page loads for the analyzer-ready time (median; single loads vary by ±15 ms here)

/** @typedef {import('../../tests/e2e/lib/driver.mjs').Driver} Driver */

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
/** --steps paste,fallback: only the measurements whose label contains one of these (while profiling) */
const steps = args.includes('--steps') ? args[args.indexOf('--steps') + 1].split(',') : null;
const ab = args.includes('--ab') ? args[args.indexOf('--ab') + 1].split(',').map((dir) => resolve(dir)) : null;
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 3;
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(ROOT, 'target', 'bench', ab ? 'ab.json' : 'browser.json');
if (ab && (ab.length !== 2 || !(rounds >= 1))) throw new Error('--ab takes two build folders, DIR_A,DIR_B (each with chrome/ and firefox/), and --rounds a number of at least 1');

/** @param {number} n */
function draft(n) {
  try {
    return readFileSync(join(DRAFTS, `draft-${n}.txt`), 'utf8');
  } catch {
    throw new Error(`${join(DRAFTS, `draft-${n}.txt`)} is missing: run \`cargo bench\` (or ./build.sh bench) first; it writes the drafts`);
  }
}

const round = (/** @type {number} */ x) => Math.round(x * 1000) / 1000;
const median = (/** @type {number[]} */ xs) => percentile(xs, 50);
const log = (/** @type {string} */ s) => process.stdout.write(s + '\n');

/** @param {Driver} d @param {any} a */
const op = (d, a) => d.evaluate(benchOp, a);

/**
 * Opens a fixture and waits until the guard is attached with its analyzer loaded.
 * @param {Driver} d @param {'katal' | 'strict'} fixture
 */
async function open(d, fixture) {
  await d.goto(fixtureUrl(fixture));
  const end = Date.now() + 15_000;
  for (;;) {
    const s = await d.evaluate(pageOp, { op: 'state' });
    if (s.state === 'ready' && s.analyzer && s.analyzer !== 'loading') {
      if (await op(d, { op: 'watch' })) return s;
    }
    if (Date.now() > end) throw new Error(`the guard did not attach on the ${fixture} fixture: ${JSON.stringify({ ...s, highlights: s.highlights?.length })}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Clicks into the field (a real click, so typing goes there). @param {Driver} d */
async function focusField(d) {
  const r = await d.evaluate(pageOp, { op: 'field-rect' });
  await d.click(r.left + r.width - 30, r.top + r.height - 12);
  await d.press('Control+End');
}

/**
 * The keystroke cost: starts from `base` in the field, types `typed` one real key press at a time and
 * waits for each one's underlines.
 * @param {Driver} d @param {string} base @param {string} typed
 */
async function keystrokes(d, base, typed) {
  await op(d, { op: 'set-text', text: base });
  if (!(await op(d, { op: 'wait-settled', timeout: 10_000 }))) throw new Error('the draft was never analyzed');
  await focusField(d);
  await op(d, { op: 'reset-samples' });
  for (const ch of typed) {
    await d.type(ch);
    // the next key after the frame that paints this one's underlines: a seller types at most a key or
    // two per frame, and a second report before the frame is drawn in that frame's callback, so its
    // number would count the wait for the frame
    if (!(await op(d, { op: 'wait-settled', timeout: 5000, painted: true }))) throw new Error(`no underlines after typing ${JSON.stringify(ch)}`);
  }
  const samples = await op(d, { op: 'samples' });
  if (samples.length < typed.length * 0.9) throw new Error(`only ${samples.length} of ${typed.length} keystrokes were measured`);
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(Math.max(...samples)), n: samples.length };
}

/** @param {Driver} d @param {string} text */
async function paste(d, text) {
  await op(d, { op: 'set-text', text: '' });
  await op(d, { op: 'wait-settled', timeout: 5000 });
  // focused a moment before the paste, as a seller clicks into the field and then pastes
  await op(d, { op: 'focus' });
  await new Promise((res) => setTimeout(res, FOCUS_TO_PASTE_MS));
  const r = await op(d, { op: 'paste', text, timeout: 30_000 });
  if (!r.ok || r.verdictMs < 0 || r.verdictPaintedMs < 0) throw new Error(`no verdict for the ${text.length}-character paste within 30 s: ${JSON.stringify(r)}`);
  return { verdictMs: round(r.verdictPaintedMs), verdictDomMs: round(r.verdictMs), settledMs: round(r.settledMs), insertMs: round(r.insertMs), longestTaskMs: round(r.longestGapMs) };
}

/**
 * The same paste into a plain textarea of the field's size that the extension does not watch: the
 * longest task the browser alone needs for that much text (the floor under the longest task above),
 * and when it first paints it (the floor under the verdict painted).
 * @param {Driver} d @param {string} text
 */
async function pasteBare(d, text) {
  const r = await op(d, { op: 'paste', text, bare: true, quietMs: 3000 });
  if (!r.ok || r.length !== text.length || r.verdictPaintedMs < 0) throw new Error(`the bare paste failed: ${JSON.stringify(r)}`);
  return { longestTaskMs: round(r.longestGapMs), paintedMs: round(r.verdictPaintedMs), insertMs: round(r.insertMs) };
}

/**
 * The browser alone on a page the extension does not run on (the fixture server's 404 page): a plain
 * textarea given `text`, spellcheck on (every browser's default) and off. Each the median of PLAIN_PASTES
 * pastes after one more (a page's first paste of that much text is laid out twice in Firefox, spellcheck
 * or not).
 * @param {Driver} d @param {string} text
 */
async function plainPastes(d, text) {
  await d.goto(`https://${FIXTURES.katal.host}/no-extension-here`);
  /** @type {Record<string, number>} */
  const r = {};
  for (const spellcheck of [true, false]) {
    const runs = [];
    for (let i = 0; i <= PLAIN_PASTES; i++) {
      const p = await d.evaluate(benchOp, { op: 'plain-paste', text, spellcheck });
      if (p.length !== text.length || p.paintedMs < 0) throw new Error(`the plain textarea paste failed: ${JSON.stringify(p)}`);
      if (i > 0) runs.push(p);
    }
    const key = spellcheck ? '' : '_nospell';
    r[`plain_paste_1m_painted${key}_ms`] = round(median(runs.map((p) => p.paintedMs)));
    r[`plain_relayout${key}_ms`] = round(median(runs.map((p) => p.relayoutMs)));
  }
  return r;
}

/**
 * The extension's measures on the page, read once `name` is among them (or after a second without it).
 * @param {Driver} d @param {string} name @returns {Promise<Array<{name: string, duration: number}>>}
 */
async function measuresOnceWritten(d, name) {
  for (let i = 0; ; i++) {
    const measures = await op(d, { op: 'ready-measures' });
    if (i === 20 || measures.some((/** @type {any} */ x) => x.name === name)) return measures;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** @param {Driver} d @param {string} fixture @param {'local' | 'background'} path */
async function readyTimes(d, fixture, path) {
  const times = [];
  /** @type {number[]} */
  const loads = [];
  /** @type {number[]} */
  const runs = [];
  /** @type {number[]} */
  const reports = [];
  for (let i = 0; i < READY_LOADS; i++) {
    await open(d, fixture);
    // the panel's first report may come after the guard says it is ready: the measures once it is there
    const measures = await measuresOnceWritten(d, 'msgguard:first-report');
    const duration = (/** @type {string} */ name) => measures.find((/** @type {any} */ x) => x.name === name)?.duration;
    const ready = duration(`msgguard:analyzer-ready:${path}`);
    if (ready === undefined) throw new Error(`no msgguard:analyzer-ready:${path} measure on the ${fixture} page (is dist/ built from this tree?)`);
    times.push(ready);
    for (const [list, name] of /** @type {const} */ ([[loads, `msgguard:analyzer-load:${path}`], [runs, 'msgguard:content-script-run'], [reports, 'msgguard:first-report']])) {
      const t = duration(name);
      if (t !== undefined) list.push(t);
    }
  }
  const mid = (/** @type {number[]} */ xs) => (xs.length ? round(median(xs)) : null);
  return { median: round(median(times)), first: round(times[0]), load: mid(loads), run: mid(runs), report: mid(reports) };
}

/**
 * @param {Driver} d
 * @param {{fallback: boolean}} o  measure the strict-CSP page too (Chromium: the background path)
 */
async function measureBrowser(d, o) {
  const name = d.name;
  /** @type {Record<string, number | null>} */
  const r = {};
  /** Runs one measurement; a failure is reported and the others still run (the summary then lacks its numbers). */
  const step = async (/** @type {string} */ what, /** @type {() => Promise<void>} */ fn) => {
    if (steps && !steps.some((k) => what.includes(k))) return;
    log(`${name}: ${what}`);
    const t = Date.now();
    try {
      await fn();
    } catch (e) {
      failures.push(`${name}: ${what}: ${/** @type {any} */ (e)?.message ?? e}`);
      log(`  FAILED: ${/** @type {any} */ (e)?.message ?? e}`);
    }
    log(`  (${((Date.now() - t) / 1000).toFixed(1)} s) ${JSON.stringify(r)}`);
  };
  const text2k = draft(2000);
  const grow = draft(2000).slice(0, MEMORY_KEYS);

  await step(`analyzer ready (${READY_LOADS} page loads)`, async () => {
    const ready = await readyTimes(d, 'katal', 'local');
    r[`${name}_ready_ms`] = ready.median;
    r[`${name}_ready_first_ms`] = ready.first;
    r[`${name}_analyzer_load_ms`] = ready.load;
    r[`${name}_content_script_run_ms`] = ready.run;
    r[`${name}_first_report_ms`] = ready.report;
  });

  await step(`analyze_compact() + expandReport() of 2,000 characters x ${ANALYZE_CALLS} from JavaScript`, async () => {
    const s = await open(d, 'katal');
    if (s.analyzer !== 'local') throw new Error(`${name}: expected the local analyzer on the Katal page, got ${s.analyzer}`);
    const args = {
      n: ANALYZE_CALLS, text: text2k, growText: grow,
      pkgUrl: `${d.extensionOrigin}/pkg/msgguard.js`, wasmUrl: `${d.extensionOrigin}/pkg/msgguard_bg.wasm`,
      expandUrl: `${d.extensionOrigin}/ui/compact-report.js`,
    };
    // The analyzer's files are not web-accessible (the content script carries its own copy), so the
    // loop runs in the extension's own options page: the same module and glue, an origin that may load them.
    await d.goto(`${d.extensionOrigin}/options/options.html`);
    const loop = await d.evaluate(analyzeLoop, args);
    if (!loop.ok) throw new Error(`${name}: analyze loop failed: ${loop.error}`);
    r[`${name}_analyze_2k_p50_ms`] = round(percentile(loop.times, 50));
    r[`${name}_analyze_2k_p99_ms`] = round(percentile(loop.times, 99));
    r[`${name}_analyze_2k_cold_p50_ms`] = round(percentile(loop.coldTimes, 50));
    r[`${name}_analyze_2k_cold_p99_ms`] = round(percentile(loop.coldTimes, 99));
    r[`${name}_page_module_ready_ms`] = round(loop.readyMs);
    r[`${name}_wasm_memory_bytes`] = loop.wasmMemory[2];
    r[`${name}_wasm_memory_growth_bytes`] = loop.wasmMemory[2] - loop.wasmMemory[1];
  });

  const typed = ' Please leave a 5-star review at www.shop.com, thanks! '.repeat(8).slice(0, TYPED);
  await step(`keystroke to underlines, ${TYPED} characters typed after a 2,000-character draft`, async () => {
    await open(d, 'katal');
    const ks = await keystrokes(d, text2k, typed);
    r[`${name}_keystroke_p50_ms`] = ks.p50;
    r[`${name}_keystroke_p95_ms`] = ks.p95;
  });

  await step(`memory over ${MEMORY_KEYS} keystrokes`, async () => {
    await open(d, 'katal');
    await op(d, { op: 'set-text', text: '' });
    await focusField(d);
    const heaps = [];
    for (let half = 0; half < 2; half++) {
      await d.type(grow.slice(half * (MEMORY_KEYS / 2), (half + 1) * (MEMORY_KEYS / 2)));
      await op(d, { op: 'wait-settled', timeout: 10_000 });
      await d.evaluate(() => { /** @type {any} */ (window).gc?.(); });
      heaps.push(await op(d, { op: 'heap' }));
    }
    r[`${name}_js_heap_bytes`] = heaps[1];
    r[`${name}_js_heap_growth_bytes`] = heaps[0] === null || heaps[1] === null ? null : heaps[1] - heaps[0];
  });

  await step('1,000,000-character paste', async () => {
    await open(d, 'katal');
    const p = await paste(d, draft(1_000_000));
    r[`${name}_paste_1m_ms`] = p.verdictMs;
    r[`${name}_paste_1m_dom_ms`] = p.verdictDomMs;
    r[`${name}_paste_1m_underlines_ms`] = p.settledMs;
    r[`${name}_paste_1m_insert_ms`] = p.insertMs;
    r[`${name}_longest_task_ms`] = p.longestTaskMs;
    await open(d, 'katal');
    const bare = await pasteBare(d, draft(1_000_000));
    r[`${name}_longest_task_bare_ms`] = bare.longestTaskMs;
    r[`${name}_paste_1m_bare_painted_ms`] = bare.paintedMs;
    r[`${name}_paste_1m_bare_insert_ms`] = bare.insertMs;
    for (const [k, v] of Object.entries(await plainPastes(d, draft(1_000_000)))) r[`${name}_${k}`] = v;
  });

  if (o.fallback) {
    await step('the background fallback on the strict-CSP page: ready, keystrokes', async () => {
      const fr = await readyTimes(d, 'strict', 'background');
      r.fallback_ready_ms = fr.median;
      r.fallback_analyzer_load_ms = fr.load;
      r.fallback_content_script_run_ms = fr.run;
      r.fallback_first_report_ms = fr.report;
      await open(d, 'strict');
      const fks = await keystrokes(d, text2k, typed);
      r.fallback_keystroke_p50_ms = fks.p50;
      r.fallback_keystroke_p95_ms = fks.p95;
    });
    await step('the background fallback on the strict-CSP page: 1,000,000-character paste', async () => {
      await open(d, 'strict');
      const fp = await paste(d, draft(1_000_000));
      r.fallback_paste_1m_ms = fp.verdictMs;
      r.fallback_paste_1m_dom_ms = fp.verdictDomMs;
      r.fallback_longest_task_ms = fp.longestTaskMs;
    });
  }
  return r;
}

/** @param {string} name @param {(o: any) => Promise<Driver>} launch @param {any} o */
async function session(name, launch, o) {
  const server = await startFixtureServer({ port: 443 });
  const proxy = await startLoggingProxy();
  /** @type {Driver | undefined} */
  let d;
  try {
    d = await launch({ ...o, hosts: FIXTURE_HOSTS, port: server.port, proxyPort: proxy.port, viewport: VIEWPORT });
    return await measureBrowser(d, { fallback: name === 'chromium' });
  } finally {
    await d?.close();
    await server.close();
    await proxy.close();
  }
}

/** @type {string[]} */
const failures = [];

/** The browsers to run, each with its package folder in a dist-like folder, and its launch options. */
const BROWSERS = /** @type {const} */ ([
  // exact heap numbers (not bucketed) and gc() for the memory reading
  ['chromium', launchChromium, 'chrome', { extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] }],
  // performance.now() at full precision (Firefox rounds it to 1 ms by default on ordinary pages)
  ['firefox', launchFirefox, 'firefox', { extraPrefs: { 'privacy.reduceTimerPrecision': false } }],
]).filter(([name]) => !only || only === name);

/** @param {string} dist  a folder laid out like dist/ @returns {Promise<Record<string, number | null>>} */
async function measureBuild(dist) {
  /** @type {Record<string, number | null>} */
  const r = {};
  for (const [name, launch, folder, o] of BROWSERS) Object.assign(r, await session(name, launch, { ...o, extDir: join(dist, folder) }));
  return r;
}

/** @param {Array<Record<string, number | null>>} runs @param {string} key */
const valuesOf = (runs, key) => runs.map((r) => r[key]).filter((v) => typeof v === 'number');

mkdirSync(dirname(out), { recursive: true });
if (ab) {
  /** @type {Array<Array<Record<string, number | null>>>} */
  const runs = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const [k, dir] of ab.entries()) {
      log(`round ${i + 1} of ${rounds}: ${'AB'[k]} = ${dir}`);
      runs[k].push(await measureBuild(dir));
    }
  }
  const keys = [...new Set(runs.flat().flatMap((r) => Object.keys(r)))].sort();
  log(`\nA = ${ab[0]}\nB = ${ab[1]}\n${rounds} rounds, each A then B; medians, then each round's value\n`);
  const fmt = (/** @type {number[]} */ xs) => (xs.length ? `${round(median(xs))}`.padStart(9) + `  (${xs.map((x) => round(x)).join(', ')})` : 'no number'.padStart(9));
  for (const key of keys) {
    const [a, b] = runs.map((rs) => valuesOf(rs, key));
    const change = a.length && b.length && median(a) !== 0 ? `${((median(b) / median(a) - 1) * 100).toFixed(1)}%` : '';
    log(`${key.padEnd(36)} A ${fmt(a)}\n${''.padEnd(36)} B ${fmt(b)}   ${change}`);
  }
  writeFileSync(out, JSON.stringify({ a: { dir: ab[0], runs: runs[0] }, b: { dir: ab[1], runs: runs[1] } }, null, 2) + '\n');
} else {
  /** @type {Record<string, number | null>} */
  let results = {};
  if (only || steps) {
    // one browser or a few steps again: keep the other numbers of the last run
    try {
      results = JSON.parse(readFileSync(out, 'utf8'));
    } catch { /* no earlier run */ }
  }
  Object.assign(results, await measureBuild(join(ROOT, 'dist')));
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
}
log(`written ${out}`);
if (failures.length) {
  console.error(`browser bench: ${failures.length} measurement(s) failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
