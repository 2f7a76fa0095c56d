// @ts-check
/// <reference types="node" />
/**
 * A tiny static file server for the built test page (dist/www) on 127.0.0.1 and a free port.
 * Serves .wasm as application/wasm (needed for streaming compilation), never lists directories,
 * never leaves its root. Also usable by hand: node tests/www/server.mjs [dir] [port]
 */

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
});

/**
 * @param {string} dir   the directory to serve
 * @param {number} [port] 0 = any free port
 * @param {Record<string, string>} [mounts]  URL prefix ("/fixtures/") → another directory
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>, requests: string[]}>}
 */
export async function serve(dir, port = 0, mounts = {}) {
  /** @type {string[]} */
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url.pathname);
      let root = resolve(dir);
      let rel = decodeURIComponent(url.pathname);
      for (const [prefix, other] of Object.entries(mounts)) {
        if (rel.startsWith(prefix)) {
          root = resolve(other);
          rel = rel.slice(prefix.length - 1);
          break;
        }
      }
      let path = normalize(join(root, rel));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500).end();
    }
  });
  // no keep-alive lingering: close() must not wait for idle browser sockets
  server.keepAliveTimeout = 1000;
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(undefined));
  });
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    requests,
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist/www';
  const s = await serve(dir, Number(process.argv[3] ?? 8080));
  console.log(`serving ${dir} at ${s.url}`);
}
