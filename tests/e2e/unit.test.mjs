// Fast checks without a browser: the background's message validation, the page
// module's pure parts, the analyzer fallback logic, and the packages build.mjs wrote (manifests, zips,
// icons, locales, rule reference).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from './lib/scenarios.mjs';

const ext = (p) => pathToFileURL(join(ROOT, 'extension', p)).href;
const { senderProblem, validatePortMessage, MAX_TEXT } = await import(ext('src/protocol.js'));
const { expandReport } = await import(ext('ui/compact-report.js'));
const sc = await import(ext('src/page/seller-central.js'));
const { crc32, makeZip, drawIcon } = await import(ext('build.mjs'));

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPage = { id: EXT_ID, url: 'https://sellercentral.amazon.de/messaging/contact?orderID=1', tab: { id: 3 } };

/** What background.js does with a request: the port's sender checked when it connects, then the message. */
function validateRequest(message, sender, extensionId) {
  const problem = senderProblem(sender, extensionId, '');
  if (problem) return { ok: false, error: problem };
  const { id, ...v } = validatePortMessage({ id: 0, request: message });
  return v;
}

describe('background request validation', () => {
  it('accepts an analyze request from the content script on a Seller Central page', () => {
    const v = validateRequest({ type: 'analyze', text: 'Hello', options: { subject: 'Other', critical_reason: false, lang: 'en' } }, fromPage, EXT_ID);
    assert.deepEqual(v, { ok: true, request: { type: 'analyze', text: 'Hello', options: { subject: 'Other', critical_reason: false, lang: 'en' } } });
    assert.equal(validateRequest({ type: 'analyze', text: '' }, fromPage, EXT_ID).ok, true);
  });
  it('rejects other senders, other pages, other types, bad fields and oversized text', () => {
    const bad = [
      [{ type: 'analyze', text: 'x' }, { ...fromPage, id: 'another-extension' }],
      [{ type: 'analyze', text: 'x' }, { ...fromPage, url: 'https://evil.example/messaging/contact' }],
      [{ type: 'analyze', text: 'x' }, { ...fromPage, url: 'http://sellercentral.amazon.de/messaging/contact' }],
      [{ type: 'analyze', text: 'x' }, { id: EXT_ID }],
      [{ type: 'eval', text: 'x' }, fromPage],
      [{ type: 'analyze', text: 42 }, fromPage],
      [{ type: 'analyze', text: 'x'.repeat(MAX_TEXT + 1) }, fromPage],
      [{ type: 'analyze', text: 'x', extra: 1 }, fromPage],
      [{ type: 'analyze', text: 'x', options: { subject: 5 } }, fromPage],
      [{ type: 'analyze', text: 'x', options: { critical_reason: 'yes' } }, fromPage],
      [{ type: 'analyze', text: 'x', options: { lang: 'en; drop' } }, fromPage],
      [{ type: 'analyze', text: 'x', options: { __proto__: { polluted: true }, other: 1 } }, fromPage],
      [{ type: 'analyze', text: 'x', options: [] }, fromPage],
      ['analyze', fromPage],
      [null, fromPage],
      [Object.assign(Object.create({ inherited: 1 }), { type: 'analyze', text: 'x' }), fromPage],
    ];
    for (const [msg, sender] of bad) {
      const v = validateRequest(msg, sender, EXT_ID);
      assert.equal(v.ok, false, `accepted ${JSON.stringify(msg)?.slice(0, 80)} from ${JSON.stringify(sender)}`);
      assert.match(v.error, /^rejected: /);
    }
  });
});

// settings (versions, migrations, corrupt data): tests/e2e/workflow-unit.test.mjs

describe('Seller Central page module (pure parts)', () => {
  it('knows the messaging pages of every marketplace host', () => {
    const loc = (u) => new URL(u);
    assert.equal(sc.HOSTS.length, 25);
    for (const h of sc.HOSTS) assert.ok(sc.isMessagingPage(loc(`https://${h}/messaging/contact?orderID=1`)), h);
    assert.ok(sc.isMessagingPage(loc('https://sellercentral.amazon.ca/messaging/inbox-v2')));
    assert.ok(!sc.isMessagingPage(loc('https://sellercentral.amazon.com/orders-v3/order/1')));
    assert.ok(!sc.isMessagingPage(loc('https://sellercentral.amazon.com/messagingfoo')));
    assert.ok(!sc.isMessagingPage(loc('https://sellercentral.amazon.evil.com/messaging/contact')));
    assert.ok(!sc.isMessagingPage(loc('http://sellercentral.amazon.com/messaging/contact')));
  });
  it('recognizes the critical reason in the page languages', () => {
    for (const l of ['Additional Information Required', 'Zusätzliche  Informationen erforderlich', '[Important] Order question', '追加情報が必要です'])
      assert.ok(sc.isCriticalLabel(l), l);
    for (const l of ['Other', 'Problem with order', 'Sonstiges', '', null]) assert.ok(!sc.isCriticalLabel(l), String(l));
  });
});

/** The compact form (extension/ui/compact-report.js) of a report without findings. */
const noFindings = (rest) => ({ rest, kinds: [], suggestions: [], matches: [], findings: [] });

describe('analyzer loading: content script, then background, else unavailable', () => {
  // analyzer.js reads the extension API when imported: give it a fake one. The local module fails to
  // compile as it does in Chromium under a strict page CSP (an empty CompileError).
  /** @type {(m: unknown) => Promise<any>} */
  let answer = async () => ({ ok: true, compact: noFindings({ category: 'noncritical' }) });
  /** runtime.connect, the background's end played by `answer(request)`; a throw: the port cannot connect */
  const connect = ({ name }) => {
    const onMessage = [], onDisconnect = [];
    const port = {
      name,
      onMessage: { addListener: (cb) => onMessage.push(cb) },
      onDisconnect: { addListener: (cb) => onDisconnect.push(cb) },
      disconnect() {},
      postMessage(m) {
        Promise.resolve(m.request).then(answer).then(
          (a) => onMessage.forEach((cb) => cb({ id: m.id, ...a })),
          (e) => {
            globalThis.chrome.runtime.lastError = { message: e.message };
            onDisconnect.forEach((cb) => cb(port));
            globalThis.chrome.runtime.lastError = undefined;
          });
      },
    };
    return port;
  };
  globalThis.chrome = {
    runtime: { id: EXT_ID, getURL: (p) => pathToFileURL(join(ROOT, 'dist', p)).href, connect },
  };
  // the port's time-out and idle close are timers: mocked, so none keeps the test process waiting
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());
  const loading = import(ext('src/analyzer.js'));

  it('falls back to the background when the local module cannot load', { skip: !existsSync(join(ROOT, 'dist', 'pkg', 'msgguard.js')) && 'dist/pkg not built' }, async () => {
    const { loadAnalyzer } = await loading;
    /** @type {unknown[]} */
    const asked = [];
    answer = async (m) => {
      asked.push(m);
      return { ok: true, compact: noFindings({ category: 'prohibited' }) };
    };
    const glue = await import(pathToFileURL(join(ROOT, 'dist', 'pkg', 'msgguard.js')).href);
    const refused = Promise.reject(new WebAssembly.CompileError(''));
    refused.catch(() => {});
    const a = await loadAnalyzer({ local: { glue, module: refused, startedAt: performance.now() } });
    assert.equal(a.path, 'background');
    assert.ok(a.error, 'the local failure is reported');
    for (const local of [undefined, { glue, module: null, startedAt: 0 }]) {
      const b = await loadAnalyzer({ local });
      assert.equal(b.path, 'background', 'no module here: the background');
      assert.ok(b.error);
    }
    const r = await a.analyze('Please leave a 5-star review', { subject: 'Other' });
    assert.equal(r.category, 'prohibited');
    assert.deepEqual(asked.at(-1), { type: 'analyze', text: 'Please leave a 5-star review', options: { subject: 'Other' } });
  });
  it('stops loading the local module once the seller\'s choice of the background is known (where the first lines did not load it)', async () => {
    const { loadAnalyzer } = await loading;
    let instantiated = 0;
    const glue = { default: async () => { instantiated++; }, warm_up: () => { instantiated++; } };
    const local = { glue, module: Promise.resolve(/** @type {any} */ ({})), startedAt: 0 };
    await assert.rejects(loadAnalyzer({ local, wanted: () => false }), (e) => /** @type {any} */ (e).unwanted === true);
    assert.equal(instantiated, 0, 'nothing of the module instantiated or warmed up on the main thread');
  });
  it('times "ready" to the first answer: the first lines\' when they loaded the module, else its own', { skip: !existsSync(join(ROOT, 'dist', 'pkg', 'msgguard.js')) && 'dist/pkg not built' }, async () => {
    const { loadAnalyzer } = await loading;
    const glue = await import(pathToFileURL(join(ROOT, 'dist', 'pkg', 'msgguard.js')).href);
    const module = await WebAssembly.compile(readFileSync(join(ROOT, 'dist', 'pkg', 'msgguard_bg.wasm')));
    const measured = async (/** @type {number | undefined} */ readyAt, /** @type {number} */ startedAt) => {
      performance.clearMeasures();
      const before = performance.now();
      const a = await loadAnalyzer({ local: { glue, module: Promise.resolve(module), startedAt, readyAt } });
      assert.equal(a.path, 'local');
      const [ready] = performance.getEntriesByName('msgguard:analyzer-ready:local');
      const [load] = performance.getEntriesByName('msgguard:analyzer-load:local');
      return { ready: ready.duration, load: load.duration, took: performance.now() - before };
    };
    const startedAt = performance.now() - 50;
    const early = await measured(startedAt + 10, startedAt);
    assert.ok(Math.abs(early.ready - 10) < 0.01, `ready ends at the first lines' answer: ${early.ready}`);
    assert.ok(early.load >= 0 && early.load <= early.took, 'load: from this module\'s start to the analyzer handed over');
    const own = await measured(undefined, performance.now() - 50);
    assert.ok(own.ready >= 50, `without it, ready ends at this module's own answer: ${own.ready}`);
  });
  it('rejects when the background fails too (the UI then shows "unavailable")', async () => {
    const { loadAnalyzer } = await loading;
    answer = async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); };
    await assert.rejects(loadAnalyzer({ prefer: 'background' }), /Receiving end/);
    answer = async () => ({ ok: false, error: 'rejected: nope' });
    await assert.rejects(loadAnalyzer({ prefer: 'background' }), /rejected/);
    answer = async () => ({ ok: true, compact: 'not a report' });
    await assert.rejects(loadAnalyzer({ prefer: 'background' }), /compact report/);
    answer = async () => ({ ok: true, compact: { ...noFindings({ category: 'prohibited' }), findings: [0, 1] } });
    await assert.rejects(loadAnalyzer({ prefer: 'background' }), /compact report/);
  });
});

// The module's compact answers against its full reports, in browsers: tests/wasm/pkg.test.mjs; the
// Rust side of the format: tests/compact.rs.
describe('the compact report (ui/compact-report.js)', () => {
  const cite = { text: 'Do not ask for reviews.', source: 'Amazon', url: 'https://example.com/r' };
  const text = 'Please leave a 5-star review. Please leave a 5-star review!\n★★★';
  /** @param {number} start @param {number} end @param {Partial<import('../../extension/ui/types.js').Finding>} [o] */
  const finding = (start, end, o = {}) => ({ rule: 'RV001', name: 'asks-review', severity: 'error', start, end, match: text.slice(start, end), title: 'Asks for a review', message: 'Remove it.', cite, suggestions: [''], ...o });
  const rest = {
    lang: 'en', category: 'prohibited', empty: false, summary: 's', evidence: [], subject_advice: 'none', subject_advice_reason: '',
    critical_route_chosen: false, counts: { error: 4, warning: 0, info: 0 }, length: text.length,
  };
  const report = {
    ...rest,
    findings: [
      finding(0, 28), finding(30, 58),
      finding(60, 63, { rule: 'FM002', name: 'star-graphics', title: 'Star symbols', suggestions: ['', 'stars'] }),
      // a match that is not the text's slice (a lone surrogate the module saw as U+FFFD): as written
      finding(7, 12, { match: 'LEAVE' }),
    ],
  };
  const kind = (/** @type {any} */ f) => ({ rule: f.rule, name: f.name, severity: f.severity, title: f.title, message: f.message, cite: f.cite });
  const compact = {
    rest,
    kinds: [kind(report.findings[0]), kind(report.findings[2])],
    suggestions: [[''], ['', 'stars']],
    matches: ['LEAVE'],
    findings: [0, 0, 28, 0, -1, 0, 30, 58, 0, -1, 1, 60, 63, 1, -1, 0, 7, 12, 0, 0],
  };
  it('expands to the report of docs/report.md, matches cut from the text it was asked for', () => {
    const r = expandReport(structuredClone(compact), text);
    assert.deepEqual(r, report);
    assert.deepEqual(r.findings.map((f) => Object.keys(f)), report.findings.map(() => Object.keys(finding(0, 1))), 'keys in the report\'s order');
    assert.equal(expandReport(compact, text.toUpperCase()).findings[0].match, 'PLEASE LEAVE A 5-STAR REVIEW', 'the match comes from the text');
  });
  it('shares each kind\'s cite and each suggestion list between its findings', () => {
    const r = expandReport(compact, text);
    assert.equal(r.findings[0].cite, r.findings[1].cite);
    assert.equal(r.findings[0].suggestions, r.findings[3].suggestions);
    assert.notEqual(r.findings[0].suggestions, r.findings[2].suggestions);
  });
  it('rejects what is not a compact report', () => {
    assert.throws(() => expandReport(null, text), /compact report/);
    assert.throws(() => expandReport({ ...compact, kinds: 'x' }, text), /compact report/);
    assert.throws(() => expandReport({ ...compact, findings: [0, 1] }, text), /compact report/);
    assert.throws(() => expandReport({ ...compact, findings: [9, 0, 1, 0, -1] }, text), /bad finding \(number 0\)/);
    assert.throws(() => expandReport({ ...compact, findings: [0, 0, 1, 0, -1, 0, 0, 1, 7, -1] }, text), /bad finding \(number 1\)/);
    assert.throws(() => expandReport({ ...compact, findings: [0, 0, 1, 0, 5] }, text), /bad finding \(number 0\)/);
  });
});

describe('packaging helpers', () => {
  it('crc32 matches the reference value', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  });
  it('writes zips that unzip to the same bytes', () => {
    const files = [{ name: 'b/x.txt', data: Buffer.from('hello hello hello hello') }, { name: 'a.bin', data: Buffer.from([0, 1, 2, 3]) }];
    const zip = makeZip(files);
    assert.deepEqual(makeZip(files), zip, 'deterministic');
    // walk the local headers
    let off = 0;
    const seen = {};
    while (zip.readUInt32LE(off) === 0x04034b50) {
      const method = zip.readUInt16LE(off + 8);
      const csize = zip.readUInt32LE(off + 18);
      const nlen = zip.readUInt16LE(off + 26);
      const name = zip.subarray(off + 30, off + 30 + nlen).toString();
      const body = zip.subarray(off + 30 + nlen, off + 30 + nlen + csize);
      const data = method === 8 ? inflateRawSync(body) : body;
      assert.equal(crc32(data), zip.readUInt32LE(off + 14));
      seen[name] = data.toString('hex');
      off += 30 + nlen + csize;
    }
    assert.deepEqual(seen, { 'a.bin': '00010203', 'b/x.txt': Buffer.from('hello hello hello hello').toString('hex') });
  });
  it('draws PNG icons', () => {
    const png = drawIcon(32);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 32);
  });
});

/** @param {string} dir @returns {string[]} every file under dir */
const listFiles = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));

const built = existsSync(join(ROOT, 'dist', 'chrome', 'manifest.json')) && existsSync(join(ROOT, 'dist', 'firefox', 'manifest.json'));
describe('the built packages', { skip: !built && 'run ./build.sh first' }, () => {
  const read = (b, p) => JSON.parse(readFileSync(join(ROOT, 'dist', b, p), 'utf8'));
  it('one manifest per browser, least privilege, strict CSP', () => {
    const c = read('chrome', 'manifest.json');
    const f = read('firefox', 'manifest.json');
    for (const m of [c, f]) {
      assert.equal(m.manifest_version, 3);
      assert.deepEqual(m.permissions, ['storage']);
      assert.deepEqual(m.host_permissions, sc.HOSTS.map((h) => `https://${h}/*`));
      assert.equal(m.content_security_policy.extension_pages, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'");
      assert.deepEqual(m.content_scripts[0].matches, sc.HOSTS.map((h) => `https://${h}/messaging/*`));
      assert.deepEqual(m.web_accessible_resources[0].matches, m.host_permissions);
      assert.ok(!('optional_permissions' in m) && !('externally_connectable' in m));
    }
    assert.deepEqual(c.background, { service_worker: 'src/background.js', type: 'module' });
    assert.ok(!('browser_specific_settings' in c));
    assert.deepEqual(f.background, { scripts: ['src/background.js'], type: 'module' });
    assert.ok(parseFloat(f.browser_specific_settings.gecko.strict_min_version) >= 142);
    assert.deepEqual(f.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    assert.match(f.browser_specific_settings.gecko.id, /^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$/);
  });
  it('every file the manifests and the UI need is packaged; locales cover the UI strings', () => {
    for (const b of ['chrome', 'firefox']) {
      const m = read(b, 'manifest.json');
      const files = [...Object.values(m.icons), m.options_ui.page, ...m.content_scripts[0].js, m.background.service_worker ?? m.background.scripts[0],
        'pkg/msgguard.js', 'pkg/msgguard_bg.wasm', 'reference.html', 'src/page/seller-central.js'];
      for (const p of files) assert.ok(existsSync(join(ROOT, 'dist', b, p)), `${b}: ${p}`);
      const messages = read(b, '_locales/en/messages.json');
      const ui = JSON.parse(readFileSync(join(ROOT, 'extension', 'ui', 'messages.en.json'), 'utf8'));
      for (const k of Object.keys(ui)) assert.ok(k.replace(/[^A-Za-z0-9_]/g, '_') in messages, `${b}: missing string ${k}`);
      for (const k of ['extName', 'extDescription']) assert.ok(messages[k]?.message, k);
      const ref = readFileSync(join(ROOT, 'dist', b, 'reference.html'), 'utf8');
      assert.match(ref, /id="rv001"/);
    }
  });
  it('every module a shipped page or script imports is shipped too (only the content script is bundled)', () => {
    for (const b of ['chrome', 'firefox']) {
      const dir = join(ROOT, 'dist', b);
      const html = readFileSync(join(dir, 'options', 'options.html'), 'utf8');
      const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => join(dir, 'options', m[1]));
      const m = read(b, 'manifest.json');
      queue.push(join(dir, m.background.service_worker ?? m.background.scripts[0]));
      const seen = new Set();
      while (queue.length) {
        const f = /** @type {string} */ (queue.pop());
        if (seen.has(f)) continue;
        seen.add(f);
        assert.ok(existsSync(f), `${b}: ${relative(dir, f)} is imported but not packaged`);
        const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        for (const i of code.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
          queue.push(join(dirname(f), i[1] ?? i[2]));
        }
      }
      assert.ok(seen.size > 5, `${b}: the pages import their modules (${seen.size} files seen)`);
      const content = readFileSync(join(dir, m.content_scripts[0].js[0]), 'utf8');
      assert.doesNotMatch(content, /^\s*(import|export)\b/m, `${b}: the content script is a classic script (no import/export statements)`);
    }
  });
  it('no shipped file names the machine it was built on', () => {
    for (const b of ['chrome', 'firefox']) {
      for (const f of listFiles(join(ROOT, 'dist', b))) {
        if (/\.(png|wasm)$/.test(f)) continue;
        assert.ok(!readFileSync(f, 'utf8').includes(ROOT), `${b}: ${relative(join(ROOT, 'dist', b), f)} contains ${ROOT}`);
      }
    }
  });
  it('the zips hold exactly the unpacked folders', () => {
    for (const b of ['chrome', 'firefox']) {
      const zip = join(ROOT, 'dist', `message-guard-${b}.zip`);
      assert.ok(existsSync(zip), zip);
      const listed = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(sorted(z.namelist())))', zip]).toString().trim().split('\n');
      assert.ok(listed.includes('manifest.json') && listed.includes('pkg/msgguard_bg.wasm'), listed.join(' '));
      assert.ok(!listed.some((n) => n.endsWith('.d.ts') || n.includes('build.mjs') || n.endsWith('messages.en.json')), 'no sources that are not shipped');
    }
  });
});
