// Every built-in template (extension/src/workflow/templates.js) passes the shipped analyzer (dist/pkg,
// loaded in node) with no errors and gets the category it claims: raw, with its placeholders, and filled
// with page facts the way the panel inserts it. The engine is the judge, so a rule-book change that
// breaks a template fails here.
//
//   ./build.sh build && node --test tests/wasm/templates.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const pkg = await import(new URL('../../dist/pkg/msgguard.js', import.meta.url).href);
pkg.initSync({ module: readFileSync(new URL('../../dist/pkg/msgguard_bg.wasm', import.meta.url)) });
const { BUILT_IN_TEMPLATES, fillTemplate, templateProblems, PLACEHOLDERS } = await import(new URL('../../extension/src/workflow/templates.js', import.meta.url).href);

const FACTS = [
  { buyerFirstName: 'Jordan', orderId: '112-4477002-9012345', storeName: 'Oak & Ember Crafts' },
  { buyerFirstName: 'María José', orderId: '302-1234567-7654321', storeName: '' },
];

describe('built-in templates', () => {
  it('there are critical and non-critical ones, each with an id, a name and the order ID placeholder', () => {
    const ids = new Set(BUILT_IN_TEMPLATES.map((t) => t.id));
    assert.equal(ids.size, BUILT_IN_TEMPLATES.length, 'ids are unique');
    for (const id of ['customization-question', 'delivery-appointment', 'shipping-address-problem', 'order-delay', 'digital-access-code', 'review-request-neutral', 'instructions']) {
      assert.ok(ids.has(id), `${id} is in the library`);
    }
    for (const t of BUILT_IN_TEMPLATES) {
      assert.ok(t.name.trim(), `${t.id} has a name`);
      assert.ok(t.text.includes('{order_id}'), `${t.id} names the order (Amazon requires it in proactive messages)`);
    }
    assert.deepEqual(PLACEHOLDERS, ['buyer_first_name', 'order_id', 'store_name']);
  });

  for (const t of BUILT_IN_TEMPLATES) {
    it(`${t.id}: no errors, category ${t.category}, raw and filled`, () => {
      for (const text of [t.text, ...FACTS.map((f) => fillTemplate(t.text, f))]) {
        const report = pkg.analyze(text, {});
        const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} "${f.match}"`);
        assert.deepEqual(errors, [], `${t.id}: errors in ${JSON.stringify(text)}`);
        assert.equal(report.category, t.category, `${t.id}: ${report.summary} (${JSON.stringify(text)})`);
        assert.deepEqual(templateProblems(t, report), [], `${t.id}: the save check agrees`);
      }
    });
  }

  it('the save check refuses a template with errors, and one that is not the category it claims', () => {
    const bad = { id: 'x', name: 'Bad', category: 'noncritical', text: 'Please leave us a 5-star review!' };
    const p1 = templateProblems(bad, pkg.analyze(bad.text, {}));
    assert.ok(p1.some((p) => p.startsWith('RV001')), p1.join('\n'));
    const claims = { id: 'y', name: 'Claims critical', category: 'critical', text: 'We hope you enjoy the mug. Please consider leaving a review.' };
    const p2 = templateProblems(claims, pkg.analyze(claims.text, {}));
    assert.ok(p2.some((p) => p.startsWith('You marked it critical')), p2.join('\n'));
  });

  it('to a buyer who opted out, the non-critical templates are not delivered (OP002) and the critical ones are', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const r = pkg.analyze(fillTemplate(t.text, FACTS[0]), { opted_out: true });
      const op = r.findings.some((f) => f.rule === 'OP002');
      assert.equal(op, t.category === 'noncritical', `${t.id}: OP002 ${op}`);
    }
  });
});
