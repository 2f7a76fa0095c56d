#!/usr/bin/env node
// @ts-check
/**
 * Packages the extension for Chrome and Firefox from one source:
 *   dist/chrome/, dist/firefox/           unpacked extensions (load these in the browsers)
 *   dist/message-guard-chrome.zip, dist/message-guard-firefox.zip   for the stores
 *
 * Needs dist/pkg/msgguard.js + msgguard_bg.wasm (wasm-bindgen --target web; build.sh makes them).
 * Generates: per-browser manifest.json (hosts from extension/src/page/seller-central.js), _locales/en
 * (extension/ui/messages.en.json + extension/messages.en.json), icons (drawn here), and reference.html
 * (the rule reference, rendered from the analyzer's own rules()).
 *
 * Usage: node extension/build.mjs [--out DIR]   (DIR defaults to <repo>/dist)
 * No npm dependencies: node's zlib does the deflating for the PNGs and the zips.
 */

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync, deflateSync } from 'node:zlib';

const EXT = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(EXT);
const argOut = process.argv.indexOf('--out');
const DIST = argOut > 0 ? process.argv[argOut + 1] : join(ROOT, 'dist');
const PKG = join(DIST, 'pkg');

const GECKO_ID = 'message-guard@msgguard';
const FIREFOX_MIN = '142.0';
const CHROME_MIN = '121';
/** How the sources import the analyzer's package (`../pkg/msgguard.js`, `…_bg.wasm`): built into dist/pkg. */
const PKG_IMPORT = /\/pkg\/(msgguard(?:_bg\.wasm|\.js))$/;

// ------------------------------------------------------------------------------------------------
// CRC-32, PNG, ZIP

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** @param {Uint8Array} buf */
export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba
 */
export function encodePng(width, height, rgba) {
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A deterministic zip (fixed timestamps, sorted names, UTF-8 names, deflate or store).
 * @param {{name: string, data: Buffer}[]} files
 */
export function makeZip(files) {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  /** @type {Buffer[]} */
  const parts = [];
  /** @type {Buffer[]} */
  const central = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const f of sorted) {
    const name = Buffer.from(f.name, 'utf8');
    const deflated = deflateRawSync(f.data, { level: 9 });
    const store = deflated.length >= f.data.length;
    const body = store ? f.data : deflated;
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(0x0314, 4); // made by: unix, 2.0
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(store ? 0 : 8, 10);
    cd.writeUInt16LE(DOS_TIME, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(f.data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(0, 30);
    cd.writeUInt16LE(0, 32);
    cd.writeUInt16LE(0, 34);
    cd.writeUInt16LE(0, 36);
    cd.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

// ------------------------------------------------------------------------------------------------
// Icon: a navy shield with an orange check mark, drawn with 4×4 supersampling.

/** @param {number} size */
export function drawIcon(size) {
  const px = new Uint8Array(size * size * 4);
  const SS = 4;
  /** distance from p to segment ab */
  const segDist = (/** @type {number} */ x, /** @type {number} */ y, /** @type {number[]} */ [ax, ay, bx, by]) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy);
  };
  const HALF = 0.4, TOP = 0.06, SHOULDER = 0.52, TIP = 0.96;
  /** inside the shield outline, inset by `inset` */
  const inShield = (/** @type {number} */ x, /** @type {number} */ y, inset = 0) => {
    const h = HALF - inset;
    const dx = Math.abs(x - 0.5);
    // the top edge dips a little towards the middle, like a crest
    const top = TOP + inset + 0.05 * (1 - (dx / HALF) ** 2);
    if (y < top) return false;
    if (y <= SHOULDER) {
      // rounded top corners
      const r = 0.1;
      if (dx > h - r && y < top + r) return Math.hypot(dx - (h - r), y - (top + r)) <= r;
      return dx <= h;
    }
    const f = (y - SHOULDER) / (TIP - inset * 1.6 - SHOULDER);
    if (f > 1) return false;
    return dx <= h * Math.cos(f * Math.PI / 2) ** 0.8;
  };
  const check = [[0.28, 0.5, 0.44, 0.66], [0.44, 0.66, 0.73, 0.34]];
  const stroke = size <= 16 ? 0.075 : 0.062;
  const navy = [35, 47, 62], navyLight = [55, 75, 98], orange = [255, 153, 0], white = [255, 255, 255];
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxi + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (!inShield(x, y)) continue;
          let c;
          if (Math.min(...check.map((s) => segDist(x, y, s))) <= stroke) c = orange;
          else if (!inShield(x, y, size <= 16 ? 0.07 : 0.05)) c = size <= 16 ? navy : white;
          else {
            const k = y; // gentle vertical gradient
            c = navyLight.map((v, i) => Math.round(v * (1 - k) + navy[i] * k));
          }
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (py * size + pxi) * 4;
      const n = SS * SS;
      if (a) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, size, px);
}

// ------------------------------------------------------------------------------------------------
// Locales

/**
 * Chrome's messages.json from either format: {key: "text"} or {key: {message, description?, placeholders?}}.
 * Keys are limited to [A-Za-z0-9_] by the browsers; other characters become "_" (extension/src/i18n.js
 * does the same at run time).
 * @param {Record<string, unknown>} source
 * @param {string} origin
 */
function toChromeMessages(source, origin) {
  /** @type {Record<string, {message: string, description?: string, placeholders?: unknown}>} */
  const out = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('$') || key.startsWith('//')) continue; // comments / schema
    const k = key.replace(/[^A-Za-z0-9_]/g, '_');
    if (k.startsWith('@@')) throw new Error(`${origin}: reserved key ${key}`);
    /** @type {any} */
    const v = value;
    const entry = typeof v === 'string' ? { message: v } : v && typeof v.message === 'string' ? { ...v } : null;
    if (!entry) throw new Error(`${origin}: ${key} is neither a string nor {message}`);
    out[k] = entry;
  }
  return out;
}

function buildLocales() {
  /** @type {Record<string, any>} */
  let messages = {};
  const uiFile = join(EXT, 'ui', 'messages.en.json');
  if (existsSync(uiFile)) messages = toChromeMessages(JSON.parse(readFileSync(uiFile, 'utf8')), 'extension/ui/messages.en.json');
  else console.warn('build.mjs: extension/ui/messages.en.json is missing; packaging only the shell strings');
  const own = toChromeMessages(JSON.parse(readFileSync(join(EXT, 'messages.en.json'), 'utf8')), 'extension/messages.en.json');
  for (const [k, v] of Object.entries(own)) {
    if (k in messages && messages[k].message !== v.message) {
      throw new Error(`build.mjs: message key ${k} is defined differently by extension/ui and extension/messages.en.json`);
    }
    if (!(k in messages)) messages[k] = v;
  }
  return messages;
}

// ------------------------------------------------------------------------------------------------
// Rule reference

/** @param {string} s */
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** @param {string} example marks the flagged span with « » */
const markExample = (example) => esc(example).replace(/«(.*?)»/g, '<mark>$1</mark>');

async function buildReference(/** @type {string} */ title) {
  const mod = await import(pathToFileURL(join(PKG, 'msgguard.js')).href);
  await mod.default({ module_or_path: readFileSync(join(PKG, 'msgguard_bg.wasm')) });
  /** @type {import('./ui/types.js').RuleBook[]} */
  const books = mod.rules();
  const version = mod.version();
  const sections = books.map((book) => {
    const rules = book.rules.map((r) => `
<section class="rule sev-${esc(r.severity)}" id="${esc(r.code.toLowerCase())}">
  <h3><a href="#${esc(r.code.toLowerCase())}" class="code">${esc(r.code)}</a> ${esc(r.title)} <span class="sev">${esc(r.severity)}</span></h3>
  <p>${esc(r.message)}</p>
  ${r.why ? `<p class="why">${esc(r.why)}</p>` : ''}
  ${r.cite ? `<blockquote><p>${esc(r.cite.text)}</p><footer>${r.cite.url ? `<a href="${esc(r.cite.url)}" rel="noreferrer noopener" target="_blank">${esc(r.cite.source)}</a>` : esc(r.cite.source)}</footer></blockquote>` : ''}
  ${r.flag?.length ? `<details><summary>Examples</summary><ul class="flag">${r.flag.map((e) => `<li>${markExample(e)}</li>`).join('')}</ul>${r.pass?.length ? `<p class="passhead">Fine:</p><ul class="pass">${r.pass.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` : ''}</details>` : ''}
</section>`).join('\n');
    const toc = book.rules.map((r) => `<li><a href="#${esc(r.code.toLowerCase())}">${esc(r.code)}</a> ${esc(r.title)}</li>`).join('');
    return `<h2 id="lang-${esc(book.lang)}">${esc(book.name)}</h2><nav><ul class="toc">${toc}</ul></nav>${rules}`;
  }).join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="reference.css">
</head>
<body>
<header><img src="icons/icon-48.png" alt="" width="40" height="40"><div><h1>${esc(title)}</h1><p>Every rule Message Guard checks, in Amazon's words, with examples. Analyzer ${esc(version)}.</p></div></header>
<main>
${sections}
</main>
</body>
</html>
`;
  const css = `:root { color-scheme: light dark; font: 15px/1.5 system-ui, sans-serif; --line: #d5d9d9; }
body { margin: 0; }
header { display: flex; gap: 1rem; align-items: center; padding: 1rem 1.5rem; background: #232f3e; color: #fff; }
header h1 { margin: 0; font-size: 1.3rem; } header p { margin: .2rem 0 0; opacity: .85; }
main { max-width: 52rem; padding: 0 1.5rem 3rem; }
.toc { columns: 2; padding-left: 1.2rem; font-size: .92rem; }
.rule { border-top: 1px solid var(--line); padding: .6rem 0 .4rem; scroll-margin-top: 1rem; }
.rule:target { background: #fff8e6; outline: 3px solid #ff9900; outline-offset: 4px; }
@media (prefers-color-scheme: dark) { .rule:target { background: #3a2f14; } }
.rule h3 { margin: .2rem 0 .3rem; font-size: 1.05rem; }
.code { font-family: ui-monospace, monospace; text-decoration: none; margin-right: .35rem; }
.sev { font-size: .75rem; font-weight: 600; text-transform: uppercase; padding: .05rem .4rem; border-radius: .6rem; margin-left: .4rem; vertical-align: middle; }
.sev-error .sev { background: #fde8e8; color: #b12704; } .sev-warning .sev { background: #fff4d6; color: #8a5a00; } .sev-info .sev { background: #e6f0fa; color: #1a5c99; }
.why { color: GrayText; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; border-left: 4px solid #ff9900; background: rgba(127,127,127,.08); }
blockquote p { margin: 0; } blockquote footer { font-size: .85rem; margin-top: .2rem; }
mark { background: #ffd8d0; color: inherit; text-decoration: underline wavy #b12704; }
.passhead { margin: .2rem 0 0; font-size: .9rem; }
`;
  return { html, css };
}

// ------------------------------------------------------------------------------------------------
// Packaging

/**
 * @param {string} dir
 * @returns {string[]} relative paths (forward slashes) of the files under dir
 */
function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Files of extension/ that go into the packages (sources only: no tests, no build script, no JSON sources). */
const SHIP = /\.(js|css|html|svg|png|woff2)$/;

/**
 * @param {'chrome' | 'firefox'} browser
 * @param {{HOST_MATCHES: readonly string[], CONTENT_MATCHES: readonly string[]}} hosts
 * @param {string} version
 */
function manifestFor(browser, hosts, version) {
  const base = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
  base.version = version;
  base.host_permissions = [...hosts.HOST_MATCHES];
  base.content_scripts = base.content_scripts.map((/** @type {any} */ cs) => ({ ...cs, matches: [...hosts.CONTENT_MATCHES] }));
  base.web_accessible_resources = base.web_accessible_resources.map((/** @type {any} */ w) => ({ ...w, matches: [...hosts.HOST_MATCHES] }));
  if (browser === 'chrome') {
    base.background = { service_worker: 'src/background.js', type: 'module' };
    base.minimum_chrome_version = CHROME_MIN;
  } else {
    base.background = { scripts: ['src/background.js'], type: 'module' };
    base.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN, data_collection_permissions: { required: ['none'] } },
    };
    delete base.short_name;
  }
  return base;
}

async function main() {
  for (const f of ['msgguard.js', 'msgguard_bg.wasm']) {
    if (!existsSync(join(PKG, f))) {
      console.error(`build.mjs: ${join(PKG, f)} is missing. Build the analyzer first (./build.sh), then run this.`);
      process.exit(1);
    }
  }
  if (!existsSync(join(EXT, 'ui', 'guard.js'))) {
    console.error('build.mjs: extension/ui/guard.js is missing (the shared DOM layer); cannot package.');
    process.exit(1);
  }
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const hosts = await import(pathToFileURL(join(EXT, 'src', 'page', 'seller-central.js')).href);
  const messages = buildLocales();
  const ref = await buildReference(messages.referenceTitle?.message ?? 'Message Guard: rule reference');
  /** @type {Record<string, Buffer>} */
  const icons = {};
  for (const size of [16, 32, 48, 128]) icons[`icons/icon-${size}.png`] = drawIcon(size);

  const contentBundle = await bundleContentScript();
  const pages = await pageModules();
  for (const browser of /** @type {const} */ (['chrome', 'firefox'])) {
    const out = join(DIST, browser);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const sub of ['src', 'ui', 'options']) {
      const from = join(EXT, sub);
      if (!existsSync(from)) continue;
      for (const rel of listFiles(from)) {
        if (!SHIP.test(rel) || /(^|\/)(test|tests|__tests__)\//.test(rel) || /\.test\.m?js$/.test(rel)) continue;
        // scripts only if a page loads them: the content script's modules ship inside its bundle
        if (/\.js$/.test(rel) && !pages.has(`${sub}/${rel}`)) continue;
        mkdirSync(dirname(join(out, sub, rel)), { recursive: true });
        cpSync(join(from, rel), join(out, sub, rel));
      }
    }
    writeFileSync(join(out, 'src', 'content.js'), contentBundle);
    mkdirSync(join(out, 'pkg'), { recursive: true });
    for (const f of ['msgguard.js', 'msgguard_bg.wasm']) cpSync(join(PKG, f), join(out, 'pkg', f));
    mkdirSync(join(out, 'icons'), { recursive: true });
    for (const [name, data] of Object.entries(icons)) writeFileSync(join(out, name), data);
    mkdirSync(join(out, '_locales', 'en'), { recursive: true });
    writeFileSync(join(out, '_locales', 'en', 'messages.json'), JSON.stringify(messages, null, 2) + '\n');
    writeFileSync(join(out, 'reference.html'), ref.html);
    writeFileSync(join(out, 'reference.css'), ref.css);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(browser, hosts, version), null, 2) + '\n');

    const files = listFiles(out).map((name) => ({ name, data: readFileSync(join(out, name)) }));
    const zip = makeZip(files);
    const zipPath = join(DIST, `message-guard-${browser}.zip`);
    writeFileSync(zipPath, zip);
    const sha = createHash('sha256').update(zip).digest('hex').slice(0, 12);
    console.log(`build.mjs: ${relative(ROOT, out)}/ (${files.length} files), ${relative(ROOT, zipPath)} ${(zip.length / 1024).toFixed(0)} KiB sha256:${sha}…`);
  }
}

/**
 * The content script (extension/src/content.js), every module it imports, the analyzer's glue and its
 * wasm module (base64), as one classic script (esbuild, an IIFE): nothing to request before the
 * analyzer can start, and nothing of the content script's needs a web-accessible URL. Not minified:
 * what ships reads like the source.
 * @returns {Promise<string>}
 */
/** The sources import the analyzer where it lies in a package (pkg/ beside src/); it is built into dist/pkg. */
const PKG_PLUGIN = {
  name: 'msgguard-pkg',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    b.onResolve({ filter: PKG_IMPORT }, (a) => ({ path: join(PKG, /** @type {RegExpExecArray} */ (PKG_IMPORT.exec(a.path))[1]) }));
  },
};

/** esbuild's options for a script that imports nothing at run time (the content script, the worker). */
const CLASSIC_SCRIPT = /** @type {const} */ ({
  bundle: true,
  format: 'iife',
  write: false,
  target: ['chrome120', 'firefox128'],
  legalComments: 'none',
  logLevel: 'silent',
});

/**
 * A dedicated worker's script (extension/src/analysis-worker.js) bundled with the glue it imports into
 * one classic script, which the content script carries as a string and starts from a blob: URL (a
 * content script cannot start a worker from an extension file).
 * @param {string} entry
 * @returns {Promise<string>}
 */
async function bundleWorker(entry) {
  const { build } = await import('esbuild');
  const result = await build({
    ...CLASSIC_SCRIPT,
    entryPoints: [entry],
    minify: true,
    plugins: [PKG_PLUGIN],
  });
  if (result.errors.length || result.outputFiles.length !== 1) throw new Error(`build.mjs: bundling ${relative(EXT, entry)} failed: ${JSON.stringify(result.errors)}`);
  const code = result.outputFiles[0].text;
  // the glue's fetch path is not in it: the worker is handed the compiled module
  if (/\bfetch\(/.test(code)) throw new Error(`build.mjs: the worker's bundle (${relative(EXT, entry)}) can fetch: it should only instantiate the module it is given`);
  return code;
}

async function bundleContentScript() {
  const { build } = await import('esbuild');
  const result = await build({
    ...CLASSIC_SCRIPT,
    entryPoints: [join(EXT, 'src', 'content.js')],
    // the module itself as a base64 string (content-start.js): no fetch before it can compile
    loader: { '.wasm': 'base64' },
    plugins: [PKG_PLUGIN, {
      // `import source from './analysis-worker.js?worker-source'`: that worker's own bundle, as a string
      name: 'worker-source',
      setup(b) {
        // relative paths: the bundle names its modules, and must not name the machine it was built on
        b.onResolve({ filter: /\?worker-source$/ }, (a) => ({
          path: relative(ROOT, join(a.resolveDir, a.path.replace(/\?worker-source$/, ''))).split(sep).join('/'),
          namespace: 'worker-source',
        }));
        b.onLoad({ filter: /.*/, namespace: 'worker-source' }, async (a) => ({ contents: await bundleWorker(join(ROOT, a.path)), loader: 'text' }));
      },
    }],
  });
  if (result.errors.length || result.outputFiles.length !== 1) throw new Error(`build.mjs: bundling src/content.js failed: ${JSON.stringify(result.errors)}`);
  const code = result.outputFiles[0].text;
  // the fail-open tests break this function in the shipped bundle (tests/e2e/lib/broken.mjs)
  if (!/\bfunction analyze_compact\(/.test(code)) throw new Error('build.mjs: the bundled glue has no analyze_compact function (renamed by esbuild?)');
  return `// Message Guard's content script: extension/src/content.js, the modules it imports, the analyzer's glue and its module, bundled by extension/build.mjs.\n${code}`;
}

/**
 * The extension's files that its pages (background, options) load as modules: only these ship as
 * separate scripts.
 * @returns {Promise<Set<string>>}  paths relative to extension/, forward slashes
 */
async function pageModules() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(EXT, 'src', 'background.js'), join(EXT, 'options', 'options.js')],
    bundle: true,
    format: 'esm',
    write: false,
    outdir: join(DIST, '.page-modules'),
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: 'silent',
    plugins: [{
      name: 'external-glue',
      setup(b) {
        b.onResolve({ filter: PKG_IMPORT }, (a) => ({ path: a.path, external: true }));
      },
    }],
  });
  if (result.errors.length || !result.metafile) throw new Error(`build.mjs: reading the pages' imports failed: ${JSON.stringify(result.errors)}`);
  const files = new Set(Object.keys(result.metafile.inputs).map((p) => relative(EXT, join(ROOT, p)).split(sep).join('/')));
  for (const need of ['src/background.js', 'options/options.js']) if (!files.has(need)) throw new Error(`build.mjs: ${need} is not among the pages' modules: ${[...files].join(', ')}`);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
