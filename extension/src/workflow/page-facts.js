// @ts-check
/**
 * The page facts the workflow needs (order, buyer, language of preference), kept between keystrokes.
 * Reading them walks the page's elements and shadow roots (`page/seller-central.js`): 1–2 ms in
 * Firefox on the fixture page, and the analyzer asks for them on every keystroke (is this buyer opted
 * out?) and the panel again (benches/browser/ measured it as a third of a keystroke's cost). They
 * change only when the page does, so:
 * - they are read at once the first time, and again at once when the URL changed (another order: an
 *   answer for the wrong buyer must never be given);
 * - after the page's DOM changed, or once they are `maxAgeMs` old (changes inside shadow roots, which
 *   a MutationObserver on the document cannot see), they are read again soon, off the keystroke path,
 *   and `onChange` says when they differ.
 * Pure of the DOM itself: the caller passes the reads and the scheduler (unit-tested in node).
 * @module
 */

/**
 * @template T
 * @typedef {object} PageFacts
 * @property {() => T} get   the facts, read now if there are none for this URL
 * @property {() => void} changed  the page changed: read them again soon
 * @property {() => void} stop
 */

/**
 * @template T
 * @param {object} o
 * @param {() => T} o.read          reads the facts from the page
 * @param {() => string} o.href     the page's URL now
 * @param {(facts: T) => string} o.key  equal keys: equal facts
 * @param {(facts: T) => void} o.onChange  called after a later read found different facts
 * @param {(fn: () => void) => unknown} o.defer  runs fn soon, in its own task
 * @param {() => number} [o.now]
 * @param {number} [o.maxAgeMs]
 * @returns {PageFacts<T>}
 */
export function createPageFacts({ read, href, key, onChange, defer, now = () => Date.now(), maxAgeMs = 1000 }) {
  /** @type {{facts: T, key: string, href: string, at: number} | null} */
  let cached = null;
  let pending = false;
  let stopped = false;

  function readNow() {
    const facts = read();
    cached = { facts, key: key(facts), href: href(), at: now() };
    return cached;
  }

  function refreshSoon() {
    if (pending || stopped) return;
    pending = true;
    defer(() => {
      pending = false;
      if (stopped) return;
      const before = cached?.key;
      const after = readNow();
      if (after.key !== before) onChange(after.facts);
    });
  }

  return {
    get() {
      if (!cached || cached.href !== href()) return readNow().facts;
      if (now() - cached.at > maxAgeMs) refreshSoon();
      return cached.facts;
    },
    changed: refreshSoon,
    stop() {
      stopped = true;
    },
  };
}
