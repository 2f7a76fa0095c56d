// @ts-check
/**
 * User settings in chrome.storage.local under one key, versioned. `migrate` turns whatever is stored
 * (nothing, an older version, a newer one written by a later release, garbage) into current settings.
 * @module
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

/**
 * @typedef {object} Settings
 * @property {number} version
 * @property {boolean} confirmSend  ask before sending a draft with errors
 * @property {'auto' | 'background'} analyzer  where the checker runs: 'auto' = in the page's content
 *   script when the page allows WebAssembly there, else in the extension's background; 'background' =
 *   always in the background (troubleshooting, and how the tests reach that path in every browser)
 */

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({ version: SETTINGS_VERSION, confirmSend: true, analyzer: /** @type {'auto' | 'background'} */ ('auto') });

/**
 * @param {unknown} stored
 * @returns {Settings}
 */
export function migrate(stored) {
  /** @type {Settings} */
  const out = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return out;
  const s = /** @type {Record<string, unknown>} */ (stored);
  const version = typeof s.version === 'number' && Number.isInteger(s.version) ? s.version : 0;
  if (version === 0) {
    // Before versioning (pre-release builds): {confirmOnSend: boolean}.
    if (typeof s.confirmOnSend === 'boolean') out.confirmSend = s.confirmOnSend;
    if (typeof s.confirmSend === 'boolean') out.confirmSend = s.confirmSend;
    return out;
  }
  // Version 1, or a newer version written by a later release: keep the fields this release knows.
  if (typeof s.confirmSend === 'boolean') out.confirmSend = s.confirmSend;
  if (s.analyzer === 'auto' || s.analyzer === 'background') out.analyzer = s.analyzer;
  return out;
}

/**
 * @param {import('./browser.js').StorageArea} storage
 * @returns {Promise<Settings>}
 */
export async function loadSettings(storage) {
  try {
    const got = await storage.get(SETTINGS_KEY);
    return migrate(got?.[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/**
 * @param {import('./browser.js').StorageArea} storage
 * @param {Partial<Settings>} patch
 */
export async function saveSettings(storage, patch) {
  const current = await loadSettings(storage);
  const next = migrate({ ...current, ...patch, version: SETTINGS_VERSION });
  await storage.set({ [SETTINGS_KEY]: next });
  return next;
}
