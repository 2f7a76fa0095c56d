// @ts-check
/// <reference types="node" />
/**
 * Renders the screenshots of the test page: docs/screenshots/test-page.png (committed) and light,
 * dark and narrow variants in target/artifacts/www/. Run after ./build.sh:
 *   node tests/www/screenshot.mjs
 */

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, ensureBuilt, launchChromium, waitFor } from './harness.mjs';
import { open, settledOn, click, HELPERS } from './scenarios.mjs';

const DRAFT = 'Hi Ann,\n\nWhich colour would you like for the engraving on your keyring: gold or silver? Once it arrives, we would love a 5-star review. Questions? Write to name [at] mail [dot] com :)\n\nBest regards,\nOak & Ember';

ensureBuilt();
/** @type {Array<{name: string, width: number, height: number, colorScheme: 'light' | 'dark', card: boolean}>} */
const variants = [
  { name: 'page-light', width: 1280, height: 1060, colorScheme: 'light', card: true },
  { name: 'page-dark', width: 1280, height: 1060, colorScheme: 'dark', card: true },
  { name: 'page-narrow', width: 390, height: 844, colorScheme: 'light', card: false },
];
for (const v of variants) {
  const d = await launchChromium(v);
  try {
    await open(d);
    await d.run('() => window.scrollTo(0, 0)');
    await d.run('(t) => { __mgt.field().focus(); document.execCommand("insertText", false, t); __mgt.field().setSelectionRange(0, 0); }', DRAFT);
    await settledOn(d, DRAFT);
    if (v.card) {
      await click(d, '[data-part=highlight][data-rule=CT004] .seg', true);
      await d.run('() => window.scrollTo(0, 0)');
      await waitFor(d, '() => __mgt.state().card', { what: 'card' });
    } else {
      await d.run('() => document.querySelector("#contact-form").scrollIntoView({ block: "start" })');
    }
    await d.run('() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await d.screenshot(join(ARTIFACTS, `${v.name}.png`));
    console.log('wrote', join(ARTIFACTS, `${v.name}.png`));
  } finally {
    await d.close();
  }
}
mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
copyFileSync(join(ARTIFACTS, 'page-light.png'), join(ROOT, 'docs', 'screenshots', 'test-page.png'));
console.log('wrote docs/screenshots/test-page.png');
void HELPERS;
