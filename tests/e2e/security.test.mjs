// Security pins, without a browser: the manifests' permissions, hosts, CSP and web-accessible resources
// are exactly the reviewed lists (widening any of them must change this file too); the shipped code has
// no eval and loads nothing remote; the background accepts only its own senders and well-formed
// requests (extension/src/protocol.js, background.js).
//
//   node --test tests/e2e/security.test.mjs   (after ./build.sh build)
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/scenarios.mjs';

const { senderProblem, validatePortMessage, MAX_TEXT, PORT_NAME } = await import(pathToFileURL(join(ROOT, 'extension', 'src', 'protocol.js')).href);

/** The reviewed lists. Changing one is a deliberate decision: say why in the commit. */
const PERMISSIONS = ['storage'];
const HOSTS = [
  'sellercentral.amazon.com', 'sellercentral.amazon.ca', 'sellercentral.amazon.com.mx', 'sellercentral.amazon.com.br',
  'sellercentral-europe.amazon.com', 'sellercentral.amazon.co.uk', 'sellercentral.amazon.de', 'sellercentral.amazon.fr',
  'sellercentral.amazon.it', 'sellercentral.amazon.es', 'sellercentral.amazon.nl', 'sellercentral.amazon.se',
  'sellercentral.amazon.pl', 'sellercentral.amazon.com.be', 'sellercentral.amazon.ie', 'sellercentral.amazon.com.tr',
  'sellercentral.amazon.eg', 'sellercentral.amazon.sa', 'sellercentral.amazon.ae', 'sellercentral.amazon.in',
  'sellercentral.amazon.co.za', 'sellercentral.amazon.sg', 'sellercentral.amazon.com.au', 'sellercentral.amazon.co.jp',
  'sellercentral-japan.amazon.com',
];
const HOST_PERMISSIONS = HOSTS.map((h) => `https://${h}/*`);
const CONTENT_MATCHES = HOSTS.map((h) => `https://${h}/messaging/*`);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'";
// Pages can load these by URL: the rule reference the card links to, nothing else. The content script's
// code, the analyzer's glue and its module are one bundled file.
const WEB_ACCESSIBLE = {
  chrome: [{ resources: ['reference.html', 'reference.css'], matches: HOST_PERMISSIONS }],
  firefox: [{ resources: ['reference.html', 'reference.css'], matches: HOST_PERMISSIONS }],
};
/** Every top-level key a manifest may have; a new one (say `externally_connectable`) is a review. */
const KEYS = {
  chrome: ['background', 'content_scripts', 'content_security_policy', 'default_locale', 'description', 'host_permissions', 'icons',
    'manifest_version', 'minimum_chrome_version', 'name', 'options_ui', 'permissions', 'short_name', 'version', 'web_accessible_resources'],
  firefox: ['background', 'browser_specific_settings', 'content_scripts', 'content_security_policy', 'default_locale', 'description',
    'host_permissions', 'icons', 'manifest_version', 'name', 'options_ui', 'permissions', 'version', 'web_accessible_resources'],
};

const built = ['chrome', 'firefox'].every((b) => existsSync(join(ROOT, 'dist', b, 'manifest.json')));
const manifest = (b) => JSON.parse(readFileSync(join(ROOT, 'dist', b, 'manifest.json'), 'utf8'));

describe('the manifests are pinned', { skip: !built && 'run ./build.sh build first' }, () => {
  for (const b of /** @type {const} */ (['chrome', 'firefox'])) {
    it(`${b}: permissions, hosts, content scripts, CSP and web-accessible resources are the reviewed lists`, () => {
      const m = manifest(b);
      assert.deepEqual(Object.keys(m).sort(), KEYS[b], `${b}: manifest keys`);
      assert.deepEqual(m.permissions, PERMISSIONS, `${b}: permissions`);
      assert.deepEqual(m.host_permissions, HOST_PERMISSIONS, `${b}: host permissions`);
      assert.ok(!('optional_permissions' in m) && !('optional_host_permissions' in m), `${b}: no optional permissions`);
      assert.equal(m.content_scripts.length, 1);
      assert.deepEqual(m.content_scripts[0], { js: ['src/content.js'], run_at: 'document_idle', all_frames: false, matches: CONTENT_MATCHES });
      assert.deepEqual(m.content_security_policy, { extension_pages: CSP }, `${b}: CSP`);
      assert.deepEqual(m.web_accessible_resources, WEB_ACCESSIBLE[b], `${b}: web-accessible resources`);
    });
  }
  it('the host list is the page module\'s (one source for the manifests and the background check)', async () => {
    const sc = await import(pathToFileURL(join(ROOT, 'extension', 'src', 'page', 'seller-central.js')).href);
    assert.deepEqual([...sc.HOSTS], HOSTS);
  });
});

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe('no eval, no remote code', { skip: !built && 'run ./build.sh build first' }, () => {
  for (const b of ['chrome', 'firefox']) {
    it(`${b}: the shipped scripts and pages`, () => {
      const dir = join(ROOT, 'dist', b);
      for (const f of files(dir).filter((p) => /\.(m?js|html)$/.test(p))) {
        const rel = relative(dir, f);
        const src = readFileSync(f, 'utf8');
        assert.doesNotMatch(src, /\beval\s*\(|new\s+Function\s*\(|\bsetTimeout\s*\(\s*['"`]|\bsetInterval\s*\(\s*['"`]/, `${b}/${rel}: string evaluation`);
        assert.doesNotMatch(src, /\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b/, `${b}/${rel}: a network API`);
        assert.doesNotMatch(src, /<script[^>]+src=["']?(https?:)?\/\//i, `${b}/${rel}: a remote script`);
        assert.doesNotMatch(src, /\bimport\s*(\(\s*)?['"`]https?:/, `${b}/${rel}: a remote import`);
        // Dynamic imports load the extension's own files only (JSDoc's import('./x.js').Type aside).
        const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        for (const m of code.matchAll(/\bimport\s*\(([^)]*)/g)) assert.match(m[1], /^\s*api\.runtime\.getURL\(/, `${b}/${rel}: import(${m[1]})`);
        // fetch is wasm-bindgen's loader (the glue: pkg/msgguard.js, and its copy in the content script's
        // bundle), given the extension's own URL by background.js, a compiled module by analyzer.js
        for (const [part, partSrc] of sourcesOf(rel, src)) {
          if (part === 'pkg/msgguard.js') continue;
          const partCode = partSrc.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
          assert.doesNotMatch(partCode, /\bfetch\s*\(/, `${b}/${rel} (${part}): a fetch`);
          // one worker, started from the bundle's own copy of analysis-worker.js (a blob: URL of it)
          if (part !== 'src/off-thread.js') assert.doesNotMatch(partCode, /\bnew\s+(Shared)?Worker\s*\(/, `${b}/${rel} (${part}): starts a worker`);
        }
      }
      const bundle = readFileSync(join(dir, 'src/content.js'), 'utf8');
      for (const f of ['src/background.js', 'src/content.js']) {
        const given = [...readFileSync(join(dir, f), 'utf8').matchAll(/module_or_path:\s*([^}]*)/g)].map((m) => m[1].trim());
        assert.ok(given.length > 0, `${b}/${f}: loads the module`);
        for (const g of given) assert.match(g, /^(api\.runtime\.getURL\((['"])pkg\/msgguard_bg\.wasm\2\)|await local\.module)$/, `${b}/${f}: the wasm comes from the package`);
      }
      // …where `local.module` is the bundle's own copy of the packaged module, compiled at its first lines
      const inlined = [...bundle.matchAll(/^\s*var \w+ = "(AGFzbQ[A-Za-z0-9+/=]+)";$/gm)];
      assert.equal(inlined.length, 1, `${b}: one wasm module inlined in the content script`);
      assert.ok(Buffer.from(inlined[0][1], 'base64').equals(readFileSync(join(dir, 'pkg', 'msgguard_bg.wasm'))), `${b}: the inlined module is the packaged one`);
      assert.match(bundle, /return \{ module: new WebAssembly\.Module\(decodeBase64\(\w+\)\) \};/);
      assert.match(bundle, /initSync\(\{ module \}\);/, `${b}: the first lines instantiate that module`);
      const at = (/** @type {string} */ f) => bundle.indexOf(`// extension/src/${f}`);
      assert.ok(at('content-clock.js') >= 0 && at('content-clock.js') < bundle.indexOf('// dist/pkg/msgguard.js'), `${b}: the clock starts first in the bundle`);
      assert.ok(at('content-start.js') < at('main.js'), `${b}: the analyzer is loaded before the content script's other modules are evaluated`);
      const worker = [...bundle.matchAll(/^\s*var analysis_worker_default = (['"`])(.*)\1;$/gm)];
      assert.equal(worker.length, 1, `${b}: the analysis worker's script, once, as a string`);
      assert.match(bundle, /new Worker\(url\)/, `${b}: the worker is started from that string (a blob: URL)`);
    });
  }
});

/**
 * A shipped script's parts: esbuild's bundle says where each source file begins ("  // dist/pkg/msgguard.js");
 * any other script is one part, named by its own path.
 * @param {string} rel  the script's path in the package
 * @param {string} code  its text, comments and all (the markers are comments)
 * @returns {Array<[string, string]>}
 */
function sourcesOf(rel, code) {
  if (rel.split(/[\\/]/).join('/') !== 'src/content.js') return [[rel.split(/[\\/]/).join('/'), code]];
  const parts = /** @type {Array<[string, string]>} */ ([]);
  // the analysis worker's script is in it as a string, marked "  // worker-source:extension/src/…"
  const marks = [...code.matchAll(/^ {2}\/\/ (?:worker-source:)?((?:extension|dist)\/\S+\.js)$/gm)];
  assert.ok(marks.length > 5, 'the content script is a bundle with one marker per source file');
  marks.forEach((m, i) => parts.push([m[1].replace(/^(extension|dist)\//, ''), code.slice(m.index, marks[i + 1]?.index ?? code.length)]));
  return parts;
}

describe('background requests: only our own senders, checked types and sizes', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const BASE = `chrome-extension://${ID}/`;
  const tab = { id: 7, url: 'https://sellercentral.amazon.co.uk/messaging/contact?orderID=1' };
  const contentScript = { id: ID, url: tab.url, tab, frameId: 0 };
  const ok = { type: 'analyze', text: 'Hello', options: { subject: 'Other' } };
  /** What background.js does: the port's sender checked when it connects, then each message on it. */
  const accept = (message, sender, base = BASE) => {
    const problem = senderProblem(sender, ID, base);
    return problem ? { ok: false, error: problem } : validatePortMessage({ id: 1, request: message });
  };
  const check = (message, sender) => accept(message, sender);

  it('accepts the content script in the top frame of a Seller Central tab, and the extension\'s own pages', () => {
    assert.equal(check(ok, contentScript).ok, true);
    assert.equal(check(ok, { id: ID, url: `${BASE}options/options.html` }).ok, true);
    assert.equal(check(ok, { id: ID, url: `${BASE}options/options.html`, tab: { id: 2 }, frameId: 0 }).ok, true);
    assert.equal(check({ type: 'analyze', text: 'x'.repeat(MAX_TEXT) }, contentScript).ok, true);
  });

  it('refuses other extensions, web pages, look-alike hosts, sub-frames and senders outside a tab', () => {
    const senders = {
      'another extension': { ...contentScript, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' },
      'no id (a web page)': { url: tab.url, tab, frameId: 0 },
      'a look-alike host': { ...contentScript, url: 'https://sellercentral.amazon.com.evil.example/messaging/contact' },
      'a host ending like Amazon': { ...contentScript, url: 'https://evil-sellercentral.amazon.com/messaging/' },
      'user:pass@ look-alike': { ...contentScript, url: 'https://sellercentral.amazon.com@evil.example/messaging/' },
      'http': { ...contentScript, url: 'http://sellercentral.amazon.com/messaging/contact' },
      'a sub-frame': { ...contentScript, frameId: 3 },
      'no tab': { id: ID, url: tab.url },
      'another extension\'s page': { id: ID, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' },
      'a host that starts like ours': { id: ID, url: `chrome-extension://${ID}x/options.html` },
      'no URL': { id: ID, tab, frameId: 0 },
      'a data: URL': { id: ID, url: 'data:text/html,<p>x', tab, frameId: 0 },
      'no sender': undefined,
      'a page when no base is given': 'no-base',
    };
    for (const [what, sender] of Object.entries(senders)) {
      const v = sender === 'no-base'
        ? accept(ok, { id: ID, url: `${BASE}options/options.html` }, '')
        : check(ok, /** @type {any} */ (sender));
      assert.equal(v.ok, false, `accepted ${what}`);
      assert.match(v.error, /^rejected: /);
    }
  });

  it('refuses wrong types, unknown fields and oversized values', () => {
    const bad = [
      { type: 'analyze', text: 'x'.repeat(MAX_TEXT + 1) },
      { type: 'analyze', text: 'x', options: { subject: 'x'.repeat(1001) } },
      { type: 'analyze', text: 'x', options: { lang: 'en' + '-abcdefgh'.repeat(10) } },
      { type: 'analyze', text: 'x', options: { opted_out: 1 } },
      { type: 'analyze', text: new String('x') },
      { type: 'analyze', text: ['x'] },
      { type: ['analyze'], text: 'x' },
      { type: 'analyze', text: 'x', options: 'subject' },
      { type: 'analyze', text: 'x', toString: 'y' },
      JSON.parse('{"type":"analyze","text":"x","__proto__":{"polluted":1}}'),
      new Map([['type', 'analyze']]),
      [ok],
      'analyze',
      42,
      undefined,
    ];
    for (const message of bad) {
      const v = check(message, contentScript);
      assert.equal(v.ok, false, `accepted ${String(JSON.stringify(message)).slice(0, 80)}`);
      assert.match(v.error, /^rejected: /);
      assert.ok(v.error.length < 120, 'errors do not echo what was sent');
    }
    assert.equal(/** @type {any} */ ({}).polluted, undefined, 'no prototype pollution');
  });

  it('refuses envelopes without a proper id, or with anything beside the request', () => {
    assert.deepEqual(validatePortMessage({ id: 7, request: ok }), { ok: true, id: 7, request: { ...ok, options: { subject: 'Other' } } });
    for (const id of [-1, 1.5, '1', null, undefined, Number.MAX_SAFE_INTEGER + 1, NaN, { valueOf: () => 1 }]) {
      const v = validatePortMessage({ id, request: ok });
      assert.equal(v.ok, false, `accepted id ${String(id)}`);
      assert.equal(v.id, null, 'no id to answer to');
    }
    for (const envelope of [{ id: 1, request: ok, extra: 1 }, { id: 1 }, { id: 1, request: 'analyze' }, [1, ok], 'x', null]) {
      const v = validatePortMessage(envelope);
      assert.equal(v.ok, false, `accepted ${String(JSON.stringify(envelope)).slice(0, 80)}`);
      assert.match(v.error, /^rejected: /);
    }
    assert.equal(validatePortMessage({ id: 3, request: { type: 'eval', text: 'x' } }).id, 3, 'a refusal names the request it answers');
  });

  it('the background listens on its own ports only: no one-off messages, nothing from outside', () => {
    const bg = readFileSync(join(ROOT, 'extension', 'src', 'background.js'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.deepEqual([...bg.matchAll(/\bon[A-Z]\w*\.addListener/g)].map((m) => m[0]), ['onConnect.addListener', 'onMessage.addListener']);
    assert.match(bg, /onConnect\.addListener\(\(port\) => \{\s*[^{}]*if \(port\.name !== PORT_NAME \|\| senderProblem\(port\.sender, api\.runtime\.id, EXTENSION_BASE\)\) \{\s*port\.disconnect\(\);\s*return;/,
      'a port is checked (name, sender) before anything else, and closed when it is not ours');
    assert.match(bg, /port\.onMessage\.addListener/, 'messages are read on the checked port only');
    assert.equal(PORT_NAME, 'msgguard-analyze');
  });
});
