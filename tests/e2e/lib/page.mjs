// What the tests ask the page (run in the page's main world through the driver; self-contained, since
// the drivers serialize the function). One entry point with an `op`, so both drivers need one call.

/**
 * @param {{op: string, [k: string]: any}} a
 */
export function pageOp(a) {
  const field = () => {
    const kt = document.querySelector('kat-textarea');
    if (kt && kt.shadowRoot) {
      const inner = kt.shadowRoot.querySelector('kat-textarea-field');
      const ta = inner && inner.shadowRoot && inner.shadowRoot.querySelector('textarea');
      if (ta) return ta;
    }
    return document.querySelector('textarea');
  };
  const host = () => document.querySelector('msgguard-root');
  const sr = () => (host() ? host().shadowRoot : null);
  const rectOf = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  };
  const visible = (el) => !!el && !el.hidden && !el.closest('[hidden]') && !el.hasAttribute('data-placing') && el.getBoundingClientRect().width > 0;

  switch (a.op) {
    case 'state': {
      const h = host();
      const root = sr();
      const panel = root ? root.querySelector('[data-part="panel"]') : null;
      const advice = root ? root.querySelector('[data-part="subject-advice"]') : null;
      const card = root ? root.querySelector('[data-part="card"]') : null;
      const confirm = root ? root.querySelector('[data-part="confirm"]') : null;
      const f = field();
      return {
        url: location.href,
        hosts: document.querySelectorAll('msgguard-root').length,
        analyzer: h ? h.getAttribute('data-analyzer') : null,
        offThread: h ? h.getAttribute('data-off-thread') : null,
        form: h ? h.getAttribute('data-form') : null,
        attachments: h ? Number(h.getAttribute('data-attachments')) : 0,
        panels: root ? root.querySelectorAll('[data-part="panel"]').length : 0,
        state: panel ? panel.getAttribute('data-state') : null,
        verdict: panel ? panel.getAttribute('data-verdict') : null,
        shownLength: panel && panel.hasAttribute('data-length') ? Number(panel.getAttribute('data-length')) : -1,
        advice: advice && !advice.hidden ? advice.getAttribute('data-advice') : null,
        applySubject: !!(advice && !advice.hidden && advice.querySelector('[data-action="apply-subject"]')),
        card: visible(card),
        suggestions: card ? [...card.querySelectorAll('[data-action="apply-suggestion"]')].map((b) => b.textContent) : [],
        confirm: visible(confirm),
        value: f ? f.value : null,
        sent: window.__sent ? window.__sent.length : -1,
        ruleLink: card && card.querySelector('[data-part="rule-link"]') ? card.querySelector('[data-part="rule-link"]').href : null,
        highlights: root ? [...root.querySelectorAll('[data-part="highlight"]')].filter((e) => !e.hidden).map((e) => ({
          rule: e.dataset.rule, severity: e.dataset.severity, start: Number(e.dataset.start), end: Number(e.dataset.end), rect: rectOf(e),
        })) : [],
      };
    }
    case 'field-rect': {
      const f = field();
      return f ? rectOf(f) : null;
    }
    case 'target': {
      // the center of an element inside the extension's shadow root (for a real mouse click), once it
      // has stopped moving (the guard places popups in the frame after it measures them)
      const root = sr();
      const el = root && root.querySelector(a.selector);
      if (!el || !visible(el)) return null;
      el.scrollIntoView({ block: 'nearest' });
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      return (async () => {
        let prev = '';
        for (let i = 0; i < 10; i++) {
          await frame();
          await frame();
          const r = el.getBoundingClientRect();
          const key = `${r.left},${r.top},${r.width},${r.height}`;
          if (key === prev) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          prev = key;
        }
        return null;
      })();
    }
    case 'page-target': {
      // the center of a page element; `shadow` = a selector inside its open shadow root
      let el = document.querySelector(a.selector);
      if (el && a.shadow) el = el.shadowRoot.querySelector(a.shadow);
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    case 'expected-rect': {
      // Where text[start, end) is drawn, computed independently of the extension: canvas text metrics on
      // the field's font, for text on one unwrapped line.
      const f = field();
      const cs = getComputedStyle(f);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} / ${cs.lineHeight} ${cs.fontFamily}`;
      const lineHeight = parseFloat(cs.lineHeight);
      const r = f.getBoundingClientRect();
      const left0 = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) - f.scrollLeft;
      const top0 = r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) - f.scrollTop;
      const before = f.value.slice(0, a.start).split('\n');
      const line = before.length - 1;
      const prefix = before[line];
      const x1 = left0 + ctx.measureText(prefix).width;
      const x2 = left0 + ctx.measureText(prefix + f.value.slice(a.start, a.end)).width;
      const y1 = top0 + line * lineHeight;
      return { left: x1, right: x2, top: y1, bottom: y1 + lineHeight };
    }
    case 'insert-text': {
      // text entered the way a paste or an IME commit arrives: one input event, undoable
      const f = field();
      f.focus();
      f.setSelectionRange(f.value.length, f.value.length);
      document.execCommand('insertText', false, a.text);
      return f.value;
    }
    case 'paste-value': {
      // a big paste as the extension sees it: the new value and one input event (execCommand would take
      // Chromium's editing code seconds for a hundred thousand characters)
      const f = field();
      f.focus();
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      setter.call(f, f.value + a.text);
      f.setSelectionRange(f.value.length, f.value.length);
      f.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: null }));
      return f.value.length;
    }
    case 'scroll-field': {
      const f = field();
      f.scrollTop = a.top;
      return f.scrollTop;
    }
    case 'scroll-window': {
      window.scrollTo(0, a.y);
      return window.scrollY;
    }
    case 'resize-field': {
      // the drag handle, done by the test: the field's own height
      field().style.height = a.height + 'px';
      return field().getBoundingClientRect().height;
    }
    case 'reason': {
      const r = [...document.querySelectorAll('kat-radiobutton')].find((x) => x.shadowRoot.querySelector('input').checked);
      if (r) return r.getAttribute('label');
      const s = document.querySelector('select');
      return s && s.selectedIndex > 0 ? s.selectedOptions[0].text : null;
    }
    case 'dom-changed': {
      // compares the page's DOM (outside msgguard-root) with its state before any content script ran
      const now = window.__domSnapshot();
      if (now === window.__domAtLoad) return null;
      let i = 0;
      while (now[i] === window.__domAtLoad[i]) i++;
      return { at: i, before: window.__domAtLoad.slice(Math.max(0, i - 120), i + 200), after: now.slice(Math.max(0, i - 120), i + 200) };
    }
    case 'query': {
      const el = document.querySelector(a.selector);
      return el ? { text: el.textContent, checked: el.checked, disabled: el.disabled } : null;
    }
    case 'measures':
      // the page's timeline: the extension's content script writes its measures here too
      return performance.getEntriesByType('measure').map((m) => m.name);
    case 'sent':
      return window.__sent;
    case 'spa-navigate':
      window.__spa.navigate(a.path);
      return location.href;
    case 'history-back':
      history.back();
      return true;
    case 'frames':
      // resolves after two animation frames (the guard's read + write)
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
    default:
      throw new Error(`unknown op ${a.op}`);
  }
}
