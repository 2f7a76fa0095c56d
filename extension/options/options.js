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

const box = /** @type {HTMLInputElement} */ (document.getElementById('confirmSend'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

loadSettings(api.storage.local).then((s) => {
  box.checked = s.confirmSend;
  box.disabled = false;
});

box.addEventListener('change', async () => {
  await saveSettings(api.storage.local, { confirmSend: box.checked });
  status.textContent = api.i18n.getMessage('optionsSaved') || 'Saved.';
});
