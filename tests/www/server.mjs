// @ts-check
/// <reference types="node" />
/**
 * The static server for the built test page (dist/www) on 127.0.0.1 and a free port: tools/serve.mjs
 * (the same server `./build.sh serve` runs) with the test fixtures mounted, no directory listings,
 * and a log of the paths requested. Also usable by hand: node tests/www/server.mjs [dir] [port]
 */

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve as serveStatic } from '../../tools/serve.mjs';

/**
 * @param {string} dir   the directory to serve
 * @param {number} [port] 0 = any free port
 * @param {Record<string, string>} [mounts]  URL prefix ("/fixtures/") → another directory
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>, requests: string[]}>}
 */
export async function serve(dir, port = 0, mounts = {}) {
  /** @type {string[]} */
  const requests = [];
  const s = await serveStatic(dir, { port, mounts, listing: false, onRequest: (/** @type {string} */ p) => requests.push(p) });
  return { url: s.url, port: s.port, requests, close: s.close };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist/www';
  const s = await serve(dir, Number(process.argv[3] ?? 8080));
  console.log(`serving ${dir} at ${s.url}`);
}
