// @ts-check
/**
 * The content script's first lines: the first module of its bundle (content.js), so they run before
 * any other module of it is evaluated. "Analyzer ready" is timed from here (analyzer.js,
 * benches/browser/), and the analyzer's module starts compiling here, while the rest of the bundle is
 * evaluated and the page is searched for the form. On a page whose CSP forbids WebAssembly in content
 * scripts the compile fails, and analyzer.js asks the background instead.
 *
 * The module's bytes come inside the bundle (base64, written by extension/build.mjs), not from a fetch:
 * a content script's fetch of an extension file took Chromium about 20 ms before the first byte, more
 * than the compile itself, and the module then needs no web-accessible URL.
 * @module
 */

// @ts-ignore -- dist/pkg/ is written by build.sh; build.mjs inlines this file as a base64 string
import moduleBase64 from '../pkg/msgguard_bg.wasm';

const g = /** @type {any} */ (globalThis);

/** false when this content script already ran in this page (an extension reload injects it again) */
export const firstLoad = !g.__messageGuardLoaded;
g.__messageGuardLoaded = true;

/** performance.now() at the first line: "analyzer ready" counts from here */
export const startedAt = performance.now();

/** @type {Promise<WebAssembly.Module> | null} */
export const compiled = firstLoad ? compile() : null;

/** @returns {Promise<WebAssembly.Module> | null} */
function compile() {
  try {
    const module = WebAssembly.compile(decodeBase64(moduleBase64));
    module.catch(() => {}); // analyzer.js reports it, and asks the background
    return module;
  } catch {
    return null; // no WebAssembly here
  }
}

/**
 * @param {string} b64
 * @returns {Uint8Array<ArrayBuffer>}
 */
function decodeBase64(b64) {
  const U8 = /** @type {any} */ (Uint8Array);
  if (typeof U8.fromBase64 === 'function') return U8.fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
