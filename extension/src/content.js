// Message Guard content script (classic script: content scripts cannot be modules). It only loads the
// real content script, an ES module listed in web_accessible_resources for the Seller Central hosts.
// If anything fails, the page is left exactly as it was.
(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.__messageGuardLoaded) return;
  g.__messageGuardLoaded = true;
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  import(api.runtime.getURL('src/main.js'))
    .then((m) => m.start())
    .catch((e) => console.warn('[Message Guard] not started:', e));
})();
