// The worker client for long drafts (extension/src/off-thread.js), with a scripted stand-in for the
// browser's Worker: the order of requests, superseded drafts, and giving up on a broken worker.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/scenarios.mjs';

const { createOffThread } = await import(pathToFileURL(join(ROOT, 'extension', 'src', 'off-thread.js')).href);

/** Workers made by the code under test; each records what it was sent and answers when told. */
let made = [];
class FakeWorker {
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.terminated = false;
    made.push(this);
  }
  postMessage(m) { this.sent.push(m); }
  terminate() { this.terminated = true; }
  /** answers the request with this id as the module would */
  answer(id, compact) { this.onmessage({ data: { id, compact: JSON.stringify(compact) } }); }
}
const realWorker = globalThis.Worker;
const flush = () => new Promise((r) => setImmediate(r));
/** the outcome of a promise, with its rejection handled at once (a superseded draft is rejected synchronously) */
const outcome = (p) => p.then((value) => ({ value }), (error) => ({ error }));

describe('off-thread analysis (the worker for long drafts)', () => {
  // the client's timers (answer timeout, idle stop) are the test's to run, not the clock's
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => {
    mock.timers.reset();
    made = [];
    globalThis.Worker = realWorker;
  });

  it('starts one worker with the compiled module, one request at a time, the newest waiting one next', async () => {
    globalThis.Worker = FakeWorker;
    const module = { compiled: true };
    const off = createOffThread('/* the worker */', Promise.resolve(module));
    assert.equal(off.state(), 'idle');
    const a = outcome(off.analyze('draft A', {}));
    const b = outcome(off.analyze('draft B', {}));
    const c = outcome(off.analyze('draft C', {}));
    await flush();
    assert.equal(made.length, 1, 'one worker');
    const w = made[0];
    assert.equal(off.state(), 'running');
    assert.deepEqual(w.sent[0], { type: 'init', module });
    // A was waiting when B came: A was replaced before the worker got anything but the init
    assert.equal((await a).error.superseded, true);
    assert.equal((await b).error.superseded, true);
    assert.deepEqual(w.sent.slice(1).map((m) => m.text), ['draft C']);
    const d = outcome(off.analyze('draft D', {}));
    const e = outcome(off.analyze('draft E', {}));
    assert.equal((await d).error.superseded, true);
    w.answer(w.sent[1].id, { for: 'C' });
    assert.deepEqual((await c).value, { for: 'C' });
    assert.deepEqual(w.sent.slice(1).map((m) => m.text), ['draft C', 'draft E'], 'E went when C was answered');
    w.answer(w.sent[2].id, { for: 'E' });
    assert.deepEqual((await e).value, { for: 'E' });
    // after a long draft, stopped when idle (its memory grew); the next draft starts a new one
    mock.timers.tick(30_000);
    assert.ok(w.terminated);
    assert.equal(off.state(), 'idle');
    off.analyze('draft F', {}).catch(() => {});
    await flush();
    assert.equal(made.length, 2);
  });

  it('a worker that does not answer is given up; the caller falls back', async () => {
    globalThis.Worker = FakeWorker;
    const off = createOffThread('', Promise.resolve({}));
    const a = outcome(off.analyze('x', {}));
    await flush();
    mock.timers.tick(10_000);
    assert.match((await a).error.message, /did not answer/);
    assert.equal(off.state(), 'unavailable');
  });

  it('an engine error is the caller\'s (the worker stays); a garbled answer ends the worker for good', async () => {
    globalThis.Worker = FakeWorker;
    const off = createOffThread('', Promise.resolve({}));
    const a = off.analyze('x', {});
    await flush();
    const w = made[0];
    w.onmessage({ data: { id: w.sent[1].id, error: 'RuntimeError: unreachable' } });
    await assert.rejects(a, (e) => e.engine === true && /unreachable/.test(e.message));
    assert.equal(off.state(), 'running');
    const b = off.analyze('y', {});
    await flush();
    w.onmessage({ data: { id: w.sent[2].id, compact: 'not json' } });
    await assert.rejects(b, (e) => !e.engine && !e.superseded);
    assert.equal(off.state(), 'unavailable');
    assert.ok(w.terminated);
    await assert.rejects(off.analyze('z', {}), /unavailable/);
    assert.equal(made.length, 1, 'not started again');
  });

  it('where workers cannot start (a page CSP without blob:), says so and is not asked again', async () => {
    globalThis.Worker = class { constructor() { throw new Error('Refused to create a worker'); } };
    const off = createOffThread('', Promise.resolve({}));
    await assert.rejects(off.analyze('x', {}), /Refused/);
    assert.equal(off.state(), 'unavailable');
  });

  it('prepare starts the worker before any draft, once', async () => {
    globalThis.Worker = FakeWorker;
    const off = createOffThread('', Promise.resolve({}));
    off.prepare();
    off.prepare();
    await flush();
    assert.equal(made.length, 1);
    assert.equal(made[0].sent.length, 1, 'only the init');
    off.prepare();
    await flush();
    assert.equal(made.length, 1, 'a running worker is kept');
  });

  it('a prepared worker is kept while the field has focus, and stopped a while after it lost it', async () => {
    globalThis.Worker = FakeWorker;
    const off = createOffThread('', Promise.resolve({}));
    off.prepare();
    await flush();
    mock.timers.tick(120_000);
    assert.equal(made[0].terminated, false, 'kept while a paste may come');
    off.release();
    mock.timers.tick(29_000);
    off.prepare(); // back in the field before the worker was stopped
    mock.timers.tick(120_000);
    assert.equal(made[0].terminated, false, 'focus came back in time: kept');
    off.release();
    mock.timers.tick(30_000);
    assert.equal(made[0].terminated, true, 'idle and unfocused: stopped');
    assert.equal(off.state(), 'idle');
    off.prepare();
    await flush();
    assert.equal(made.length, 2, 'the next focus starts another');
  });

  it('lost focus while starting or analyzing: the worker finishes its draft, then stops when idle', async () => {
    globalThis.Worker = FakeWorker;
    const off = createOffThread('', Promise.resolve({}));
    off.prepare();
    off.release(); // before the worker is there
    await flush();
    mock.timers.tick(30_000);
    assert.equal(made[0].terminated, true, 'started after the field lost focus: stopped when idle');
    const r = off.analyze('long draft', {});
    await flush();
    const w = made[1];
    off.release();
    mock.timers.tick(5_000);
    assert.equal(w.terminated, false, 'busy: not stopped');
    w.answer(w.sent[1].id, { ok: 1 });
    assert.deepEqual(await r, { ok: 1 });
    mock.timers.tick(29_999);
    assert.equal(w.terminated, false);
    mock.timers.tick(1);
    assert.equal(w.terminated, true);
  });
});
