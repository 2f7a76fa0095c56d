// @ts-check
/**
 * The content script's first lines: the first module of its bundle (content.js), so they run before
 * any other module of it is evaluated. "Analyzer ready" is timed from here (analyzer.js,
 * benches/browser/), and the analyzer's module starts downloading and compiling here, while the rest
 * of the bundle is evaluated and the page is searched for the form. On a page whose CSP forbids
 * WebAssembly in content scripts the compile fails, and analyzer.js asks the background instead.
 * @module
 */

const g = /** @type {any} */ (globalThis);

/** false when this content script already ran in this page (an extension reload injects it again) */
export const firstLoad = !g.__messageGuardLoaded;

if (firstLoad) {
  g.__messageGuardLoaded = true;
  g.__messageGuardStart = performance.now();
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  try {
    const compiled = WebAssembly.compileStreaming(fetch(api.runtime.getURL('pkg/msgguard_bg.wasm')));
    compiled.catch(() => {});
    g.__messageGuardModule = compiled;
  } catch {
    // no streaming compile here: analyzer.js fetches and compiles the module itself
  }
}
