// @ts-check
/**
 * The guard's style sheet, as text, so it can be adopted as a constructable style sheet in the
 * shadow root: pages whose CSP forbids inline styles cannot block it, and nothing leaks either way.
 * Severity always has a non-color cue: wavy (error), dashed (warning) and dotted (info) underlines,
 * and a lettered square, triangle or circle in the lists.
 * @module
 */

export const GUARD_CSS = String.raw`
:host {
  all: initial !important;
  position: absolute !important;
  left: 0 !important;
  top: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483000 !important;
  pointer-events: none !important;
  display: block !important;
  contain: none !important;
}

.layer {
  --mg-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mg-bg: #ffffff;
  --mg-bg-soft: #f5f7f9;
  --mg-fg: #0f1111;
  --mg-fg-soft: #565959;
  --mg-border: #d5d9d9;
  --mg-focus: #007185;
  --mg-link: #007185;
  --mg-shadow: 0 10px 30px rgba(15, 17, 17, .16), 0 2px 6px rgba(15, 17, 17, .10);
  --mg-error: #c40000;
  --mg-error-bg: #fff0f0;
  --mg-warning: #a35a00;
  --mg-warning-bg: #fff6e5;
  --mg-info: #1d5fbf;
  --mg-info-bg: #eef4fd;
  --mg-critical: #0a5fa8;
  --mg-critical-bg: #e8f2fc;
  --mg-ok: #067d62;
  --mg-ok-bg: #e7f6f1;
  --mg-button-bg: #ffffff;
  --mg-button-hover: #f0f2f2;
  --mg-primary-bg: #ffd814;
  --mg-primary-border: #fcd200;
  --mg-primary-fg: #0f1111;
  /* underline colors follow the field's surface, not the OS theme */
  --mg-ul-error: #d70015;
  --mg-ul-error-tint: rgba(215, 0, 21, .07);
  --mg-ul-warning: #d97706;
  --mg-ul-warning-tint: rgba(217, 119, 6, .07);
  --mg-ul-info: #2563eb;
  --mg-ul-info-tint: rgba(37, 99, 235, .06);
  position: absolute;
  left: 0;
  top: 0;
  width: 0;
  height: 0;
  font: 13px/1.45 var(--mg-font);
  color: var(--mg-fg);
}
.layer[data-surface="dark"] {
  --mg-ul-error: #ff6b6b;
  --mg-ul-error-tint: rgba(255, 107, 107, .13);
  --mg-ul-warning: #fbbf24;
  --mg-ul-warning-tint: rgba(251, 191, 36, .12);
  --mg-ul-info: #7cb4ff;
  --mg-ul-info-tint: rgba(124, 180, 255, .12);
}
@media (prefers-color-scheme: dark) {
  .layer {
    --mg-bg: #1c2128;
    --mg-bg-soft: #242a33;
    --mg-fg: #e8eaed;
    --mg-fg-soft: #a9b1ba;
    --mg-border: #3a434e;
    --mg-focus: #4fc3d9;
    --mg-link: #6fd0e3;
    --mg-shadow: 0 10px 30px rgba(0, 0, 0, .5), 0 2px 6px rgba(0, 0, 0, .4);
    --mg-error: #ff8a80;
    --mg-error-bg: #3a1d1f;
    --mg-warning: #ffc266;
    --mg-warning-bg: #3a2d16;
    --mg-info: #8ab4f8;
    --mg-info-bg: #1d2a3d;
    --mg-critical: #8ab4f8;
    --mg-critical-bg: #1b2b40;
    --mg-ok: #5fd3a8;
    --mg-ok-bg: #16322a;
    --mg-button-bg: #262d36;
    --mg-button-hover: #2f3742;
    --mg-primary-bg: #f7ca00;
    --mg-primary-border: #e0b700;
  }
}
@media (forced-colors: active) {
  .layer { --mg-ul-error: CanvasText; --mg-ul-warning: CanvasText; --mg-ul-info: CanvasText; }
}

[hidden] { display: none !important; }

.mirror {
  position: absolute;
  left: 0;
  top: 0;
  visibility: hidden;
  pointer-events: none;
  contain: layout paint style;
  overflow: hidden;
}

/* ---- underlines ---------------------------------------------------------------------------- */
.clip {
  position: absolute;
  overflow: hidden;
  pointer-events: none;
  contain: layout paint style;
}
.content {
  position: absolute;
  left: 0;
  top: 0;
  width: 0;
  height: 0;
  will-change: transform;
}
.hl {
  position: absolute;
  pointer-events: none;
}
.seg {
  position: absolute;
  display: block;
  border-radius: 2px;
}
.seg::after {
  content: "";
  position: absolute;
  left: 0;
  right: 0;
  bottom: -1px;
  height: 3px;
}
.hl[data-severity="error"] .seg { background: var(--mg-ul-error-tint); }
.hl[data-severity="error"] .seg::after {
  /* wavy: two diagonal gradients make a zigzag (no image URL, so no CSP img-src needed) */
  height: 4px;
  bottom: -2px;
  background:
    linear-gradient(135deg, transparent 35%, var(--mg-ul-error) 35%, var(--mg-ul-error) 60%, transparent 60%) 0 0 / 6px 4px repeat-x,
    linear-gradient(45deg, transparent 35%, var(--mg-ul-error) 35%, var(--mg-ul-error) 60%, transparent 60%) 3px 0 / 6px 4px repeat-x;
}
.hl[data-severity="warning"] .seg { background: var(--mg-ul-warning-tint); }
.hl[data-severity="warning"] .seg::after {
  height: 0;
  border-bottom: 2px dashed var(--mg-ul-warning);
}
.hl[data-severity="info"] .seg { background: var(--mg-ul-info-tint); }
.hl[data-severity="info"] .seg::after {
  height: 0;
  border-bottom: 2px dotted var(--mg-ul-info);
}
.hl[data-active] .seg { outline: 2px solid var(--mg-focus); outline-offset: 1px; }

/* ---- shared controls ----------------------------------------------------------------------- */
.panel, .card {
  pointer-events: auto;
  box-sizing: border-box;
  background: var(--mg-bg);
  color: var(--mg-fg);
  border: 1px solid var(--mg-border);
  border-radius: 12px;
  box-shadow: var(--mg-shadow);
  font: 13px/1.45 var(--mg-font);
  text-align: start;
}
*, *::before, *::after { box-sizing: border-box; }
h2, h3, p, ul, ol, blockquote { margin: 0; padding: 0; font-size: inherit; }
ul { list-style: none; }
button {
  font: inherit;
  color: inherit;
  cursor: pointer;
  border: 1px solid var(--mg-border);
  background: var(--mg-button-bg);
  border-radius: 8px;
  padding: 6px 10px;
  text-align: start;
  line-height: 1.3;
}
button:hover { background: var(--mg-button-hover); }
button:focus-visible, a:focus-visible {
  outline: 2px solid var(--mg-focus);
  outline-offset: 2px;
}
a { color: var(--mg-link); text-decoration: underline; text-underline-offset: 2px; }
.primary {
  background: var(--mg-primary-bg);
  border-color: var(--mg-primary-border);
  color: var(--mg-primary-fg);
  font-weight: 600;
}
.primary:hover { filter: brightness(.96); background: var(--mg-primary-bg); }
.sr-only {
  position: absolute !important;
  width: 1px; height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.section-title {
  font-size: 11px;
  font-weight: 700;
  letter-spacing: .06em;
  text-transform: uppercase;
  color: var(--mg-fg-soft);
  margin-bottom: 6px;
}

/* severity marks: shape + letter + color */
.sev {
  flex: none;
  display: inline-grid;
  place-items: center;
  width: 18px;
  height: 18px;
  font: 700 11px/1 var(--mg-font);
  color: #fff;
}
.sev[data-severity="error"] { background: var(--mg-error); border-radius: 3px; }
.sev[data-severity="warning"] {
  background: var(--mg-warning);
  clip-path: polygon(50% 0, 100% 100%, 0 100%);
  width: 20px;
  padding-top: 6px;
  font-size: 11px;
}
.sev[data-severity="info"] { background: var(--mg-info); border-radius: 50%; font-style: italic; }
@media (prefers-color-scheme: dark) { .sev { color: #111; } }

/* ---- panel --------------------------------------------------------------------------------- */
.panel {
  position: absolute;
  width: 320px;
  max-width: calc(100vw - 16px);
  display: flex;
  flex-direction: column;
  overflow: hidden;
}
.panel[data-placement="dock"] { box-shadow: none; max-height: none; }
.panel[data-placement="beside"] { max-height: calc(100vh - 16px); }
.panel-head {
  display: flex;
  align-items: center;
  gap: 10px;
  padding: 12px 12px 12px 14px;
  border-bottom: 1px solid var(--mg-border);
  background: var(--mg-bg-soft);
}
.panel[data-collapsed] .panel-head { border-bottom: 0; }
.verdict-icon {
  flex: none;
  display: grid;
  place-items: center;
  width: 30px;
  height: 30px;
  border-radius: 50%;
  font: 800 16px/1 var(--mg-font);
  color: #fff;
  background: var(--mg-fg-soft);
}
.panel[data-verdict="prohibited"] .verdict-icon {
  background: var(--mg-error);
  border-radius: 0;
  clip-path: polygon(30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%);
}
.panel[data-verdict="critical"] .verdict-icon { background: var(--mg-critical); }
.panel[data-verdict="noncritical"] .verdict-icon { background: var(--mg-ok); }
.panel[data-state="unavailable"] .verdict-icon { background: var(--mg-fg-soft); }
@media (prefers-color-scheme: dark) { .verdict-icon { color: #111; } }
.verdict-text { flex: 1; min-width: 0; }
.brand {
  display: block;
  font-size: 11px;
  font-weight: 600;
  color: var(--mg-fg-soft);
  letter-spacing: .02em;
}
.verdict {
  display: block;
  font-size: 16px;
  font-weight: 700;
  line-height: 1.25;
}
.panel[data-verdict="prohibited"] .verdict { color: var(--mg-error); }
.panel[data-verdict="critical"] .verdict { color: var(--mg-critical); }
.panel[data-verdict="noncritical"] .verdict { color: var(--mg-ok); }
.counts { font-size: 12px; color: var(--mg-fg-soft); }
.toggle {
  flex: none;
  border: 0;
  background: transparent;
  padding: 6px;
  border-radius: 6px;
  line-height: 0;
}
.toggle svg { width: 16px; height: 16px; transition: transform .15s; }
.panel[data-collapsed] .toggle svg { transform: rotate(180deg); }
.panel-body {
  overflow: auto;
  padding: 12px 14px 14px;
  display: grid;
  gap: 14px;
}
.panel[data-collapsed] .panel-body { display: none; }
.hint { color: var(--mg-fg-soft); }
.summary { font-size: 13px; }

.evidence ul { display: grid; gap: 6px; }
.evidence li {
  border-inline-start: 3px solid var(--mg-border);
  padding: 2px 0 2px 8px;
}
.evidence li[data-category="critical"] { border-color: var(--mg-critical); }
.evidence li[data-category="noncritical"] { border-color: var(--mg-ok); }
.evidence .label { font-weight: 600; display: block; }
.evidence q { color: var(--mg-fg-soft); font-style: italic; }
.evidence mark { background: transparent; color: inherit; font-weight: 700; font-style: normal; }

.findings ul { display: grid; gap: 4px; }
.finding {
  width: 100%;
  display: flex;
  align-items: flex-start;
  gap: 8px;
  border-color: transparent;
  background: transparent;
  padding: 6px 8px;
}
.finding:hover, .finding[aria-expanded="true"] { background: var(--mg-bg-soft); border-color: var(--mg-border); }
.finding .what { flex: 1; min-width: 0; }
.finding .title { display: block; font-weight: 600; }
.finding .match {
  display: block;
  color: var(--mg-fg-soft);
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}
.finding .code { flex: none; font: 600 11px/18px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--mg-fg-soft); }

.advice {
  border-radius: 10px;
  padding: 10px 12px;
  background: var(--mg-bg-soft);
  border: 1px solid var(--mg-border);
  display: grid;
  gap: 8px;
}
.advice[data-advice="critical-reason"] { background: var(--mg-critical-bg); border-color: var(--mg-critical); }
.advice[data-advice="fix-first"] { background: var(--mg-error-bg); border-color: var(--mg-error); }
.advice[data-advice="misused-critical-reason"] {
  background: var(--mg-error-bg);
  border: 2px solid var(--mg-error);
  box-shadow: inset 6px 0 0 var(--mg-error);
  padding-inline-start: 16px;
}
.advice .loud {
  display: flex;
  align-items: center;
  gap: 8px;
  font-size: 14px;
  font-weight: 800;
  color: var(--mg-error);
  text-transform: uppercase;
  letter-spacing: .03em;
}
.advice .loud::before {
  content: "!";
  display: grid;
  place-items: center;
  width: 20px;
  height: 20px;
  background: var(--mg-error);
  color: var(--mg-bg);
  clip-path: polygon(50% 0, 100% 100%, 0 100%);
  padding-top: 5px;
  font-size: 12px;
}
.advice .selected { color: var(--mg-ok); font-weight: 600; }
.advice .selected::before { content: "✓ "; }

.confirm {
  border: 2px solid var(--mg-error);
  border-radius: 10px;
  padding: 10px 12px;
  display: grid;
  gap: 8px;
}
.confirm .actions { display: flex; flex-wrap: wrap; gap: 8px; }

.unavailable-detail { color: var(--mg-fg-soft); }

/* ---- card ---------------------------------------------------------------------------------- */
.card {
  position: absolute;
  width: 340px;
  max-width: calc(100vw - 16px);
  padding: 12px 14px 14px;
  display: grid;
  gap: 10px;
}
/* shown but not yet placed: focusable (the list moves focus into it), not yet seen or clickable */
.card[data-placing] { opacity: 0; pointer-events: none; }
.card-head { display: flex; align-items: flex-start; gap: 8px; }
.card-head .sev { margin-top: 2px; }
.card-title { flex: 1; font-size: 14px; font-weight: 700; line-height: 1.35; }
.card-code { display: block; font: 600 11px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--mg-fg-soft); }
.close {
  flex: none;
  border: 0;
  background: transparent;
  padding: 4px;
  line-height: 0;
}
.close svg { width: 16px; height: 16px; }
.rule-quote {
  border-inline-start: 3px solid var(--mg-border);
  padding: 2px 0 2px 10px;
  color: var(--mg-fg-soft);
}
.rule-quote .section-title { margin-bottom: 2px; }
.rule-quote p { font-style: italic; color: var(--mg-fg); }
.rule-quote .source { font-size: 12px; margin-top: 4px; display: block; }
.fixes { display: flex; flex-wrap: wrap; gap: 6px; }
.fixes button { max-width: 100%; overflow-wrap: anywhere; }
.card .ref { font-size: 12px; }

@media (prefers-reduced-motion: reduce) {
  .toggle svg { transition: none; }
}
`;
