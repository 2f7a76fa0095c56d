// Chromium (Debian's /usr/bin/chromium) driven by Playwright, with dist/chrome loaded unpacked and unchanged.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/**
 * @param {{extDir: string, hosts: string[], port: number, proxyPort: number, viewport: {width: number, height: number}, extraArgs?: string[]}} o
 *   extraArgs: more command-line switches (the benchmarks' precise memory info)
 * @returns {Promise<import('./driver.mjs').Driver>}
 */
export async function launchChromium({ extDir, hosts, port, proxyPort, viewport, extraArgs = [] }) {
  const userDir = mkdtempSync(join(tmpdir(), 'msgguard-chromium-'));
  // Typing would make Chromium download a spelling dictionary: switch spell checking off in the profile.
  mkdirSync(join(userDir, 'Default'));
  writeFileSync(join(userDir, 'Default', 'Preferences'), JSON.stringify({
    browser: { enable_spellchecking: false }, spellcheck: { dictionaries: [], dictionary: '', use_spelling_service: false },
  }));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
    timeout: 30_000,
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-domain-reliability',
      '--metrics-recording-only', '--no-pings', '--safebrowsing-disable-auto-update',
      '--disable-client-side-phishing-detection',
      '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,NetworkTimeServiceQuerying',
      // Browser-internal Google endpoints go to a closed loopback port instead of the network.
      '--gaia-url=http://127.0.0.1:9', '--google-apis-url=http://127.0.0.1:9', '--lso-url=http://127.0.0.1:9',
      '--component-updater=url-source=http://127.0.0.1:9',
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`,
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      `--proxy-bypass-list=${hosts.join(';')}`,
      '--ignore-certificate-errors',
      '--font-render-hinting=none',
      ...extraArgs,
    ],
  });
  // The extension's service worker: its id is the extension's origin.
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionOrigin = (sw.url().match(/^chrome-extension:\/\/[a-p]{32}/) ?? [''])[0];
  const page = context.pages()[0] ?? (await context.newPage());
  /** @type {string[]} */
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));

  return {
    name: 'chromium',
    extensionOrigin,
    consoleLines,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    },
    async evaluate(fn, arg) {
      return page.evaluate(fn, arg);
    },
    async click(x, y) {
      await page.mouse.click(x, y);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    /** The running service workers' URLs (the extension's background), as DevTools lists them. */
    async serviceWorkers() {
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        return targetInfos.filter((t) => t.type === 'service_worker').map((t) => t.url);
      } finally {
        await cdp.detach();
      }
    },
    /** Stops every service worker, as Chromium stops an idle one (DevTools protocol). */
    async stopServiceWorkers() {
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        for (const t of targetInfos) if (t.type === 'service_worker') await cdp.send('Target.closeTarget', { targetId: t.targetId });
      } finally {
        await cdp.detach();
      }
    },
    async setViewport(width, height) {
      await page.setViewportSize({ width, height });
    },
    async screenshot(path, clip) {
      writeFileSync(path, await page.screenshot({ type: 'png', clip }));
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}
