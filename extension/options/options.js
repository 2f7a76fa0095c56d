// @ts-check
/**
 * The options page: general settings, and the sections for the seller's lists (opted-out buyers,
 * templates, backup). Everything is stored through src/settings.js (local; sync only when turned on).
 */

import { api } from '../src/browser.js';
import { loadInspected, saveSettings, SETTINGS_KEY } from '../src/settings.js';
import { initOptedOut } from './opted-out-section.js';
import { initTemplates } from './templates-section.js';
import { initBackup } from './backup-section.js';
import { initCounts } from './counts-section.js';

/** @typedef {import('../src/settings.js').Settings} Settings */

/** @param {string} key @param {string} fallback @param {string[]} [subs] */
export const msg = (key, fallback, subs) => api.i18n.getMessage(key, subs) || fallback;

for (const el of document.querySelectorAll('[data-i18n]')) {
  const s = api.i18n.getMessage(el.getAttribute('data-i18n') ?? '');
  if (s) el.textContent = s;
}
document.title = api.i18n.getMessage('optionsTitle') || document.title;
const version = document.getElementById('version');
if (version) version.textContent = `v${api.runtime.getManifest().version}`;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const confirmBox = /** @type {HTMLInputElement} */ ($('confirmSend'));
const backgroundBox = /** @type {HTMLInputElement} */ ($('analyzerBackground'));
const storeName = /** @type {HTMLInputElement} */ ($('storeName'));
const syncBox = /** @type {HTMLInputElement} */ ($('sync'));
const status = $('status');
const problemsEl = $('problems');
const storage = { local: api.storage.local, sync: api.storage.sync };

/** Sections redraw from these settings. @type {((s: Settings) => void)[]} */
const views = [];

/** @param {Settings} s */
function show(s) {
  confirmBox.checked = s.confirmSend;
  backgroundBox.checked = s.analyzer === 'background';
  if (document.activeElement !== storeName) storeName.value = s.storeName;
  syncBox.checked = s.sync;
  for (const v of views) v(s);
}

/** @param {string[]} problems */
export function showProblems(problems) {
  problemsEl.hidden = problems.length === 0;
  problemsEl.textContent = problems.join('\n');
}

/**
 * Saves a change and redraws; says "Saved." or what went wrong.
 * @param {Partial<Settings> | ((current: Settings) => Partial<Settings>)} patch
 * @returns {Promise<Settings | null>}
 */
export async function save(patch) {
  status.textContent = '';
  try {
    const next = await saveSettings(storage, patch);
    show(next);
    status.textContent = next.syncError ?? msg('optionsSaved', 'Saved.');
    return next;
  } catch (e) {
    status.textContent = msg('optionsSaveFailed', `Not saved: ${e instanceof Error ? e.message : String(e)}. Try again; if it keeps failing, export everything and reinstall.`, [e instanceof Error ? e.message : String(e)]);
    return null;
  }
}

const ctx = { save, showProblems, msg, views };
initOptedOut(ctx);
initTemplates(ctx);
initBackup(ctx);
initCounts(ctx);

loadInspected(storage).then(({ settings, problems }) => {
  show(settings);
  showProblems(problems);
  for (const el of [confirmBox, backgroundBox, storeName, syncBox]) el.disabled = false;
  document.body.dataset.loaded = '';
});

api.storage.onChanged.addListener((changes, area) => {
  // counts and marks made from Seller Central while this page is open
  if (area === 'local' && changes[SETTINGS_KEY]) loadInspected(storage).then(({ settings }) => show(settings));
});

confirmBox.addEventListener('change', () => save({ confirmSend: confirmBox.checked }));
backgroundBox.addEventListener('change', () => save({ analyzer: backgroundBox.checked ? 'background' : 'auto' }));
storeName.addEventListener('change', () => save({ storeName: storeName.value }));
syncBox.addEventListener('change', () => save({ sync: syncBox.checked }));
