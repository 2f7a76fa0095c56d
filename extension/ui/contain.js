// @ts-check
/**
 * Error containment: the guard runs inside someone else's page, so neither our own bugs nor a
 * caller's callback may throw into it.
 * @module
 */

/**
 * Calls code we do not own (the page adapter, the caller's callbacks) and falls back if it throws.
 * @template T
 * @param {() => T} fn
 * @param {T} fallback
 * @returns {T}
 */
export function safe(fn, fallback) {
  try { return fn(); } catch { return fallback; }
}

/** @typedef {<A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void} Guarded */

/**
 * A wrapper for every event handler, timer and promise callback: nothing runs after destroy, and an
 * exception goes to `onError` (which disables the guard) instead of the page's console or handlers.
 * @param {() => boolean} destroyed
 * @param {(err: unknown) => void} onError
 * @returns {Guarded}
 */
export function makeGuarded(destroyed, onError) {
  /**
   * @template {unknown[]} A
   * @param {(...args: A) => void} fn
   * @returns {(...args: A) => void}
   */
  return (fn) => (...args) => {
    if (destroyed()) return;
    try { fn(...args); } catch (err) { onError(err); }
  };
}
