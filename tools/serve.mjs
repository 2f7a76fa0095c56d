#!/usr/bin/env node
// A tiny dependency-free static file server for the test page and the tests.
//
//   node tools/serve.mjs [DIR]        serve DIR (default dist/www) on http://127.0.0.1:$PORT (8080)
//
// Also a module: `await serve(dir, { port: 0, pages: { '/': '<!doctype html>…' } })` returns
// `{ server, url, close() }`; port 0 picks a free port (what the tests use). More options for tests:
// `mounts` ({ '/fixtures/': otherDir }), `listing: false` (404 instead of a listing), `onRequest(path)`.
// Only ever binds to 127.0.0.1 (HOST may name another loopback address). No caching, so a rebuild
// shows on the next reload. Directories serve their index.html, or a plain listing.

import { createServer } from 'node:http';
import { stat, readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.zip': 'application/zip',
  '.xpi': 'application/x-xpinstall',
};

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The request handler for `root`; `pages` maps exact paths to HTML served from memory; `mounts` maps
 * URL prefixes (ending in "/") to other directories; `listing: false` answers 404 for a directory
 * without index.html; `onRequest` sees every request's path (tests check what a page loaded).
 * @param {string} root
 * @param {Record<string, string>} [pages]
 * @param {{mounts?: Record<string, string>, listing?: boolean, onRequest?: (path: string) => void}} [opts]
 */
export function handler(root, pages = {}, { mounts = {}, listing = true, onRequest } = {}) {
  const roots = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  return async (req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed\n');
    let path;
    try {
      const pathname = new URL(req.url, 'http://x').pathname;
      onRequest?.(pathname);
      path = decodeURIComponent(pathname);
    } catch {
      return send(400, 'text/plain', 'bad request\n');
    }
    if (Object.hasOwn(pages, path)) return send(200, MIME['.html'], pages[path]);
    let base = resolve(root);
    let rel = path;
    const mount = roots.find(([prefix]) => path.startsWith(prefix));
    if (mount) {
      base = mount[1];
      rel = path.slice(mount[0].length - 1); // keeps the leading "/"
    }
    const file = normalize(join(base, rel));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'text/plain', 'forbidden\n');
    try {
      let info = await stat(file);
      let target = file;
      if (info.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: path + '/' });
          return res.end();
        }
        target = join(file, 'index.html');
        try {
          info = await stat(target);
        } catch {
          if (!listing) return send(404, 'text/plain', `not found: ${path}\n`);
          const names = (await readdir(file, { withFileTypes: true }))
            .map((d) => d.name + (d.isDirectory() ? '/' : ''))
            .sort();
          const items = names.map((n) => `<li><a href="${escapeHtml(encodeURI(n))}">${escapeHtml(n)}</a></li>`).join('\n');
          return send(200, MIME['.html'], `<!doctype html><meta charset="utf-8"><title>${escapeHtml(path)}</title><h1>${escapeHtml(path)}</h1><ul>\n${items}\n</ul>\n`);
        }
      }
      const type = MIME[extname(target).toLowerCase()] ?? 'application/octet-stream';
      send(200, type, await readFile(target));
    } catch (e) {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return send(404, 'text/plain', `not found: ${path}\n`);
      send(500, 'text/plain', `error: ${e.message}\n`);
    }
  };
}

/**
 * Serves `root` on `host:port`; resolves once listening. Other options: see handler().
 * @param {string} root
 * @param {{port?: number, host?: string, pages?: Record<string, string>, mounts?: Record<string, string>,
 *   listing?: boolean, onRequest?: (path: string) => void}} [opts]
 * @returns {Promise<{server: import('node:http').Server, url: string, port: number, close: () => Promise<void>}>}
 */
export function serve(root, { port = 0, host = '127.0.0.1', pages = {}, mounts, listing, onRequest } = {}) {
  const server = createServer(handler(root, pages, { mounts, listing, onRequest }));
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      const url = `http://${host}:${bound}/`;
      // close() drops idle keep-alive sockets too: a test's browser may still hold one open
      const close = () => new Promise((r) => {
        server.closeAllConnections?.();
        server.close(r);
      });
      resolveListen({ server, url, port: bound, close });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist/www';
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  if (!/^127\.\d+\.\d+\.\d+$|^localhost$|^::1$/.test(host)) {
    console.error(`serve: refusing to bind to ${host}: this server is for local testing only (use 127.0.0.1)`);
    process.exit(2);
  }
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw new Error('not a directory');
  } catch {
    console.error(`serve: ${root} does not exist: run ./build.sh build first`);
    process.exit(1);
  }
  try {
    const { url } = await serve(root, { port, host });
    console.log(`Serving ${resolve(root)} on ${url}  (Ctrl-C to stop)`);
  } catch (e) {
    if (e.code === 'EADDRINUSE') {
      console.error(`serve: port ${port} on ${host} is already in use: stop the other server, or pick another port: PORT=8081 ./build.sh serve`);
    } else {
      console.error(`serve: cannot listen on ${host}:${port}: ${e.message}`);
    }
    process.exit(1);
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
}
