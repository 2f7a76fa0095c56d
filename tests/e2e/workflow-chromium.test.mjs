// End-to-end, the seller's workflow: dist/chrome in Debian's Chromium (Playwright), fixtures at the real
// Seller Central URLs. The scenarios are in lib/workflow-scenarios.mjs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchChromium } from './lib/chromium.mjs';
import { ROOT } from './lib/scenarios.mjs';
import { defineWorkflowSuite } from './lib/workflow-scenarios.mjs';

const missing = !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} is not installed` : false;
defineWorkflowSuite('chromium', launchChromium, { extDir: join(ROOT, 'dist', 'chrome'), serverPort: 0, skip: missing });
