// @ts-check
/**
 * Loads the analyzer (dist/pkg, copied to ./pkg/ by build.mjs) once per page. Its reports cross from
 * the module in the compact form and are expanded here, as in the extension (ui/compact-report.js).
 * @module
 */

import { expandReport } from './ui/compact-report.js';

/** @typedef {import('./ui/types.js').Report} Report */
/** @typedef {import('./ui/types.js').RuleBook} RuleBook */
/** @typedef {import('./ui/types.js').AnalyzeOptions} AnalyzeOptions */

/**
 * The wasm-bindgen module's exports this page uses (docs/report.md).
 * @typedef {object} Engine
 * @property {(text: string, options?: AnalyzeOptions) => Report} analyze  `analyze_compact`, expanded
 * @property {() => RuleBook[]} rules
 * @property {() => string} version
 * @property {(lang?: string) => void} warm_up
 */

/** @type {Promise<Engine> | null} */
let loading = null;

/** @returns {Promise<Engine>} */
export function loadEngine() {
  if (!loading) {
    loading = (async () => {
      const url = new URL('./pkg/msgguard.js', import.meta.url).href;
      const pkg = await import(url);
      await pkg.default({ module_or_path: new URL('./pkg/msgguard_bg.wasm', import.meta.url) });
      /** @type {Engine} */
      const engine = {
        analyze: (text, options) => expandReport(pkg.analyze_compact(text, options), text),
        rules: pkg.rules,
        version: pkg.version,
        warm_up: pkg.warm_up,
      };
      try { engine.warm_up(); } catch { /* optional */ }
      return engine;
    })();
  }
  return loading;
}

/** @returns {Promise<(key: string, subs?: string[]) => string>} */
export async function loadStrings() {
  const { makeTranslator } = await import('./ui/i18n.js');
  const res = await fetch(new URL('./ui/messages.en.json', import.meta.url));
  if (!res.ok) throw new Error('messages.en.json: HTTP ' + res.status);
  return makeTranslator(await res.json());
}
