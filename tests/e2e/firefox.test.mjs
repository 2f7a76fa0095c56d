// End-to-end: dist/firefox in Firefox ESR (geckodriver), fixtures at the real Seller Central URLs. The
// hosts resolve to loopback through network.dns.localDomains, so the server listens on 127.0.0.1:443
// (CI runs as root).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX, GECKODRIVER, launchFirefox } from './lib/firefox.mjs';
import { ROOT, defineSuite } from './lib/scenarios.mjs';

const missing = !process.env.CI && (!existsSync(FIREFOX) ? `${FIREFOX} is not installed` : !existsSync(GECKODRIVER) ? 'geckodriver is not installed' : false);
defineSuite('firefox', launchFirefox, {
  extDir: join(ROOT, 'dist', 'firefox'),
  serverPort: 443,
  strictPath: 'local', // Firefox allows wasm in content scripts whatever the page CSP
  skip: missing,
});
