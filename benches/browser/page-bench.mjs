// What the browser benchmark asks the fixture page (run in the page's main world through the driver, so
// self-contained: the drivers serialize the function). One entry point with an `op`, like
// tests/e2e/lib/page.mjs, whose `field` lookup it repeats (a serialized function cannot import).
//
// Keystroke cost: a capture listener on the window notes performance.now() at the `input` event,
// before the extension's own listener on the field runs; a MutationObserver on the extension's open
// shadow root notes when the panel says `data-settled="true"` for the field's current length (the
// hook extension/ui/README.md documents: the report shown is for this text and its underlines are
// drawn). Observers run right after the frame callback that drew them, before the frame is painted.

/**
 * @param {{op: string, [k: string]: any}} a
 */
export function benchOp(a) {
  const field = () => {
    const kt = document.querySelector('kat-textarea');
    if (kt && kt.shadowRoot) {
      const inner = kt.shadowRoot.querySelector('kat-textarea-field');
      const ta = inner && inner.shadowRoot && inner.shadowRoot.querySelector('textarea');
      if (ta) return ta;
    }
    return document.querySelector('textarea');
  };
  const panel = () => {
    const h = document.querySelector('msgguard-root');
    return h && h.shadowRoot ? h.shadowRoot.querySelector('[data-part="panel"]') : null;
  };
  /** @type {any} */
  const w = window;
  /**
   * Calls `painted` once the next frame has been rendered: a message posted from that frame's
   * animation-frame callback runs after its style, layout and paint. `inFrame` runs in that callback,
   * before the frame's own rendering.
   * @param {() => void} painted @param {() => void} [inFrame]
   */
  const afterNextPaint = (painted, inFrame) => requestAnimationFrame(() => {
    inFrame?.();
    const ch = new MessageChannel();
    ch.port1.onmessage = painted;
    ch.port2.postMessage(0);
  });

  switch (a.op) {
    case 'ready-measures':
      // the extension's own measures of loading its analyzer (extension/src/analyzer.js) and of its
      // content script's first run (content.js)
      return performance.getEntriesByType('measure').filter((m) => m.name.startsWith('msgguard:'))
        .map((m) => ({ name: m.name, duration: m.duration }));

    case 'watch': {
      // installs the keystroke and verdict clocks (idempotent per page load)
      if (w.__mgb) return true;
      const p = panel();
      if (!p) return false;
      const b = { t0: -1, samples: /** @type {number[]} */ ([]), verdictAt: -1, verdictPaintedAt: -1, settledAt: -1, waiters: /** @type {Array<() => void>} */ ([]) };
      w.__mgb = b;
      window.addEventListener('input', () => { b.t0 = performance.now(); b.verdictAt = -1; b.verdictPaintedAt = -1; b.settledAt = -1; }, true);
      const check = () => {
        const f = field();
        if (!f || b.t0 < 0) return;
        const len = Number(p.getAttribute('data-length'));
        if (len !== f.value.length) return;
        const now = performance.now();
        if (b.verdictAt < 0 && p.getAttribute('data-state') === 'ready') {
          b.verdictAt = now - b.t0;
          // painted: the next frame's rendering done. A verdict written before the browser's own
          // layout of a big paste is painted only with it.
          const t0 = b.t0;
          afterNextPaint(() => { if (b.t0 === t0 || b.t0 < 0) b.verdictPaintedAt = performance.now() - t0; });
        }
        if (p.getAttribute('data-settled') === 'true') {
          b.settledAt = now - b.t0;
          b.samples.push(b.settledAt);
          b.t0 = -1;
          for (const r of b.waiters.splice(0)) r();
        }
      };
      new MutationObserver(check).observe(p, { attributes: true, attributeFilter: ['data-settled', 'data-length', 'data-state'] });
      return true;
    }

    case 'samples':
      return w.__mgb ? w.__mgb.samples.slice() : null;

    case 'reset-samples':
      if (w.__mgb) w.__mgb.samples.length = 0;
      return true;

    case 'wait-settled': {
      // resolves when the last input's underlines are drawn (or after `timeout` ms with false)
      const b = w.__mgb;
      if (!b) return false;
      // painted: and the frame that paints them rendered (as `verdictPaintedAt` above)
      const painted = () => new Promise((resolve) => afterNextPaint(() => resolve(true)));
      if (b.t0 < 0) return a.painted ? painted() : true;
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), a.timeout ?? 5000);
        b.waiters.push(() => { clearTimeout(timer); resolve(a.painted ? painted() : true); });
      });
    }

    case 'set-text': {
      // replaces the draft with one input event (select all + insertText: undoable, as a paste)
      const f = field();
      f.focus();
      f.setSelectionRange(0, f.value.length);
      document.execCommand('insertText', false, a.text);
      f.setSelectionRange(f.value.length, f.value.length);
      return f.value.length;
    }

    case 'focus':
      // the seller clicks into the field before pasting (the extension prepares for a paste then)
      field().focus();
      return true;

    case 'paste': {
      // a paste of `a.text` at the end: time until the verdict and until the underlines are drawn, the
      // time the insertion took (the input event's listeners run inside it), and the longest stretch
      // the main thread could not run a task (a MessageChannel ping loop: an upper bound on the longest
      // task, rendering included) from the end of the insertion until the underlines are drawn.
      const b = w.__mgb;
      // bare: the same paste into a plain textarea of the field's size that the extension does not
      // watch (not in the message form): what the browser alone takes for a million characters
      let f = field();
      if (a.bare) {
        const r = f.getBoundingClientRect();
        const cs = getComputedStyle(f);
        const bare = document.createElement('textarea');
        bare.style.cssText = `position:fixed;left:0;top:0;width:${r.width}px;height:${r.height}px;font:${cs.font};padding:${cs.padding}`;
        document.body.append(bare);
        f = bare;
      }
      f.focus();
      f.setSelectionRange(f.value.length, f.value.length);
      const ch = new MessageChannel();
      let last = 0;
      let longest = 0;
      let running = true;
      let barePaintedMs = -1;
      ch.port1.onmessage = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        if (running) ch.port2.postMessage(0);
      };
      const t0 = performance.now();
      // what a large paste looks like to the extension: the new value and one input event. (Not
      // execCommand: Chromium's editing pipeline takes about a minute for a million characters.)
      const setter = /** @type {any} */ (Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')).set;
      setter.call(f, f.value + a.text);
      const t1 = performance.now();
      f.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      // the input event's listeners (the extension's) run inside dispatchEvent: a task of theirs too
      const dispatchMs = performance.now() - t1;
      const insertMs = performance.now() - t0;
      last = performance.now();
      longest = dispatchMs;
      ch.port2.postMessage(0);
      return new Promise((resolve) => {
        const done = (ok) => {
          running = false;
          ch.port1.close();
          if (a.bare) f.remove();
          resolve({ ok, insertMs, dispatchMs, verdictMs: b.verdictAt, verdictPaintedMs: a.bare ? barePaintedMs : b.verdictPaintedAt, settledMs: b.settledAt, longestGapMs: longest, length: f.value.length });
        };
        if (a.bare) {
          // painted: the first frame with the new text rendered (as the verdict's above, from the
          // input event): the floor under the verdict painted, which can come no sooner
          afterNextPaint(() => { barePaintedMs = performance.now() - t1; });
          // nothing else to wait for but the browser: its frames for the new text, then quiet
          setTimeout(() => done(true), a.quietMs ?? 3000);
          return;
        }
        const timer = setTimeout(() => done(false), a.timeout ?? 20000);
        // the underlines drawn; and the verdict's frame painted (it may come a frame after them)
        const painted = () => (b.verdictPaintedAt >= 0 ? done(true) : requestAnimationFrame(() => setTimeout(painted, 0)));
        b.waiters.push(() => { clearTimeout(timer); painted(); });
      });
    }

    case 'plain-paste': {
      // The browser alone, on a page the extension does not run on: `a.text` set into a new plain
      // textarea (spellcheck as `a.spellcheck`). Times the first frame painted with it, and then how long
      // the browser spends laying it out again in the next frames, with nothing changed by anyone (a
      // layout read at the start of each frame's callback pays for any pending one: Firefox's spell
      // checker re-lays a checked field out a frame or two after its first paint).
      document.querySelectorAll('textarea').forEach((t) => t.remove());
      const f = document.createElement('textarea');
      f.style.cssText = 'position:fixed;left:0;top:0;width:600px;height:200px;font:14px sans-serif';
      f.spellcheck = a.spellcheck;
      (document.body ?? document.documentElement).append(f);
      f.focus();
      return new Promise((resolve) => setTimeout(() => {
        const t0 = performance.now();
        /** @type {any} */ (Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')).set.call(f, a.text);
        let paintedMs = -1;
        let relayoutMs = 0;
        let n = 0;
        const read = () => {
          const s = performance.now();
          void f.scrollHeight;
          if (n > 0) relayoutMs = Math.max(relayoutMs, performance.now() - s);
        };
        const painted = () => {
          if (n === 0) paintedMs = performance.now() - t0;
          if (++n < (a.frames ?? 10)) afterNextPaint(painted, read);
          else resolve({ paintedMs, relayoutMs, length: f.value.length });
        };
        afterNextPaint(painted, read);
      }, 300));
    }

    case 'heap':
      // Chromium only (performance.memory; precise with --enable-precise-memory-info)
      return /** @type {any} */ (performance).memory ? /** @type {any} */ (performance).memory.usedJSHeapSize : null;

    default:
      throw new Error(`unknown op ${a.op}`);
  }
}

/**
 * Loads the packaged module and times a report as the extension gets it from JavaScript (the module's
 * `analyze_compact`, expanded by ui/compact-report.js, as extension/src/analyzer.js does): `n` calls on
 * `text` at once after loading (cold), `n` more after a second of calls (steady), then a draft growing
 * one character at a time (keystrokes), twice, for wasm memory. Self-contained: it runs in the
 * extension's options page through the driver's evaluate.
 * @param {{ n: number, text: string, growText: string, pkgUrl: string, wasmUrl: string, expandUrl: string }} a
 */
export async function analyzeLoop(a) {
  try {
    const t0 = performance.now();
    const mod = await import(a.pkgUrl);
    const { expandReport } = await import(a.expandUrl);
    const wasm = await mod.default({ module_or_path: a.wasmUrl });
    /** @param {string} text */
    const analyze = (text) => expandReport(mod.analyze_compact(text, {}), text);
    mod.warm_up();
    analyze('');
    const readyMs = performance.now() - t0;
    /** @param {Float64Array} into */
    const timeCalls = (into) => {
      for (let i = 0; i < into.length; i++) {
        const s = performance.now();
        analyze(a.text);
        into[i] = performance.now() - s;
      }
    };
    // cold: the first calls after loading, while the engine still moves the module's hot functions to
    // its optimizing tier (Chromium: the first ~150 calls have several 3-8 ms ones)
    const coldTimes = new Float64Array(a.n);
    timeCalls(coldTimes);
    // steady: what each keystroke costs once the seller is typing, after WARM_MS of calls
    const WARM_MS = 1000;
    while (performance.now() - t0 < readyMs + WARM_MS) analyze(a.text);
    const times = new Float64Array(a.n);
    timeCalls(times);
    const mem0 = wasm.memory.buffer.byteLength;
    const grow = a.growText;
    for (let i = 1; i <= grow.length; i++) analyze(grow.slice(0, i));
    const memMid = wasm.memory.buffer.byteLength;
    for (let i = 1; i <= grow.length; i++) analyze(grow.slice(0, i));
    return { ok: true, readyMs, times: Array.from(times), coldTimes: Array.from(coldTimes), wasmMemory: [mem0, memMid, wasm.memory.buffer.byteLength] };
  } catch (e) {
    return { ok: false, error: String((e && /** @type {any} */ (e).stack) || e) };
  }
}
