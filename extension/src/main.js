// @ts-check
/**
 * The content script proper (started by content.js, bundled with it). Finds the message form, mounts the
 * shared DOM layer (extension/ui/guard.js) on it, keeps it attached while the page renders late, replaces
 * the form or navigates as a single-page app, and guards the Send button.
 *
 * Everything the extension adds to the page is one <msgguard-root> element (createHost) whose
 * attributes say, for support and tests: data-analyzer (local | background | unavailable | loading),
 * data-form (katal | legacy | plain | none), data-attachments (how many times a form was attached),
 * data-off-thread (the worker for long drafts: idle | running | unavailable; local analyzer only).
 * @module
 */

import { createHost, mountGuard } from '../ui/guard.js';
import { api } from './browser.js';
import { loadAnalyzer } from './analyzer.js';
import { findMessageForm, formPending, isMessagingPage, shadowRootsOf } from './page/seller-central.js';
import { installSendGuard } from './send-guard.js';
import { sendRisk } from '../ui/send-risk.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY, loadSettings, migrate } from './settings.js';
import { t } from './i18n.js';
import { createWorkflow } from './workflow/controller.js';

/** @typedef {import('../ui/types.js').Report} Report */
/** @typedef {import('../ui/types.js').AnalyzeOptions} AnalyzeOptions */
/** @typedef {import('./page/seller-central.js').MessageForm} MessageForm */

const SCAN_INTERVAL_MS = 150; // at most one full scan for the form this often
const PENDING_RETRY_MS = 250; // a Katal component not upgraded yet: look again
const PENDING_RETRIES = 40;

let started = false;

/**
 * @param {{doc?: Document, prefer?: 'local' | 'background', local?: import('./analyzer.js').LocalModule}} [opts]
 *   local: the analyzer's module and glue, bundled with the content script (content.js)
 */
export function start(opts = {}) {
  if (started) return;
  started = true;
  const doc = opts.doc ?? document;
  const win = /** @type {Window} */ (doc.defaultView);

  /** Mutable: the UI reads it when asking; storage changes update it in place. */
  const settings = { confirmSend: DEFAULT_SETTINGS.confirmSend };
  const stored = loadSettings(api.storage.local);
  stored.then((s) => {
    settings.confirmSend = s.confirmSend;
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) settings.confirmSend = migrate(changes[SETTINGS_KEY].newValue).confirmSend;
  });

  /** @type {'loading' | 'local' | 'background' | 'unavailable'} */
  let analyzerState = 'loading';
  /** @type {string | undefined} */
  let offThreadState;
  // The analyzer starts loading now, not after the settings are read (10-25 ms; the content script's
  // first lines have loaded the module already: content-start.js; elsewhere, if the settings say
  // background once it is compiled, the local load stops there).
  /** whether the local analyzer is wanted, given the seller's setting (opts.prefer overrides it) */
  const localWanted = (/** @type {string | undefined} */ setting) => opts.prefer === 'local' || setting !== 'background';
  /** @type {string | undefined} */
  let chosen;
  stored.then((s) => { chosen = s.analyzer; }, () => {});
  const firstChoice = opts.prefer === 'background' ? null
    : loadAnalyzer({ prefer: opts.prefer, local: opts.local, wanted: () => localWanted(chosen) });
  firstChoice?.catch(() => {}); // handled below, unless the settings chose the background
  /** the analyzer the settings choose */
  const analyzer = stored.then((s) => (firstChoice && localWanted(s.analyzer)
    ? firstChoice
    : loadAnalyzer({ prefer: 'background', local: opts.local })));
  // Until the settings are read, drafts go to the first analyzer loaded, and to the chosen one from then
  // on: the engine is the same wherever it runs, and in the content script it is loaded before the
  // settings are read (content-start.js), so the first verdict does not wait for them (Firefox reads
  // them in 10-25 ms, after the content script's first run).
  /** the analyzer drafts go to now */
  let answering = firstChoice ? Promise.race([analyzer, firstChoice.catch(() => analyzer)]) : analyzer;
  stored.then(() => { answering = analyzer; }, () => {});
  /** the analyzer the latest draft went to (its answers come later when it is the background) */
  /** @type {import('./analyzer.js').Analyzer | null} */
  let asked = null;
  analyzer.then(
    (a) => {
      analyzerState = a.path;
      if (a.error) console.info(`[Message Guard] WebAssembly is not allowed in this page's content scripts (${a.error}); using the background analyzer.`);
      markHost();
    },
    (e) => {
      analyzerState = 'unavailable';
      console.warn('[Message Guard] the checker could not load:', e);
      markHost();
      current?.guard.setUnavailable(t('mg_unavailable_detail'));
    },
  );

  let reported = false;
  /** The text of the latest completed analysis and its report (for the Send check). */
  /** @type {{text: string, report: Report} | null} */
  let last = null;

  /**
   * @param {string} text
   * @param {AnalyzeOptions} [options]
   */
  const analyze = async (text, options) => {
    const a = await answering;
    asked = a;
    try {
      const report = await a.analyze(text, options);
      last = { text, report };
      if (!reported) {
        reported = true;
        markFirstReport(opts.local?.startedAt);
      }
      return report;
    } finally {
      const s = a.offThread?.();
      if (s !== offThreadState) {
        offThreadState = s;
        markHost();
      }
    }
  };

  /**
   * The field got or lost focus: the loaded analyzer gets its worker or background ready, or lets it go.
   * @param {'prepare' | 'release'} what
   */
  const tellAnalyzer = (what) => { analyzer.then((a) => a[what]?.(), () => {}); };

  /** @type {{host: HTMLElement, root: ShadowRoot} | null} */
  let hostParts = null;
  let attachments = 0;

  function ensureHost() {
    if (!hostParts || !hostParts.host.isConnected) {
      hostParts?.host.remove();
      hostParts = createHost(doc);
    }
    return hostParts;
  }

  function markHost() {
    if (!hostParts) return;
    const h = hostParts.host;
    h.setAttribute('data-analyzer', analyzerState);
    h.setAttribute('data-form', current?.form.kind ?? 'none');
    h.setAttribute('data-attachments', String(attachments));
    if (offThreadState) h.setAttribute('data-off-thread', offThreadState);
  }

  /**
   * @typedef {object} Attachment
   * @property {MessageForm} form
   * @property {ReturnType<typeof mountGuard>} guard
   * @property {{destroy(): void}} sendGuard
   * @property {MutationObserver} innerObserver  watches the shadow roots around the field
   * @property {ReturnType<typeof createWorkflow> | null} workflow
   */
  /** @type {Attachment | null} */
  let current = null;

  /** @param {MessageForm} form */
  function attach(form) {
    const { root } = ensureHost();
    // the seller's workflow (opted-out buyers, counts, templates): optional, never in the checker's way
    /** @type {ReturnType<typeof createWorkflow> | null} */
    let workflow = null;
    try {
      workflow = createWorkflow({ doc, field: form.field, t, storage: { local: api.storage.local, sync: api.storage.sync }, onChanged: api.storage.onChanged });
    } catch (e) {
      console.warn('[Message Guard] the workflow tools could not start:', e);
    }
    const guard = mountGuard({
      workflow: workflow?.hook,
      field: form.field,
      root,
      panelAnchor: form.panelAnchor,
      analyze,
      prepare: () => tellAnalyzer('prepare'),
      release: () => tellAnalyzer('release'),
      answersLater: () => asked?.path === 'background',
      reasons: form.reasons,
      t,
      ruleUrl: (code) => api.runtime.getURL(`reference.html#${encodeURIComponent(code.toLowerCase())}`),
      settings,
    });
    if (analyzerState === 'unavailable') guard.setUnavailable(t('mg_unavailable_detail'));

    const sendGuard = installSendGuard({
      win,
      form,
      enabled: () => settings.confirmSend && analyzerState !== 'unavailable',
      // Re-analyzes the current text and asks only if it is prohibited or will not be delivered (extension/ui/guard.js).
      confirm: () => (typeof guard.confirmSend === 'function' ? guard.confirmSend() : Promise.resolve(true)),
      onSent() {
        // When the page confirms ("Your message has been sent") it may reset the field without an
        // input event: re-read it then rather than at the guard's next idle check. The confirmation
        // also counts the message for its order (taken now: the field may be reset before it shows).
        const sending = workflow?.snapshot();
        let tries = 0;
        const poll = () => {
          if (current?.form !== form) return;
          if (form.succeeded()) {
            current.guard.refresh();
            if (sending) current.workflow?.recordSent(sending).catch((e) => console.warn('[Message Guard] could not count the message:', e));
          }
          else if (++tries < 40) setTimeout(poll, 250);
        };
        setTimeout(poll, 100);
      },
      draftState() {
        if (analyzerState === 'unavailable') return 'unknown';
        if (!last || last.text !== form.field.value) return 'stale';
        return sendRisk(last.report) ?? 'ok';
      },
    });

    // A MutationObserver on the document does not see inside shadow roots: watch the ones around the
    // field, so a component that swaps its inner textarea is noticed too.
    const innerObserver = new MutationObserver(schedule);
    for (const sr of shadowRootsOf(form)) innerObserver.observe(sr, { childList: true, subtree: true });

    current = { form, guard, sendGuard, innerObserver, workflow };
    attachments++;
    markHost();
  }

  function detach() {
    if (!current) return;
    const c = current;
    current = null;
    c.innerObserver.disconnect();
    c.sendGuard.destroy();
    c.workflow?.destroy();
    try {
      c.guard.destroy();
    } catch (e) {
      console.warn('[Message Guard] detach:', e);
    }
    markHost();
  }

  let lastUrl = doc.location.href;
  let lastScan = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let pendingRetries = 0;

  function schedule() {
    if (timer !== undefined) return;
    const wait = current ? 0 : Math.max(0, lastScan + SCAN_INTERVAL_MS - Date.now());
    timer = setTimeout(check, wait);
  }

  function check() {
    timer = undefined;
    const url = doc.location.href;
    const urlChanged = url !== lastUrl;
    lastUrl = url;
    if (!isMessagingPage(doc.location)) {
      detach();
      return;
    }
    if (current && current.form.field.isConnected && hostParts?.host.isConnected) {
      if (urlChanged) {
        // Same field, new conversation or order: re-read reasons and re-analyze.
        current.guard.refresh();
      }
      return;
    }
    detach();
    lastScan = Date.now();
    const form = findMessageForm(doc);
    if (form) {
      pendingRetries = 0;
      attach(form);
    } else if (formPending(doc) && pendingRetries < PENDING_RETRIES) {
      pendingRetries++;
      timer = setTimeout(check, PENDING_RETRY_MS);
    }
  }

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  win.addEventListener('popstate', schedule);
  win.addEventListener('pageshow', schedule);
  check();
}

/**
 * `msgguard:first-report`: from the extension's first line in the page to the first report handed to the
 * panel (the draft's verdict, an empty one's too), for benches/browser/; once per page, no text.
 * @param {number | undefined} startedAt
 */
function markFirstReport(startedAt) {
  if (startedAt === undefined) return;
  try {
    performance.measure('msgguard:first-report', { start: startedAt, end: performance.now() });
  } catch { /* no User Timing */ }
}
