// @ts-check
/** The options page: "confirm on send" on/off, stored with the versioned settings. */

import { api } from '../src/browser.js';
import { loadSettings, saveSettings } from '../src/settings.js';

for (const el of document.querySelectorAll('[data-i18n]')) {
  const s = api.i18n.getMessage(el.getAttribute('data-i18n') ?? '');
  if (s) el.textContent = s;
}
document.title = api.i18n.getMessage('optionsTitle') || document.title;
const version = document.getElementById('version');
if (version) version.textContent = `v${api.runtime.getManifest().version}`;

const confirmBox = /** @type {HTMLInputElement} */ (document.getElementById('confirmSend'));
const backgroundBox = /** @type {HTMLInputElement} */ (document.getElementById('analyzerBackground'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

loadSettings(api.storage.local).then((s) => {
  confirmBox.checked = s.confirmSend;
  backgroundBox.checked = s.analyzer === 'background';
  confirmBox.disabled = false;
  backgroundBox.disabled = false;
});

/** @param {Partial<import('../src/settings.js').Settings>} patch */
async function save(patch) {
  status.textContent = '';
  await saveSettings(api.storage.local, patch);
  status.textContent = api.i18n.getMessage('optionsSaved') || 'Saved.';
}

confirmBox.addEventListener('change', () => save({ confirmSend: confirmBox.checked }));
backgroundBox.addEventListener('change', () => save({ analyzer: backgroundBox.checked ? 'background' : 'auto' }));
