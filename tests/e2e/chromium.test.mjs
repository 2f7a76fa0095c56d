// End-to-end: dist/chrome in Debian's Chromium (Playwright), fixtures at the real Seller Central URLs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchChromium } from './lib/chromium.mjs';
import { ROOT, defineSuite } from './lib/scenarios.mjs';

const missing = !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} is not installed` : false;
defineSuite('chromium', launchChromium, {
  extDir: join(ROOT, 'dist', 'chrome'),
  serverPort: 0,
  strictPath: 'background', // Chromium refuses wasm in content scripts under this CSP
  skip: missing,
});
