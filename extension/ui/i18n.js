// @ts-check
/**
 * A translator with chrome.i18n.getMessage() semantics over a messages.json object, for pages that
 * have no extension API (the test page). The extension passes chrome.i18n.getMessage instead.
 * @module
 */

/**
 * @typedef {{message: string, description?: string, placeholders?: Record<string, {content: string, example?: string}>}} MessageEntry
 * @typedef {Record<string, MessageEntry>} Messages
 */

/**
 * Builds `t(key, subs)` from a messages.json object: `$NAME$` takes its placeholder's content, `$1`–`$9`
 * take the substitutions, `$$` is a dollar sign. Unknown keys give "" (as chrome.i18n does).
 * @param {Messages} messages
 * @returns {(key: string, subs?: string[] | string) => string}
 */
export function makeTranslator(messages) {
  /** @type {Map<string, MessageEntry>} */
  const byKey = new Map();
  for (const [key, entry] of Object.entries(messages)) byKey.set(key.toLowerCase(), entry);
  return (key, subs) => {
    const entry = byKey.get(String(key).toLowerCase());
    if (!entry) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const placeholders = entry.placeholders ?? {};
    /** @type {Record<string, string>} */
    const named = {};
    for (const [name, ph] of Object.entries(placeholders)) named[name.toLowerCase()] = ph.content;
    const direct = (/** @type {string} */ s) =>
      s.replace(/\$(\$|[1-9])/g, (_, d) => (d === '$' ? '$' : String(list[Number(d) - 1] ?? '')));
    return entry.message.replace(/\$(\$|[1-9]|[A-Za-z0-9_@]+\$)/g, (whole, inner) => {
      if (inner === '$') return '$';
      if (/^[1-9]$/.test(inner)) return String(list[Number(inner) - 1] ?? '');
      const name = inner.slice(0, -1).toLowerCase();
      return name in named ? direct(named[name]) : whole;
    });
  };
}
