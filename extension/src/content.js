// Message Guard content script (classic script: content scripts cannot be modules). It only loads the
// real content script, an ES module listed in web_accessible_resources for the Seller Central hosts.
// If anything fails, the page is left exactly as it was.
(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.__messageGuardLoaded) return;
  g.__messageGuardLoaded = true;
  // "Analyzer ready" is timed from here, the extension's first script (analyzer.js, benches/browser/).
  g.__messageGuardStart = performance.now();
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  // The analyzer's module is fetched and compiled while the content script's own module loads;
  // analyzer.js takes it. On a page whose CSP forbids WebAssembly in
  // content scripts the compile fails, and analyzer.js asks the background instead.
  try {
    const compiled = WebAssembly.compileStreaming(fetch(api.runtime.getURL('pkg/msgguard_bg.wasm')));
    compiled.catch(() => {});
    g.__messageGuardModule = compiled;
  } catch {
    // no streaming compile here: analyzer.js fetches and compiles it itself
  }
  // …and its JavaScript glue, one more request that need not wait either
  const glue = import(api.runtime.getURL('pkg/msgguard.js'));
  glue.catch(() => {});
  g.__messageGuardGlue = glue;
  import(api.runtime.getURL('src/main.js'))
    .then((m) => m.start())
    .catch((e) => console.warn('[Message Guard] not started:', e));
})();
