// @ts-check
/**
 * The few WebExtension APIs Message Guard uses, typed, from whichever namespace the browser offers
 * (`chrome` in Chromium; Firefox has both and its `chrome` returns promises in MV3 too).
 * @module
 */

/**
 * @typedef {object} MessageSender
 * @property {string} [id]
 * @property {string} [url]
 * @property {string} [origin]
 * @property {{id?: number, url?: string}} [tab]
 * @property {number} [frameId]
 */

/**
 * @typedef {object} StorageArea
 * @property {(keys: string | string[] | null) => Promise<Record<string, unknown>>} get
 * @property {(items: Record<string, unknown>) => Promise<void>} set
 */

/**
 * @typedef {object} ExtensionApi
 * @property {{
 *   id: string,
 *   getURL(path: string): string,
 *   sendMessage(message: unknown): Promise<any>,
 *   onMessage: {addListener(cb: (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | void): void},
 *   openOptionsPage?(): Promise<void>,
 *   getManifest(): {version: string},
 * }} runtime
 * @property {{local: StorageArea, sync?: StorageArea, onChanged: {addListener(cb: (changes: Record<string, {oldValue?: unknown, newValue?: unknown}>, area: string) => void): void, removeListener(cb: Function): void}}} storage
 * @property {{getMessage(key: string, subs?: string | string[]): string, getUILanguage(): string}} i18n
 */

/** @type {ExtensionApi} */
export const api = /** @type {any} */ (globalThis).browser?.runtime?.id
  ? /** @type {any} */ (globalThis).browser
  : /** @type {any} */ (globalThis).chrome;
