// A proxy that forwards nothing and logs every host a browser tries to reach through it. The browsers
// are told to use it for everything except the fixture hosts, so an empty log proves that no request
// left for any other host (extension, page or browser).
import { createServer } from 'node:http';

/** @returns {Promise<{port: number, log: string[], close(): Promise<void>}>} */
export async function startLoggingProxy() {
  /** @type {string[]} */
  const log = [];
  const sockets = new Set();
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('blocked by the test proxy');
  });
  server.on('connect', (req, socket) => {
    log.push(`CONNECT ${req.url}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    log,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve(undefined));
    }),
  };
}
