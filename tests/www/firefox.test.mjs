// @ts-check
/// <reference types="node" />
/**
 * The test page and the shared guard in Firefox ESR (selenium-webdriver + geckodriver, headless).
 * Run: node --test tests/www/   (after ./build.sh, or with dist/pkg built)
 */

import { after, before, describe, test } from 'node:test';
import { ensureBuilt, launchFirefox } from './harness.mjs';
import { LAB_SCENARIOS } from './lab-scenarios.mjs';
import { SCENARIOS } from './scenarios.mjs';

/** @typedef {import('./harness.mjs').Driver} Driver */

ensureBuilt();

describe('test page in Firefox ESR', { timeout: 300_000 }, () => {
  /** @type {Driver} */
  let d;
  before(async () => { d = await launchFirefox(); });
  after(async () => { await d?.close(); });

  for (const [name, fn] of [...SCENARIOS, ...LAB_SCENARIOS]) {
    test(name, { timeout: 60_000 }, async () => { await fn(d); });
  }
});
