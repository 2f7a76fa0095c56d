// The content script's port to the background analyzer (extension/src/background-port.js), with a
// scripted stand-in for runtime.connect: answers matched by id, a port the browser closes (the service
// worker stopped) replaced by a new one, time-outs, and the port closed when idle.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/scenarios.mjs';

const src = (f) => import(pathToFileURL(join(ROOT, 'extension', 'src', f)).href);
const { createBackgroundPort, IDLE_MS } = await src('background-port.js');
const { PORT_NAME } = await src('protocol.js');

/** A port as runtime.connect returns it; the test plays the background's end. */
class FakePort {
  constructor(name) {
    this.name = name;
    this.sent = [];
    this.open = true;
    this.disconnectedByClient = false;
    this.messageListeners = [];
    this.disconnectListeners = [];
    this.onMessage = { addListener: (cb) => this.messageListeners.push(cb) };
    this.onDisconnect = { addListener: (cb) => this.disconnectListeners.push(cb) };
  }
  postMessage(m) {
    if (!this.open) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(structuredClone(m));
  }
  disconnect() { this.open = false; this.disconnectedByClient = true; }
  /** the background answers */
  answer(m) { for (const cb of this.messageListeners) cb(m); }
  /** the background answers the i-th request sent on this port with a report */
  reply(i, compact) { this.answer({ id: this.sent[i].id, ok: true, compact }); }
  /** the browser closes the port (the background stopped, or was never there) */
  close() { this.open = false; for (const cb of this.disconnectListeners) cb(this); }
}

function fakeRuntime() {
  const runtime = { ports: [], lastError: undefined, connect: ({ name }) => { const p = new FakePort(name); runtime.ports.push(p); return p; } };
  return runtime;
}

const request = (text) => ({ type: 'analyze', text, options: {} });
const flush = () => new Promise((r) => setImmediate(r));
const outcome = (p) => p.then((value) => ({ value }), (error) => ({ error }));

describe('the port to the background analyzer', { timeout: 10_000 }, () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('opens one port, named for the background, on the first request, and matches answers by id', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 5000);
    assert.equal(rt.ports.length, 0, 'no port before a request');
    const a = bg.ask(request('first'));
    const b = bg.ask(request('second'));
    assert.equal(rt.ports.length, 1);
    const [port] = rt.ports;
    assert.equal(port.name, PORT_NAME);
    assert.deepEqual(port.sent.map((m) => m.request.text), ['first', 'second']);
    const [ida, idb] = port.sent.map((m) => m.id);
    assert.notEqual(ida, idb);
    // answered out of order: each request gets its own answer
    port.answer({ id: idb, ok: true, compact: 'B' });
    port.answer({ id: ida, ok: true, compact: 'A' });
    assert.equal((await a).compact, 'A');
    assert.equal((await b).compact, 'B');
    port.answer({ id: 999, ok: true, compact: 'nobody asked' }); // ignored, nothing throws
  });

  it('a port the browser closed is replaced by a new one; a request caught in flight is sent once more', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 5000);
    const first = bg.ask(request('a'));
    rt.ports[0].reply(0, 1);
    assert.equal((await first).compact, 1);

    // the service worker is stopped while the next request waits
    const second = outcome(bg.ask(request('b')));
    rt.ports[0].close();
    await flush();
    assert.equal(rt.ports.length, 2, 'a new port for the retry');
    assert.deepEqual(rt.ports[1].sent.map((m) => m.request.text), ['b']);
    rt.ports[1].reply(0, 2);
    assert.equal((await second).value.compact, 2);

    // stopped between requests: the next request opens a new port at once
    rt.ports[1].close();
    const third = bg.ask(request('c'));
    assert.equal(rt.ports.length, 3);
    rt.ports[2].reply(0, 3);
    assert.equal((await third).compact, 3);
  });

  it('fails when the background cannot be reached twice in a row, saying why', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 5000);
    const r = outcome(bg.ask(request('x')));
    rt.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
    rt.ports[0].close();
    await flush();
    rt.ports[1].close();
    const { error } = await r;
    assert.match(error.message, /closed the connection \(Could not establish connection\. Receiving end does not exist\.\)/);
    assert.equal(rt.ports.length, 2, 'one retry, not a loop');
  });

  it('a port that throws on postMessage (closed before the browser said so) counts as closed', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 5000);
    const first = bg.ask(request('a'));
    rt.ports[0].reply(0, 1);
    await first;
    rt.ports[0].open = false; // silently gone
    const r = bg.ask(request('b'));
    await flush();
    assert.equal(rt.ports.length, 2);
    rt.ports[1].reply(0, 2);
    assert.equal((await r).compact, 2);
  });

  it('a request without an answer fails after the time-out, and its late answer is ignored', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 5000);
    const r = outcome(bg.ask(request('slow')));
    mock.timers.tick(4999);
    await flush();
    const other = bg.ask(request('next'));
    mock.timers.tick(1);
    const { error } = await r;
    assert.match(error.message, /did not answer/);
    const port = rt.ports[0];
    port.reply(0, 'late'); // no effect
    port.reply(1, 'on time');
    assert.equal((await other).compact, 'on time');
  });

  it('the field\'s focus opens the port (starting a stopped background) only when none is open', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 5000);
    bg.prepare();
    assert.equal(rt.ports.length, 1, 'a port, and a request that starts the background');
    assert.deepEqual(rt.ports[0].sent.map((m) => m.request), [{ type: 'analyze', text: '', options: {} }]);
    bg.prepare();
    assert.equal(rt.ports[0].sent.length, 1, 'open already: nothing sent');
    rt.ports[0].reply(0, 'empty');
    await flush();
    rt.ports[0].close(); // the background was stopped
    bg.prepare();
    assert.equal(rt.ports.length, 2);
    rt.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
    rt.ports[1].close();
    await flush();
    rt.ports[2].close(); // its retry failed too: no error escapes (nobody waits for it)
    await flush();
  });

  it('while the field has focus, an empty request keeps the background ready; after the blur the port closes', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 5000);
    const a = bg.ask(request('typed'));
    rt.ports[0].reply(0, 1);
    await a;
    bg.prepare(); // focused, the port open: nothing now
    assert.equal(rt.ports[0].sent.length, 1);
    for (let i = 1; i <= 3; i++) {
      mock.timers.tick(IDLE_MS);
      assert.equal(rt.ports[0].sent.length, 1 + i, `an empty request after ${i} idle periods`);
      assert.equal(rt.ports[0].sent[i].request.text, '');
      rt.ports[0].reply(i, 'empty');
      await flush();
    }
    assert.equal(rt.ports[0].disconnectedByClient, false);
    bg.release();
    mock.timers.tick(IDLE_MS);
    assert.equal(rt.ports[0].disconnectedByClient, true, 'closed once idle without focus');
    assert.equal(rt.ports[0].sent.length, 4, 'and nothing more sent');
    mock.timers.tick(5 * IDLE_MS);
    assert.equal(rt.ports.length, 1, 'no new port without a request');
  });

  it('closes the port when no request came for a while, never while one waits', async () => {
    const rt = fakeRuntime();
    const bg = createBackgroundPort(rt, 60_000);
    const a = bg.ask(request('a'));
    rt.ports[0].reply(0, 1);
    await a;
    mock.timers.tick(IDLE_MS - 1);
    assert.equal(rt.ports[0].disconnectedByClient, false, 'still open just before the idle time');
    const b = bg.ask(request('b')); // a request in the idle time: the same port
    assert.equal(rt.ports.length, 1);
    mock.timers.tick(IDLE_MS + 10);
    assert.equal(rt.ports[0].disconnectedByClient, false, 'a request waits on it');
    rt.ports[0].reply(1, 2);
    await b;
    mock.timers.tick(IDLE_MS);
    assert.equal(rt.ports[0].disconnectedByClient, true, 'closed once idle');
    const c = bg.ask(request('c'));
    assert.equal(rt.ports.length, 2, 'the next request opens a new port');
    rt.ports[1].reply(0, 3);
    assert.equal((await c).compact, 3);
  });
});
