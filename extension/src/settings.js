// @ts-check
/**
 * Everything Message Guard stores, in chrome.storage.local under one key, versioned. `inspect` turns
 * whatever is stored (nothing, an older version, a newer one written by a later release, another
 * extension's or a hand-edited object, garbage) into current settings plus a plain-language note of what
 * it had to drop, so a bad value costs the seller that value, never a broken extension.
 *
 * Versions:
 *   0  pre-release builds: {confirmOnSend}
 *   1  {version, confirmSend, analyzer}
 *   2  adds storeName, sync, optedOut, counts, templates (the seller's workflow, issue #7)
 *
 * Storage is local. Only when the seller turns `sync` on is a copy also written to storage.sync (without
 * the message counts, this computer's history), and then the newer of the two copies (by `updated`) wins
 * when loading.
 * @module
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

/** storage.sync allows 8 KB per item: a seller with a long history keeps the newest counts only. */
const MAX_COUNTS = 2000;
const MAX_OPTED_OUT = 5000;
const MAX_TEMPLATES = 200;
const MAX_TEMPLATE_LENGTH = 5000;
const MAX_TEXT = 200;

/** Amazon order IDs: 3-7-7 digits. */
export const ORDER_ID_PATTERN = /^\d{3}-\d{7}-\d{7}$/;

/**
 * @typedef {object} OptedOutBuyer
 * @property {string} orderId  17-digit order ID with dashes, or '' when only the name is known
 * @property {string} buyer    the buyer's name as the page shows it ('' when unknown)
 * @property {number} added    ms since the epoch
 *
 * @typedef {object} OrderCount
 * @property {number} sent     messages sent for this order through the Contact Buyer form
 * @property {number} reviews  of which review requests
 * @property {number} last     ms since the epoch of the last one
 *
 * @typedef {object} SellerTemplate
 * @property {string} id
 * @property {string} name
 * @property {'critical' | 'noncritical'} category  what the seller means it to be (checked when saved)
 * @property {string} text
 *
 * @typedef {object} Settings
 * @property {number} version
 * @property {boolean} confirmSend  ask before sending a draft with errors
 * @property {'auto' | 'background'} analyzer  where the checker runs: 'auto' = in the page's content
 *   script when the page allows WebAssembly there, else in the extension's background; 'background' =
 *   always in the background (troubleshooting, and how the tests reach that path in every browser)
 * @property {string} storeName     fills {store_name} in templates
 * @property {boolean} sync         also keep a copy in storage.sync (off unless the seller turns it on)
 * @property {OptedOutBuyer[]} optedOut
 * @property {Record<string, OrderCount>} counts  by order ID
 * @property {SellerTemplate[]} templates  the seller's own (the built-in ones are code, not settings)
 * @property {number} updated       ms since the epoch of the last save (decides between local and sync)
 */

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({
  version: SETTINGS_VERSION,
  confirmSend: true,
  analyzer: /** @type {'auto' | 'background'} */ ('auto'),
  storeName: '',
  sync: false,
  optedOut: [],
  counts: {},
  templates: [],
  updated: 0,
});

/** A fresh copy of the defaults (the lists must not be shared between callers). @returns {Settings} */
export function defaults() {
  return { ...DEFAULT_SETTINGS, optedOut: [], counts: {}, templates: [] };
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v */
const text = (v, max = MAX_TEXT) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
/** @param {unknown} v */
const time = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/**
 * One opted-out entry, or null when it names neither an order nor a buyer.
 * @param {unknown} v
 * @returns {OptedOutBuyer | null}
 */
export function cleanOptedOut(v) {
  if (!isObject(v)) return null;
  const orderId = text(v.orderId);
  const buyer = text(v.buyer);
  if (orderId && !ORDER_ID_PATTERN.test(orderId)) return null;
  if (!orderId && !buyer) return null;
  return { orderId, buyer, added: time(v.added) };
}

/**
 * One seller template, or null when it has no text.
 * @param {unknown} v
 * @returns {SellerTemplate | null}
 */
export function cleanTemplate(v) {
  if (!isObject(v)) return null;
  const body = typeof v.text === 'string' ? v.text.slice(0, MAX_TEMPLATE_LENGTH) : '';
  if (!body.trim()) return null;
  const id = text(v.id, 80) || `own-${Math.abs(hash(body)).toString(36)}`;
  return { id, name: text(v.name) || id, category: v.category === 'critical' ? 'critical' : 'noncritical', text: body };
}

/** @param {string} s */
function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * @typedef {object} Inspected
 * @property {Settings} settings
 * @property {string[]} problems  what was dropped or ignored, in words for the options page ([] = all well)
 */

/**
 * Current settings from whatever is stored, and what had to be dropped.
 * @param {unknown} stored
 * @returns {Inspected}
 */
export function inspect(stored) {
  const out = defaults();
  /** @type {string[]} */
  const problems = [];
  if (stored === undefined || stored === null) return { settings: out, problems };
  if (!isObject(stored)) {
    problems.push(`The stored settings were not readable (${Array.isArray(stored) ? 'a list' : typeof stored}); the defaults are used. Import a saved copy to restore yours.`);
    return { settings: out, problems };
  }
  const s = stored;
  const version = typeof s.version === 'number' && Number.isInteger(s.version) && s.version >= 0 ? s.version : 0;
  if (version === 0) {
    // Before versioning (pre-release builds): {confirmOnSend: boolean}.
    if (typeof s.confirmOnSend === 'boolean') out.confirmSend = s.confirmOnSend;
    if (typeof s.confirmSend === 'boolean') out.confirmSend = s.confirmSend;
    return { settings: out, problems };
  }
  if (version > SETTINGS_VERSION) {
    problems.push(`These settings were written by a newer version of Message Guard (format ${version}); what this version knows was kept.`);
  }
  // Version 1 and later (a newer version: keep the fields this release knows).
  if (typeof s.confirmSend === 'boolean') out.confirmSend = s.confirmSend;
  if (s.analyzer === 'auto' || s.analyzer === 'background') out.analyzer = s.analyzer;
  if (version === 1) return { settings: out, problems }; // version 1 had nothing else
  out.storeName = text(s.storeName);
  out.sync = s.sync === true;
  out.updated = time(s.updated);
  out.optedOut = list(s.optedOut, cleanOptedOut, MAX_OPTED_OUT, 'opted-out buyer', problems);
  out.templates = list(s.templates, cleanTemplate, MAX_TEMPLATES, 'template', problems);
  const ids = new Set();
  out.templates = out.templates.filter((t) => (ids.has(t.id) ? false : (ids.add(t.id), true)));
  if (s.counts !== undefined && !isObject(s.counts)) problems.push('The message counts were not readable and were reset.');
  if (isObject(s.counts)) {
    let bad = 0;
    /** @type {[string, OrderCount][]} */
    const entries = [];
    for (const [k, v] of Object.entries(s.counts)) {
      if (!ORDER_ID_PATTERN.test(k) || !isObject(v) || !(typeof v.sent === 'number' && Number.isInteger(v.sent) && v.sent >= 0)) { bad++; continue; }
      const reviews = typeof v.reviews === 'number' && Number.isInteger(v.reviews) && v.reviews >= 0 ? Math.min(v.reviews, v.sent) : 0;
      entries.push([k, { sent: v.sent, reviews, last: time(v.last) }]);
    }
    if (bad) problems.push(`${bad} unreadable message count(s) were dropped.`);
    entries.sort((a, b) => b[1].last - a[1].last);
    out.counts = Object.fromEntries(entries.slice(0, MAX_COUNTS));
  }
  return { settings: out, problems };
}

/**
 * @template T
 * @param {unknown} v
 * @param {(x: unknown) => T | null} clean
 * @param {number} max
 * @param {string} what
 * @param {string[]} problems
 * @returns {T[]}
 */
function list(v, clean, max, what, problems) {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push(`The ${what} list was not readable and was reset.`);
    return [];
  }
  /** @type {T[]} */
  const out = [];
  let bad = 0;
  for (const x of v) {
    const c = clean(x);
    if (c) out.push(c);
    else bad++;
  }
  if (bad) problems.push(`${bad} unreadable ${what} entr${bad === 1 ? 'y was' : 'ies were'} dropped.`);
  return out.slice(0, max);
}

/**
 * Current settings from whatever is stored (see `inspect` for what was dropped).
 * @param {unknown} stored
 * @returns {Settings}
 */
export function migrate(stored) {
  return inspect(stored).settings;
}

/**
 * @typedef {object} Areas
 * @property {import('./browser.js').StorageArea} local
 * @property {import('./browser.js').StorageArea} [sync]
 */

/** @param {import('./browser.js').StorageArea | Areas} s @returns {Areas} */
const areasOf = (s) => ('local' in s && s.local ? /** @type {Areas} */ (s) : { local: /** @type {import('./browser.js').StorageArea} */ (s) });

/**
 * Loads and migrates; never throws (a storage failure gives the defaults and says so).
 * @param {import('./browser.js').StorageArea | Areas} storage  storage.local, or {local, sync}
 * @returns {Promise<Inspected>}
 */
export async function loadInspected(storage) {
  const { local, sync } = areasOf(storage);
  let got;
  try {
    got = inspect((await local.get(SETTINGS_KEY))?.[SETTINGS_KEY]);
  } catch (e) {
    return { settings: defaults(), problems: [`The settings could not be read (${e instanceof Error ? e.message : String(e)}); the defaults are used.`] };
  }
  if (got.settings.sync && sync) {
    try {
      const remote = inspect((await sync.get(SETTINGS_KEY))?.[SETTINGS_KEY]);
      // message counts are this computer's history and are not synced (see saveSettings)
      if (remote.settings.updated > got.settings.updated) return { settings: { ...remote.settings, counts: got.settings.counts, sync: true }, problems: [...got.problems, ...remote.problems] };
    } catch {
      // sync unavailable (signed out, policy): the local copy is complete on its own
    }
  }
  return got;
}

/**
 * @param {import('./browser.js').StorageArea | Areas} storage
 * @returns {Promise<Settings>}
 */
export async function loadSettings(storage) {
  return (await loadInspected(storage)).settings;
}

/**
 * Writes settings merged with `patch` (or computed from the current ones) to local storage, and to sync
 * when the seller turned it on. Rejects only when local storage refuses; a sync failure is reported in
 * the result so the options page can say it.
 * @param {import('./browser.js').StorageArea | Areas} storage
 * @param {Partial<Settings> | ((current: Settings) => Partial<Settings>)} patch
 * @returns {Promise<Settings & {syncError?: string}>}
 */
export async function saveSettings(storage, patch) {
  const areas = areasOf(storage);
  const current = await loadSettings(areas);
  const changes = typeof patch === 'function' ? patch(current) : patch;
  const next = migrate({ ...current, ...changes, version: SETTINGS_VERSION, updated: Date.now() });
  await areas.local.set({ [SETTINGS_KEY]: next });
  if (next.sync && areas.sync) {
    try {
      // without the per-order counts: they grow with every message and storage.sync allows 8 KB an item
      await areas.sync.set({ [SETTINGS_KEY]: { ...next, counts: {} } });
    } catch (e) {
      return { ...next, syncError: `Saved on this computer, but not synced: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return next;
}
