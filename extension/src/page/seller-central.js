// @ts-check
/**
 * Everything Message Guard knows about Amazon Seller Central's pages lives in this one module: the hosts,
 * which paths are messaging pages, how to find the message field in each form, the contact reasons,
 * the Send button and the success banner. Amazon changes its markup without notice: every lookup tries
 * several cues, reads labels from the page (in the page's language), and returns null instead of
 * throwing when the page no longer looks as expected. Keep it that way, and keep it in this file.
 *
 * No top-level code touches the DOM: extension/build.mjs imports HOSTS from here to write the manifests.
 * @module
 */

/** Seller Central hosts, one per marketplace, plus the unified EU and JP hosts. */
export const HOSTS = Object.freeze([
  'sellercentral.amazon.com', // US
  'sellercentral.amazon.ca',
  'sellercentral.amazon.com.mx',
  'sellercentral.amazon.com.br',
  'sellercentral-europe.amazon.com',
  'sellercentral.amazon.co.uk',
  'sellercentral.amazon.de',
  'sellercentral.amazon.fr',
  'sellercentral.amazon.it',
  'sellercentral.amazon.es',
  'sellercentral.amazon.nl',
  'sellercentral.amazon.se',
  'sellercentral.amazon.pl',
  'sellercentral.amazon.com.be',
  'sellercentral.amazon.ie',
  'sellercentral.amazon.com.tr',
  'sellercentral.amazon.eg',
  'sellercentral.amazon.sa',
  'sellercentral.amazon.ae',
  'sellercentral.amazon.in',
  'sellercentral.amazon.co.za',
  'sellercentral.amazon.sg',
  'sellercentral.amazon.com.au',
  'sellercentral.amazon.co.jp',
  'sellercentral-japan.amazon.com',
]);

/** Match patterns for the content script: the messaging pages only. */
export const CONTENT_MATCHES = Object.freeze(HOSTS.map((h) => `https://${h}/messaging/*`));

/** Match patterns for host permissions and web-accessible resources. */
export const HOST_MATCHES = Object.freeze(HOSTS.map((h) => `https://${h}/*`));

/**
 * Is this a Seller Central messaging page (Contact Buyer, inbox, inbox-v2, reviews)?
 * @param {{protocol: string, hostname: string, pathname: string}} loc
 */
export function isMessagingPage(loc) {
  return loc.protocol === 'https:' && HOSTS.includes(loc.hostname) && /^\/messaging(\/|$)/.test(loc.pathname);
}

/** The pages where the seller types free text (not the fixed "Request a Review" template). */
const CONTACT_PATH = /^\/messaging\/contact(\/|$)/;
const INBOX_PATH = /^\/messaging\/inbox/;

/**
 * The critical contact reason / subject, in every language Seller Central is known to use. Compared after
 * `normalizeLabel`. The engine knows the same names (rules/*.toml `critical_subjects`).
 */
const CRITICAL_LABELS = [
  'additional information required',
  'zusätzliche informationen erforderlich',
  'informations supplémentaires requises',
  'informations complémentaires requises',
  'se requiere información adicional',
  'información adicional requerida',
  'informazioni aggiuntive richieste',
  'informazioni aggiuntive necessarie',
  'aanvullende informatie vereist',
  'ytterligare information krävs',
  'wymagane dodatkowe informacje',
  'ek bilgi gerekli',
  'informações adicionais necessárias',
  '追加情報が必要です',
  '追加情報が必要',
  'مطلوب معلومات إضافية',
];

/** Words on the Send button (the button's own text is read from the page). */
const SEND_LABELS = ['send', 'send message', 'reply', 'senden', 'antworten', 'envoyer', 'répondre', 'enviar',
  'responder', 'invia', 'rispondi', 'verzenden', 'versturen', 'skicka', 'wyślij', 'gönder', 'إرسال', '送信',
  '返信', 'भेजें'];

/** @param {string | null | undefined} s */
export function normalizeLabel(s) {
  return (s ?? '').normalize('NFKC').replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** @param {string | null | undefined} label */
export function isCriticalLabel(label) {
  const n = normalizeLabel(label);
  if (!n) return false;
  if (/^[[(【](important|wichtig|importante|important !|belangrijk|ważne|viktigt|重要)[\])】]/.test(n)) return true;
  return CRITICAL_LABELS.some((c) => n.includes(c));
}

// ---------------------------------------------------------------------------------------------------
// Shadow-DOM aware queries

/**
 * Every open shadow root under `root` (depth first), including nested ones.
 * @param {ParentNode} root
 * @param {ShadowRoot[]} [out]
 * @returns {ShadowRoot[]}
 */
function shadowRootsUnder(root, out = []) {
  const walker = (root.ownerDocument ?? /** @type {Document} */ (root)).createTreeWalker(
    /** @type {Node} */ (root), NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const sr = /** @type {Element} */ (n).shadowRoot;
    if (sr) {
      out.push(sr);
      shadowRootsUnder(sr, out);
    }
  }
  return out;
}

/**
 * querySelectorAll that also looks inside open shadow roots. Light DOM first.
 * @template {Element} E
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {E[]}
 */
export function deepQueryAll(root, selector) {
  /** @type {E[]} */
  const found = [...root.querySelectorAll(selector)].map((e) => /** @type {E} */ (e));
  for (const sr of shadowRootsUnder(root)) for (const e of sr.querySelectorAll(selector)) found.push(/** @type {E} */ (e));
  return found;
}

/**
 * @template {Element} E
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {E | null}
 */
export function deepQuery(root, selector) {
  const direct = root.querySelector(selector);
  if (direct) return /** @type {E} */ (direct);
  for (const sr of shadowRootsUnder(root)) {
    const e = sr.querySelector(selector);
    if (e) return /** @type {E} */ (e);
  }
  return null;
}

/** @param {Element} el */
function isRendered(el) {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/**
 * The visible text of an element, including the text in its open shadow root (labels of Katal components).
 * @param {Element} el
 */
function visibleText(el) {
  let s = el.textContent ?? '';
  if (el.shadowRoot) s += ' ' + (el.shadowRoot.textContent ?? '');
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------
// Contact reasons

/**
 * @typedef {import('../../ui/types.js').ReasonsAdapter} ReasonsAdapter
 */

/** @type {ReasonsAdapter} */
const NO_REASONS = Object.freeze({
  current: () => null,
  criticalLabel: () => null,
  selectCritical: () => false,
  onChange: () => () => {},
});

/**
 * Calls `cb` (at most once a task) when `read()` changes; wired to the given event sources.
 * @param {() => string} read
 * @param {(notify: () => void) => (() => void)} wire
 * @param {() => void} cb
 */
function changeNotifier(read, wire, cb) {
  let last = read();
  let queued = false;
  const notify = () => {
    if (queued) return;
    queued = true;
    // After the component has updated its own state (it may do so in its own listener).
    setTimeout(() => {
      queued = false;
      const now = read();
      if (now !== last) {
        last = now;
        cb();
      }
    }, 0);
  };
  return wire(notify);
}

/**
 * Katal `kat-radiobutton` reasons. The real `<input type=radio>` lives in each component's shadow root.
 * Component properties are invisible to a content script (isolated world), so state is read from the
 * inner input, then the `checked` attribute.
 * @param {ParentNode} scope
 * @returns {ReasonsAdapter}
 */
function katalReasons(scope) {
  /** @returns {Element[]} */
  const radios = () => deepQueryAll(scope, 'kat-radiobutton');
  /** @param {Element} r */
  const input = (r) => /** @type {HTMLInputElement | null} */ (r.shadowRoot ? deepQuery(r.shadowRoot, 'input[type=radio]') : null);
  /** @param {Element} r */
  const label = (r) => (r.getAttribute('label') || visibleText(r) || r.getAttribute('value') || '').trim();
  /** @param {Element} r */
  const checked = (r) => {
    const i = input(r);
    return i ? i.checked : r.hasAttribute('checked');
  };
  const critical = () => radios().find((r) => isCriticalLabel(label(r)) || isCriticalLabel(r.getAttribute('value'))) ?? null;
  const current = () => {
    const r = radios().find(checked);
    return r ? { label: label(r), critical: r === critical() } : null;
  };
  return {
    current,
    criticalLabel() {
      const r = critical();
      return r ? label(r) : null;
    },
    selectCritical() {
      const r = critical();
      if (!r) return false;
      if (!checked(r)) {
        // A real click on the real input: the component and the page's framework see the usual events.
        const i = input(r);
        if (i) i.click();
        else /** @type {HTMLElement} */ (r).click();
      }
      return checked(r);
    },
    onChange(cb) {
      return changeNotifier(() => JSON.stringify(current()), (notify) => {
        const doc = /** @type {Document} */ ((/** @type {Node} */ (scope)).ownerDocument ?? scope);
        // click and input are composed (they reach the document from inside shadow roots); change is
        // not, so it is also heard on each component (Katal re-dispatches it on the host).
        const types = ['click', 'change', 'input', 'keyup'];
        for (const t of types) doc.addEventListener(t, notify, true);
        const mo = new MutationObserver(notify);
        mo.observe(/** @type {Node} */ (scope), { subtree: true, attributes: true, attributeFilter: ['checked', 'value'], childList: true });
        return () => {
          for (const t of types) doc.removeEventListener(t, notify, true);
          mo.disconnect();
        };
      }, cb);
    },
  };
}

/**
 * The older form: a `<select>` of subjects (or contact reasons).
 * @param {HTMLSelectElement} select
 * @returns {ReasonsAdapter}
 */
function selectReasons(select) {
  const critical = () => [...select.options].find((o) => isCriticalLabel(o.text) || isCriticalLabel(o.value)) ?? null;
  const current = () => {
    const o = select.selectedOptions[0];
    if (!o || (o.value === '' && o.index === 0)) return null;
    return { label: o.text.trim(), critical: o === critical() };
  };
  return {
    current,
    criticalLabel() {
      return critical()?.text.trim() ?? null;
    },
    selectCritical() {
      const o = critical();
      if (!o || select.disabled) return false;
      if (select.selectedIndex !== o.index) {
        select.selectedIndex = o.index;
        select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      return select.selectedIndex === o.index;
    },
    onChange(cb) {
      return changeNotifier(() => JSON.stringify(current()), (notify) => {
        select.addEventListener('change', notify);
        select.addEventListener('input', notify);
        return () => {
          select.removeEventListener('change', notify);
          select.removeEventListener('input', notify);
        };
      }, cb);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The forms

/**
 * @typedef {object} MessageForm
 * @property {'katal' | 'legacy' | 'plain'} kind  plain: the inbox reply box, or a form without a subject list
 * @property {HTMLTextAreaElement} field      the real textarea (maybe inside shadow roots)
 * @property {Element} container              the form's outermost known element (replaced → re-attach)
 * @property {Element} panelAnchor            what the panel is placed beside
 * @property {ReasonsAdapter} reasons
 * @property {(path: EventTarget[]) => Element | null} sendButtonIn  the Send button in an event's composed path
 * @property {() => boolean} succeeded         the "Your message has been sent" banner is showing
 */

/**
 * The Katal form: `#ayb-contact-buyer`, `kat-textarea` (textarea in nested shadow roots),
 * `kat-radiobutton` reasons, `kat-button.ayb-contact-form-send-button`.
 * @param {Document} doc
 * @returns {MessageForm | null}
 */
function findKatalForm(doc) {
  const hosts = deepQueryAll(doc, '.contact-buyer-text-area kat-textarea, #ayb-contact-buyer kat-textarea');
  if (!hosts.length) hosts.push(...deepQueryAll(doc, 'kat-textarea'));
  for (const host of hosts) {
    if (!host.shadowRoot) continue; // not upgraded yet: the caller retries
    const field = /** @type {HTMLTextAreaElement | null} */ (deepQuery(host.shadowRoot, 'textarea'));
    if (!field) continue;
    const container = host.closest('#ayb-contact-buyer') ?? host.closest('form') ?? host.parentElement ?? host;
    const hasRadios = deepQueryAll(container, 'kat-radiobutton').length > 0;
    return {
      kind: 'katal',
      field,
      container,
      // beside the whole form card, so the panel covers none of the page's controls
      panelAnchor: host.closest('#ayb-contact-buyer') ?? host,
      reasons: hasRadios ? katalReasons(container) : katalReasons(doc),
      sendButtonIn(path) {
        for (const n of path) {
          if (!(n instanceof Element)) continue;
          if (n.matches('kat-button.ayb-contact-form-send-button, .ayb-contact-form-send-button')) return n;
        }
        // Fallback: a kat-button or button whose label says Send, inside the form.
        return sendByLabel(path, container);
      },
      succeeded: () => successShowing(doc),
    };
  }
  return null;
}

/**
 * The older form: a `<select>` subject + a plain `<textarea>` (still used on some marketplaces).
 * @param {Document} doc
 * @returns {MessageForm | null}
 */
function findLegacyForm(doc) {
  const candidates = /** @type {HTMLTextAreaElement[]} */ ([...doc.querySelectorAll('textarea')]).filter((t) => !t.disabled && !t.readOnly && isRendered(t));
  for (const field of candidates) {
    const container = field.closest('form') ?? field.closest('#ayb-contact-buyer, [class*=contact-buyer]') ?? field.parentElement;
    if (!container) continue;
    const select = subjectSelect(container);
    if (!select) continue;
    return {
      kind: 'legacy',
      field,
      container,
      panelAnchor: field.closest('form') ?? field,
      reasons: selectReasons(select),
      sendButtonIn: (path) => submitIn(path, container) ?? sendByLabel(path, container),
      succeeded: () => successShowing(doc),
    };
  }
  return null;
}

/**
 * The subject (or contact reason) list of the older form: the `<select>` that offers the critical subject,
 * else one named like a subject.
 * @param {Element} container
 */
function subjectSelect(container) {
  const selects = /** @type {HTMLSelectElement[]} */ ([...container.querySelectorAll('select')]);
  return selects.find((s) => [...s.options].some((o) => isCriticalLabel(o.text) || isCriticalLabel(o.value)))
    ?? selects.find((s) => /subject|reason|betreff|objet|asunto|oggetto|assunto|onderwerp|ämne|temat|konu|件名/i.test(`${s.name} ${s.id} ${s.getAttribute('aria-label') ?? ''}`))
    ?? null;
}

/**
 * A plain message box (the inbox reply, or a contact form without a subject list): the largest visible
 * textarea, no contact reason.
 * @param {Document} doc
 * @returns {MessageForm | null}
 */
function findPlainField(doc) {
  const fields = /** @type {HTMLTextAreaElement[]} */ (deepQueryAll(doc, 'textarea'))
    .filter((t) => !t.disabled && !t.readOnly && isRendered(t))
    .sort((a, b) => area(b) - area(a));
  const field = fields[0];
  if (!field) return null;
  // The reply area: the nearest ancestor that also holds a Send button.
  /** @type {Element} */
  let container = field.parentElement ?? field;
  for (let e = field.parentElement, i = 0; e && i < 6; e = e.parentElement, i++) {
    container = e;
    if (findSendByLabel(e)) break;
  }
  return {
    kind: 'plain',
    field,
    container,
    panelAnchor: field,
    reasons: NO_REASONS,
    sendButtonIn: (path) => submitIn(path, container) ?? sendByLabel(path, container),
    succeeded: () => successShowing(doc),
  };
}

/** @param {Element} e */
function area(e) {
  const r = e.getBoundingClientRect();
  return r.width * r.height;
}

/**
 * @param {EventTarget[]} path
 * @param {Element} container
 */
function submitIn(path, container) {
  for (const n of path) {
    if (!(n instanceof Element)) continue;
    if (n.matches('button[type=submit], input[type=submit], button:not([type])') && container.contains(n)) {
      const form = /** @type {HTMLButtonElement} */ (n).form;
      if (form && (form === container || form.contains(container) || container.contains(form))) return n;
    }
  }
  return null;
}

/** @param {Element} el */
function looksLikeSend(el) {
  const text = normalizeLabel(el.getAttribute('label') || el.getAttribute('aria-label') || (el instanceof HTMLInputElement ? el.value : visibleText(el)));
  return SEND_LABELS.includes(text);
}

/**
 * @param {EventTarget[]} path
 * @param {Element} container
 */
function sendByLabel(path, container) {
  for (const n of path) {
    if (!(n instanceof Element)) continue;
    if (n.matches('button, input[type=submit], input[type=button], kat-button, [role=button]') && looksLikeSend(n)) {
      // The host of a shadow-root button, or the button itself, must belong to the form.
      const host = /** @type {ShadowRoot} */ (n.getRootNode()).host ?? n;
      if (container.contains(n) || container.contains(host)) return n;
    }
  }
  return null;
}

/** @param {Element} container */
function findSendByLabel(container) {
  return [...container.querySelectorAll('button, input[type=submit], kat-button, [role=button]')].find(looksLikeSend) ?? null;
}

/** @param {Document} doc */
function successShowing(doc) {
  const el = deepQuery(doc, 'div.kat-alert-success-content, .kat-alert-success-content');
  return !!el && isRendered(el);
}

/**
 * Finds the message form on the current page, or null (not a form page, or not rendered yet).
 * @param {Document} [doc]
 * @returns {MessageForm | null}
 */
export function findMessageForm(doc = document) {
  const loc = doc.location;
  if (!loc || !isMessagingPage(loc)) return null;
  if (CONTACT_PATH.test(loc.pathname) || INBOX_PATH.test(loc.pathname)) return findKatalForm(doc) ?? findLegacyForm(doc) ?? findPlainField(doc);
  // Other messaging pages (e.g. /messaging/reviews, a fixed template): only an obvious form counts.
  return findKatalForm(doc) ?? findLegacyForm(doc);
}

/**
 * A Katal `kat-textarea` is on the page but its shadow root has no textarea yet (component not yet
 * upgraded): worth looking again shortly even without DOM mutations we can observe.
 * @param {Document} [doc]
 */
export function formPending(doc = document) {
  return !!doc.querySelector('kat-textarea, #ayb-contact-buyer') && !findKatalForm(doc);
}

/**
 * The open shadow roots inside the form that a MutationObserver on the document cannot see into.
 * @param {MessageForm} form
 */
export function shadowRootsOf(form) {
  /** @type {ShadowRoot[]} */
  const roots = [];
  for (let n = /** @type {Node} */ (form.field).getRootNode(); n instanceof ShadowRoot; n = n.host.getRootNode()) roots.push(n);
  return roots;
}

/**
 * The page's language (for reading labels and choosing a rule book later).
 * @param {Document} [doc]
 */
export function pageLanguage(doc = document) {
  return (doc.documentElement.lang || '').toLowerCase().split(/[-_]/)[0] || undefined;
}

// ---------------------------------------------------------------------------------------------------
// Page facts for the seller's workflow (order, buyer, language of preference)

/**
 * The order the page is about: `orderID` (or `orderId`) in the URL, else /orders-v3/order/<id> in the
 * path; 3-7-7 digits with dashes, or null.
 * @param {{search: string, pathname: string}} loc
 */
export function orderIdFromUrl(loc) {
  const params = new URLSearchParams(loc.search);
  for (const [k, v] of params) {
    if (k.toLowerCase() === 'orderid' && /^\d{3}-\d{7}-\d{7}$/.test(v.trim())) return v.trim();
  }
  const m = /\/order\/(\d{3}-\d{7}-\d{7})(?:\/|$)/.exec(loc.pathname);
  return m ? m[1] : null;
}

/**
 * Is this the Contact Buyer form (where the seller writes first: a proactive message), rather than a
 * reply in the inbox?
 * @param {{pathname: string}} loc
 */
export function isContactPage(loc) {
  return CONTACT_PATH.test(loc.pathname);
}

/** "Send message to Jordan" in the marketplaces' languages: the words before the name. */
const SEND_TO = [
  /^send (?:a )?message to\s+(.+)$/i,
  /^nachricht (?:an|senden an)\s+(.+)$/i,
  /^envoyer un message à\s+(.+)$/i,
  /^enviar (?:un )?mensaje a\s+(.+)$/i,
  /^invia (?:un )?messaggio a\s+(.+)$/i,
  /^(.+?)\s*(?:さん)?にメッセージを送信$/,
];

/**
 * The buyer's first name from the form's header ("Send message to Jordan"), or null.
 * @param {Document} doc
 */
export function buyerFirstName(doc) {
  const heads = deepQueryAll(doc, '.ayb-contact-buyer-header h2, #ayb-contact-buyer h2, .ayb-contact-buyer-header, h2');
  for (const h of heads) {
    const label = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (const re of SEND_TO) {
      const m = re.exec(label);
      if (m) {
        const name = m[1].replace(/[.:!]+$/, '').trim().split(' ')[0];
        if (name && name.length <= 40) return name;
      }
    }
  }
  return null;
}

/** "Buyer's Language of Preference: Spanish" and the same label in other marketplaces' languages. */
const LANGUAGE_LABEL = /(?:buyer[’'`]?s )?language of preference|bevorzugte sprache(?: des käufers)?|langue préférée(?: de l[’']acheteur)?|idioma preferido(?: del comprador)?|lingua preferita(?: dell[’']acquirente)?|購入者の希望言語/i;

/**
 * The buyer's language of preference as the page names it ("Spanish"), or null when the page does not
 * show the label.
 * @param {Document} doc
 */
export function buyerLanguageName(doc) {
  const candidates = deepQueryAll(doc, '#ayb-contact-buyer p, #ayb-contact-buyer span, #ayb-contact-buyer div, .buyer-language, [class*=language], p, span');
  for (const el of candidates) {
    if (el.children.length > 2) continue;
    const label = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (label.length > 120) continue;
    const m = LANGUAGE_LABEL.exec(label);
    if (!m) continue;
    const rest = label.slice((m.index ?? 0) + m[0].length).replace(/^\s*[:：]\s*/, '').trim();
    if (rest) return rest.split(/[·|,;]/)[0].trim();
  }
  return null;
}
