// End-to-end, the seller's workflow: dist/firefox in Firefox ESR (geckodriver), fixtures at the real
// Seller Central URLs on 127.0.0.1:443 (see firefox.test.mjs). The scenarios are in lib/workflow-scenarios.mjs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX, GECKODRIVER, launchFirefox } from './lib/firefox.mjs';
import { ROOT } from './lib/scenarios.mjs';
import { defineWorkflowSuite } from './lib/workflow-scenarios.mjs';

const missing = !process.env.CI && (!existsSync(FIREFOX) ? `${FIREFOX} is not installed` : !existsSync(GECKODRIVER) ? 'geckodriver is not installed' : false);
defineWorkflowSuite('firefox', launchFirefox, { extDir: join(ROOT, 'dist', 'firefox'), serverPort: 443, skip: missing });
