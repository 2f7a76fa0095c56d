// @ts-check
/**
 * The page's contact reason, remembered between keystrokes. Reading it walks the form's components
 * and their shadow roots; a keystroke asked three times (for the analysis options and for the panel's
 * advice), a fifth of its cost in Firefox (benches/browser/). The adapter's own `onChange` already
 * hears every way a seller changes the reason (clicks, keys, the components' attributes), so the
 * remembered answer is dropped then; and, for a change no event announces (the page's own code),
 * it is read again once it is `maxAgeMs` old.
 * @module
 */

/**
 * @typedef {import('./types.js').ReasonsAdapter} ReasonsAdapter
 * @typedef {ReasonsAdapter & {forget: () => void, stop: () => void}} CachedReasons
 */

/**
 * @param {ReasonsAdapter} reasons
 * @param {{now?: () => number, maxAgeMs?: number}} [o]
 * @returns {CachedReasons}
 */
export function cachedReasons(reasons, { now = () => Date.now(), maxAgeMs = 1000 } = {}) {
  /** @type {{current: ReturnType<ReasonsAdapter['current']>, label: string | null, at: number} | null} */
  let cache = null;
  /** @type {Set<() => void>} */
  const listeners = new Set();
  let unsubscribe = () => {};
  let watching = false;
  try {
    unsubscribe = reasons.onChange(() => {
      cache = null;
      for (const cb of [...listeners]) cb();
    });
    watching = true;
  } catch {
    // no change events: read the page every time, as without this cache
  }

  function read() {
    if (cache && watching && now() - cache.at <= maxAgeMs) return cache;
    cache = { current: reasons.current(), label: reasons.criticalLabel(), at: now() };
    return cache;
  }

  return {
    current: () => read().current,
    criticalLabel: () => read().label,
    selectCritical() {
      cache = null;
      try {
        return reasons.selectCritical();
      } finally {
        cache = null;
      }
    },
    onChange(cb) {
      listeners.add(cb);
      return () => { listeners.delete(cb); };
    },
    forget: () => { cache = null; },
    stop() {
      listeners.clear();
      unsubscribe();
    },
  };
}
