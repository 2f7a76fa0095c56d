// A seeded random editing session in the message field, with a model of what the field must hold after
// each edit: the extension may underline, explain and (on a click) apply a suggestion, but the value is
// only ever what the user did. Real key presses type, delete, cut (Ctrl+X), paste what was cut (Ctrl+V),
// undo (Ctrl+Z) and redo (Ctrl+Shift+Z); other pastes arrive as a paste does (one `insertText` input
// event); suggestions are applied with real clicks on the underline and the card.
import assert from 'node:assert/strict';
import { pageOp } from './page.mjs';

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** Typed with real keys: ASCII only (what a keyboard sends without an IME), findings among them. */
const TYPED = ['order ', 'thanks ', 'Please ', 'leave a ', '5-star review ', 'www.shop.com ', 'a@b.com ', 'call 555-123-4567 ',
  'positive ', 'the mug ', '! ', ', ', '. ', '\n', 'x', 'ok', ' '];
/** Pasted: astral and combining characters, full-width and look-alike forms, findings. */
const PASTED = ['😀 ', 'Please leave a 5-star review. ', 'e\u0301 ', 'ｗｗｗ．ｓｈｏｐ．ｃｏｍ ', '中文 ', '👨‍👩‍👧 ', 'name [at] mail [dot] com ',
  '★★★★★ ', 'Visit https://bit.ly/x\n', 'Thank you for your order!\n'];
const MAX_LENGTH = 300;

/** In the page: the message field (inside the Katal component's shadow roots, or a plain textarea). */
function fieldOp(a) {
  const kt = document.querySelector('kat-textarea');
  const inner = kt && kt.shadowRoot && kt.shadowRoot.querySelector('kat-textarea-field');
  const f = (inner && inner.shadowRoot && inner.shadowRoot.querySelector('textarea')) || document.querySelector('textarea');
  if (a.op === 'select') {
    f.focus();
    f.setSelectionRange(a.start, a.end);
    return [f.selectionStart, f.selectionEnd];
  }
  if (a.op === 'insert') {
    f.focus();
    f.setSelectionRange(a.start, a.end);
    document.execCommand('insertText', false, a.text);
    return f.value;
  }
  return f.value;
}

/** A caret position the browser will not move: the ends, or between two ASCII characters. */
function safePosition(v, i) {
  const ok = (k) => k === 0 || k === v.length || (v.charCodeAt(k - 1) < 0x80 && v.charCodeAt(k) < 0x80);
  for (let k = i; k <= v.length; k++) if (ok(k)) return k;
  return v.length;
}

/**
 * Runs `count` random edits; fails (with the seed and the last edits in the message) as soon as the
 * field holds anything but the model's value.
 * @param {import('./driver.mjs').Driver} d
 * @param {{seed: number, count: number, log?: (s: string) => void}} o
 * @returns {Promise<Record<string, number>>} how many edits of each kind ran (and browser quirks met)
 */
export async function randomEdits(d, { seed, count, log = () => {} }) {
  const r = rng(seed);
  const done = /** @type {Record<string, number>} */ ({});
  const recent = /** @type {string[]} */ ([]);
  /** Browser behaviour the model tolerates, counted (see the redo case). */
  const quirks = /** @type {Record<string, number>} */ ({});
  /** Every value the field has held, and between the keys of a typed string: where an undo may land. */
  const seen = new Set(['']);
  let model = await d.evaluate(fieldOp, { op: 'value' });
  assert.equal(model, '', 'the field starts empty');
  /** Values before each undo since the last other edit: what redo brings back, newest last. */
  let redo = /** @type {string[]} */ ([]);
  let clipboard = '';

  const where = (kind) => `seed ${seed} (replay: MSGGUARD_EDIT_SEED=${seed}), ${d.name}, edit ${total() + 1} (${kind}); last edits:\n  ${recent.slice(-8).join('\n  ')}`;
  const settle = async (kind, want) => {
    // The value is read right away and again after the guard's next frames: the extension must not
    // change it in between.
    const now = await d.evaluate(fieldOp, { op: 'value' });
    assert.equal(now, want, `the field changed on its own after ${where(kind)}`);
    await d.evaluate(pageOp, { op: 'frames' });
    const later = await d.evaluate(fieldOp, { op: 'value' });
    assert.equal(later, want, `the field changed after the extension's next frames; ${where(kind)}`);
  };
  const select = (start, end) => d.evaluate(fieldOp, { op: 'select', start, end });

  const total = () => Object.values(done).reduce((x, y) => x + y, 0);
  // Edits that find nothing to do (no finding visible, an empty selection) are drawn again.
  for (let tries = 0; total() < count; tries++) {
    assert.ok(tries < count * 4, `only ${total()} of ${count} edits could be made; ${JSON.stringify(done)}`);
    let kind = r.pick(['type', 'type', 'type', 'type', 'backspace', 'backspace', 'delete-range', 'paste', 'paste', 'cut', 'paste-cut',
      'suggestion', 'suggestion', 'undo', 'redo']);
    // Redo mostly right after an undo, so both run often.
    if (redo.length && recent.at(-1) === 'undo' && r.next() < 0.5) kind = 'redo';
    if (model.length > MAX_LENGTH) kind = 'clear';
    if (kind === 'redo' && redo.length === 0) kind = 'undo';
    if (kind === 'paste-cut' && !clipboard) kind = 'cut';
    const v = model;
    const a = safePosition(v, r.int(v.length + 1));
    const b = safePosition(v, a + r.int(Math.min(12, v.length - a) + 1));
    let want = v;
    switch (kind) {
      case 'type': {
        const text = r.pick(TYPED) + (r.next() < 0.5 ? r.pick(TYPED) : '');
        await select(a, a);
        recent.push(`type ${JSON.stringify(text)} at ${a}`);
        for (let k = 1; k < text.length; k++) seen.add(v.slice(0, a) + text.slice(0, k) + v.slice(a));
        await d.type(text);
        want = v.slice(0, a) + text + v.slice(a);
        break;
      }
      case 'backspace': {
        // Characters before the caret, one key press each (ASCII, so one press is one code unit).
        let k = 0;
        while (k < 4 && a - k > 0 && v.charCodeAt(a - k - 1) < 0x80 && (a - k - 1 === 0 || v.charCodeAt(a - k - 2) < 0x80)) k++;
        if (k === 0) continue;
        await select(a, a);
        recent.push(`backspace ×${k} at ${a}`);
        for (let j = 0; j < k; j++) {
          seen.add(v.slice(0, a - j) + v.slice(a));
          await d.press('Backspace');
        }
        want = v.slice(0, a - k) + v.slice(a);
        break;
      }
      case 'delete-range':
      case 'clear': {
        const [s, e] = kind === 'clear' ? [0, v.length] : [a, b];
        if (s === e) continue;
        await select(s, e);
        recent.push(`${kind} ${s}..${e}`);
        await d.press('Backspace');
        want = v.slice(0, s) + v.slice(e);
        break;
      }
      case 'paste': {
        const text = r.pick(PASTED);
        recent.push(`paste ${JSON.stringify(text)} over ${a}..${b}`);
        await d.evaluate(fieldOp, { op: 'insert', start: a, end: b, text });
        want = v.slice(0, a) + text + v.slice(b);
        break;
      }
      case 'cut': {
        if (a === b) continue;
        await select(a, b);
        recent.push(`cut ${a}..${b}`);
        await d.press('Control+x');
        clipboard = v.slice(a, b);
        want = v.slice(0, a) + v.slice(b);
        break;
      }
      case 'paste-cut': {
        await select(a, b);
        recent.push(`Ctrl+V ${JSON.stringify(clipboard)} over ${a}..${b}`);
        await d.press('Control+v');
        want = v.slice(0, a) + clipboard + v.slice(b);
        break;
      }
      case 'undo':
      case 'redo': {
        recent.push(kind);
        const before = await d.evaluate(fieldOp, { op: 'value' });
        if (kind === 'undo') await d.press('Control+z');
        else await d.press('Control+Shift+z');
        const after = await d.evaluate(fieldOp, { op: 'value' });
        if (kind === 'undo') {
          assert.ok(seen.has(after), `undo gave a value the field never held: ${JSON.stringify(after)}; ${where(kind)}`);
          if (after !== before) redo.push(before);
        } else {
          const expected = redo.pop() ?? '';
          // Seen in Chromium only, in about one session of 1,000 edits in two, never reproduced alone:
          // redoing a paste that ends the field with a line break brings back only one of its two
          // parts, as if Chromium had recorded it as two edits (the text, then the line break) and
          // redid one. Either part alone: counted and printed, not hidden; anything else is a failure.
          // (The order of edits is the seed's; which part comes back moves with timing: the same seed
          // gave the one part or the whole paste on the same code from run to run.)
          const half = chromiumRedoHalf(d.name, before, expected, after);
          if (half) {
            quirks[half] = (quirks[half] ?? 0) + 1;
            log(`${d.name}: redo brought back part of a paste (${half}); ${where(kind)}`);
          } else {
            assert.equal(after, expected, `redo did not bring back the value before the undo; ${where(kind)}`);
          }
        }
        model = after;
        seen.add(after);
        done[kind] = (done[kind] ?? 0) + 1;
        await settle(kind, model);
        continue;
      }
      case 'suggestion': {
        const applied = await applySuggestion(d, v);
        if (!applied) continue;
        recent.push(`apply ${applied.rule} suggestion ${JSON.stringify(applied.suggestion)} at ${applied.start}..${applied.end}`);
        const after = applied.value;
        // Only the finding's text changes (a removal may take one space either side with it).
        assert.ok(after !== v, `applying a suggestion did not change the draft; ${where(kind)}`);
        assert.ok(after.startsWith(v.slice(0, Math.max(0, applied.start - 1))), `a suggestion changed text before its finding: ${JSON.stringify(after)}; ${where(kind)}`);
        assert.ok(after.endsWith(v.slice(Math.min(v.length, applied.end + 1))), `a suggestion changed text after its finding: ${JSON.stringify(after)}; ${where(kind)}`);
        want = after;
        break;
      }
    }
    redo = [];
    model = want;
    seen.add(model);
    done[kind] = (done[kind] ?? 0) + 1;
    await settle(kind, model);
    if (total() % 100 === 0) log(`${d.name}: ${total()} edits, ${JSON.stringify(done)}`);
  }
  return { ...done, ...quirks };
}

/**
 * Applies the first suggestion of a visible finding with real clicks (the underlined text, then the
 * card's button); null when no finding with a suggestion is visible.
 * @param {import('./driver.mjs').Driver} d
 * @param {string} value  the field's value now
 */
async function applySuggestion(d, value) {
  await d.evaluate(pageOp, { op: 'frames' });
  await d.evaluate(pageOp, { op: 'frames' });
  const s = await d.evaluate(pageOp, { op: 'state' });
  if (s.value !== value || s.state !== 'ready') return null;
  const field = await d.evaluate(pageOp, { op: 'field-rect' });
  const inside = s.highlights.filter((h) => h.rect.width > 2 && h.rect.top >= field.top && h.rect.bottom <= field.bottom
    && h.rect.left >= field.left && h.rect.right <= field.right && h.end <= value.length);
  if (!inside.length) return null;
  const h = inside[0];
  await d.click((h.rect.left + h.rect.right) / 2, (h.rect.top + h.rect.bottom) / 2);
  const end = Date.now() + 3000;
  let c;
  while (Date.now() < end) {
    c = await d.evaluate(pageOp, { op: 'state' });
    if (c.card) break;
    await new Promise((res) => setTimeout(res, 40));
  }
  if (!c?.card || !c.suggestions.length || c.value !== value) {
    await d.press('Escape');
    return null;
  }
  const button = await d.evaluate(pageOp, { op: 'target', selector: '[data-part="card"] [data-action="apply-suggestion"]' });
  if (!button) {
    await d.press('Escape');
    return null;
  }
  await d.click(button.x, button.y);
  const until = Date.now() + 3000;
  let now = value;
  while (Date.now() < until && now === value) {
    now = await d.evaluate(fieldOp, { op: 'value' });
    if (now === value) await new Promise((res) => setTimeout(res, 30));
  }
  return { rule: h.rule, start: h.start, end: h.end, suggestion: c.suggestions[0], value: now };
}

/**
 * Which part of a paste ending with a line break a Chromium redo brought back, when it brought back
 * only one: the text without the line break (`redoDroppedFinalLineBreak`), or the line break without
 * the text (`redoDroppedPastedText`); null when it is anything else.
 * @param {string} browser @param {string} before  the value the redo started from
 * @param {string} expected  the value before the undo @param {string} after  what the redo gave
 * @returns {string | null}
 */
export function chromiumRedoHalf(browser, before, expected, after) {
  if (browser !== 'chromium' || !expected.endsWith('\n')) return null;
  if (after === expected.slice(0, -1)) return 'redoDroppedFinalLineBreak';
  // the pasted text sits between a common start and a common end of `before` and `expected`
  let a = 0;
  while (a < before.length && a < expected.length && before[a] === expected[a]) a++;
  let z = 0;
  while (z < before.length - a && z < expected.length - a && before[before.length - 1 - z] === expected[expected.length - 1 - z]) z++;
  const pasted = expected.slice(a, expected.length - z);
  if (pasted.length > 1 && pasted.endsWith('\n') && after === before.slice(0, a) + '\n' + before.slice(before.length - z)) return 'redoDroppedPastedText';
  return null;
}
