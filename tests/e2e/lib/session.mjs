// One browser session on the fixtures: the HTTPS fixture server, the logging proxy that proves no
// request leaves, and the browser with the packaged extension. Suites open one in `before` and close it
// in `after`.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_HOSTS } from '../fixtures/pages.mjs';
import { startLoggingProxy } from './proxy.mjs';
import { startFixtureServer } from './server.mjs';

/**
 * @typedef {object} Session
 * @property {import('./driver.mjs').Driver} d
 * @property {Awaited<ReturnType<typeof startFixtureServer>>} server
 * @property {Awaited<ReturnType<typeof startLoggingProxy>>} proxy
 */

/**
 * @param {(o: {extDir: string, hosts: string[], port: number, proxyPort: number, viewport: {width: number, height: number}}) => Promise<import('./driver.mjs').Driver>} launch
 * @param {{extDir: string, serverPort: number, viewport: {width: number, height: number}, artifacts: string}} o
 * @returns {Promise<Session>}
 */
export async function openSession(launch, o) {
  assert.ok(existsSync(join(o.extDir, 'manifest.json')), `${o.extDir} is missing: run ./build.sh first`);
  mkdirSync(o.artifacts, { recursive: true });
  const server = await startFixtureServer({ port: o.serverPort });
  /** @type {Session['proxy'] | undefined} */
  let proxy;
  try {
    proxy = await startLoggingProxy();
    const d = await launch({ extDir: o.extDir, hosts: FIXTURE_HOSTS, port: server.port, proxyPort: proxy.port, viewport: o.viewport });
    return { d, server, proxy };
  } catch (e) {
    // the suite's `after` gets nothing to close: free port 443 here, or every later suite fails to start
    await closeSession({ server, proxy });
    throw e;
  }
}

/** Closes what `openSession` opened, whatever part of it started. @param {Partial<Session>} s */
export async function closeSession(s) {
  await s.d?.close();
  await s.server?.close();
  await s.proxy?.close();
}
