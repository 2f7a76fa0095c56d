// Fast checks without a browser for the seller's workflow: stored settings (every earlier version,
// newer versions, corrupt and foreign data, sync opt-in), the opted-out list and its CSV, messages per
// order, the order ID, language detection, templates, and the page facts read from a URL.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/scenarios.mjs';

const ext = (p) => import(pathToFileURL(join(ROOT, 'extension', p)).href);
const S = await ext('src/settings.js');
const OO = await ext('src/workflow/opted-out.js');
const MC = await ext('src/workflow/message-count.js');
const OID = await ext('src/workflow/order-id.js');
const L = await ext('src/workflow/language.js');
const T = await ext('src/workflow/templates.js');
const sc = await ext('src/page/seller-central.js');
const PF = await ext('src/workflow/page-facts.js');

const ORDER = '112-4477002-9012345';
const fresh = () => S.defaults();

/** An in-memory storage area (what chrome.storage.local looks like to the code). */
function memoryArea(initial = {}) {
  const store = { ...initial };
  return { store, get: async (k) => ({ [k]: store[k] }), set: async (items) => { Object.assign(store, structuredClone(items)); } };
}

describe('settings: versions and migrations', () => {
  it('nothing stored: the defaults, no complaint', () => {
    assert.deepEqual(S.inspect(undefined), { settings: fresh(), problems: [] });
    assert.equal(S.DEFAULT_SETTINGS.sync, false, 'sync is off unless the seller turns it on');
  });
  it('version 0 (pre-release {confirmOnSend})', () => {
    assert.deepEqual(S.migrate({ confirmOnSend: false }), { ...fresh(), confirmSend: false });
    assert.deepEqual(S.migrate({ confirmSend: false }), { ...fresh(), confirmSend: false });
  });
  it('version 1 ({confirmSend, analyzer}): kept, the new lists start empty', () => {
    assert.deepEqual(S.inspect({ version: 1, confirmSend: false, analyzer: 'background' }), { settings: { ...fresh(), confirmSend: false, analyzer: 'background' }, problems: [] });
    assert.deepEqual(S.migrate({ version: 1, confirmSend: 'no', analyzer: 'cloud' }), fresh());
    // version 1 had no lists: anything else is not trusted
    assert.deepEqual(S.migrate({ version: 1, optedOut: [{ orderId: ORDER }] }).optedOut, []);
  });
  it('version 2 round-trips every field', () => {
    const v2 = {
      version: 2, confirmSend: false, analyzer: 'auto', storeName: 'Oak & Ember', sync: true, updated: 5,
      optedOut: [{ orderId: ORDER, buyer: 'Jordan', added: 1 }, { orderId: '', buyer: 'Alex', added: 2 }],
      counts: { [ORDER]: { sent: 2, reviews: 1, last: 3 } },
      templates: [{ id: 'own-1', name: 'Mine', category: 'critical', text: 'Which font would you like?' }],
    };
    assert.deepEqual(S.inspect(v2), { settings: v2, problems: [] });
  });
  it('a newer version keeps what this one knows and says so', () => {
    const got = S.inspect({ version: 9, confirmSend: false, storeName: 'X', future: { a: 1 } });
    assert.equal(got.settings.version, S.SETTINGS_VERSION);
    assert.equal(got.settings.confirmSend, false);
    assert.equal(got.settings.storeName, 'X');
    assert.ok(!('future' in got.settings));
    assert.match(got.problems[0], /newer version of Message Guard \(format 9\)/);
  });
});

describe('settings: corrupt or foreign data is recovered from, with a clear message', () => {
  for (const [what, value, re] of [
    ['a string', 'garbage', /not readable \(string\)/],
    ['a number', 42, /not readable \(number\)/],
    ['a list', [1, 2], /not readable \(a list\)/],
  ]) {
    it(`the whole value is ${what}: defaults, and the seller is told`, () => {
      const got = S.inspect(value);
      assert.deepEqual(got.settings, fresh());
      assert.match(got.problems[0], re);
      assert.match(got.problems[0], /Import a saved copy/);
    });
  }
  it('bad entries are dropped one by one, good ones kept', () => {
    const got = S.inspect({
      version: 2, storeName: 7, sync: 'yes',
      optedOut: [{ orderId: 'not-an-order' }, { orderId: ORDER, buyer: 'Jordan' }, null, { buyer: '  ' }],
      counts: { [ORDER]: { sent: 1 }, 'x': { sent: 1 }, '302-1234567-7654321': { sent: -1 } },
      templates: [{ text: '' }, { id: 't', name: 'T', text: 'Hello', category: 'weird' }, 'x'],
    });
    assert.equal(got.settings.storeName, '');
    assert.equal(got.settings.sync, false);
    assert.deepEqual(got.settings.optedOut, [{ orderId: ORDER, buyer: 'Jordan', added: 0 }]);
    assert.deepEqual(got.settings.counts, { [ORDER]: { sent: 1, reviews: 0, last: 0 } });
    assert.deepEqual(got.settings.templates, [{ id: 't', name: 'T', category: 'noncritical', text: 'Hello' }]);
    assert.deepEqual(got.problems, [
      '3 unreadable opted-out buyer entries were dropped.',
      '2 unreadable template entries were dropped.',
      '2 unreadable message count(s) were dropped.',
    ]);
  });
  it('a list that is not a list is reset, and said', () => {
    const got = S.inspect({ version: 2, optedOut: 'Jordan', counts: [1], templates: {} });
    assert.deepEqual(got.settings.optedOut, []);
    assert.deepEqual(got.problems, ['The opted-out buyer list was not readable and was reset.', 'The template list was not readable and was reset.', 'The message counts were not readable and were reset.']);
  });
  it('storage that throws gives the defaults and the reason', async () => {
    const broken = { get: async () => { throw new Error('storage gone'); }, set: async () => {} };
    const got = await S.loadInspected(broken);
    assert.deepEqual(got.settings, fresh());
    assert.match(got.problems[0], /could not be read \(storage gone\)/);
  });
});

describe('settings: saving, local by default, sync only when turned on', () => {
  it('saves versioned settings to local storage only', async () => {
    const local = memoryArea();
    const sync = memoryArea();
    await S.saveSettings({ local, sync }, { confirmSend: false });
    assert.equal(local.store.settings.version, S.SETTINGS_VERSION);
    assert.equal(local.store.settings.confirmSend, false);
    assert.deepEqual(sync.store, {}, 'nothing synced while sync is off');
    assert.equal((await S.loadSettings({ local, sync })).confirmSend, false);
  });
  it('with sync on, writes both; the newer copy wins when loading', async () => {
    const local = memoryArea();
    const sync = memoryArea();
    await S.saveSettings({ local, sync }, { sync: true, storeName: 'A', counts: { [ORDER]: { sent: 1, reviews: 0, last: 1 } } });
    assert.equal(sync.store.settings.storeName, 'A');
    assert.deepEqual(sync.store.settings.counts, {}, 'counts stay on this computer');
    sync.store.settings = { ...sync.store.settings, storeName: 'B', updated: sync.store.settings.updated + 10 };
    const merged = await S.loadSettings({ local, sync });
    assert.equal(merged.storeName, 'B');
    assert.equal(merged.counts[ORDER].sent, 1, 'the newer synced copy does not wipe local counts');
    const failing = { get: sync.get, set: async () => { throw new Error('QUOTA_BYTES quota exceeded'); } };
    const r = await S.saveSettings({ local, sync: failing }, { storeName: 'C' });
    assert.match(r.syncError ?? '', /Saved on this computer, but not synced: QUOTA_BYTES/);
    assert.equal(local.store.settings.storeName, 'C');
  });
  it('a patch function sees the current settings (no lost update between two lists)', async () => {
    const local = memoryArea();
    await S.saveSettings(local, (cur) => ({ counts: MC.recordSent(cur.counts, ORDER, { review: false, now: 1 }) }));
    await S.saveSettings(local, (cur) => ({ optedOut: OO.addOptedOut(cur.optedOut, { orderId: ORDER, buyer: 'Jordan' }, 2) }));
    const s = await S.loadSettings(local);
    assert.equal(s.counts[ORDER].sent, 1);
    assert.equal(s.optedOut.length, 1);
  });
});

describe('opted-out list', () => {
  it('finds by order ID, or by name for entries without one; adding twice keeps one entry', () => {
    let list = OO.addOptedOut([], { orderId: ORDER, buyer: 'Jordan' }, 1);
    list = OO.addOptedOut(list, { orderId: ORDER, buyer: 'Jordan B.' }, 2);
    assert.equal(list.length, 1);
    assert.equal(list[0].buyer, 'Jordan B.');
    list = OO.addOptedOut(list, { orderId: null, buyer: 'Alex' }, 3);
    assert.ok(OO.findOptedOut(list, { orderId: ORDER, buyer: 'Someone' }));
    assert.ok(OO.findOptedOut(list, { orderId: '999-9999999-9999999', buyer: ' alex ' }));
    assert.equal(OO.findOptedOut(list, { orderId: '999-9999999-9999999', buyer: 'Sam' }), null);
    assert.equal(OO.removeOptedOut(list, list[0]).length, 1);
  });
  it('CSV out and back in; quotes, formulas and bad rows', () => {
    const list = [{ orderId: ORDER, buyer: 'Jordan, "JJ"', added: Date.UTC(2026, 0, 2) }, { orderId: '', buyer: '=HYPERLINK()', added: 0 }];
    const csv = OO.toCsv(list);
    assert.equal(csv.split('\r\n')[0], 'order_id,buyer,added');
    assert.ok(csv.includes('"Jordan, ""JJ"""'));
    assert.ok(csv.includes("'=HYPERLINK()"), 'a formula is defused for spreadsheets');
    const back = OO.fromCsv(csv, 7);
    assert.deepEqual(back.rejected, []);
    assert.deepEqual(back.entries, [{ orderId: ORDER, buyer: 'Jordan, "JJ"', added: Date.UTC(2026, 0, 2) }, { orderId: '', buyer: '=HYPERLINK()', added: 7 }]);
    const messy = OO.fromCsv('11244770029012345;Sam\n123,Bob\n,\n302-1234567-7654321\n', 9);
    assert.deepEqual(messy.entries.map((e) => e.orderId), [ORDER, '302-1234567-7654321']);
    assert.equal(messy.rejected.length, 1);
    assert.match(messy.rejected[0].why, /"123" is not an order ID/);
  });
});

describe('messages per order', () => {
  const report = (category, topics = []) => ({ empty: false, category, evidence: topics.map((topic) => ({ topic })) });
  it('counts sends and review requests per order', () => {
    let c = MC.recordSent({}, ORDER, { review: true, now: 1 });
    c = MC.recordSent(c, ORDER, { review: false, now: 2 });
    assert.deepEqual(c[ORDER], { sent: 2, reviews: 1, last: 2 });
  });
  it('warns from the second message on, never for critical ones, and for a second review request', () => {
    assert.equal(MC.countWarning(undefined, report('noncritical')), 'none');
    assert.equal(MC.countWarning({ sent: 1, reviews: 0, last: 0 }, report('noncritical')), 'another');
    assert.equal(MC.countWarning({ sent: 2, reviews: 0, last: 0 }, report('noncritical')), 'too-many');
    assert.equal(MC.countWarning({ sent: 3, reviews: 0, last: 0 }, report('critical')), 'none');
    assert.equal(MC.countWarning({ sent: 1, reviews: 1, last: 0 }, report('noncritical', ['review-request'])), 'second-review');
    assert.equal(MC.isReviewRequest(report('noncritical', ['review-request'])), true);
  });
});

describe('order ID', () => {
  it('finds the order in any spacing or as a placeholder', () => {
    assert.deepEqual(OID.orderIdsIn('Order 112-4477002-9012345 and 11244770029012345; not 1112-4477002-9012345'), [ORDER, ORDER]);
    assert.equal(OID.mentionsOrder('About order 112 4477002 9012345.', ORDER), true);
    assert.equal(OID.mentionsOrder('About your order {order_id}.', ORDER), true);
    assert.equal(OID.mentionsOrder('About your order.', ORDER), false);
    assert.equal(OID.mentionsOrder('Order 302-1234567-7654321.', ORDER), false);
  });
  it('inserts after the greeting line, else first', () => {
    assert.deepEqual(OID.orderIdInsertion('Hi Jordan,\nYour mug…', ORDER, 'Order ID'), { at: 11, insert: `Order ID: ${ORDER}\n` });
    assert.deepEqual(OID.orderIdInsertion('Your mug…', ORDER, 'Order ID'), { at: 0, insert: `Order ID: ${ORDER}\n\n` });
  });
});

describe('languages', () => {
  it('reads the label in English or native names', () => {
    for (const [name, code] of [['Spanish', 'es'], ['Español', 'es'], ['German (Germany)', 'de'], ['日本語', 'ja'], ['en-US', 'en'], ['Klingon', null], [null, null]]) {
      assert.equal(L.languageCode(name), code, String(name));
    }
  });
  it('detects the draft language, and says nothing when unsure', () => {
    assert.equal(L.detectLanguage('Hello Jordan, thank you for your order. We will ship it tomorrow.'), 'en');
    assert.equal(L.detectLanguage('Hola María, gracias por su pedido. Le escribimos para confirmar la dirección de envío.'), 'es');
    assert.equal(L.detectLanguage('Hallo, vielen Dank für Ihre Bestellung. Wir haben eine Frage zu der Gravur.'), 'de');
    assert.equal(L.detectLanguage('ご注文ありがとうございます。'), 'ja');
    assert.equal(L.detectLanguage('Hi there'), null);
    assert.equal(L.detectLanguage('{order_id} https://www.amazon.com/x a@b.c'), null);
  });
  it('a mismatch only when both are known and differ', () => {
    const en = L.detectLanguage('Hello Jordan, thank you for your order. We will ship it tomorrow.');
    assert.deepEqual(L.languageMismatch(en, 'es'), { draft: 'en', buyer: 'es' });
    assert.equal(L.languageMismatch(en, 'en'), null);
    assert.equal(L.languageMismatch(en, null), null);
    assert.equal(L.languageMismatch(L.detectLanguage('Ok'), 'es'), null);
  });
  it('the wording is unread when the rule book is not in the draft\'s language, and only when both are known', () => {
    const de = L.detectLanguage('Hallo, vielen Dank für Ihre Bestellung. Bitte geben Sie uns eine Bewertung mit fünf Sternen.');
    assert.deepEqual(L.wordingUnread(de, 'en'), { draft: 'de', book: 'en' });
    assert.equal(L.wordingUnread(L.detectLanguage('Hello Jordan, thank you for your order. We will ship it tomorrow.'), 'en'), null);
    assert.equal(L.wordingUnread(L.detectLanguage('Hi there'), 'en'), null);
    assert.equal(L.wordingUnread(de, undefined), null);
  });
  it('a long paste is judged by its start (read to the end, a million characters take a fifth of a second)', () => {
    const es = 'Hola, gracias por su pedido. Le escribimos para confirmar la dirección de envío, por favor. ';
    const en = 'Hello Jordan, thank you for your order. We will ship it tomorrow. ';
    const long = es.repeat(Math.ceil(L.LANGUAGE_SAMPLE / es.length)) + en.repeat(20_000);
    assert.ok(long.length > 1_000_000);
    assert.equal(L.detectLanguage(long), 'es');
    assert.equal(L.detectLanguage(en.repeat(20_000)), 'en');
  });
});

describe('templates', () => {
  it('fills what the page knows and leaves the rest for the seller', () => {
    const text = T.fillTemplate('Hi {buyer_first_name}, order {order_id}. {access_code} {store_name}', { buyerFirstName: 'Jordan', orderId: ORDER, storeName: '' });
    assert.equal(text, `Hi Jordan, order ${ORDER}. {access_code} {store_name}`);
    assert.deepEqual(T.openPlaceholders(text), ['{access_code}', '{store_name}']);
  });
  it('the seller\'s own come after the built-in ones', () => {
    const all = T.allTemplates([{ id: 'own-1', name: 'Mine', category: 'critical', text: 'x' }]);
    assert.equal(all.at(-1).id, 'own-1');
    assert.equal(all.at(-1).builtIn, false);
    assert.equal(all[0].builtIn, true);
  });
});

describe('page facts from the URL', () => {
  it('order ID from orderID/orderId or the order page path; contact page vs inbox', () => {
    assert.equal(sc.orderIdFromUrl({ search: `?orderID=${ORDER}&marketplaceID=X`, pathname: '/messaging/contact' }), ORDER);
    assert.equal(sc.orderIdFromUrl({ search: `?orderId=${ORDER}`, pathname: '/messaging/reviews' }), ORDER);
    assert.equal(sc.orderIdFromUrl({ search: '', pathname: `/orders-v3/order/${ORDER}` }), ORDER);
    assert.equal(sc.orderIdFromUrl({ search: '?orderID=1', pathname: '/messaging/contact' }), null);
    assert.equal(sc.isContactPage({ pathname: '/messaging/contact' }), true);
    assert.equal(sc.isContactPage({ pathname: '/messaging/inbox' }), false);
  });
});

describe('page facts between keystrokes (read once, again when the page changes)', () => {
  /** A page whose facts and URL the test sets, a clock, and a queue for deferred reads. */
  function setup() {
    const page = { href: 'https://sellercentral.amazon.com/messaging/contact?orderID=1', buyer: 'Jordan', reads: 0 };
    const queue = [];
    const changes = [];
    let clock = 0;
    const facts = PF.createPageFacts({
      read: () => { page.reads++; return { buyer: page.buyer, href: page.href }; },
      href: () => page.href,
      key: (f) => JSON.stringify(f),
      onChange: (f) => changes.push(f),
      defer: (fn) => queue.push(fn),
      now: () => clock,
      maxAgeMs: 1000,
    });
    const run = () => { for (const fn of queue.splice(0)) fn(); };
    return { page, facts, queue, changes, run, tick: (ms) => { clock += ms; } };
  }
  it('keystrokes do not read the page again', () => {
    const s = setup();
    assert.equal(s.facts.get().buyer, 'Jordan');
    for (let i = 0; i < 50; i++) s.facts.get();
    assert.equal(s.page.reads, 1);
    assert.equal(s.queue.length, 0);
  });
  it('a page change is read off the keystroke path, and a difference reported once', () => {
    const s = setup();
    s.facts.get();
    s.page.buyer = 'Alex';
    s.facts.changed();
    s.facts.changed(); // a burst: one read
    assert.equal(s.facts.get().buyer, 'Jordan', 'until the deferred read, the last facts');
    assert.equal(s.queue.length, 1);
    s.run();
    assert.equal(s.page.reads, 2);
    assert.equal(s.facts.get().buyer, 'Alex');
    assert.deepEqual(s.changes.map((f) => f.buyer), ['Alex']);
    s.facts.changed();
    s.run();
    assert.equal(s.changes.length, 1, 'the same facts again: no change reported');
  });
  it('another URL (another order) is read at once: never the last buyer\'s facts', () => {
    const s = setup();
    s.facts.get();
    s.page.href = 'https://sellercentral.amazon.com/messaging/contact?orderID=2';
    s.page.buyer = 'Sam';
    assert.equal(s.facts.get().buyer, 'Sam');
    assert.equal(s.queue.length, 0);
  });
  it('changes no observer sees (inside shadow roots) are caught once the facts are old', () => {
    const s = setup();
    s.facts.get();
    s.page.buyer = 'Kim';
    s.tick(500);
    s.facts.get();
    assert.equal(s.queue.length, 0, 'young facts are trusted');
    s.tick(600);
    assert.equal(s.facts.get().buyer, 'Jordan');
    s.run();
    assert.equal(s.facts.get().buyer, 'Kim');
    assert.deepEqual(s.changes.map((f) => f.buyer), ['Kim']);
  });
  it('after stop, nothing more is read', () => {
    const s = setup();
    s.facts.get();
    s.facts.changed();
    s.facts.stop();
    s.run();
    assert.equal(s.page.reads, 1);
  });
});
