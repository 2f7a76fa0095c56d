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
 * A long-lived channel between a content script and the background (`runtime.connect`).
 * @typedef {object} Port
 * @property {string} name
 * @property {MessageSender} [sender]  set on the receiving side
 * @property {(message: unknown) => void} postMessage  throws once the port is disconnected
 * @property {() => void} disconnect
 * @property {{addListener(cb: (message: unknown) => void): void}} onMessage
 * @property {{addListener(cb: (port: Port) => void): void}} onDisconnect
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
 *   connect(info: {name: string}): Port,
 *   onConnect: {addListener(cb: (port: Port) => void): void},
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
