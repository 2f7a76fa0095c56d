// @ts-check
/**
 * <demo-textarea>: a stand-in for Seller Central's <kat-textarea>. Like the real one, the <textarea>
 * lives in an open shadow root, so the guard is exercised the way it runs on Amazon's page.
 * @module
 */

const CSS = `
:host { display: block; }
.wrap { position: relative; }
textarea {
  display: block;
  box-sizing: border-box;
  width: 100%;
  min-height: 13.5em;
  resize: vertical;
  margin: 0;
  padding: 10px 12px;
  border: 1px solid var(--field-border, #888c8c);
  border-radius: 8px;
  background: var(--field-bg, #fff);
  color: var(--field-fg, #0f1111);
  font: 15px/1.55 var(--field-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  box-shadow: 0 1px 2px rgba(15, 17, 17, .15) inset;
}
textarea:focus {
  outline: none;
  border-color: var(--field-focus, #007185);
  box-shadow: 0 0 0 3px var(--field-ring, rgba(0, 113, 133, .25));
}
`;

export class DemoTextarea extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    /** the real field */
    this.control = document.createElement('textarea');
    this.control.setAttribute('part', 'control');
    this.control.spellcheck = true;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.append(this.control);
    root.append(wrap);
  }

  static get observedAttributes() { return ['label', 'placeholder', 'maxlength']; }

  /** @param {string} name @param {string | null} _old @param {string | null} value */
  attributeChangedCallback(name, _old, value) {
    if (name === 'label') this.control.setAttribute('aria-label', value ?? '');
    else if (value === null) this.control.removeAttribute(name);
    else this.control.setAttribute(name, value);
  }

  get value() { return this.control.value; }
  set value(v) { this.control.value = v; }
}

if (!customElements.get('demo-textarea')) customElements.define('demo-textarea', DemoTextarea);
