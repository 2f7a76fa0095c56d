// The HTTPS server for the fixtures: serves each fixture at its real Seller Central URL (the browsers map
// the hosts to loopback) and logs every request.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, FIXTURE_HOSTS, STRICT_CSP, katalPage, legacyPage, orderPage, spaPage } from '../fixtures/pages.mjs';
import { makeCertificate } from './certs.mjs';

const STATIC = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'static');
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

/**
 * @param {{port?: number, host?: string}} [opts]  port 0 = any free port
 * @returns {Promise<{port: number, requests: {host: string, url: string}[], close(): Promise<void>}>}
 */
export async function startFixtureServer({ port = 0, host = '127.0.0.1' } = {}) {
  const { key, cert } = makeCertificate(FIXTURE_HOSTS);
  /** @type {{host: string, url: string}[]} */
  const requests = [];
  const server = createServer({ key, cert }, (req, res) => {
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${hostName}`);
    requests.push({ host: hostName, url: url.href });
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    if (!FIXTURE_HOSTS.includes(hostName)) return send(421, 'text/plain', 'not a fixture host');
    if (url.pathname.startsWith('/static/')) {
      const file = normalize(join(STATIC, url.pathname.slice('/static/'.length)));
      if (!file.startsWith(STATIC)) return send(403, 'text/plain', 'no');
      try {
        const ext = file.slice(file.lastIndexOf('.'));
        return send(200, TYPES[ext] ?? 'application/octet-stream', readFileSync(file));
      } catch {
        return send(404, 'text/plain', 'not found');
      }
    }
    const html = 'text/html; charset=utf-8';
    // the form shows the order of the URL, like Amazon's; buyer and buyerLanguage are the fixture's own knobs
    const order = /^\d{3}-\d{7}-\d{7}$/.test(url.searchParams.get('orderID') ?? '') ? url.searchParams.get('orderID') ?? undefined : undefined;
    const facts = { order, buyer: url.searchParams.get('buyer') ?? undefined, buyerLanguage: url.searchParams.get('buyerLanguage') ?? undefined };
    if (hostName === FIXTURES.katal.host && url.pathname === '/messaging/contact') return send(200, html, katalPage(facts));
    if (hostName === FIXTURES.legacy.host && url.pathname === '/messaging/contact') return send(200, html, legacyPage());
    if (hostName === FIXTURES.strict.host && url.pathname === '/messaging/contact') {
      return send(200, html, katalPage({ market: 'United Kingdom' }), { 'content-security-policy': STRICT_CSP });
    }
    if (hostName === FIXTURES.spa.host && url.pathname.startsWith('/messaging/')) return send(200, html, spaPage());
    if (url.pathname.startsWith('/orders-v3/')) return send(200, html, orderPage());
    return send(404, 'text/plain', 'not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : port,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve(undefined));
    }),
  };
}
