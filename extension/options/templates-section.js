// @ts-check
/**
 * The options page's template editor: the seller's own templates, each checked by the analyzer when
 * saved (no errors, and the kind of message it claims to be), with the reasons when it is refused.
 */

import { loadAnalyzer } from '../src/analyzer.js';
import { cleanTemplate } from '../src/settings.js';
import { templateProblems } from '../src/workflow/templates.js';

/** @typedef {import('../src/settings.js').Settings} Settings */
/** @typedef {import('../src/settings.js').SellerTemplate} SellerTemplate */

/**
 * @param {{save: (p: Partial<Settings> | ((c: Settings) => Partial<Settings>)) => Promise<Settings | null>, msg: (k: string, f: string, s?: string[]) => string, views: ((s: Settings) => void)[]}} ctx
 */
export function initTemplates({ save, msg, views }) {
  const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const listEl = /** @type {HTMLUListElement} */ ($('templateList'));
  const form = /** @type {HTMLFormElement} */ ($('templateForm'));
  const idIn = /** @type {HTMLInputElement} */ ($('templateId'));
  const nameIn = /** @type {HTMLInputElement} */ ($('templateName'));
  const catIn = /** @type {HTMLSelectElement} */ ($('templateCategory'));
  const textIn = /** @type {HTMLTextAreaElement} */ ($('templateText'));
  const statusEl = /** @type {HTMLElement} */ ($('templateStatus'));
  /** @type {Promise<import('../src/analyzer.js').Analyzer> | null} */
  let analyzer = null;

  views.push((s) => {
    listEl.replaceChildren(...s.templates.map((tp) => {
      const li = document.createElement('li');
      li.dataset.template = tp.id;
      const name = Object.assign(document.createElement('span'), { textContent: `${tp.name} (${tp.category === 'critical' ? 'critical' : 'non-critical'}) ` });
      const edit = Object.assign(document.createElement('button'), { type: 'button', textContent: msg('optionsEdit', 'Edit') });
      edit.dataset.action = 'edit-template';
      edit.addEventListener('click', () => {
        idIn.value = tp.id;
        nameIn.value = tp.name;
        catIn.value = tp.category;
        textIn.value = tp.text;
        setStatus('', false);
        nameIn.focus();
      });
      const del = Object.assign(document.createElement('button'), { type: 'button', textContent: msg('optionsDelete', 'Delete') });
      del.dataset.action = 'delete-template';
      del.addEventListener('click', () => save((cur) => ({ templates: cur.templates.filter((x) => x.id !== tp.id) })));
      li.append(name, edit, ' ', del);
      return li;
    }));
  });

  /** @param {string} text @param {boolean} ok */
  function setStatus(text, ok) {
    statusEl.textContent = text;
    statusEl.toggleAttribute('data-ok', ok);
    statusEl.setAttribute('role', ok ? 'status' : 'alert');
  }

  form.addEventListener('reset', () => { idIn.value = ''; setStatus('', false); });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const tp = cleanTemplate({ id: idIn.value || `own-${Date.now().toString(36)}`, name: nameIn.value, category: catIn.value, text: textIn.value });
    if (!tp) {
      setStatus(msg('optionsTemplateEmpty', 'Write the template\'s text first.'), false);
      return;
    }
    let report;
    try {
      // the background's analyzer: a template is checked once, on save, not worth a module in this page
      analyzer ??= loadAnalyzer({ prefer: 'background' });
      report = await (await analyzer).analyze(tp.text, {});
    } catch (e) {
      analyzer = null;
      setStatus(msg('optionsCheckerDown', `The checker could not run (${e instanceof Error ? e.message : String(e)}), so the template was not saved. Reload this page and try again.`), false);
      return;
    }
    const problems = templateProblems(tp, report);
    if (problems.length) {
      setStatus(`${msg('optionsTemplateRefused', 'Not saved. Fix this first:')}\n${problems.map((p) => `• ${p}`).join('\n')}`, false);
      return;
    }
    const saved = await save((cur) => ({ templates: [...cur.templates.filter((x) => x.id !== tp.id), tp] }));
    if (saved) {
      form.reset();
      setStatus(msg('optionsTemplateSaved', `Saved "${tp.name}": no errors, ${report.category === 'critical' ? 'critical' : 'non-critical'} as you said.`, [tp.name]), true);
    }
  });
}
