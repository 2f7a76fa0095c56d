// @ts-check
/// <reference types="node" />
/**
 * Browser-free checks of the pure parts: batch parsing and CSV, the chrome.i18n-compatible
 * translator, suggestion planning (UTF-16 offsets), and the UI string table.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { parseBatch, csvCell, toCSV, checkBatch, verdictOf } from '../../www/batch.js';
import { makeTranslator } from '../../extension/ui/i18n.js';
import { planSuggestion } from '../../extension/ui/edit.js';

/** @typedef {import('../../extension/ui/types.js').Report} Report */
/** @typedef {import('../../extension/ui/types.js').Finding} Finding */

test('parseBatch: --- separated messages', () => {
  const { format, items } = parseBatch('First line\nstill first\n---\n\nSecond\n ---  \nThird\r\n---\n\n---\n');
  assert.equal(format, 'separated');
  assert.deepEqual(items.map((i) => [i.id, i.text]), [['1', 'First line\nstill first'], ['2', 'Second'], ['3', 'Third']]);
});

test('parseBatch: JSON Lines with ids, subjects and broken lines', () => {
  const input = '{"id": "a", "text": "Hi", "subject": "Other"}\n\n{"text": "no id"}\n{"id": 7, "text": 5}\n{oops';
  const { format, items } = parseBatch(input);
  assert.equal(format, 'jsonl');
  assert.deepEqual(items[0], { id: 'a', text: 'Hi', subject: 'Other' });
  assert.equal(items[1].id, '2');
  assert.equal(items[1].text, 'no id');
  assert.match(items[2].error ?? '', /"text" string/);
  assert.equal(items[3].id, 'line 5');
  assert.match(items[3].error ?? '', /JSON/);
});

test('csvCell: quotes, doubles quotes, defuses formulas', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvCell('+1 555'), "'+1 555");
  assert.equal(csvCell(3), '3');
});

/** @param {string} text @returns {Report} */
function fakeAnalyze(text) {
  /** @type {Finding[]} */
  const findings = text.includes('bad') ? [{
    rule: 'XX001', name: 'bad', severity: 'error', start: text.indexOf('bad'), end: text.indexOf('bad') + 3, match: 'bad',
    title: 'Bad', message: 'Bad.', cite: { text: 'No bad.', source: 'Lab', url: '' }, suggestions: [''],
  }] : [];
  return {
    lang: 'en', category: findings.length ? 'prohibited' : 'noncritical', empty: text.trim() === '', summary: 'S, with "quotes"',
    findings, evidence: [], subject_advice: findings.length ? 'fix-first' : 'normal-reason', subject_advice_reason: '',
    critical_route_chosen: false, counts: { error: findings.length, warning: 0, info: 0 }, length: text.length,
  };
}

test('checkBatch + toCSV: one row per message, verdicts and findings', () => {
  const { items } = parseBatch('{"id":"1","text":"all good"}\n{"id":"2","text":"so bad, really"}\n{"id":"3","text":"   "}\n{nope');
  const rows = checkBatch(items, fakeAnalyze, { subject: 'Other' });
  assert.deepEqual(rows.map(verdictOf), ['noncritical', 'prohibited', 'empty', 'error']);
  const csv = toCSV(rows);
  assert.ok(csv.startsWith('\ufeffid,verdict,'));
  const lines = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[2], '2,prohibited,1,0,0,XX001,"XX001 error: ""bad"" (3-6)",fix-first,"S, with ""quotes""",,"so bad, really"');
  assert.match(lines[4], /^line 4,error,,,,,,,not valid JSON/);
});

test('makeTranslator: chrome.i18n semantics (named placeholders, $1, $$, unknown keys)', () => {
  const t = makeTranslator({
    hello: { message: 'Hello $USER$, you owe $$$N$', placeholders: { user: { content: '$1' }, n: { content: '$2' } } },
    direct: { message: 'Got $1 and $2' },
    fixed: { message: 'Site: $SITE$', placeholders: { site: { content: 'example.com' } } },
  });
  assert.equal(t('hello', ['Ann', '5']), 'Hello Ann, you owe $5');
  assert.equal(t('HELLO', ['Ann', '5']), 'Hello Ann, you owe $5', 'keys are case-insensitive, as in Chrome');
  assert.equal(t('direct', ['a', 'b']), 'Got a and b');
  assert.equal(t('fixed'), 'Site: example.com');
  assert.equal(t('missing'), '');
});

/** @param {string} text @param {string} match @param {string[]} [suggestions] @returns {Finding} */
function finding(text, match, suggestions = []) {
  const start = text.indexOf(match);
  return { rule: 'T', name: 't', severity: 'error', start, end: start + match.length, match, title: '', message: '', cite: { text: '', source: '', url: '' }, suggestions };
}

test('planSuggestion: replace, remove (no double space), inner ~FROM~TO~, stale text', () => {
  const a = 'Please leave a 5-star review.';
  assert.deepEqual(planSuggestion(a, finding(a, '5-star'), 'honest'), { start: 15, end: 21, insert: 'honest' });
  const b = 'Visit www.x.com today';
  assert.deepEqual(planSuggestion(b, finding(b, 'www.x.com'), ''), { start: 5, end: 15, insert: '' }, 'takes the space before');
  const c = 'www.x.com is ours';
  assert.deepEqual(planSuggestion(c, finding(c, 'www.x.com'), ''), { start: 0, end: 10, insert: '' }, 'at the start: the space after');
  const d = 'See http://www.amazon.com/x now';
  assert.deepEqual(planSuggestion(d, finding(d, 'http://www.amazon.com/x'), '~http://~https://~'), { start: 4, end: 11, insert: 'https://' });
  const g = 'See http://www.amazon.com/x now';
  assert.deepEqual(planSuggestion(g, finding(g, 'http://www.amazon.com/x'), 'https://www.amazon.com/x'), { start: 8, end: 8, insert: 's' },
    'a full replacement that keeps most of the match edits only what differs');
  const h = 'Great 😀 day';
  assert.deepEqual(planSuggestion(h, finding(h, '😀'), '😃'), { start: 6, end: 8, insert: '😃' }, 'never splits a surrogate pair');
  const e = '😀😀 leave a 5-star review';
  const f = finding(e, '5-star');
  assert.equal(f.start, 13, 'UTF-16: each emoji is two code units');
  assert.deepEqual(planSuggestion(e, f, 'honest'), { start: 13, end: 19, insert: 'honest' });
  assert.equal(planSuggestion('changed text', f, 'honest'), null);
});

test('messages.en.json: valid Chrome keys, placeholders defined, every key the guard uses exists', () => {
  /** @type {Record<string, {message: string, description?: string, placeholders?: Record<string, {content: string}>}>} */
  const messages = JSON.parse(readFileSync(join(ROOT, 'extension', 'ui', 'messages.en.json'), 'utf8'));
  for (const [key, entry] of Object.entries(messages)) {
    assert.match(key, /^[A-Za-z0-9_@]+$/, key);
    assert.ok(entry.message, `${key} has a message`);
    assert.ok(entry.description, `${key} has a description for translators`);
    for (const m of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
      assert.ok(entry.placeholders && m[1].toLowerCase() in Object.fromEntries(Object.keys(entry.placeholders).map((k) => [k.toLowerCase(), 1])), `${key}: placeholder ${m[1]} is defined`);
    }
  }
  // guard.js is split into modules that each translate their own strings: scan them all
  const ui = join(ROOT, 'extension', 'ui');
  const src = readdirSync(ui).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(ui, f), 'utf8')).join('\n');
  const used = new Set([...src.matchAll(/\bt\('(mg_[a-z_]+)'/g)].map((m) => m[1]).filter((k) => !k.endsWith('_')));
  for (const v of ['critical', 'noncritical', 'prohibited', 'empty']) { used.add(`mg_verdict_${v}`); used.add(`mg_verdict_hint_${v}`); }
  for (const s of ['error', 'warning', 'info']) {
    for (const k of [`mg_severity_${s}`, `mg_severity_letter_${s}`, `mg_count_${s}_one`, `mg_count_${s}_other`]) used.add(k);
  }
  for (const c of ['critical', 'noncritical']) used.add(`mg_evidence_${c}`);
  assert.ok(used.size > 30, `found ${used.size} keys in extension/ui`);
  for (const key of used) assert.ok(key in messages, `extension/ui uses ${key}, missing from messages.en.json`);
});
