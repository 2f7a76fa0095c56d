// @ts-check
/**
 * Export and import of everything (settings, opted-out list, counts, templates) as one JSON file. An
 * import goes through the same migration as stored data, so an old or damaged file restores what it
 * can and says what it dropped.
 */

import { inspect, SETTINGS_VERSION } from '../src/settings.js';
import { download } from './download.js';

/** @typedef {import('../src/settings.js').Settings} Settings */

const FORMAT = 'message-guard-settings';

/**
 * @param {{save: (p: Partial<Settings> | ((c: Settings) => Partial<Settings>)) => Promise<Settings | null>, showProblems: (p: string[]) => void, msg: (k: string, f: string, s?: string[]) => string, views: ((s: Settings) => void)[]}} ctx
 */
export function initBackup({ save, showProblems, msg, views }) {
  const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const text = /** @type {HTMLTextAreaElement} */ ($('backupText'));
  /** @type {Settings | null} */
  let current = null;
  views.push((s) => { current = s; });

  $('backupExport').addEventListener('click', () => {
    if (!current) return;
    const { updated: _ignored, ...settings } = current;
    const json = JSON.stringify({ format: FORMAT, exported: new Date().toISOString(), settings: { ...settings, version: SETTINGS_VERSION } }, null, 2);
    text.value = json;
    download('message-guard-settings.json', 'application/json', json);
  });

  /** @param {string} raw */
  async function importJson(raw) {
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      showProblems([msg('optionsImportNotJson', `Not imported: the file is not JSON (${e instanceof Error ? e.message : String(e)}). Choose a file made by "Export all".`)]);
      return;
    }
    // a file from "Export all", or a bare settings object
    const body = parsed && typeof parsed === 'object' && parsed.format === FORMAT ? parsed.settings : parsed;
    const { settings, problems } = inspect(body);
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.version !== 'number') {
      showProblems([msg('optionsImportForeign', 'Not imported: this is not a Message Guard export. Choose a file made by "Export all".')]);
      return;
    }
    const { updated: _u, ...rest } = settings;
    if (await save(rest)) showProblems(problems.length ? [msg('optionsImportedWithProblems', 'Imported, with these problems:'), ...problems] : []);
  }

  $('backupImport').addEventListener('click', () => importJson(text.value));
  $('backupFile').addEventListener('change', async (/** @type {Event} */ ev) => {
    const file = /** @type {HTMLInputElement} */ (ev.target).files?.[0];
    if (file) await importJson(await file.text());
  });
}
